/**
 * The limits on login and forgot-password (applied by the Users collection's
 * beforeOperation hook, collections/Users/hooks.ts), on top of Payload's
 * per-account lockout (MAX_LOGIN_ATTEMPTS failed logins lock the account).
 * Limits are generous for people (a municipality's staff may share one
 * address through NAT) and tight for scripts.
 */
import { APIError, type PayloadRequest } from 'payload'

import { loadEnv } from '@/env'
import { processSlot } from '@/runtime/processSlots.mjs'
import { REMOTE_ADDRESS_HEADER } from '@/runtime/serverContract.mjs'
import {
  accountKey,
  clientAddress,
  formatWait,
  hitAll,
  retryAfterSeconds,
  SlidingWindowLimiter,
  type Clock,
  type RateLimitDecision,
  type RateLimitRule,
} from './rateLimit'

const MINUTE = 60_000

/** ssoCallback: the provider's redirect back (src/endpoints/oidc.ts), counted per address like a login. */
export type AuthOperation = 'login' | 'forgotPassword' | 'ssoCallback'

const LOGIN_LIMITS = { perAddress: { limit: 60, windowMs: 15 * MINUTE }, perAccount: { limit: 20, windowMs: 15 * MINUTE } }

export const AUTH_LIMITS: Record<AuthOperation, { perAddress: RateLimitRule; perAccount: RateLimitRule }> = {
  login: LOGIN_LIMITS,
  // Each request sends an e-mail: fewer per account, so nobody's inbox can be flooded.
  forgotPassword: { perAddress: { limit: 10, windowMs: 15 * MINUTE }, perAccount: { limit: 3, windowMs: 15 * MINUTE } },
  // The account is known only after the checks; the address limit is the login's.
  ssoCallback: LOGIN_LIMITS,
}


type Limiters = Record<AuthOperation, { perAddress: SlidingWindowLimiter; perAccount: SlidingWindowLimiter }>

export function createAuthLimiters(now: Clock = Date.now): Limiters {
  const make = (operation: AuthOperation) => ({
    perAddress: new SlidingWindowLimiter(AUTH_LIMITS[operation].perAddress, now),
    perAccount: new SlidingWindowLimiter(AUTH_LIMITS[operation].perAccount, now),
  })
  return { login: make('login'), forgotPassword: make('forgotPassword'), ssoCallback: make('ssoCallback') }
}

// One set per process, in a process slot: Next may bundle this module into more than one route.
const limitersSlot = processSlot<Limiters>('authLimiters')
/** The limiters the Users hook counts in. */
export const sharedAuthLimiters = (): Limiters => limitersSlot.getOrCreate(() => createAuthLimiters())

/** Counts one attempt against the address's and the account's limit, unless either is used up. */
export function checkAuthAttempt(
  operation: AuthOperation,
  who: { address: string | null; account: string | null },
  set: Limiters = sharedAuthLimiters(),
): RateLimitDecision {
  return hitAll([
    [set[operation].perAddress, who.address],
    [set[operation].perAccount, who.account],
  ])
}

/** The client address of a request, as far as it can be trusted (see clientAddress). */
export function requestClientAddress(req: Pick<PayloadRequest, 'headers'>, trustedHops = loadEnv().trustedProxyHops): string | null {
  return clientAddress({
    remoteAddress: req.headers.get(REMOTE_ADDRESS_HEADER),
    forwardedFor: req.headers.get('x-forwarded-for'),
    trustedHops,
  })
}

export const TOO_MANY_ATTEMPTS: Record<AuthOperation, (wait: string) => string> = {
  login: (wait) => `För många inloggningsförsök. Vänta ${wait} och försök sedan igen.`,
  forgotPassword: (wait) => `För många begäranden om nytt lösenord. Vänta ${wait} och försök sedan igen.`,
  ssoCallback: (wait) => `För många inloggningsförsök. Vänta ${wait} och försök sedan igen.`,
}

/** 429 with a Swedish message that says how long to wait. */
export class TooManyAttempts extends APIError {
  constructor(message: string) {
    super(message, 429, null, true)
    // Explicit: a minified build would rename the class.
    this.name = 'TooManyAttempts'
  }
}

/** Refuses the request (429 and Retry-After) when its address or account has used up its attempts. */
export function enforceAuthLimit(operation: AuthOperation, req: PayloadRequest, email: unknown): void {
  const decision = checkAuthAttempt(operation, { address: requestClientAddress(req), account: accountKey(email) })
  if (decision.allowed) return
  const headers = new Headers(req.responseHeaders)
  headers.set('Retry-After', String(retryAfterSeconds(decision.retryAfterMs)))
  req.responseHeaders = headers
  throw new TooManyAttempts(TOO_MANY_ATTEMPTS[operation](formatWait(decision.retryAfterMs)))
}
