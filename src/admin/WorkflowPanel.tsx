'use client'
import { Button, useAuth, useDocumentInfo } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import { swedishDateTimeOrNull } from '@/domain/swedishDate'
import { factsFromDocument } from '@/publishing/facts'
import { availableTransitions, stateLabel, toWorkflowActor, type TransitionId } from '@/workflow'

import { requestTransition } from './requestTransition'
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
  const [publishAt, setPublishAt] = useState('')
  const [busy, setBusy] = useState(false)
  const [latestVersion, setLatestVersion] = useState<string | null>(null)
  const [publishedVersion, setPublishedVersion] = useState<string | null>(null)
  const [comments, setComments] = useState<{ id: string; text: string; authorName?: string; createdAt: string }[]>([])

  useEffect(() => {
    if (!id || !collectionSlug) return
    const query = `where[collectionSlug][equals]=${collectionSlug}&where[documentId][equals]=${id}&sort=-createdAt&limit=20&depth=0`
    fetch(`/api/comments?${query}`, { credentials: 'include' })
      .then((response) => (response.ok ? response.json() : { docs: [] }))
      .then((body: { docs?: typeof comments }) => setComments(body.docs ?? []))
      .catch(() => setComments([]))
    // The newest version and the published one, for a one-click comparison of the two.
    const newest = (where: string) =>
      fetch(`/api/${collectionSlug}/versions?where[parent][equals]=${id}${where}&sort=-updatedAt&limit=1&depth=0`, { credentials: 'include' })
        .then((response) => (response.ok ? response.json() : { docs: [] }))
        .then((body: { docs?: { id: string }[] }) => body.docs?.[0]?.id ?? null)
        .catch(() => null)
    void newest('').then(setLatestVersion)
    void newest('&where[version._status][equals]=published').then(setPublishedVersion)
  }, [id, collectionSlug])

  if (!id || !collectionSlug) return <p className="workflow-panel__hint">Spara utkastet först, sedan kan det skickas till granskning.</p>

  const facts = factsFromDocument(savedDocumentData, hasPublishedDoc)
  const options = availableTransitions(facts, toWorkflowActor(user as never))
  const needsComment = options.some((option) => option.enabled && option.transition.requiresComment)
  const canSchedule = options.some((option) => option.enabled && option.transition.schedulable)

  async function run(transition: TransitionId) {
    setBusy(true)
    try {
      const done = await requestTransition(`/api/${collectionSlug}/${id}/workflow`, {
        transition,
        comment: comment || undefined,
        // datetime-local is the editor's local time; the server gets an exact instant.
        publishAt: (transition === 'publish' || transition === 'unpublish') && publishAt ? new Date(publishAt).toISOString() : undefined,
      })
      // The whole edit view shows the new state and the new version.
      if (done) window.location.reload()
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
      {canSchedule && (
        <label className="workflow-panel__comment">
          Vid tidpunkt (för Publicera eller Avpublicera; lämna tomt för nu)
          <input type="datetime-local" value={publishAt} onChange={(event) => setPublishAt(event.target.value)} />
        </label>
      )}
      {facts.scheduledUnpublishAt && (
        <p className="workflow-panel__hint">
          Avpubliceras {swedishDateTimeOrNull(facts.scheduledUnpublishAt)}.
        </p>
      )}
      {facts.scheduledPublishAt && (
        <p className="workflow-panel__hint">
          Publiceras {swedishDateTimeOrNull(facts.scheduledPublishAt)}.
        </p>
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
      {hasPublishedDoc && latestVersion && publishedVersion && latestVersion !== publishedVersion && (
        <a href={`/admin/collections/${collectionSlug}/${id}/versions/${latestVersion}?versionFrom=${publishedVersion}`}>Jämför med publicerad version</a>
      )}
      {comments.length > 0 && (
        <>
          <h4 className="workflow-panel__title">Kommentarer</h4>
          <ul className="workflow-panel__comments">
            {comments.map((entry) => (
              <li key={entry.id}>
                <strong>{entry.authorName ?? 'Okänd'}</strong>{' '}
                <time dateTime={entry.createdAt}>{swedishDateTimeOrNull(entry.createdAt)}</time>
                <p>{entry.text}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
