'use client'

import { useEffect } from 'react'

/**
 * WCAG 2.2, 3.3.8 (Accessible Authentication): Payload's login form gives
 * the password field autocomplete="off"; password managers and the
 * browser's own autofill need "current-password" to fill it. Pasting works
 * as it is (nothing blocks it).
 */
export function PasswordAutocomplete() {
  useEffect(() => {
    document.querySelector('.login__form input[name="password"]')?.setAttribute('autocomplete', 'current-password')
  }, [])
  return null
}
