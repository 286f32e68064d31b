/** What the audit log ("Händelselogg") records, with Swedish names. */
export const AUDIT_ACTIONS = {
  transition: 'Arbetsflöde',
  save: 'Sparad',
  publish: 'Publicerad',
  unpublish: 'Avpublicerad',
  restore: 'Återställd version',
  delete: 'Raderad för gott',
  trash: 'Flyttad till papperskorgen',
  restoreFromTrash: 'Återställd från papperskorgen',
  conflict: 'Sparkonflikt (sparad som egen version)',
  roleChange: 'Ändrade roller',
  loginFailed: 'Misslyckad inloggning',
  ssoSignIn: 'Inloggning med kommunens konto',
  ssoRefused: 'Nekad inloggning med kommunens konto',
  reviewReminder: 'Påminnelse om översyn',
  recall: 'Återkallat publiceringspaket',
  releaseFailed: 'Publiceringspaket misslyckades',
  releaseCheck: 'Kontroll före schemalagt publiceringspaket',
  calendarFeedCreated: 'Ny kalenderadress',
  calendarFeedRevoked: 'Kalenderadressen återkallad',
} as const

export type AuditAction = keyof typeof AUDIT_ACTIONS
