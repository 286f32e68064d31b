import { describe, expect, it } from 'vitest'

import { accountKey, clientAddress, formatWait, hitAll, retryAfterSeconds, SlidingWindowLimiter } from '@/auth/rateLimit'
import { AUTH_LIMITS, checkAuthAttempt, createAuthLimiters, requestClientAddress } from '@/auth/securityLogin'
import { REMOTE_ADDRESS_HEADER } from '@/runtime/serverContract.mjs'

/** A clock the test moves by hand. */
function manualClock(start = 1_000_000) {
  let time = start
  return { now: () => time, advance: (ms: number) => (time += ms) }
}

describe('SlidingWindowLimiter', () => {
  it('allows `limit` attempts in a window, refuses the next and says how long to wait', () => {
    const clock = manualClock()
    const limiter = new SlidingWindowLimiter({ limit: 3, windowMs: 60_000 }, clock.now)
    expect(limiter.hit('a')).toEqual({ allowed: true })
    clock.advance(10_000)
    expect(limiter.hit('a')).toEqual({ allowed: true })
    expect(limiter.hit('a')).toEqual({ allowed: true })
    // The oldest attempt (at 0) leaves the window at 60 s; now is 10 s.
    expect(limiter.hit('a')).toEqual({ allowed: false, retryAfterMs: 50_000 })
  })

  it('slides: as soon as the oldest attempt leaves the window, one more is allowed', () => {
    const clock = manualClock()
    const limiter = new SlidingWindowLimiter({ limit: 2, windowMs: 1000 }, clock.now)
    limiter.hit('a')
    clock.advance(400)
    limiter.hit('a')
    clock.advance(599)
    expect(limiter.hit('a').allowed).toBe(false)
    clock.advance(1)
    expect(limiter.hit('a')).toEqual({ allowed: true })
    // The attempt at 400 is still inside: the next one waits until it leaves.
    expect(limiter.hit('a')).toEqual({ allowed: false, retryAfterMs: 400 })
  })

  it('does not count refused attempts, so hammering does not extend the wait', () => {
    const clock = manualClock()
    const limiter = new SlidingWindowLimiter({ limit: 1, windowMs: 1000 }, clock.now)
    limiter.hit('a')
    for (let i = 0; i < 50; i++) {
      clock.advance(10)
      expect(limiter.hit('a').allowed).toBe(false)
    }
    clock.advance(500)
    expect(limiter.hit('a').allowed).toBe(true)
  })

  it('keeps keys apart', () => {
    const limiter = new SlidingWindowLimiter({ limit: 1, windowMs: 1000 }, manualClock().now)
    expect(limiter.hit('a').allowed).toBe(true)
    expect(limiter.hit('b').allowed).toBe(true)
    expect(limiter.hit('a').allowed).toBe(false)
  })

  it('check() decides without counting', () => {
    const limiter = new SlidingWindowLimiter({ limit: 1, windowMs: 1000 }, manualClock().now)
    expect(limiter.check('a')).toEqual({ allowed: true })
    expect(limiter.check('a')).toEqual({ allowed: true })
    expect(limiter.hit('a').allowed).toBe(true)
    expect(limiter.check('a').allowed).toBe(false)
  })

  it('stays bounded: past maxKeys, expired keys go first, then the least recently used', () => {
    const clock = manualClock()
    const limiter = new SlidingWindowLimiter({ limit: 1, windowMs: 1000 }, clock.now, 3)
    limiter.hit('old')
    clock.advance(2000)
    limiter.hit('a')
    limiter.hit('b')
    limiter.hit('c')
    expect(limiter.size).toBe(3)
    // 'old' had expired and was dropped; 'a', 'b', 'c' are still limited.
    expect(limiter.hit('a').allowed).toBe(false)
    limiter.hit('d')
    expect(limiter.size).toBe(3)
    // 'a' was recorded first and not since (a refused attempt is not recorded): it went.
    expect(limiter.check('a').allowed).toBe(true)
    expect(limiter.check('b').allowed).toBe(false)
  })

  it('refuses a rule that would allow nothing or never reset', () => {
    expect(() => new SlidingWindowLimiter({ limit: 0, windowMs: 1000 })).toThrow(RangeError)
    expect(() => new SlidingWindowLimiter({ limit: 1, windowMs: 0 })).toThrow(RangeError)
  })
})

describe('hitAll', () => {
  it('counts in every limiter only when all allow, and reports the longest wait', () => {
    const clock = manualClock()
    const address = new SlidingWindowLimiter({ limit: 10, windowMs: 60_000 }, clock.now)
    const account = new SlidingWindowLimiter({ limit: 1, windowMs: 30_000 }, clock.now)
    expect(hitAll([[address, '10.0.0.1'], [account, 'anna@kalmar.example']])).toEqual({ allowed: true })
    clock.advance(1000)
    expect(hitAll([[address, '10.0.0.1'], [account, 'anna@kalmar.example']])).toEqual({ allowed: false, retryAfterMs: 29_000 })
    // The refused attempt did not use up the address's allowance: 9 left of 10.
    for (let i = 0; i < 9; i++) expect(address.hit('10.0.0.1').allowed).toBe(true)
    expect(address.hit('10.0.0.1').allowed).toBe(false)
  })

  it('skips a limiter whose key is unknown', () => {
    const limiter = new SlidingWindowLimiter({ limit: 1, windowMs: 1000 }, manualClock().now)
    expect(hitAll([[limiter, null]])).toEqual({ allowed: true })
    expect(hitAll([[limiter, null]])).toEqual({ allowed: true })
    expect(limiter.size).toBe(0)
  })
})

