import { describe, expect, it } from 'vitest'

import { EnvError, MIN_SECRET_LENGTH, parseDatabaseUrl, parseEnv, parseReleaseWarningLeads, redactUrl, usesHttps } from '@/env'

const secret = 'x'.repeat(MIN_SECRET_LENGTH)

describe('DATABASE_URL', () => {
  it('unset or empty gives the embedded SQLite file in the data folder', () => {
    for (const value of [undefined, '', '   ']) {
      expect(parseDatabaseUrl(value, 'data')).toEqual({ kind: 'sqlite', url: 'file:data/cms.db', filePath: 'data/cms.db' })
    }
    expect(parseEnv({ DATA_DIR: '/srv/cms' }).database).toMatchObject({ kind: 'sqlite', filePath: '/srv/cms/cms.db' })
  })

  it('file: gives SQLite at that path, relative or absolute', () => {
    expect(parseDatabaseUrl('file:./db/x.db', 'data')).toEqual({ kind: 'sqlite', url: 'file:./db/x.db', filePath: './db/x.db' })
    expect(parseDatabaseUrl('file:/var/lib/cms.db', 'data')).toMatchObject({ filePath: '/var/lib/cms.db' })
    expect(parseDatabaseUrl('file:///var/lib/cms.db', 'data')).toMatchObject({ filePath: '/var/lib/cms.db' })
  })

  it('mongodb:// and mongodb+srv:// give the MongoDB adapter', () => {
    expect(parseDatabaseUrl('mongodb://127.0.0.1:27017/cms', 'data')).toEqual({ kind: 'mongodb', url: 'mongodb://127.0.0.1:27017/cms' })
    expect(parseDatabaseUrl('mongodb+srv://u:p@cluster.example/cms', 'data')).toMatchObject({ kind: 'mongodb' })
  })

  it.each([
    ['postgres://u:p@localhost/cms'],
    ['mysql://localhost/cms'],
    ['sqlite:data/cms.db'],
    ['data/cms.db'],
    ['file:'],
    ['file:data/'],
    ['mongodb://'],
    ['http://localhost:27017'],
  ])('refuses %s with one line naming the variable and the accepted forms', (value) => {
    let error: unknown
    try {
      parseDatabaseUrl(value, 'data')
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(EnvError)
    const message = (error as Error).message
    expect(message).toContain('DATABASE_URL')
    expect(message).toContain('mongodb://')
    expect(message).toContain('file:')
    expect(message).not.toContain('\n')
  })

  it('never echoes a password back', () => {
    expect(() => parseDatabaseUrl('postgres://admin:hemligt@db/cms', 'data')).toThrow(/admin:\*\*\*@db/)
    expect(() => parseDatabaseUrl('postgres://admin:hemligt@db/cms', 'data')).not.toThrow(/hemligt/)
    expect(redactUrl('mongodb://u:pw@h/db')).toBe('mongodb://u:***@h/db')
  })
})

describe('PAYLOAD_SECRET', () => {
  it('is required in production', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(/PAYLOAD_SECRET saknas/)
  })

  it(`must have at least ${MIN_SECRET_LENGTH} characters in production`, () => {
    expect(() => parseEnv({ NODE_ENV: 'production', PAYLOAD_SECRET: 'kort' })).toThrow(/för kort \(4 tecken\)/)
    expect(parseEnv({ NODE_ENV: 'production', PAYLOAD_SECRET: secret }).payloadSecret).toBe(secret)
  })

  it('is optional outside production (a generated one is kept in the data folder)', () => {
    expect(parseEnv({}).payloadSecret).toBeUndefined()
    expect(parseEnv({ NODE_ENV: 'development', PAYLOAD_SECRET: 'kort' }).payloadSecret).toBe('kort')
  })

  it('is not needed while next build evaluates the config', () => {
    expect(() => parseEnv({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' })).not.toThrow()
  })
})

describe('other variables', () => {
  it('has defaults a newcomer can run with', () => {
    expect(parseEnv({})).toMatchObject({
      nodeEnv: 'development',
      isProduction: false,
      port: 3000,
      dataDir: 'data',
      serverUrl: 'http://localhost:3000',
      municipality: 'Kalmar kommun',
    })
  })

  it('follows PORT in the default server URL and strips a trailing slash from SERVER_URL', () => {
    expect(parseEnv({ PORT: '4000' }).serverUrl).toBe('http://localhost:4000')
    expect(parseEnv({ SERVER_URL: 'https://cms.kalmar.se/' }).serverUrl).toBe('https://cms.kalmar.se')
  })

  it.each(['0', '70000', 'abc', '3000.5'])('refuses PORT=%s', (port) => {
    expect(() => parseEnv({ PORT: port })).toThrow(/PORT=/)
  })

  it('takes the accessibility contact address from ACCESSIBILITY_CONTACT_EMAIL and refuses one that is not an address', () => {
    expect(parseEnv({}).contactEmail).toBe('socialforvaltningen@kalmar.se')
    expect(parseEnv({ ACCESSIBILITY_CONTACT_EMAIL: ' tillganglighet@kalmar.se ' }).contactEmail).toBe('tillganglighet@kalmar.se')
    expect(() => parseEnv({ ACCESSIBILITY_CONTACT_EMAIL: 'inte en adress' })).toThrow(/ACCESSIBILITY_CONTACT_EMAIL="inte en adress"/)
  })

  it('refuses a SERVER_URL that is not http(s)', () => {
    expect(() => parseEnv({ SERVER_URL: 'ftp://x' })).toThrow(/SERVER_URL/)
  })
})

describe('CSRF_ORIGINS', () => {
  it('always holds SERVER_URL’s origin, without path or trailing slash', () => {
    expect(parseEnv({}).csrfOrigins).toEqual(['http://localhost:3000'])
    expect(parseEnv({ SERVER_URL: 'https://cms.kalmar.se/' }).csrfOrigins).toEqual(['https://cms.kalmar.se'])
  })

  it('adds the listed origins, once each', () => {
    expect(
      parseEnv({ SERVER_URL: 'https://cms.kalmar.se', CSRF_ORIGINS: ' https://intra.kalmar.se, https://cms.kalmar.se/ ,http://localhost:3000' }).csrfOrigins,
    ).toEqual(['https://cms.kalmar.se', 'https://intra.kalmar.se', 'http://localhost:3000'])
  })

  it.each(['*', 'https://intra.kalmar.se/admin', 'intra.kalmar.se', 'ftp://intra.kalmar.se'])('refuses %s, naming the variable', (value) => {
    expect(() => parseEnv({ CSRF_ORIGINS: value })).toThrow(/CSRF_ORIGINS innehåller/)
  })
})

describe('TRUST_PROXY', () => {
  it.each([
    [undefined, 0],
    ['', 0],
    ['0', 0],
    ['false', 0],
    ['true', 1],
    ['1', 1],
    [' 2 ', 2],
  ])('TRUST_PROXY=%s trusts %i proxies', (value, hops) => {
    expect(parseEnv({ TRUST_PROXY: value }).trustedProxyHops).toBe(hops)
  })

  it.each(['yes', '-1', '1.5', '11', 'loopback'])('refuses TRUST_PROXY=%s with a line that says what it takes', (value) => {
    expect(() => parseEnv({ TRUST_PROXY: value })).toThrow(new RegExp(`TRUST_PROXY="${value}" är inte ett antal proxyer`))
  })
})

describe('usesHttps (Secure cookies)', () => {
  it('follows SERVER_URL’s scheme, not NODE_ENV: a plain-http production server keeps its sessions', () => {
    expect(usesHttps(parseEnv({ SERVER_URL: 'https://cms.kalmar.se' }))).toBe(true)
    expect(usesHttps(parseEnv({}))).toBe(false)
    expect(usesHttps(parseEnv({ NODE_ENV: 'production', PAYLOAD_SECRET: secret, SERVER_URL: 'http://cms.intra:3000' }))).toBe(false)
  })
})

describe('OIDC_* and PASSWORD_LOGIN (sign-in with the municipality’s account)', () => {
  const oidc = {
    OIDC_ISSUER: 'https://login.microsoftonline.com/katalog-id/v2.0',
    OIDC_CLIENT_ID: 'app-id',
    OIDC_CLIENT_SECRET: 'hemlighet',
    OIDC_ROLE_MAP: '{"CMS.Redaktor":"editor","CMS.Granskare":"reviewer","CMS.Admin":"admin"}',
  }
  const oneLine = (raw: Record<string, string>, ...parts: string[]) => {
    let error: unknown
    try {
      parseEnv(raw)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(EnvError)
    const message = (error as Error).message
    expect(message).not.toContain('\n')
    for (const part of parts) expect(message).toContain(part)
  }

  it('unset: no SSO, password login on, sessions of 8 hours', () => {
    expect(parseEnv({})).toMatchObject({ oidc: undefined, passwordLogin: 'on', sessionHours: 8 })
  })

  it('all four set: the config, with roles as the default claim and the label from the municipality', () => {
    expect(parseEnv(oidc).oidc).toEqual({
      issuer: oidc.OIDC_ISSUER,
      clientId: 'app-id',
      clientSecret: 'hemlighet',
      rolesClaim: 'roles',
      roleMap: { 'CMS.Redaktor': 'editor', 'CMS.Granskare': 'reviewer', 'CMS.Admin': 'admin' },
      loginLabel: 'Logga in med Kalmar kommuns konto',
    })
    expect(parseEnv({ ...oidc, OIDC_ROLES_CLAIM: 'groups', OIDC_LOGIN_LABEL: 'Logga in' }).oidc).toMatchObject({ rolesClaim: 'groups', loginLabel: 'Logga in' })
  })

  it('refuses a partial configuration, naming what is missing', () => {
    oneLine({ OIDC_ISSUER: oidc.OIDC_ISSUER }, 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_ROLE_MAP')
    oneLine({ ...oidc, OIDC_CLIENT_SECRET: '' }, 'OIDC_CLIENT_SECRET saknas')
    oneLine({ OIDC_LOGIN_LABEL: 'Logga in' }, 'OIDC_LOGIN_LABEL', 'OIDC_ISSUER')
  })

  it('refuses an issuer that is not https, and a role map that is not JSON or names an unknown role', () => {
    oneLine({ ...oidc, OIDC_ISSUER: 'http://login.example' }, 'OIDC_ISSUER', 'https')
    oneLine({ ...oidc, OIDC_ISSUER: 'https://login.example/?x=1' }, 'OIDC_ISSUER')
    oneLine({ ...oidc, OIDC_ROLE_MAP: 'CMS.Redaktor=editor' }, 'OIDC_ROLE_MAP', 'JSON')
    oneLine({ ...oidc, OIDC_ROLE_MAP: '{"CMS.Chef":"superuser"}' }, 'OIDC_ROLE_MAP', 'admin | editor | reviewer')
    oneLine({ ...oidc, OIDC_ROLE_MAP: '{}' }, 'OIDC_ROLE_MAP')
    oneLine({ ...oidc, OIDC_ROLES_CLAIM: 'roll er' }, 'OIDC_ROLES_CLAIM')
  })

  it('PASSWORD_LOGIN: on, admins or off; the last two only with SSO', () => {
    expect(parseEnv({ ...oidc, PASSWORD_LOGIN: 'admins' }).passwordLogin).toBe('admins')
    expect(parseEnv({ ...oidc, PASSWORD_LOGIN: 'OFF' }).passwordLogin).toBe('off')
    oneLine({ PASSWORD_LOGIN: 'off' }, 'PASSWORD_LOGIN=off', 'OIDC_ISSUER')
    oneLine({ ...oidc, PASSWORD_LOGIN: 'ja' }, 'PASSWORD_LOGIN', 'on, admins, off')
  })

  it('SESSION_HOURS: above 0, at most a week', () => {
    expect(parseEnv({ SESSION_HOURS: '1.5' }).sessionHours).toBe(1.5)
    for (const bad of ['0', '-1', 'åtta', '169']) oneLine({ SESSION_HOURS: bad }, 'SESSION_HOURS')
  })
})

describe('results import and open data variables', () => {
  it('default to Kalmar, Kolada\'s public API, CC0 and the server as publisher', () => {
    const env = parseEnv({})
    expect(env.municipalityCode).toBe('0880')
    expect(env.koladaUrl).toBe('https://api.kolada.se')
    expect(env.datasetLicenseUrl).toBe('https://creativecommons.org/publicdomain/zero/1.0/')
    expect(env.datasetPublisherUrl).toBe('http://localhost:3000')
    expect(parseEnv({ KOLADA_URL: 'http://127.0.0.1:9999/' }).koladaUrl).toBe('http://127.0.0.1:9999')
  })

  it('refuse a code that is not four digits and an address that is not http(s)', () => {
    expect(() => parseEnv({ MUNICIPALITY_CODE: '880' })).toThrow('MUNICIPALITY_CODE="880" är ingen kommunkod (fyra siffror, t.ex. 0880 för Kalmar).')
    expect(() => parseEnv({ KOLADA_URL: 'ftp://kolada' })).toThrow('KOLADA_URL="ftp://kolada" är ingen http(s)-adress.')
  })
})

describe('RELEASE_WARNING_LEADS', () => {
  it('defaults to 24 hours and 1 hour before the planned time', () => {
    expect(parseEnv({}).releaseWarningLeadsMs).toEqual([86_400_000, 3_600_000])
    expect(parseReleaseWarningLeads('  ')).toEqual([86_400_000, 3_600_000])
  })

  it('takes hours, minutes and seconds, longest first, without duplicates; none turns the warnings off', () => {
    expect(parseEnv({ RELEASE_WARNING_LEADS: '30s, 5m,2H,5m' }).releaseWarningLeadsMs).toEqual([7_200_000, 300_000, 30_000])
    expect(parseReleaseWarningLeads('720h')).toEqual([720 * 3_600_000])
    expect(parseReleaseWarningLeads('none')).toEqual([])
  })

  it.each(['0h', '1d', '1.5h', '24', 'h', '24h,', '-1h', '721h', 'timme'])('refuses %j, naming the variable', (raw) => {
    expect(() => parseReleaseWarningLeads(raw)).toThrow(EnvError)
    expect(() => parseEnv({ RELEASE_WARNING_LEADS: raw })).toThrow(/^RELEASE_WARNING_LEADS innehåller ".*", som inte är en tid före publiceringen\. Ange t\.ex\. 24h,1h/)
  })
})
