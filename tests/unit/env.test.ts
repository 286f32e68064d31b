import { describe, expect, it } from 'vitest'

import { EnvError, MIN_SECRET_LENGTH, parseDatabaseUrl, parseEnv, redactUrl } from '@/env'

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
