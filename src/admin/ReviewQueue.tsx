import type { Payload, TypedUser } from 'payload'

import { AREAS, AUDIT_LOG } from '@/slugs'
import { formatSwedishDate, swedishDateTimeOrNull } from '@/domain/swedishDate'
import { factsFromDocument } from '@/publishing/facts'
import type { Area } from '@/payload-types'
import { checkPage, fromAreaDocument, RULES } from '@/quality'
import { countFindings, describeCountedRules, formatCounts, qualityContextFor } from '@/quality/summary'
import { isEditorOf, stateLabel, toWorkflowActor } from '@/workflow'
import { formatWaitingTime } from './waiting'

type Props = { payload: Payload; user?: TypedUser | null }

type Row = Area

/**
 * The dashboard counts without the dictionary (it takes seconds to load):
 * every rule but spelling and line-break hyphens. The edit view's
 * "Kvalitetskontroll" runs them all.
 */
const COUNTED_DESCRIPTION = describeCountedRules(RULES)

function qualitySummary(doc: Row, now: Date): string {
  try {
    return formatCounts(countFindings(checkPage(fromAreaDocument(doc), qualityContextFor(doc, now))))
  } catch {
    // The dashboard must open even if one page trips a rule.
    return 'Kunde inte kontrolleras'
  }
}

/**
 * Dashboard: "Att granska" (everything in review, marked where the current
 * user may not approve it), pages past their review-by date, and "Mina
 * utkast" (the user's own unfinished work).
 */
export async function ReviewQueue({ payload, user }: Props) {
  const actor = toWorkflowActor(user as never)
  if (!actor) return null
  const find = (where: object) =>
    payload.find({ collection: AREAS, draft: true, depth: 0, limit: 100, sort: 'updatedAt', where: where as never, overrideAccess: false, user })
  const inReview = (await find({ workflowState: { equals: 'inReview' } })).docs
  const mine = (await find({ workflowState: { in: ['draft', 'changesRequested'] } })).docs.filter((doc) =>
    isEditorOf(factsFromDocument(doc, false), actor.id),
  )
  const overdue = (await find({ reviewBy: { less_than: new Date().toISOString() } })).docs
  const link = (doc: Row) => `/admin/collections/${AREAS}/${doc.id}`
  const now = new Date()
  // Who sent each page to review: the audit log's latest "submit" for it.
  const submitters = new Map<string, string>()
  for (const doc of inReview) {
    const { docs } = await payload.find({
      collection: AUDIT_LOG,
      where: { and: [{ documentId: { equals: String(doc.id) } }, { transition: { equals: 'submit' } }] },
      sort: '-createdAt',
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    if (docs[0]?.userName) submitters.set(String(doc.id), docs[0].userName)
  }

  return (
    <section className="review-queue" aria-labelledby="att-granska">
      <h2 id="att-granska">Att granska ({inReview.length})</h2>
      {inReview.length === 0 ? (
        <p>Inget väntar på granskning.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Sida</th>
              <th scope="col">Skickad av</th>
              <th scope="col">Skickad</th>
              <th scope="col">Väntat</th>
              <th scope="col">Du kan godkänna</th>
              <th scope="col" title={COUNTED_DESCRIPTION}>
                Kvalitetskontroll
              </th>
            </tr>
          </thead>
          <tbody>
            {inReview.map((doc) => {
              const ownDraft = isEditorOf(factsFromDocument(doc, false), actor.id)
              return (
                <tr key={String(doc.id)}>
                  <td>
                    <a href={link(doc)}>{doc.title}</a>
                  </td>
                  <td>{submitters.get(String(doc.id)) ?? '–'}</td>
                  <td>{swedishDateTimeOrNull(doc.updatedAt)}</td>
                  <td>{formatWaitingTime(doc.updatedAt)}</td>
                  <td>{ownDraft ? 'Nej – du har själv ändrat utkastet (fyra ögon)' : 'Ja'}</td>
                  <td>{qualitySummary(doc, now)}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      {inReview.length > 0 && <p className="review-queue__note">Kvalitetskontroll: {COUNTED_DESCRIPTION}</p>}
      <h2>Försenad översyn ({overdue.length})</h2>
      {overdue.length === 0 ? (
        <p>Inga sidor har passerat sitt datum för översyn.</p>
      ) : (
        <ul>
          {overdue.map((doc) => (
            <li key={String(doc.id)}>
              <a href={link(doc)}>{doc.title}</a> – skulle ha setts över {formatSwedishDate(doc.reviewBy!)}
            </li>
          ))}
        </ul>
      )}
      <h2>Mina utkast ({mine.length})</h2>
      {mine.length === 0 ? (
        <p>Du har inga pågående utkast.</p>
      ) : (
        <ul>
          {mine.map((doc) => (
            <li key={String(doc.id)}>
              <a href={link(doc)}>{doc.title}</a> – {stateLabel(doc.workflowState ?? 'draft')}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
