'use client'
import { Button, useDocumentInfo } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'

import { swedishDateTimeOrNull } from '@/domain/swedishDate'
import type { ReleasePanel as ReleasePanelModel, ReleaseTransitionId } from '@/workflow'

import { requestTransition } from './requestTransition'
import './workflow.css'

/**
 * The release's edit view box: its state, each item (with a link to it and
 * why it is not ready) and the actions this user may take. Everything shown
 * comes from GET /api/releases/:id/workflow (the workflow module's
 * decisions); the server decides again on every click and its message is
 * shown as it is.
 */
export function ReleasePanel() {
  const { id } = useDocumentInfo()
  const [panel, setPanel] = useState<ReleasePanelModel | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [comment, setComment] = useState('')
  const [publishAt, setPublishAt] = useState('')
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    if (!id) return
    const response = await fetch(`/api/releases/${id}/workflow`, { credentials: 'include' }).catch(() => null)
    const body = response ? await response.json().catch(() => null) : null
    if (!response?.ok || !body) {
      setLoadError((body as { message?: string } | null)?.message ?? 'Paketets status kunde inte hämtas.')
      return
    }
    setLoadError(null)
    setPanel(body as ReleasePanelModel)
  }, [id])

  useEffect(() => {
    void load()
  }, [load])

  if (!id) return <p className="workflow-panel__hint">Spara paketet först, sedan visas områdenas status och vad som kan göras.</p>
  if (loadError) return <p className="workflow-panel__hint" role="alert">{loadError}</p>
  if (!panel) return <p className="workflow-panel__hint">Hämtar paketets status …</p>

  const needsComment = panel.actions.find((action) => action.enabled && action.requiresComment)
  const canSchedule = panel.actions.some((action) => action.enabled && action.schedulable)
  const scheduled = swedishDateTimeOrNull(panel.scheduledFor)

  async function run(transition: ReleaseTransitionId) {
    setBusy(true)
    try {
      const done = await requestTransition(`/api/releases/${id}/workflow`, {
        transition,
        comment: comment || undefined,
        // datetime-local is the reviewer's local time; the server gets an exact instant.
        publishAt: transition === 'publish' && publishAt ? new Date(publishAt).toISOString() : undefined,
      })
      // Done: the whole edit view shows the new state and the server-written fields; refused: the panel shows why again.
      if (done) window.location.reload()
      else await load()
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="workflow-panel" aria-labelledby="release-panel-title">
      <h3 className="workflow-panel__title" id="release-panel-title">
        Paketets arbetsflöde
      </h3>
      <p>
        <span className={`workflow-badge workflow-badge--release-${panel.state}`} data-testid="release-state">
          {panel.stateLabel}
        </span>
      </p>
      {scheduled && <p className="workflow-panel__hint">Publiceras {scheduled}.</p>}
      {panel.state !== 'published' && panel.state !== 'recalled' && panel.items.length > 0 && (
        <p>
          <a href={`/api/releases/${id}/preview`} target="_blank" rel="noreferrer">
            Förhandsgranska webbplatsen med paketet (öppnas i ny flik)
          </a>
        </p>
      )}
      <h4 className="workflow-panel__title">Områden</h4>
      {panel.items.length === 0 ? (
        <p className="workflow-panel__hint">Inga områden än. Lägg till dem i fältet Jämförelseområden och spara.</p>
      ) : (
        <ul className="release-panel__items" data-testid="release-items">
          {panel.items.map((item) => (
            <li key={String(item.id)}>
              <a href={`/admin/collections/areas/${item.id}`}>{item.title}</a>: {item.stateLabel}
              {item.ready ? null : <span className="workflow-panel__hint"> – inte klart: {item.problem}</span>}
              {item.changedByViewer && <span className="workflow-panel__hint"> (du har ändrat området och kan inte publicera paketet)</span>}
            </li>
          ))}
        </ul>
      )}
      {needsComment && (
        <label className="workflow-panel__comment">
          {needsComment.commentLabel ?? 'Kommentar'} (krävs för {needsComment.label.toLowerCase()})
          <textarea value={comment} onChange={(event) => setComment(event.target.value)} rows={3} />
        </label>
      )}
      {canSchedule && (
        <label className="workflow-panel__comment">
          Vid tidpunkt (lämna tomt för att publicera nu)
          <input type="datetime-local" value={publishAt} onChange={(event) => setPublishAt(event.target.value)} />
        </label>
      )}
      <div className="workflow-panel__actions">
        {panel.actions.map((action) => (
          <div key={action.id}>
            <Button buttonStyle="secondary" size="small" disabled={!action.enabled || busy} onClick={() => run(action.id)}>
              {action.label}
            </Button>
            {action.message && <p className="workflow-panel__hint">{action.message}</p>}
          </div>
        ))}
      </div>
    </section>
  )
}
