/** What the audit log ("Händelselogg") records, with Swedish names. */
export const AUDIT_ACTIONS = {
  transition: 'Arbetsflöde',
  save: 'Sparad',
  publish: 'Publicerad',
  unpublish: 'Avpublicerad',
  restore: 'Återställd version',
  delete: 'Raderad',
  roleChange: 'Ändrade roller',
  loginFailed: 'Misslyckad inloggning',
  reviewReminder: 'Påminnelse om översyn',
} as const

export type AuditAction = keyof typeof AUDIT_ACTIONS
