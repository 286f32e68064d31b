/**
 * Where a person lands after signing in: only a path on this site. Anything
 * that a browser could resolve to another host (`//evil.example`,
 * `/\evil.example`, `https://…`, control characters) gives the admin's start.
 */
export const DEFAULT_RETURN_PATH = '/admin'

const isControl = (char: string) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f

export function safeReturnPath(raw: string | null | undefined): string {
  if (typeof raw !== 'string' || raw === '' || raw.length > 2000) return DEFAULT_RETURN_PATH
  // Browsers treat "\" as "/" and drop tabs and newlines inside URLs: refuse both outright.
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\') || [...raw].some(isControl)) return DEFAULT_RETURN_PATH
  // Resolved against a throwaway origin: still on it, so still a path on this site.
  const base = 'https://cms.invalid'
  let resolved: URL
  try {
    resolved = new URL(raw, base)
  } catch {
    return DEFAULT_RETURN_PATH
  }
  if (resolved.origin !== base) return DEFAULT_RETURN_PATH
  // The callback itself would start a loop.
  if (resolved.pathname.startsWith('/api/auth/oidc/')) return DEFAULT_RETURN_PATH
  return `${resolved.pathname}${resolved.search}${resolved.hash}`
}
