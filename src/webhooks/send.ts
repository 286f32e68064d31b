export const USER_AGENT = 'OppnaJamforelser-CMS'
export const DELIVERY_TIMEOUT_MS = 10_000

export type SendResult = { ok: true; statusCode: number } | { ok: false; statusCode: number | null; error: string }

/** Swedish, actionable descriptions of the usual network failures (Node's `fetch` puts the code in `cause`). */
const NETWORK_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'Anslutningen nekades: mottagaren är nere eller lyssnar inte på den porten.',
  ENOTFOUND: 'Värdnamnet kunde inte slås upp: kontrollera adressen.',
  EAI_AGAIN: 'Värdnamnet kunde inte slås upp just nu (DNS-fel).',
  ECONNRESET: 'Mottagaren bröt anslutningen innan den svarade.',
  EHOSTUNREACH: 'Mottagarens dator går inte att nå från servern.',
  ETIMEDOUT: 'Anslutningen till mottagaren tog för lång tid.',
  CERT_HAS_EXPIRED: 'Mottagarens TLS-certifikat har gått ut.',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'Mottagarens TLS-certifikat är självsignerat och godtas inte.',
  ERR_TLS_CERT_ALTNAME_INVALID: 'Mottagarens TLS-certifikat gäller inte för det här värdnamnet.',
}

export function describeNetworkError(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `Inget svar från mottagaren inom ${DELIVERY_TIMEOUT_MS / 1000} sekunder.`
  }
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause
  const known = cause?.code ? NETWORK_ERRORS[cause.code] : undefined
  if (known) return known
  const detail = cause?.message ?? (error instanceof Error ? error.message : String(error))
  return `Mottagaren gick inte att nå: ${detail}`
}

function describeStatus(response: Response, text: string): string {
  const redirect = response.status >= 300 && response.status < 400
  const hint = redirect ? ' Omdirigeringar följs inte: ange slutadressen i webhooken.' : ''
  const excerpt = text.trim().slice(0, 200)
  return `Mottagaren svarade HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.${hint}${excerpt ? ` Svar: ${excerpt}` : ''}`
}

/** POSTs `body` once. Anything but a 2xx answer is a failure, described in Swedish. */
export async function postWebhook(url: string, body: string, headers: Record<string, string>): Promise<SendResult> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'application/json', 'User-Agent': USER_AGENT, ...headers },
      // A POST turned into a GET by a redirect would "succeed" without delivering anything.
      redirect: 'manual',
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    })
    const text = await response.text().catch(() => '')
    if (response.ok) return { ok: true, statusCode: response.status }
    return { ok: false, statusCode: response.status, error: describeStatus(response, text) }
  } catch (error) {
    return { ok: false, statusCode: null, error: describeNetworkError(error) }
  }
}
