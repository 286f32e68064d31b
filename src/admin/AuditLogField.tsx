import type { Field, Payload } from 'payload'

import { auditFieldText, describeDetails, EMPTY } from '@/audit/describe'
import { swedishLabel } from '@/fields/labels'

import './auditLog.css'

/** What Payload hands a server field component that these read. */
type EntryFieldProps = { field: Field; data?: Record<string, unknown> | null; payload: Payload }

const fieldName = (field: Field): string => ('name' in field ? field.name : '')
const fieldLabel = (field: Field): string => swedishLabel('label' in field ? field.label : null) ?? fieldName(field)

/** A collection by its Swedish name ("Jämförelseområde"), from its own config. */
function collectionName(payload: Payload, slug: unknown): string {
  if (typeof slug !== 'string' || !slug) return EMPTY
  const config = payload.collections[slug as keyof typeof payload.collections]?.config
  return swedishLabel(config?.labels?.singular) ?? slug
}

/**
 * One field of an audit entry, read-only and in words (entries never
 * change): states and transitions by name, the collection by its label,
 * empty as "–". A server component, so nothing of it runs in the browser.
 */
export function AuditLogField({ field, data, payload }: EntryFieldProps) {
  const name = fieldName(field)
  const row = data ?? {}
  const text = name === 'collectionSlug' ? collectionName(payload, row.collectionSlug) : auditFieldText(name, row)
  return (
    <dl className="field-type audit-log-field">
      <dt className="audit-log-field__label">{fieldLabel(field)}</dt>
      <dd className="audit-log-field__value">{text}</dd>
    </dl>
  )
}

/**
 * "Detaljer": the entry's JSON as a definition list in Swedish, never
 * Payload's JSON editor (Monaco, which loads its code from a public CDN).
 * The changed fields have their own field above and are not repeated.
 */
export function AuditDetailsField({ field, data }: EntryFieldProps) {
  const lines = describeDetails(data?.details).filter((line) => line.term !== 'Ändrade fält')
  return (
    <dl className="field-type audit-log-field">
      <dt className="audit-log-field__label">{fieldLabel(field)}</dt>
      <dd className="audit-log-field__value">
        {lines.length === 0 ? (
          EMPTY
        ) : (
          <dl className="audit-log-details">
            {lines.map((line) => (
              <div className="audit-log-details__line" key={line.term}>
                <dt>{line.term}</dt>
                <dd>{line.description}</dd>
              </div>
            ))}
          </dl>
        )}
      </dd>
    </dl>
  )
}
