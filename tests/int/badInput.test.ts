/**
 * Sends every case of the bad-input corpus (tests/helpers/badInputCorpus.ts)
 * through the real route handlers, signed in as an editor unless the case
 * says otherwise, and checks: a 4xx (never a 5xx), JSON with a Swedish
 * message naming the field, no stack trace, and nothing written (document
 * and version counts of every collection unchanged), except for the cases
 * the corpus marks as accepted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { badInputCorpus, type BadInputCase, type CorpusFixture, type Role } from '../helpers/badInputCorpus'
import { startTestCms, type TestCms } from '../helpers/payload'
import { createUser, type TestUser } from '../helpers/users'

let cms: TestCms
const tokens: Partial<Record<Role, string>> = {}
const accounts: Partial<Record<Role, TestUser>> = {}
let fixture: CorpusFixture
let corpus: BadInputCase[]
const statuses: number[] = []
let firstSwedishFailure: string | undefined

/** Swedish words that messages are made of; a message without any (and without å/ä/ö) is not Swedish. */
const SWEDISH_WORDS = new Set(
  'och att är inte får ska måste finns saknas för fältet fält ange kan har ett en som med till av på eller ogiltigt ogiltiga ogiltig högst minst värdet adressen förfrågan förfrågans dokumentet behörighet inloggad tillåts väntades stöds skicka okänt okänd listan texten kunde läsas vara heltal parametern'.split(
    ' ',
  ),
)
/** English words Payload's untranslated messages use; none may appear outside quotes. */
const ENGLISH_WORDS = new Set(
  'the is not must invalid found something went wrong error field value required please cannot unauthorized allowed following route unknown occurred'.split(' '),
)

/** Words outside quoted parts ("hacked", "where[title][$where]") that the person did not write themselves. */
const words = (text: string) =>
  text
    .replace(/"[^"]*"/g, ' ')
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter(Boolean)

function looksSwedish(text: string): boolean {
  const list = words(text)
  return (/[åäö]/i.test(text) || list.some((word) => SWEDISH_WORDS.has(word))) && !list.some((word) => ENGLISH_WORDS.has(word))
}

/** Every `message` string anywhere in an error body. */
function messagesOf(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => messagesOf(item, found))
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'message' && typeof inner === 'string') found.push(inner)
      else messagesOf(inner, found)
    }
  }
  return found
}

const STACK_TRACE = /\n\s+at |\bat [\w.<>]+ \(|node_modules|\.tsx?:\d|\.m?js:\d/

/** Documents and versions of every collection, through the local API (adapter-neutral). */
async function snapshotCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const collection of cms.payload.config.collections) {
    const slug = collection.slug as 'areas'
    const trash = Boolean(collection.trash) || undefined
    counts[slug] = (await cms.payload.count({ collection: slug, overrideAccess: true, ...(trash && { trash }) })).totalDocs
    if (collection.versions) counts[`${slug} (versions)`] = (await cms.payload.countVersions({ collection: slug, overrideAccess: true })).totalDocs
  }
  return counts
}

async function send(c: BadInputCase): Promise<Response> {
  const token = c.as === 'anonymous' ? undefined : tokens[c.as ?? 'editor']
  if (c.path.startsWith('/v1')) {
    return cms.rest.v1(c.path.slice('/v1'.length), { method: c.method as 'GET' | 'POST', token, headers: Object.fromEntries(Object.entries(c.headers ?? {}).filter((entry): entry is [string, string] => entry[1] !== null)) })
  }
  const headers = new Headers({ 'Content-Type': 'application/json' })
  for (const [name, value] of Object.entries(c.headers ?? {})) {
    if (value === null) headers.delete(name)
    else headers.set(name, value)
  }
  if (token) headers.set('Authorization', `JWT ${token}`)
  const body = c.body === undefined ? undefined : typeof c.body === 'string' || c.body instanceof Uint8Array ? (c.body as BodyInit) : JSON.stringify(c.body)
  return cms.rest.send(new Request(new URL(`/api${c.path}`, cms.rest.baseUrl), { method: c.method, headers, body }))
}

/** An id of the adapter's form that no document has. */
const missingIdLike = (id: number | string): string => (typeof id === 'number' ? String(2 ** 31 - 1) : String(id).replace(/[0-9a-z]/gi, 'f'))

