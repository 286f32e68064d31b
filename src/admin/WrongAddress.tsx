'use client'
import { useEffect, useState } from 'react'

import './wrongAddress.css'

type Props = {
  /** The origins the session cookie counts from (SERVER_URL plus CSRF_ORIGINS, src/env.ts). */
  allowedOrigins: string[]
  /** SERVER_URL: where to open the admin instead. */
  serverUrl: string
}

/**
 * The admin opened on another address than the one it is set up for
 * (http://127.0.0.1:3000 for http://localhost:3000): the session cookie does
 * not count there, so every save was refused with "Du får inte utföra denna
 * åtgärd.", as if the editor lacked the right. This names the address to use,
 * on the login page and above every admin view.
 */
export function WrongAddress({ allowedOrigins, serverUrl }: Props) {
  const [here, setHere] = useState<{ origin: string; target: string } | null>(null)
  useEffect(() => {
    const { origin, pathname, search } = window.location
    if (!allowedOrigins.includes(origin)) setHere({ origin, target: new URL(`${pathname}${search}`, serverUrl).toString() })
  }, [allowedOrigins, serverUrl])
  if (!here) return null
  return (
    <div role="alert" className="wrong-address">
      <p>
        Du har öppnat administrationen på <strong>{here.origin}</strong>, men den är inställd för <strong>{new URL(serverUrl).origin}</strong>. På den här adressen
        gäller inte inloggningen, så inget du sparar tas emot.{' '}
        <a href={here.target}>Öppna administrationen på {new URL(serverUrl).origin}</a>
      </p>
    </div>
  )
}
