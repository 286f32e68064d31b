/**
 * Marker texts for leak tests: every text that some reader must not see
 * carries a unique marker, and every response is searched for all of them.
 */
import type { Random } from './random'

/**
 * - `hidden`: never for readers (drafts, review comments, notices that are not active).
 * - `retracted`: was published, then taken down: only the public record (version history) may show it.
 * - `published`: live text, a canary: it shows that a request reached real content.
 */
export type MarkerScope = 'hidden' | 'retracted' | 'published'

export type Marker = { text: string; lower: string; scope: MarkerScope; label: string }

const PREFIX: Record<MarkerScope, string> = { hidden: 'UTKAST', retracted: 'AVPUBL', published: 'PUBL' }

export type Leak = { marker: Marker; excerpt: string }

export class MarkerRegistry {
  readonly all: Marker[] = []
  private counter = 0

  constructor(private readonly random: Random) {}

  /** A new marker, e.g. `UTKAST-7-K4X9Q`: letters and digits only, so it is also a valid slug in lower case. */
  make(scope: MarkerScope, label: string): string {
    this.counter += 1
    const text = `${PREFIX[scope]}-${this.counter}-${this.random.string(5)}`
    this.all.push({ text, lower: text.toLowerCase(), scope, label })
    return text
  }

  /**
   * Markers of the given scopes found in `text` (case-insensitive: slugs are
   * lower case, JSON may escape nothing else). Markers that the request itself
   * carried (`reflected`, e.g. a slug echoed in a 404 message) do not count.
   */
  find(text: string, scopes: readonly MarkerScope[], reflected = ''): Leak[] {
    const haystack = text.toLowerCase()
    const asked = reflected.toLowerCase()
    const leaks: Leak[] = []
    for (const marker of this.all) {
      if (!scopes.includes(marker.scope) || asked.includes(marker.lower)) continue
      const at = haystack.indexOf(marker.lower)
      if (at >= 0) leaks.push({ marker, excerpt: text.slice(Math.max(0, at - 120), at + marker.text.length + 120) })
    }
    return leaks
  }

  /** Whether any marker of the scope occurs (for the canaries). */
  has(text: string, scope: MarkerScope): boolean {
    const haystack = text.toLowerCase()
    return this.all.some((marker) => marker.scope === scope && haystack.includes(marker.lower))
  }
}

/** The text of a request as the reflection check reads it: raw and percent-decoded. */
export function requestText(...parts: (string | undefined)[]): string {
  const raw = parts.filter(Boolean).join('\n')
  let decoded = raw
  for (let i = 0; i < 3; i++) {
    try {
      const next = decodeURIComponent(decoded.replace(/\+/g, ' '))
      if (next === decoded) break
      decoded = next
    } catch {
      break
    }
  }
  return `${raw}\n${decoded}`
}
