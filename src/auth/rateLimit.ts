/**
 * Rate limits for login and forgot-password, per client address and per
 * account. Pure: the clock is injected, state is one Map per limiter, so every
 * boundary is unit-tested without waiting. State lives in the process: with
 * several replicas each counts its own requests (documented in docs/security.md).
 */

export type RateLimitRule = {
  /** Attempts allowed within one window. */
  limit: number
  windowMs: number
}

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterMs: number }

export type Clock = () => number

/**
 * Sliding window: a key may make `limit` attempts within any `windowMs`. A
 * refused attempt is not counted, so a client that waits is let in again as
 * soon as its oldest attempt leaves the window. Keys are bounded: past
 * `maxKeys`, expired keys are dropped, then the oldest.
 */
export class SlidingWindowLimiter {
  private readonly attempts = new Map<string, number[]>()

  constructor(
    readonly rule: RateLimitRule,
    private readonly now: Clock = Date.now,
    private readonly maxKeys = 10_000,
  ) {
    if (!(rule.limit >= 1) || !(rule.windowMs > 0)) throw new RangeError('Ogiltig gräns för antal försök.')
  }

  /** What `hit` would decide, without counting anything. */
  check(key: string): RateLimitDecision {
    const recent = this.recent(key)
    if (recent.length < this.rule.limit) return { allowed: true }
    return { allowed: false, retryAfterMs: Math.max(1, recent[0]! + this.rule.windowMs - this.now()) }
  }

  /** Counts one attempt when it is allowed. */
  record(key: string): void {
    const recent = this.recent(key)
    recent.push(this.now())
    this.attempts.delete(key)
    this.attempts.set(key, recent)
    if (this.attempts.size > this.maxKeys) this.evict()
  }

  hit(key: string): RateLimitDecision {
    const decision = this.check(key)
    if (decision.allowed) this.record(key)
    return decision
  }

  get size(): number {
    return this.attempts.size
  }

  /** This key's attempts still inside the window, oldest first. */
  private recent(key: string): number[] {
    const since = this.now() - this.rule.windowMs
    return (this.attempts.get(key) ?? []).filter((time) => time > since)
  }

  private evict(): void {
    const since = this.now() - this.rule.windowMs
    for (const [key, times] of this.attempts) if (times.at(-1)! <= since) this.attempts.delete(key)
    // Still too many: the keys least recently used go first (Map keeps insertion order).
    for (const key of this.attempts.keys()) {
      if (this.attempts.size <= this.maxKeys) break
      this.attempts.delete(key)
    }
  }
}

/**
 * Checks every limiter before counting in any: an attempt refused by one
 * (say, the account's) does not use up another's (the address's). Refused:
 * the longest wait of those that refuse.
 */
export function hitAll(checks: ReadonlyArray<readonly [SlidingWindowLimiter, string | null]>): RateLimitDecision {
  const applicable = checks.filter((check): check is readonly [SlidingWindowLimiter, string] => check[1] !== null)
  const waits = applicable.map(([limiter, key]) => limiter.check(key)).flatMap((decision) => (decision.allowed ? [] : [decision.retryAfterMs]))
  if (waits.length > 0) return { allowed: false, retryAfterMs: Math.max(...waits) }
  for (const [limiter, key] of applicable) limiter.record(key)
  return { allowed: true }
}

/**
 * The client's address. Without trusted proxies it is the connection's peer
 * (set by the CMS's HTTP server, src/http/httpServer.mjs); with `hops`
 * proxies, each appending the address it saw to X-Forwarded-For, it is the
 * entry the outermost trusted proxy wrote: counted from the right, since a
 * client can put anything on the left. Null when unknown.
 */
export function clientAddress(args: { remoteAddress: string | null; forwardedFor: string | null; trustedHops: number }): string | null {
  const peer = normalizeAddress(args.remoteAddress)
  if (args.trustedHops <= 0) return peer
  const chain = (args.forwardedFor ?? '').split(',').map((entry) => entry.trim()).filter(Boolean)
  // Fewer entries than proxies: the request did not come through all of them; the leftmost is the best guess.
  return normalizeAddress(chain.at(-args.trustedHops) ?? chain[0] ?? null) ?? peer
}

/** `::ffff:127.0.0.1` and `127.0.0.1` are one client. */
function normalizeAddress(address: string | null): string | null {
  const value = address?.trim().toLowerCase()
  if (!value) return null
  return value.startsWith('::ffff:') && value.includes('.') ? value.slice('::ffff:'.length) : value
}

/** An account's key: the e-mail as Payload compares it (trimmed, lower case). */
export function accountKey(email: unknown): string | null {
  return typeof email === 'string' && email.trim() !== '' ? email.trim().toLowerCase().slice(0, 320) : null
}

/** "30 sekunder", "1 minut", "15 minuter": how long to wait, rounded up. */
export function formatWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000))
  if (seconds < 60) return `${seconds} ${seconds === 1 ? 'sekund' : 'sekunder'}`
  const minutes = Math.ceil(seconds / 60)
  return `${minutes} ${minutes === 1 ? 'minut' : 'minuter'}`
}

/** Retry-After in whole seconds, never 0 (the client would retry at once). */
export const retryAfterSeconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000))
