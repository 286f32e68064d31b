import type { Field } from 'payload'

import { swedishLabel } from '@/fields/labels'
import { formatJson } from './jsonText'

import './auditLog.css'

/**
 * A JSON field nobody edits in the admin (a release's published versions,
 * the public record's page and changes), shown as indented text instead of
 * Payload's JSON editor, which loads Monaco from a public CDN. The box
 * scrolls, so it takes focus for keyboard users.
 */
export function ReadOnlyJsonField({ field, data }: { field: Field; data?: Record<string, unknown> | null }) {
  const name = 'name' in field ? field.name : ''
  const label = swedishLabel('label' in field ? field.label : null) ?? name
  const text = formatJson(data?.[name])
  return (
    <dl className="field-type audit-log-field">
      <dt className="audit-log-field__label">{label}</dt>
      <dd className="audit-log-field__value">
        {text ? (
          <pre className="read-only-json" tabIndex={0} role="region" aria-label={label}>
            {text}
          </pre>
        ) : (
          '–'
        )}
      </dd>
    </dl>
  )
}