describe('login limits (securityLogin)', () => {
  it(`refuses the ${AUTH_LIMITS.login.perAccount.limit + 1}th login for one account from many addresses`, () => {
    const clock = manualClock()
    const limiters = createAuthLimiters(clock.now)
    for (let i = 0; i < AUTH_LIMITS.login.perAccount.limit; i++) {
      expect(checkAuthAttempt('login', { address: `10.0.0.${i}`, account: 'anna@kalmar.example' }, limiters).allowed).toBe(true)
    }
    expect(checkAuthAttempt('login', { address: '10.0.1.1', account: 'anna@kalmar.example' }, limiters).allowed).toBe(false)
    expect(checkAuthAttempt('login', { address: '10.0.1.1', account: 'bertil@kalmar.example' }, limiters).allowed).toBe(true)
    clock.advance(AUTH_LIMITS.login.perAccount.windowMs)
    expect(checkAuthAttempt('login', { address: '10.0.1.1', account: 'anna@kalmar.example' }, limiters).allowed).toBe(true)
  })

  it(`refuses the ${AUTH_LIMITS.login.perAddress.limit + 1}th login from one address across accounts`, () => {
    const limiters = createAuthLimiters(manualClock().now)
    for (let i = 0; i < AUTH_LIMITS.login.perAddress.limit; i++) {
      expect(checkAuthAttempt('login', { address: '192.0.2.7', account: `user-${i}@kalmar.example` }, limiters).allowed).toBe(true)
    }
    expect(checkAuthAttempt('login', { address: '192.0.2.7', account: 'ny@kalmar.example' }, limiters).allowed).toBe(false)
    expect(checkAuthAttempt('login', { address: '192.0.2.8', account: 'ny@kalmar.example' }, limiters).allowed).toBe(true)
  })

  it('counts forgot-password apart from login, with a smaller allowance per account', () => {
    const limiters = createAuthLimiters(manualClock().now)
    const who = { address: '192.0.2.7', account: 'anna@kalmar.example' }
    for (let i = 0; i < AUTH_LIMITS.forgotPassword.perAccount.limit; i++) expect(checkAuthAttempt('forgotPassword', who, limiters).allowed).toBe(true)
    expect(checkAuthAttempt('forgotPassword', who, limiters).allowed).toBe(false)
    expect(checkAuthAttempt('login', who, limiters).allowed).toBe(true)
    expect(AUTH_LIMITS.forgotPassword.perAccount.limit).toBeLessThan(AUTH_LIMITS.login.perAccount.limit)
  })
})

describe('clientAddress', () => {
  it('without trusted proxies is the connection peer, whatever X-Forwarded-For says', () => {
    expect(clientAddress({ remoteAddress: '198.51.100.4', forwardedFor: '203.0.113.9', trustedHops: 0 })).toBe('198.51.100.4')
    expect(clientAddress({ remoteAddress: '::ffff:127.0.0.1', forwardedFor: null, trustedHops: 0 })).toBe('127.0.0.1')
    expect(clientAddress({ remoteAddress: null, forwardedFor: '203.0.113.9', trustedHops: 0 })).toBeNull()
  })

  it('with N trusted proxies is the Nth entry from the right (a client-written left part is ignored)', () => {
    const forwardedFor = 'spoofed-by-client, 203.0.113.9, 10.0.0.2'
    expect(clientAddress({ remoteAddress: '10.0.0.3', forwardedFor, trustedHops: 1 })).toBe('10.0.0.2')
    expect(clientAddress({ remoteAddress: '10.0.0.3', forwardedFor, trustedHops: 2 })).toBe('203.0.113.9')
  })

  it('falls back to the leftmost entry, then the peer, when the chain is short', () => {
    expect(clientAddress({ remoteAddress: '10.0.0.3', forwardedFor: '203.0.113.9', trustedHops: 2 })).toBe('203.0.113.9')
    expect(clientAddress({ remoteAddress: '10.0.0.3', forwardedFor: '', trustedHops: 1 })).toBe('10.0.0.3')
  })

  it('reads the header the HTTP server sets, and X-Forwarded-For only with trusted proxies', () => {
    const req = { headers: new Headers({ [REMOTE_ADDRESS_HEADER]: '198.51.100.4', 'x-forwarded-for': '203.0.113.9' }) }
    expect(requestClientAddress(req, 0)).toBe('198.51.100.4')
    expect(requestClientAddress(req, 1)).toBe('203.0.113.9')
    expect(requestClientAddress({ headers: new Headers() }, 0)).toBeNull()
  })
})

describe('accountKey, formatWait, retryAfterSeconds', () => {
  it('compares accounts as Payload does (trimmed, lower case)', () => {
    expect(accountKey(' Anna@Kalmar.Example ')).toBe('anna@kalmar.example')
    expect(accountKey('')).toBeNull()
    expect(accountKey(42)).toBeNull()
    expect(accountKey(undefined)).toBeNull()
  })

  it.each([
    [1, '1 sekund'],
    [1500, '2 sekunder'],
    [59_000, '59 sekunder'],
    [60_000, '1 minut'],
    [60_001, '2 minuter'],
    [15 * 60_000, '15 minuter'],
  ])('formatWait(%i) is "%s"', (ms, text) => expect(formatWait(ms)).toBe(text))

  it('Retry-After is whole seconds, rounded up, at least 1', () => {
    expect(retryAfterSeconds(1)).toBe(1)
    expect(retryAfterSeconds(1001)).toBe(2)
    expect(retryAfterSeconds(0)).toBe(1)
  })
})
