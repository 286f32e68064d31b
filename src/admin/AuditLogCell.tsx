import type { DefaultServerCellComponentProps } from 'payload'

import { auditFieldText } from '@/audit/describe'

/**
 * A cell of the audit log's list in words: "Granskas", not "inReview"; "–",
 * not Payload's "<Ingen Till>"; "Ändrade fält" from the entry's details.
 * A server component: the words are made once, on the server.
 */
export function AuditLogCell({ field, rowData }: DefaultServerCellComponentProps) {
  const name = 'name' in field ? field.name : ''
  // Payload also renders cells without a row (rowData undefined), e.g. while it builds the list's columns.
  return <span className="audit-log-cell">{auditFieldText(name, rowData ?? {})}</span>
}
