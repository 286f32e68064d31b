'use client'
import { Button } from '@payloadcms/ui'
import { useState } from 'react'

import { swedishDateTimeOrNull } from '@/domain/swedishDate'

type Props = {
  /** When the current address was made ("2 december 2026 kl. 07.14"), or null when there is none. */
  createdAt: string | null
}

type Answer = { url?: string; createdAt?: string; message?: string }

/**
 * "Prenumerera i Outlook": creates, replaces or revokes the person's secret
 * calendar address. The address is shown once, right after it is made
 * (only its hash is stored).
 */
export function CalendarFeedKey({ createdAt: initial }: Props) {
  const [createdAt, setCreatedAt] = useState(initial)
  const [url, setUrl] = useState<string | null>(null)
  const [status, setStatus] = useState('')
  const [busy, setBusy] = useState(false)

  async function send(method: 'POST' | 'DELETE') {
    setBusy(true)
    setStatus(method === 'POST' ? 'Skapar en ny adress …' : 'Återkallar adressen …')
    try {
      const response = await fetch('/api/calendar/feed-key', { method, credentials: 'include' })
      const body = (await response.json().catch(() => ({}))) as Answer
      if (!response.ok) {
        setStatus(body.message ?? `Det gick inte: servern svarade ${response.status}.`)
        return
      }
      if (method === 'POST' && body.url && body.createdAt) {
        setUrl(body.url)
        setCreatedAt(swedishDateTimeOrNull(new Date(body.createdAt)))
      } else {
        setUrl(null)
        setCreatedAt(null)
      }
      setStatus(body.message ?? 'Klart.')
    } catch {
      setStatus('Det gick inte att nå servern. Försök igen.')
    } finally {
      setBusy(false)
    }
  }

  async function copy() {
    if (!url) return
    try {
      await navigator.clipboard.writeText(url)
      setStatus('Adressen är kopierad.')
    } catch {
      setStatus('Kopieringen gick inte: markera adressen i rutan och kopiera den själv.')
    }
  }

  return (
    <div className="calendar-feed">
      <p>
        Med en personlig adress kan du se kalendern i Outlook eller en annan kalender: lägg till en kalender, välj <em>Prenumerera från
        webben</em> (<em>Från Internet</em>) och klistra in adressen. Kalendern går bara att läsa och visar det som du själv får se här.
      </p>
      <p>
        <strong>Dela inte adressen.</strong> Den som har den kan läsa din kalender. Byt adress om den kan ha spridits; den gamla slutar då
        fungera.
      </p>
      {createdAt ? <p>Din nuvarande adress skapades {createdAt}.</p> : <p>Du har ingen kalenderadress.</p>}
      {url ? (
        <div className="calendar-feed__url">
          <label htmlFor="calendar-feed-url">Din kalenderadress (visas bara nu)</label>
          <input id="calendar-feed-url" type="text" readOnly value={url} onFocus={(event) => event.currentTarget.select()} />
          <Button type="button" buttonStyle="secondary" onClick={() => void copy()}>
            Kopiera adressen
          </Button>
        </div>
      ) : null}
      <div className="calendar-feed__actions">
        <Button type="button" disabled={busy} onClick={() => void send('POST')}>
          {createdAt ? 'Byt till en ny adress' : 'Skapa kalenderadress'}
        </Button>
        {createdAt ? (
          <Button type="button" buttonStyle="secondary" disabled={busy} onClick={() => void send('DELETE')}>
            Återkalla adressen
          </Button>
        ) : null}
      </div>
      <p role="status" aria-live="polite" className="calendar-feed__status">
        {status}
      </p>
    </div>
  )
}
