import { describe, expect, it } from 'vitest'

import { directorySessionExpired, passwordLoginClosed, passwordLoginRefusal } from '@/sso/passwordLogin'

const local = (roles: string[]) => ({ roles, sso: null })
const directory = { roles: ['admin'], sso: { subject: 's1' } }

describe('PASSWORD_LOGIN', () => {
  it('on: local accounts sign in, directory accounts never with a password', () => {
    expect(passwordLoginRefusal('on', local(['editor']), 'Logga in')).toBeNull()
    expect(passwordLoginRefusal('on', directory, 'Logga in')).toMatch(/loggar in med kommunens konto/)
  })

  it('admins: only local administrators', () => {
    expect(passwordLoginRefusal('admins', local(['admin']), 'Logga in')).toBeNull()
    expect(passwordLoginRefusal('admins', local(['editor', 'reviewer']), 'Logga in')).toMatch(/bara administratörers reservkonton/)
    expect(passwordLoginRefusal('admins', directory, 'Logga in')).toMatch(/loggar in med kommunens konto/)
  })

  it('off: nobody, decided before any account is looked up, naming the button to use', () => {
    expect(passwordLoginClosed('off', 'Logga in med Kalmar kommuns konto')).toBe('Inloggning med lösenord är avstängd. Logga in med knappen ”Logga in med Kalmar kommuns konto”.')
    expect(passwordLoginClosed('on', undefined)).toBeNull()
    expect(passwordLoginRefusal('off', local(['admin']), 'x')).toMatch(/avstängd/)
  })
})

describe('directory sessions end SESSION_HOURS after the sign-in, however active', () => {
  const start = Date.parse('2026-12-02T08:00:00Z')
  it('inside the lifetime: goes on; at it or past it, or unknown: ended', () => {
    expect(directorySessionExpired(new Date(start), 8, start + 7.9 * 3600_000)).toBe(false)
    expect(directorySessionExpired(new Date(start).toISOString(), 8, start + 8 * 3600_000)).toBe(true)
    expect(directorySessionExpired(undefined, 8, start)).toBe(true)
    expect(directorySessionExpired('inte ett datum', 8, start)).toBe(true)
  })
})
