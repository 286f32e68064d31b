import type { ServerProps } from 'payload'

import { loadEnv } from '@/env'
import { LOGIN_PATH } from '@/sso/client'
import { safeReturnPath } from '@/sso/returnTo'
import { isRefusalReason, REFUSAL_MESSAGES, REFUSAL_PARAM } from '@/sso/signIn'

import './sso.css'

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

/**
 * Above Payload's login form: the municipality's sign-in button when OIDC is
 * configured, the reason of a refused sign-in, and what PASSWORD_LOGIN
 * leaves of the password form (with `off` the form is hidden; the REST
 * login refuses as well).
 */
export function SsoLogin({ searchParams }: ServerProps) {
  const env = loadEnv()
  if (!env.oidc) return null
  const returnTo = safeReturnPath(first(searchParams?.redirect as string | string[] | undefined))
  const refusal = first(searchParams?.[REFUSAL_PARAM] as string | string[] | undefined)
  return (
    <section className="sso-login" aria-label="Inloggning med kommunens konto">
      {isRefusalReason(refusal) && (
        <div className="sso-login__refusal" role="alert">
          <strong>Inloggningen nekades.</strong> {REFUSAL_MESSAGES[refusal]}
        </div>
      )}
      <a className="btn btn--style-primary btn--size-large sso-login__button" href={`${LOGIN_PATH}?returnTo=${encodeURIComponent(returnTo)}`}>
        {env.oidc.loginLabel}
      </a>
      {env.passwordLogin === 'on' && <p className="sso-login__or">eller logga in med e-post och lösenord:</p>}
      {env.passwordLogin === 'admins' && <p className="sso-login__or">Reservinloggning med lösenord, bara för administratörer:</p>}
      {/* Hides the form only; the REST login refuses on its own (collections/Users/hooks.ts). */}
      {env.passwordLogin === 'off' && <style>{'.login__form { display: none; }'}</style>}
    </section>
  )
}
