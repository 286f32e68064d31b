import { type NextRequest, NextResponse } from 'next/server'

export const LANGUAGE_COOKIE = 'payload-lng'

/**
 * The admin is Swedish unless a user picks English in their account settings:
 * without this, Payload would follow the browser's Accept-Language and show an
 * English admin to anyone whose browser is set to English.
 */
export function proxy(request: NextRequest) {
  if (request.cookies.has(LANGUAGE_COOKIE)) return NextResponse.next()
  const headers = new Headers(request.headers)
  const cookie = headers.get('cookie')
  headers.set('cookie', `${cookie ? `${cookie}; ` : ''}${LANGUAGE_COOKIE}=sv`)
  const response = NextResponse.next({ request: { headers } })
  response.cookies.set(LANGUAGE_COOKIE, 'sv', { path: '/', sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 })
  return response
}

export const config = { matcher: ['/admin', '/admin/:path*'] }
