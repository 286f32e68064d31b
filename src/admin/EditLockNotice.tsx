'use client'
import { Button, useAuth, useDocumentInfo } from '@payloadcms/ui'
import { useEffect, useRef, useState } from 'react'

import { userHasRole } from '@/access'
import { lockMessage, lockView, takesLockOnOpen, type LockView } from '@/concurrency/editLock'

import './workflow.css'

const LOCKS = '/api/payload-locked-documents'

/**
 * The edit view's lock, told (src/concurrency/editLock.ts decides what): an
 * editor who opens a page takes its lock at once, not at the first keystroke;
 * the holder sees until when it holds and is warned a minute before it lapses,
 * with a button to keep it; anyone else reads who holds it. Payload's own edit
 * view keeps the lock fresh while its holder types; leaving the edit view or
 * closing the tab releases the lock this took.
 */
export function EditLockNotice() {
  const { id, collectionSlug, currentEditor, documentIsLocked, lastUpdateTime, savedDocumentData, setCurrentEditor, setDocumentIsLocked, setLastUpdateTime } = useDocumentInfo()
  const { user } = useAuth()
  const [now, setNow] = useState(() => Date.now())
  const taken = useRef<string | number | null>(null)
  const opened = useRef(false)

  useEffect(() => {
    const tick = window.setInterval(() => setNow(Date.now()), 10_000)
    return () => window.clearInterval(tick)
  }, [])

  const holder = documentIsLocked && currentEditor ? (typeof currentEditor === 'object' ? currentEditor : { id: currentEditor }) : null
  const view: LockView = user ? lockView({ holder, lastEditedAt: holder ? (lastUpdateTime ?? null) : null, readerId: user.id, now }) : { kind: 'none' }
  const canEditContent = userHasRole(user as never, 'editor', 'admin')

  async function take(): Promise<void> {
    if (!user || !id || !collectionSlug) return
    const response = await fetch(LOCKS, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ document: { relationTo: collectionSlug, value: id }, user: { relationTo: user.collection, value: user.id } }),
    })
    if (!response.ok) return
    taken.current = ((await response.json()) as { doc?: { id: string | number } }).doc?.id ?? null
    // Payload's edit view then knows the lock is this person's: it keeps it fresh and releases it on leaving.
    setDocumentIsLocked?.(true)
    setCurrentEditor?.(user)
    setLastUpdateTime(Date.now())
    setNow(Date.now())
  }

  async function keep(): Promise<void> {
    const query = `where[document.relationTo][equals]=${collectionSlug}&where[document.value][equals]=${id}&sort=-updatedAt&limit=1&depth=0`
    const found = (await (await fetch(`${LOCKS}?${query}`, { credentials: 'include' })).json()) as { docs?: { id: string | number }[] }
    const lock = found.docs?.[0]
    const renewed = lock ? await fetch(`${LOCKS}/${lock.id}`, { method: 'PATCH', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: '{}' }) : null
    if (renewed?.ok) {
      setLastUpdateTime(Date.now())
      setNow(Date.now())
    } else await take()
  }

  useEffect(() => {
    if (opened.current || !user || !id) return
    opened.current = true
    if (takesLockOnOpen(view, canEditContent, (savedDocumentData as { workflowState?: string } | undefined)?.workflowState)) void take()
    // Only on opening: later the lock follows the person's own edits.
  }, [user, id])

  useEffect(() => {
    // Released when the tab closes or the person leaves the edit view inside the admin (the versions
    // view too: Payload keeps its own lock there, but it would then outlive the page's last view).
    const release = () => {
      if (taken.current === null) return
      void fetch(`${LOCKS}/${taken.current}`, { method: 'DELETE', credentials: 'include', keepalive: true })
      taken.current = null
    }
    window.addEventListener('pagehide', release)
    return () => {
      window.removeEventListener('pagehide', release)
      release()
    }
  }, [])

  const message = lockMessage(view)
  if (!message) return null
  const urgent = view.kind === 'lapsed' || (view.kind === 'mine' && view.warn)
  return (
    <section className={`edit-lock${urgent ? ' edit-lock--urgent' : ''}`} aria-label="Redigeringslås">
      <p role={urgent ? 'alert' : 'status'}>{message}</p>
      {urgent && (
        <Button buttonStyle="secondary" size="small" margin={false} onClick={() => void keep()}>
          {view.kind === 'lapsed' ? 'Lås igen' : 'Behåll låset'}
        </Button>
      )}
    </section>
  )
}
