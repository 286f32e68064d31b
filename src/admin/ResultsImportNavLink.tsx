import type { ServerProps } from 'payload'

import { userHasRole } from '@/access'

/** "Importera resultat" under the navigation, for editors and administrators. */
export function ResultsImportNavLink({ user }: ServerProps) {
  if (!userHasRole(user as never, 'editor', 'admin')) return null
  return (
    <a className="nav__link" href="/admin/importera-resultat">
      Importera resultat
    </a>
  )
}
