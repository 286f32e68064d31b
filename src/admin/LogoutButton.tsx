import { LogOutIcon } from '@payloadcms/ui'

import { END_SESSION_PATH } from '@/sso/client'

/**
 * The navigation's logout: ends the local session on the server and, for an
 * account of the municipality's directory, signs out at the provider too
 * (GET /api/auth/oidc/logout, src/endpoints/oidc.ts).
 */
export function LogoutButton() {
  return (
    <a className="nav__log-out" href={END_SESSION_PATH} aria-label="Logga ut" title="Logga ut">
      <LogOutIcon />
    </a>
  )
}
