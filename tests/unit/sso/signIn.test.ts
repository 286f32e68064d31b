import { describe, expect, it } from 'vitest'

import { claimValues, rolesFromClaimValues } from '@/sso/roles'
import { identityFromClaims, planSignIn, REFUSAL_MESSAGES, type DirectoryIdentity, type KnownAccount } from '@/sso/signIn'

const oidc = { rolesClaim: 'roles', roleMap: { 'CMS.Admin': 'admin', 'CMS.Redaktor': 'editor', 'grupp-123': 'reviewer' } as const }

describe('roles from claims', () => {
  it('maps each known value, ignores the rest, in a fixed order, without duplicates', () => {
    expect(rolesFromClaimValues(['Annat', 'grupp-123', 'CMS.Redaktor', 'CMS.Redaktor'], oidc.roleMap)).toEqual(['editor', 'reviewer'])
    expect(rolesFromClaimValues([], oidc.roleMap)).toEqual([])
    expect(rolesFromClaimValues(['toString', '__proto__'], oidc.roleMap)).toEqual([])
  })

  it('reads a string or a list of strings; anything else is no value', () => {
    expect(claimValues({ roles: 'CMS.Admin' }, 'roles')).toEqual(['CMS.Admin'])
    expect(claimValues({ roles: ['a', 1, null, 'b', 'a', ''] }, 'roles')).toEqual(['a', 'b'])
    expect(claimValues({ roles: { a: 1 } }, 'roles')).toEqual([])
    expect(claimValues({}, 'groups')).toEqual([])
  })
})

describe('identityFromClaims', () => {
  it('takes e-mail (lower case), name and roles from the claims; Entra ID’s preferred_username when there is no email', () => {
    const read = identityFromClaims({ iss: 'https://op', sub: 's1', preferred_username: 'Rut@Kalmar.se', name: 'Rut', roles: ['CMS.Redaktor'] }, oidc)
    expect(read).toEqual({ ok: true, identity: { issuer: 'https://op', subject: 's1', email: 'rut@kalmar.se', name: 'Rut', claimValues: ['CMS.Redaktor'], roles: ['editor'] } })
  })

  it('refuses an account without an address', () => {
    expect(identityFromClaims({ iss: 'x', sub: 's', preferred_username: 'inte-en-adress', roles: ['CMS.Admin'] }, oidc)).toMatchObject({ ok: false, reason: 'noEmail' })
  })
})

const identity = (roles: DirectoryIdentity['roles'], subject = 's1'): DirectoryIdentity => ({
  issuer: 'https://op',
  subject,
  email: 'rut@kalmar.se',
  name: 'Rut',
  claimValues: [],
  roles,
})
const account = (roles: KnownAccount['roles'], sso: KnownAccount['sso'] = { issuer: 'https://op', subject: 's1' }): KnownAccount => ({ id: 7, roles, name: 'Rut', sso })

describe('planSignIn', () => {
  it('creates a new person with roles', () => {
    expect(planSignIn(identity(['editor']), null, null)).toEqual({ kind: 'create', identity: identity(['editor']) })
  })

  it('refuses a new person without a role and creates nothing', () => {
    expect(planSignIn(identity([]), null, null)).toMatchObject({ kind: 'refuse', reason: 'noRole', account: null, revoke: false })
  })

  it('sets the roles of a known person again, noting whether they changed', () => {
    expect(planSignIn(identity(['reviewer']), account(['editor']), null)).toMatchObject({ kind: 'update', rolesChanged: true, links: false })
    expect(planSignIn(identity(['editor']), account(['editor']), null)).toMatchObject({ kind: 'update', rolesChanged: false })
  })

  it('a known person the directory gives no role any more: refused and their roles and sessions revoked', () => {
    expect(planSignIn(identity([]), account(['editor', 'reviewer']), null)).toMatchObject({ kind: 'refuse', reason: 'noRole', revoke: true })
  })

  it('a local account with the same address is linked; without a role it is left alone', () => {
    expect(planSignIn(identity(['editor']), null, account(['admin'], null))).toMatchObject({ kind: 'update', links: true })
    expect(planSignIn(identity([]), null, account(['admin'], null))).toMatchObject({ kind: 'refuse', reason: 'noRole', revoke: false })
  })

  it('an address already linked to another person of the directory is refused', () => {
    expect(planSignIn(identity(['editor'], 's2'), null, account(['editor']))).toMatchObject({ kind: 'refuse', reason: 'accountConflict', revoke: false })
  })

  it('every refusal has a Swedish message', () => {
    for (const message of Object.values(REFUSAL_MESSAGES)) expect(message).toMatch(/[åäö]|Försök|Kontakta/)
  })
})
