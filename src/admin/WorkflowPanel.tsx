'use client'
import { Button, toast, useAuth, useDocumentInfo } from '@payloadcms/ui'
import { useState } from 'react'

import { factsFromDocument } from '@/publishing/facts'
import { availableTransitions, stateLabel, toWorkflowActor, type TransitionId } from '@/workflow'

import './workflow.css'

/**
 * The edit view's workflow box: the state as a badge and only the actions the
 * current user may take (from the workflow module). The server decides again
 * on every click; this only shows what it will allow.
 */
export function WorkflowPanel() {
  const { id, collectionSlug, hasPublishedDoc, savedDocumentData } = useDocumentInfo()
  const { user } = useAuth()
  const [comment, setComment] = useState('')
  const [busy, setBusy] = useState(false)

  if (!id || !collectionSlug) return <p className="workflow-panel__hint">Spara utkastet först, sedan kan det skickas till granskning.</p>

  const facts = factsFromDocument(savedDocumentData, hasPublishedDoc)
  const options = availableTransitions(facts, toWorkflowActor(user as never))
  const needsComment = options.some((option) => option.enabled && option.transition.requiresComment)

  async function run(transition: TransitionId) {
    setBusy(true)
    try {
      const response = await fetch(`/api/${collectionSlug}/${id}/workflow`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ transition, comment: comment || undefined }),
      })
      const body = (await response.json().catch(() => ({}))) as { message?: string }
      if (!response.ok) {
        toast.error(body.message ?? 'Åtgärden kunde inte genomföras.')
        return
      }
      toast.success(body.message ?? 'Klart.')
      // The whole edit view shows the new state and the new version.
      window.location.reload()
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="workflow-panel" aria-label="Arbetsflöde">
      <h3 className="workflow-panel__title">Arbetsflöde</h3>
      <p>
        <span className={`workflow-badge workflow-badge--${facts.state}`} data-testid="workflow-state">
          {stateLabel(facts.state)}
        </span>
        {hasPublishedDoc && facts.state !== 'published' && <span className="workflow-panel__hint"> (en publicerad version finns)</span>}
      </p>
      {needsComment && (
        <label className="workflow-panel__comment">
          Kommentar (krävs för att begära ändringar eller avpublicera)
          <textarea value={comment} onChange={(event) => setComment(event.target.value)} rows={3} />
        </label>
      )}
      <div className="workflow-panel__actions">
        {options.map((option) => (
          <div key={option.transition.id}>
            <Button buttonStyle="secondary" size="small" disabled={!option.enabled || busy} onClick={() => run(option.transition.id)}>
              {option.transition.label}
            </Button>
            {!option.enabled && <p className="workflow-panel__hint">{option.message}</p>}
          </div>
        ))}
      </div>
      {hasPublishedDoc && (
        <a href={`/admin/collections/${collectionSlug}/${id}/versions`}>Jämför med publicerad version</a>
      )}
    </section>
  )
}