beforeAll(async () => {
  cms = await startTestCms()
  // The admin first: the very first account always becomes an administrator.
  for (const role of ['admin', 'editor', 'reviewer'] as const) {
    const user = await createUser(cms.payload, [role])
    accounts[role] = user
    tokens[role] = (await cms.rest.login(user.email, user.password)).token!
  }
  const { payload } = cms
  const indicator = await payload.create({ collection: 'indicators', data: { code: 'KORPUS-ESL', name: 'ESL' } as never, overrideAccess: true })
  const areaDoc = await payload.create({
    collection: 'areas',
    data: {
      title: 'Korpusens sida',
      slug: 'korpusens-sida',
      body: [{ blockType: 'resultSet', surveyYear: 2023, lead: 'visar att', bullets: [{ national: 'Nationellt', local: 'Kalmar' }] }],
      _status: 'published',
    } as never,
    overrideAccess: true,
  })
  const link = await payload.create({ collection: 'links', data: { title: 'Korpuslänk', url: 'https://kalmar.se' }, overrideAccess: true })
  const section = await payload.create({ collection: 'sections', data: { title: 'Korpusavsnitt', slug: 'korpusavsnitt', members: [{ relationTo: 'areas', value: areaDoc.id }] } as never, overrideAccess: true })
  const notice = await payload.create({ collection: 'notices', data: { text: 'Korpusmeddelande', scope: 'site', startsAt: '2020-01-01T00:00:00.000Z' }, overrideAccess: true })
  const webhook = await payload.create({ collection: 'webhooks', data: { url: 'https://kalmar.example/hook', events: ['area.published'] } as never, overrideAccess: true })
  fixture = {
    areaId: areaDoc.id,
    areaRevision: (areaDoc as { revision?: number }).revision ?? undefined,
    missingId: missingIdLike(areaDoc.id),
    sectionId: section.id,
    linkId: link.id,
    linkTitle: 'Korpuslänk',
    noticeId: notice.id,
    indicatorId: indicator.id,
    indicatorCode: 'KORPUS-ESL',
    webhookId: webhook.id,
    editorId: accounts.editor!.id,
    editorEmail: accounts.editor!.email,
  }
  corpus = badInputCorpus(fixture)
})

afterAll(async () => {
  const fiveHundreds = statuses.filter((status) => status >= 500).length
  const fourHundreds = statuses.filter((status) => status >= 400 && status < 500).length
  const byStatus = Object.entries(statuses.reduce<Record<number, number>>((acc, status) => ({ ...acc, [status]: (acc[status] ?? 0) + 1 }), {}))
    .map(([status, count]) => `${status}: ${count}`)
    .join(', ')
  console.log(`Bad-input corpus: ${statuses.length} cases tried, ${fourHundreds} answered 4xx, ${fiveHundreds} answered 5xx (${byStatus}).`)
  if (firstSwedishFailure) console.log(`First message that did not look Swedish: ${firstSwedishFailure}`)
  await cms?.cleanup()
})

// The fixture's ids are only known after beforeAll; the cases' names and count do not depend on them.
const placeholder: CorpusFixture = {
  areaId: ':id',
  areaRevision: 0,
  missingId: ':missing',
  sectionId: ':id',
  linkId: ':id',
  linkTitle: '',
  noticeId: ':id',
  indicatorId: ':id',
  indicatorCode: '',
  webhookId: ':id',
  editorId: ':id',
  editorEmail: '',
}
const names = badInputCorpus(placeholder).map((c) => c.name)

describe('the corpus', () => {
  it('has at least 100 cases with distinct names', () => {
    expect(names.length).toBeGreaterThanOrEqual(100)
    expect(new Set(names).size).toBe(names.length)
  })

  it('is the same corpus whatever the ids', () => {
    expect(corpus.map((c) => c.name)).toEqual(names)
  })
})

describe('every bad request gets a 4xx with a Swedish message, and nothing is written', () => {
  it.each(names.map((name, index) => [name, index] as const))('%s', async (_name, index) => {
    const c = corpus[index]!
    const before = await snapshotCounts()
    const response = await send(c)
    const text = await response.text()
    statuses.push(response.status)

    expect(response.status, text.slice(0, 500)).toBeLessThan(500)
    expect(text, 'no stack trace or source path').not.toMatch(STACK_TRACE)

    if (c.expect.accepted) {
      expect(response.status, text.slice(0, 500)).toBe(c.expect.status)
      const doc = (JSON.parse(text) as { doc?: Record<string, unknown> }).doc
      for (const [field, value] of Object.entries(c.expect.storedVerbatim ?? {})) expect(doc?.[field], field).toBe(value)
      return
    }

    const [min, max] = c.expect.status ?? [400, 499]
    expect(response.status, text.slice(0, 500)).toBeGreaterThanOrEqual(min)
    expect(response.status, text.slice(0, 500)).toBeLessThanOrEqual(max)
    expect(response.headers.get('content-type') ?? '').toContain('application/json')
    const body = JSON.parse(text) as { message?: unknown }
    expect(typeof body.message, `a top-level message: ${text.slice(0, 300)}`).toBe('string')
    const messages = messagesOf(body)
    for (const message of messages) {
      if (!looksSwedish(message)) firstSwedishFailure ??= `${c.name}: ${message}`
      expect(looksSwedish(message), `Swedish: ${message.slice(0, 300)}`).toBe(true)
    }
    if (c.expect.field) {
      const { path, label } = c.expect.field
      const named = messages.some((message) => message.includes(path) || (label !== undefined && message.includes(label)))
      expect(named, `a message names ${path}${label ? ` (${label})` : ''}: ${messages.join(' | ').slice(0, 400)}`).toBe(true)
    }
    expect(await snapshotCounts(), 'nothing written').toEqual(before)
  })
})

describe('the swedish check itself', () => {
  it('tells Swedish messages from Payload\'s English ones', () => {
    expect(looksSwedish('Följande fält är ogiltigt: Titel')).toBe(true)
    expect(looksSwedish('Okänt fält "hacked": Jämförelseområde har inget sådant fält.')).toBe(true)
    expect(looksSwedish('Invalid JSON')).toBe(false)
    expect(looksSwedish('Route not found "/api/finns-inte"')).toBe(false)
    expect(looksSwedish('Something went wrong.')).toBe(false)
    expect(looksSwedish('The following field is invalid: title')).toBe(false)
  })
})
