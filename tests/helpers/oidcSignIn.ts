/**
 * Drives a whole sign-in through the CMS's real endpoints (route handlers,
 * as over HTTP) and the real test provider: the start, the provider's login
 * form, the callback.
 */
import { REMOTE_ADDRESS_HEADER } from '@/runtime/serverContract.mjs'
import { FLOW_COOKIE } from '@/sso/flowCookie'
import { ProviderBrowser, type TestProvider } from './oidcProvider'
import type { RestClient } from './rest'

export type CallbackRequest = { url: URL; flowCookie: string }

export type SignInResult = {
  status: number
  location: string
  /** payload-token's value when the callback set one. */
  sessionToken: string | undefined
  response: Response
  callback: CallbackRequest
}

const cookieValue = (response: Response, name: string): string | undefined => {
  for (const cookie of response.headers.getSetCookie()) {
    const [pair] = cookie.split(';')
    if (pair!.startsWith(`${name}=`)) return pair!.slice(name.length + 1)
  }
  return undefined
}

export async function startAtCms(rest: RestClient, returnTo = '/admin'): Promise<{ authorizationUrl: URL; flowCookie: string; response: Response }> {
  const response = await rest.get(`/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}` as `/${string}`)
  const flowCookie = cookieValue(response, FLOW_COOKIE)
  if (response.status !== 302 || !flowCookie) throw new Error(`Inloggningen startade inte: ${response.status} ${response.headers.get("location")} ${await response.text()}`)
  return { authorizationUrl: new URL(response.headers.get('location')!), flowCookie, response }
}

/** Sends the provider's redirect to the CMS's callback, with the browser's flow cookie. */
export async function sendCallback(rest: RestClient, callback: CallbackRequest, address = '198.51.100.7'): Promise<Omit<SignInResult, 'callback'>> {
  const request = new Request(new URL(`/api/auth/oidc/callback${callback.url.search}`, rest.baseUrl), {
    headers: { cookie: `${FLOW_COOKIE}=${callback.flowCookie}`, [REMOTE_ADDRESS_HEADER]: address },
  })
  const response = await rest.send(request)
  return { status: response.status, location: response.headers.get('location') ?? '', sessionToken: cookieValue(response, 'payload-token'), response }
}

/** Provider's part only: the callback URL it redirects to after `login` signs in. */
export async function signInAtProvider(rest: RestClient, login: string, returnTo?: string): Promise<CallbackRequest> {
  const { authorizationUrl, flowCookie } = await startAtCms(rest, returnTo)
  const url = await new ProviderBrowser().signIn(authorizationUrl.href, login)
  return { url, flowCookie }
}

export async function signIn(rest: RestClient, _provider: TestProvider, login: string, returnTo?: string): Promise<SignInResult> {
  const callback = await signInAtProvider(rest, login, returnTo)
  return { ...(await sendCallback(rest, callback)), callback }
}
