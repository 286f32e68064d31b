/**
 * Draft-leak fuzz: pages in every workflow state, every draft-only text with
 * a unique marker, then several hundred generated requests over every read
 * path (Payload REST and GraphQL, /api/v1, the preview link and page, the
 * public pages). Any marker in any response a reader may not see fails, as
 * does any 5xx. The run is determined by one seed (FUZZ_SEED overrides the
 * fixed default); every failure names the seed and the request, so
 * `FUZZ_SEED=<seed> npx vitest run tests/int/draftLeak.fuzz.test.ts` repeats it.
 */
import { createHmac } from 'node:crypto'

import { getIntrospectionQuery, type GraphQLNamedType, type GraphQLSchema, type IntrospectionQuery } from 'graphql'
import { jwtSign } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { PublicSite } from '@/frontend/http'
import { createPreviewToken } from '@/preview/token'
import { loadPreview } from '@/runtime/preview'
import { paragraphsToLexical } from '@/richText/lexical'
import { getPublishedContent, getVersionPage } from '@/runtime/delivery'
import { publicPageSources } from '@/runtime/publicSite'
import { randomGraphqlQuery, schemaFromIntrospection } from '../helpers/fuzzGraphql'
import { MarkerRegistry, requestText, type MarkerScope } from '../helpers/fuzzMarkers'
import { fieldPaths, randomRestQuery, toQueryString, type FieldPath, type ValuePools } from '../helpers/fuzzQuery'
import { startTestCms, type TestCms } from '../helpers/payload'
import { createRandom, fuzzSeed, type Random } from '../helpers/random'
import { createUser, type TestUser } from '../helpers/users'

const SEED = fuzzSeed(20_250_811)
const markers = new MarkerRegistry(createRandom(SEED))
/** Each part of the run has a generator of its own, so running one test alone (`-t`) sends the same requests. */
const randomFor = (part: number) => createRandom((SEED + part * 0x9e3779b9) >>> 0)

type Id = number | string
type Account = TestUser & { token: string }
let cms: TestCms
const site = new PublicSite()
let editor: Account
let reviewer: Account
let admin: Account

// ---------------------------------------------------------------------------
// Seeding: every workflow state, every field with a marker
// ---------------------------------------------------------------------------

type Mark = (field: string) => string
const marking = (scope: MarkerScope, page: string): Mark => (field) => markers.make(scope, `${page} ${field}`)

type Page = { key: string; id: Id; liveSlug?: string; hiddenSlug?: string; retractedSlug?: string }
const pages: Page[] = []
const ids: Record<string, Id[]> = {}
const remember = (collection: string, id: Id) => (ids[collection] ??= []).push(id)

let indicatorCode = ''
let section1: Id
let section2: Id

/** A whole page whose every text field carries a marker of its own. */
function content(mark: Mark, options: { section?: Id; withIndicator?: boolean } = {}) {
  return {
    title: `Område ${mark('title')}`,
    slug: mark('slug').toLowerCase(),
    teaser: `Ingress ${mark('teaser')}`,
    intro: paragraphsToLexical([`Inledning ${mark('intro')}`, `Andra stycket ${mark('intro2')}`]),
    section: options.section,
    body: [
      {
        blockType: 'resultSet',
        surveyYear: 2023,
        lead: 'visar att',
        bullets: [
          {
            national: `Nationellt ${mark('national')}`,
            local: `Kalmar ${mark('local')}`,
            ...(options.withIndicator && indicatorCode ? { indicator: { code: indicatorCode, nationalPercent: 40, localValue: 'ja' } } : {}),
          },
          { national: `Nationellt två ${mark('national2')}`, local: `Kalmar två ${mark('local2')}` },
        ],
      },
      { blockType: 'resultSet', surveyYear: 2021, lead: 'visar bland annat', bullets: [{ national: `Äldre ${mark('national2021')}`, local: `Äldre svar ${mark('local2021')}` }] },
      { blockType: 'textSection', heading: `Rubrik ${mark('textHeading')}`, content: paragraphsToLexical([`Text ${mark('textContent')}`]) },
      { blockType: 'note', text: `OBS ${mark('note')}` },
    ],
    otherLinks: [{ title: `Länk ${mark('otherLinkTitle')}`, url: `https://kalmar.se/${mark('otherLinkUrl').toLowerCase()}` }],
  }
}

const ok = async (response: Response, what: string, status = 200) => {
  const text = await response.text()
  expect(response.status, `${what}: ${text}`).toBe(status)
  return text ? JSON.parse(text) : null
}

const transition = async (as: Account, id: Id, name: string, extra: Record<string, unknown> = {}) =>
  ok(await cms.rest.post(`/areas/${id}/workflow`, { token: as.token, body: { transition: name, ...extra } }), `${name} ${id}`)

async function createDraft(key: string, mark: Mark, section?: Id): Promise<Id> {
  const body = await ok(await cms.rest.post('/areas?draft=true', { token: editor.token, body: content(mark, { section, withIndicator: true }) }), `create ${key}`, 201)
  return body.doc.id as Id
}

async function editDraft(key: string, id: Id, mark: Mark, section?: Id) {
  // Saves name the revision they build on (optimistic concurrency), as the admin's form does.
  const working = await ok(await cms.rest.get(`/areas/${id}?draft=true&depth=0`, { token: editor.token }), `read ${key}`)
  const body = { ...content(mark, { section, withIndicator: true }), ...(working.revision !== undefined && { revision: working.revision }) }
  await ok(await cms.rest.patch(`/areas/${id}?draft=true`, { token: editor.token, body }), `edit ${key}`)
}

/** "Flytta till papperskorgen": an update that sets `deletedAt`, by an admin. */
async function moveToTrash(id: Id) {
  const working = await ok(await cms.rest.get(`/areas/${id}?draft=true&depth=0`, { token: admin.token }), `read ${id}`)
  const body = { deletedAt: new Date().toISOString(), ...(working.revision !== undefined && { revision: working.revision }) }
  await ok(await cms.rest.patch(`/areas/${id}`, { token: admin.token, body }), `trash ${id}`)
}

/** Published through the whole workflow: created as a draft, submitted, approved by another person, published. */
async function publishedPage(key: string, scope: 'published' | 'retracted'): Promise<{ id: Id; slug: string }> {
  const data = content(marking(scope, key), { section: section1, withIndicator: true })
  const id = await (async () => {
    const body = await ok(await cms.rest.post('/areas?draft=true', { token: editor.token, body: data }), `create ${key}`, 201)
    return body.doc.id as Id
  })()
  await transition(editor, id, 'submit')
  await transition(reviewer, id, 'approve')
  await transition(reviewer, id, 'publish')
  return { id, slug: data.slug }
}

const inFuture = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString()

async function seed() {
  const canary = (what: string) => markers.make('published', what)
  const hidden = (what: string) => markers.make('hidden', what)

  const indicator = await ok(
    await cms.rest.post('/indicators', { token: editor.token, body: { code: 'FUZZ-ESL', name: `Indikator ${canary('indicator name')}`, matchText: 'ESL' } }),
    'indicator',
    201,
  )
  indicatorCode = indicator.doc.code
  remember('indicators', indicator.doc.id)
  const link = await ok(await cms.rest.post('/links', { token: editor.token, body: { title: `Hemtjänst ${canary('link')}`, teaser: `Om ${canary('link teaser')}`, url: 'https://kalmar.se/hemtjanst' } }), 'link', 201)
  remember('links', link.doc.id)
  // Sections have no drafts: their names are public. Which members show is what matters.
  section1 = (await ok(await cms.rest.post('/sections', { token: editor.token, body: { title: `Avsnitt ${canary('section 1')}`, slug: 'fuzz-avsnitt' } }), 's1', 201)).doc.id
  section2 = (await ok(await cms.rest.post('/sections', { token: editor.token, body: { title: `Avsnitt två ${canary('section 2')}`, slug: 'fuzz-utkastavsnitt' } }), 's2', 201)).doc.id
  remember('sections', section1)
  remember('sections', section2)

  const neverPublished = async (key: string, steps: (id: Id) => Promise<void>) => {
    const mark = marking('hidden', key)
    const slugMarker = { value: '' }
    const id = await createDraft(key, (field) => {
      const made = mark(field)
      if (field === 'slug') slugMarker.value = made.toLowerCase()
      return made
    }, section2)
    await steps(id)
    pages.push({ key, id, hiddenSlug: slugMarker.value })
  }
  await neverPublished('N-draft', async () => undefined)
  await neverPublished('N-inReview', async (id) => void (await transition(editor, id, 'submit')))
  await neverPublished('N-changesRequested', async (id) => {
    await transition(editor, id, 'submit')
    await transition(reviewer, id, 'requestChanges', { comment: `Ändra detta ${hidden('N-changesRequested comment')}` })
  })
  await neverPublished('N-withdrawn', async (id) => {
    await transition(editor, id, 'submit')
    await transition(editor, id, 'withdraw')
  })
  await neverPublished('N-approved', async (id) => {
    await transition(editor, id, 'submit')
    await transition(reviewer, id, 'approve')
  })
  await neverPublished('N-scheduledPublish', async (id) => {
    await transition(editor, id, 'submit')
    await transition(reviewer, id, 'approve')
    await transition(reviewer, id, 'publish', { publishAt: inFuture(2) })
  })

  // Live pages: the published text is a canary; a newer working copy carries markers.
  const live = async (key: string, after: (id: Id) => Promise<void>, draftSlug = true) => {
    const { id, slug } = await publishedPage(key, 'published')
    await after(id)
    // The working copy's own address, registered by the edit inside `after`.
    const hiddenSlug = draftSlug ? markers.all.filter((marker) => marker.label === `${key} draft slug`).at(-1)?.lower : undefined
    pages.push({ key, id, liveSlug: slug, hiddenSlug })
  }
  const edit = (key: string) => (id: Id) => editDraft(key, id, marking('hidden', `${key} draft`), section2)
  await live('P-live', async () => undefined, false)
  await live('P-draft', edit('P-draft'))
  await live('P-inReview', async (id) => {
    await edit('P-inReview')(id)
    await transition(editor, id, 'submit')
  })
  await live('P-changesRequested', async (id) => {
    await edit('P-changesRequested')(id)
    await transition(editor, id, 'submit')
    await transition(reviewer, id, 'requestChanges', { comment: `Se över ${hidden('P-changesRequested comment')}` })
  })
  await live('P-approved', async (id) => {
    await edit('P-approved')(id)
    await transition(editor, id, 'submit')
    await transition(reviewer, id, 'approve')
  })
  await live('P-scheduledPublish', async (id) => {
    await edit('P-scheduledPublish')(id)
    await transition(editor, id, 'submit')
    await transition(reviewer, id, 'approve')
    await transition(reviewer, id, 'publish', { publishAt: inFuture(3) })
  })
  await live(
    'P-scheduledUnpublish',
    async (id) => void (await transition(reviewer, id, 'unpublish', { comment: `Tas ned ${hidden('P-scheduledUnpublish reason')}`, publishAt: inFuture(5) })),
    false,
  )
  await live(
    'P-republished',
    async (id) => {
      // A second published version (also live text): the record then has two versions.
      await editDraft('P-republished', id, marking('published', 'P-republished v2'), section1)
      await transition(editor, id, 'submit')
      await transition(reviewer, id, 'approve')
      await transition(reviewer, id, 'publish')
    },
    false,
  )

  // Taken down: the old text stays in the public record only.
  for (const key of ['U-unpublished', 'U-unpublishedThenEdited']) {
    const { id, slug } = await publishedPage(key, 'retracted')
    await transition(reviewer, id, 'unpublish', { comment: `Fel uppgifter ${hidden(`${key} reason`)}` })
    let hiddenSlug: string | undefined
    if (key === 'U-unpublishedThenEdited') {
      await edit(key)(id)
      hiddenSlug = markers.all.filter((marker) => marker.label === `${key} draft slug`).at(-1)?.lower
    }
    pages.push({ key, id, retractedSlug: slug, hiddenSlug })
  }
  // In the trash (Areas have `trash: true`): a never-published draft, and a page that was live.
  {
    const slug = { value: '' }
    const mark = marking('hidden', 'T-trashedDraft')
    const id = await createDraft('T-trashedDraft', (field) => {
      const made = mark(field)
      if (field === 'slug') slug.value = made.toLowerCase()
      return made
    }, section2)
    await moveToTrash(id)
    pages.push({ key: 'T-trashedDraft', id, hiddenSlug: slug.value })
    const live = await publishedPage('T-trashedLive', 'retracted')
    await moveToTrash(live.id)
    pages.push({ key: 'T-trashedLive', id: live.id, retractedSlug: live.slug })
  }
  for (const page of pages) remember('areas', page.id)

  // The sections list every kind of page, drafts included; only published ones may show.
  const areaMembers = random0.shuffle(pages).map((page) => ({ relationTo: 'areas', value: page.id }))
  await ok(await cms.rest.patch(`/sections/${section1}`, { token: editor.token, body: { members: [...areaMembers, { relationTo: 'links', value: link.doc.id }] } }), 'members 1')
  const drafts = pages.filter((page) => page.key.startsWith('N-')).map((page) => ({ relationTo: 'areas', value: page.id }))
  await ok(await cms.rest.patch(`/sections/${section2}`, { token: editor.token, body: { members: drafts } }), 'members 2')
  // An indicator that points at a never-published page.
  await ok(await cms.rest.patch(`/indicators/${indicator.doc.id}`, { token: editor.token, body: { area: pages[0]!.id } }), 'indicator area')

  // Notices: only those active now are for readers.
  const day = 86_400_000
  const notice = async (text: string, body: string, startsAt: number, endsAt?: number, section?: Id) => {
    const created = await ok(
      await cms.rest.post('/notices', {
        token: editor.token,
        body: {
          text,
          body,
          startsAt: new Date(startsAt).toISOString(),
          endsAt: endsAt ? new Date(endsAt).toISOString() : undefined,
          scope: section ? 'section' : 'site',
          section,
        },
      }),
      `notice ${text}`,
      201,
    )
    remember('notices', created.doc.id)
  }
  const now = Date.now()
  await notice(`Driftstörning ${canary('notice active')}`, `Mer ${canary('notice active body')}`, now - day, now + 10 * day)
  await notice(`Avsnittsmeddelande ${canary('notice section active')}`, 'Gäller avsnittet', now - day, undefined, section1)
  await notice(`Kommande ${hidden('notice future')}`, `Kommande text ${hidden('notice future body')}`, now + 5 * day)
  await notice(`Gammalt ${hidden('notice expired')}`, `Gammal text ${hidden('notice expired body')}`, now - 10 * day, now - 5 * day)
  await notice(`Kommande i avsnitt ${hidden('notice future section')}`, 'x', now + 5 * day, undefined, section1)

  // Review comments written directly (staff only).
  for (const page of pages.slice(0, 3)) {
    const comment = await ok(
      await cms.rest.post('/comments', { token: editor.token, body: { collectionSlug: 'areas', documentId: String(page.id), text: `Synpunkt ${hidden(`${page.key} comment`)}` } }),
      'comment',
      201,
    )
    remember('comments', comment.doc.id)
  }
  // An edit lock: an internal collection that points at a draft.
  await cms.payload.create({
    collection: 'payload-locked-documents',
    data: { document: { relationTo: 'areas', value: pages[0]!.id }, globalSlug: null, user: { relationTo: 'users', value: editor.id } } as never,
    overrideAccess: true,
  })

  for (const collection of ['publication-history', 'published-snapshots', 'audit-log', 'users', 'payload-locked-documents', 'payload-preferences']) {
    const { docs } = await cms.payload.find({ collection: collection as 'users', limit: 200, depth: 0, overrideAccess: true, pagination: false })
    for (const doc of docs) remember(collection, doc.id)
  }
  const versions = await cms.payload.findVersions({ collection: 'areas', limit: 500, depth: 0, overrideAccess: true, pagination: false })
  for (const version of versions.docs) remember('areas-versions', version.id)
}

const random0 = randomFor(0)

// ---------------------------------------------------------------------------
// The ledger: every probe, its status, what it found
// ---------------------------------------------------------------------------

type Outcome = { status: number; text: string }
type Probe = {
  describe: string
  /** Markers that the request itself carries (an echoed slug is no leak). */
  reflected: string
  /** Scopes that must not appear; 'hidden' always. */
  forbidden: MarkerScope[]
  run: () => Promise<Outcome>
  /** Further conditions on the answer (e.g. "a draft's slug is never a 200"). */
  check?: (outcome: Outcome) => string | null
}
type Finding = { index: number; part: string; request: string; problem: string }

const summary = { requests: new Map<string, number>(), statuses: new Map<string, number>(), canaries: new Map<string, number>(), leaks: 0, serverErrors: 0, ms: new Map<string, number>() }
const bump = (map: Map<string, number>, key: string, by = 1) => map.set(key, (map.get(key) ?? 0) + by)

async function responseOutcome(response: Response): Promise<Outcome> {
  const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n')
  return { status: response.status, text: `${headers}\n\n${await response.text()}` }
}

async function runProbes(part: string, probes: Probe[]): Promise<Finding[]> {
  const findings: Finding[] = []
  const started = Date.now()
  for (const [index, probe] of probes.entries()) {
    let outcome: Outcome
    try {
      outcome = await probe.run()
    } catch (error) {
      outcome = { status: 599, text: `threw: ${error instanceof Error ? `${error.message}\n${error.stack}` : String(error)}` }
    }
    bump(summary.requests, part)
    bump(summary.statuses, `${part} ${outcome.status}`)
    if (markers.has(outcome.text, 'published')) bump(summary.canaries, part)
    const report = (problem: string) => findings.push({ index, part, request: probe.describe, problem })
    for (const leak of markers.find(outcome.text, probe.forbidden, probe.reflected)) {
      summary.leaks += 1
      report(`LÄCKA: ${leak.marker.scope}-markör "${leak.marker.text}" (${leak.marker.label}) i svaret (status ${outcome.status}): …${leak.excerpt}…`)
    }
    if (outcome.status >= 500) {
      summary.serverErrors += 1
      report(`5xx: status ${outcome.status}: ${outcome.text.slice(0, 1500)}`)
    }
    const problem = probe.check?.(outcome)
    if (problem) report(`${problem} (status ${outcome.status}): ${outcome.text.slice(0, 600)}`)
  }
  bump(summary.ms, part, Date.now() - started)
  return findings
}

function failureMessage(part: string, findings: Finding[]): string {
  const shown = findings.slice(0, 8).map((finding) => `  #${finding.index} ${finding.request}\n    → ${finding.problem}`)
  return [
    `${findings.length} problem(s) in "${part}" with FUZZ_SEED=${SEED} (repeat: FUZZ_SEED=${SEED} npx vitest run tests/int/draftLeak.fuzz.test.ts -t "${part}")`,
    ...shown,
    findings.length > 8 ? `  … and ${findings.length - 8} more` : '',
  ].join('\n')
}

async function expectClean(part: string, probes: Probe[]) {
  const findings = await runProbes(part, probes)
  const serverErrors = findings.filter((finding) => finding.problem.startsWith('5xx'))
  const others = findings.filter((finding) => !finding.problem.startsWith('5xx'))
  expect.soft(others.length, failureMessage(part, others)).toBe(0)
  expect.soft(serverErrors.length, failureMessage(`${part}`, serverErrors)).toBe(0)
}

const ALWAYS: MarkerScope[] = ['hidden', 'retracted']

// ---------------------------------------------------------------------------
// Who is asking: nobody, or someone with a token that must not count
// ---------------------------------------------------------------------------

type Who = { name: string; headers: Record<string, string> }
let badCredentials: Who[] = []
let editorCredentials: Who[] = []

async function makeCredentials() {
  const claims = { id: editor.id, collection: 'users', email: editor.email, roles: ['admin'] }
  const expired = (await jwtSign({ fieldsToSign: claims, secret: cms.payload.secret, tokenExpiration: -3600 })).token
  const wrongSecret = (await jwtSign({ fieldsToSign: claims, secret: 'x'.repeat(32), tokenExpiration: 3600 })).token
  const [header, body] = editor.token.split('.')
  const forgedBody = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body!, 'base64url').toString()), roles: ['admin'] })).toString('base64url')
  const tampered = `${header}.${forgedBody}.${editor.token.split('.')[2]}`
  const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${forgedBody}.`
  // A real session of an account that has since been deleted.
  const leaver = await createUser(cms.payload, ['editor'], 'Slutat')
  const leaverToken = (await cms.rest.login(leaver.email, leaver.password)).token!
  await cms.payload.delete({ collection: 'users', id: leaver.id, overrideAccess: true })
  badCredentials = [
    { name: 'anonymous', headers: {} },
    { name: 'anonymous', headers: {} },
    { name: 'anonymous', headers: {} },
    { name: 'garbage JWT', headers: { Authorization: 'JWT inte.en.token' } },
    { name: 'expired JWT', headers: { Authorization: `JWT ${expired}` } },
    { name: 'wrong-secret JWT', headers: { Authorization: `JWT ${wrongSecret}` } },
    { name: 'tampered JWT', headers: { Authorization: `JWT ${tampered}` } },
    { name: 'alg none JWT', headers: { Authorization: `JWT ${unsigned}` } },
    { name: 'deleted user JWT', headers: { Authorization: `JWT ${leaverToken}` } },
    { name: 'expired cookie', headers: { Cookie: `payload-token=${expired}` } },
    { name: 'tampered cookie', headers: { Cookie: `payload-token=${tampered}; other=1` } },
    { name: 'bearer garbage', headers: { Authorization: 'Bearer abc.def.ghi' } },
    { name: 'API key', headers: { Authorization: 'users API-Key 00000000-0000-0000-0000-000000000000' } },
  ]
  editorCredentials = [
    { name: 'editor JWT', headers: { Authorization: `JWT ${editor.token}` } },
    { name: 'editor cookie', headers: { Cookie: `payload-token=${editor.token}` } },
    { name: 'admin JWT', headers: { Authorization: `JWT ${admin.token}` } },
    { name: 'reviewer cookie', headers: { Cookie: `payload-token=${reviewer.token}` } },
  ]
}

const describeRequest = (method: string, url: string, who: Who, body?: string) =>
  `${who.name} ${method} ${url}${Object.keys(who.headers).length ? ` headers=${JSON.stringify(who.headers).slice(0, 160)}` : ''}${body ? ` body=${body.slice(0, 300)}` : ''}`

// ---------------------------------------------------------------------------
// Value pools and slugs
// ---------------------------------------------------------------------------

const allIds = () => Object.values(ids).flat()
const hiddenSlugs = () => pages.flatMap((page) => (page.hiddenSlug ? [page.hiddenSlug] : []))
const retractedSlugs = () => pages.flatMap((page) => (page.retractedSlug ? [page.retractedSlug] : []))
const liveSlugs = () => pages.flatMap((page) => (page.liveSlug ? [page.liveSlug] : []))
const allSlugs = () => [...liveSlugs(), ...hiddenSlugs(), ...retractedSlugs(), 'fuzz-avsnitt', 'fuzz-utkastavsnitt', 'finns-inte']

function pools(random: Random): ValuePools {
  const hiddenMarkers = markers.all.filter((marker) => marker.scope === 'hidden')
  return {
    ids: allIds(),
    slugs: allSlugs(),
    strings: ['UTKAST', 'utkast', 'AVPUBL', 'Område', 'Kalmar', 'draft', 'published', '%UTKAST%', ...random.some(hiddenMarkers, 3, 3).map((marker) => marker.text)],
  }
}

/** The collections a reader may query, weighted towards those that hold drafts or point at them. */
const REST_COLLECTIONS: [string, number][] = [
  ['areas', 10],
  ['sections', 4],
  ['indicators', 3],
  ['links', 1],
  ['notices', 2],
  ['comments', 2],
  ['publication-history', 1],
  ['published-snapshots', 1],
  ['audit-log', 1],
  ['users', 1],
  ['payload-locked-documents', 1],
  ['payload-preferences', 1],
  ['payload-jobs', 1],
  ['webhooks', 0.5],
  ['webhook-deliveries', 0.5],
]

const pathsCache = new Map<string, FieldPath[]>()
const pathsOf = (collection: string) => {
  if (!pathsCache.has(collection)) pathsCache.set(collection, fieldPaths(cms.payload, collection))
  return pathsCache.get(collection)!
}

// ---------------------------------------------------------------------------
// Generators, one per read path
// ---------------------------------------------------------------------------

function restProbe(random: Random, who: Who, forbidden: MarkerScope[], collections = REST_COLLECTIONS): Probe {
  const collection = random.weighted(collections)
  const paths = pathsOf(collection)
  const collectionIds = ids[collection] ?? []
  const someId = () => (collectionIds.length && random.bool(0.85) ? random.pick(collectionIds) : random.pick(allIds()))
  const shape = random.weighted([
    ['list', 6],
    ['byId', 5],
    ['count', 1],
    ['versions', collection === 'areas' ? 2 : 0.3],
    ['versionById', collection === 'areas' ? 2 : 0.2],
    ['preview', collection === 'areas' ? 1 : 0.2],
    ['quality', collection === 'areas' ? 0.5 : 0],
    ['overrideGet', 1],
    ['docAccess', 0.3],
  ] as const)
  const query = toQueryString(randomRestQuery(random, paths, pools(random), ['areas', 'sections', 'links', 'users']), random.bool(0.7))
  const withQuery = (path: string) => (query ? `${path}?${query}` : path)
  let method: 'GET' | 'POST' = 'GET'
  let path: string
  let body: string | undefined
  const headers: Record<string, string> = { ...who.headers }
  switch (shape) {
    case 'list':
      path = withQuery(`/${collection}`)
      break
    case 'byId':
      path = withQuery(`/${collection}/${encodeURIComponent(String(someId()))}`)
      break
    case 'count':
      path = withQuery(`/${collection}/count`)
      break
    case 'versions':
      path = withQuery(`/${collection}/versions`)
      break
    case 'versionById':
      path = withQuery(`/${collection}/versions/${random.pick(ids['areas-versions'] ?? [1])}`)
      break
    case 'preview':
      path = withQuery(`/${collection}/${someId()}/preview`)
      break
    case 'quality':
      path = `/${collection}/${someId()}/quality`
      break
    case 'docAccess':
      method = 'POST'
      path = `/${collection}/access/${someId()}`
      body = '{}'
      break
    default:
      // Payload's "POST as GET" for long queries: the query travels in the body.
      method = 'POST'
      path = random.bool(0.5) ? `/${collection}` : `/${collection}/${someId()}`
      headers['X-Payload-HTTP-Method-Override'] = 'GET'
      if (random.bool(0.7)) {
        headers['Content-Type'] = 'application/x-www-form-urlencoded'
        body = query
      } else {
        body = JSON.stringify({ where: { _status: { equals: 'draft' } }, draft: true, depth: 3 })
      }
  }
  const description = describeRequest(method, `/api${path}`, { ...who, headers }, body)
  return {
    describe: description,
    reflected: requestText(path, body),
    forbidden,
    run: async () => responseOutcome(await cms.rest.request(method, path as `/${string}`, { headers, body })),
  }
}

let schema: GraphQLSchema
const TYPE_IDS: [RegExp, string][] = [
  [/^Area(Version)?$|^versionArea/i, 'areas'],
  [/^Section/i, 'sections'],
  [/^Link/i, 'links'],
  [/^Notice/i, 'notices'],
  [/^Comment/i, 'comments'],
  [/^Indicator/i, 'indicators'],
  [/^User/i, 'users'],
  [/^PublicationHistor/i, 'publication-history'],
  [/^PublishedSnapshot/i, 'published-snapshots'],
  [/^AuditLog/i, 'audit-log'],
]
const idsForType = (type: GraphQLNamedType) => {
  if (/Version/.test(type.name) && /^Area/.test(type.name)) return ids['areas-versions'] ?? []
  const match = TYPE_IDS.find(([pattern]) => pattern.test(type.name))
  return match ? (ids[match[1]] ?? []) : allIds()
}

function rootFields(weightFor: (name: string) => number): string[] {
  const names = Object.keys(schema.getQueryType()!.getFields())
  return names.flatMap((name) => Array.from({ length: weightFor(name) }, () => name))
}

function graphqlProbe(random: Random, who: Who, forbidden: MarkerScope[], roots: string[]): Probe {
  const request = randomGraphqlQuery(schema, random, pools(random), { roots, idsFor: idsForType })
  return {
    describe: `${who.name} POST /api/graphql ${JSON.stringify(request).slice(0, 1200)}${Object.keys(who.headers).length ? ` headers=${JSON.stringify(who.headers).slice(0, 160)}` : ''}`,
    reflected: requestText(request.query),
    forbidden,
    run: async () => responseOutcome(await cms.rest.graphQL(request.query, { headers: who.headers, variables: request.variables })),
  }
}

const V1_ODD_QUERIES = [
  'draft=true&preview=1',
  'draft=1&depth=5',
  'where[_status][equals]=draft',
  'where%5B_status%5D%5Bequals%5D=draft&draft=true',
  'locale=all&draft=true',
  'select[teaser]=true&draft=true',
  'populate[areas]=true',
  'preview=true&token=',
  '_status=draft',
  'version=latest',
  'x='.padEnd(5000, 'y'),
  'sort=-title&draft=true',
  'section=fuzz-utkastavsnitt',
  'limit=100&page=1&draft=true',
  'utkast=%E2%9C%93',
  'draft',
  'draft=true&draft=false',
  'draft[]=true',
]

function v1Probe(random: Random, who: Who): Probe {
  const slugPool = random.weighted([
    ['hidden', 4],
    ['retracted', 2],
    ['live', 3],
    ['odd', 1],
  ] as const)
  const slug =
    slugPool === 'hidden' ? random.pick(hiddenSlugs()) : slugPool === 'retracted' ? random.pick(retractedSlugs()) : slugPool === 'live' ? random.pick(liveSlugs()) : random.pick(['finns-inte', 'fuzz-avsnitt', '', 'ÅÄÖ'])
  const encodedSlug = random.weighted([
    [slug, 6],
    [encodeURIComponent(slug), 1],
    [slug.replace(/-/g, '%2D'), 1],
    [slug.toUpperCase(), 1],
    [`${slug}/`, 1],
    [`..%2F${slug}`, 1],
    [`%2e%2e/${slug}`, 1],
    [`${slug}%00`, 1],
    [`${slug}%E0%A4%A`, 0.5],
    [`${slug};draft=true`, 0.5],
  ] as const)
  const route = random.weighted([
    [`/areas/${encodedSlug}`, 6],
    [`/areas/${encodedSlug}/versions`, 2],
    [`/areas/${encodedSlug}/versions/${random.int(0, 4)}`, 2],
    [`/areas/${encodedSlug}/indicators`, 1],
    ['/areas', 3],
    [`/sections/${random.pick(['fuzz-avsnitt', 'fuzz-utkastavsnitt', encodedSlug])}`, 1.5],
    ['/sections', 1],
    ['/notices', 1.5],
    ['/openapi.json', 0.3],
    [`//areas//${encodedSlug}`, 0.5],
    [`/ar%65as/${encodedSlug}`, 0.5],
    [`/areas/${encodedSlug}/../${random.pick(hiddenSlugs())}`, 0.5],
  ] as const)
  const listQuery = route === '/areas' ? random.pick(['', 'sort=-lastPublishedAt', 'section=fuzz-avsnitt', 'section=fuzz-utkastavsnitt', 'limit=100', 'page=2&limit=1', 'sort=password']) : ''
  const odd = random.bool(0.6) ? random.pick(V1_ODD_QUERIES) : ''
  const query = [listQuery, odd].filter(Boolean).join('&')
  const path = query ? `${route}?${query}` : route
  const method = random.weighted([
    ['GET', 10],
    ['HEAD', 1],
    ['OPTIONS', 0.5],
    ['POST', 0.5],
  ] as const)
  const headers: Record<string, string> = { ...who.headers }
  if (random.bool(0.1)) headers['If-None-Match'] = '*'
  if (random.bool(0.1)) headers.Origin = 'https://www.kalmar.se'
  if (random.bool(0.05)) headers['X-Payload-HTTP-Method-Override'] = 'GET'
  // Classified the way the server routes it: the URL normalised, empty segments dropped, each decoded.
  const segments = new URL(`/api/v1${route}`, 'http://x').pathname.split('/').slice(3).filter(Boolean).map((part) => {
    try {
      return decodeURIComponent(part)
    } catch {
      return part
    }
  })
  const isHistory = segments[0] === 'areas' && segments[2] === 'versions'
  const draftOnly = (hiddenSlugs().includes(segments[1] ?? '') && segments[0] === 'areas') || (retractedSlugs().includes(segments[1] ?? '') && !isHistory)
  const pathSlug = segments[0] === 'areas' && segments.length >= 2
  return {
    describe: describeRequest(method, `/api/v1${path}`, { ...who, headers }),
    reflected: requestText(path),
    forbidden: isHistory ? ['hidden'] : ALWAYS,
    run: async () => responseOutcome(await cms.rest.v1(path, { method, headers })),
    // A page that is not live has no address: not a 200, whatever the request says.
    check: (outcome) => (pathSlug && draftOnly && method === 'GET' && outcome.status === 200 ? `"${segments[1]}" (${slugPool}) svarade 200` : null),
  }
}

// ---------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------

beforeAll(async () => {
  console.log(`draft-leak fuzz: FUZZ_SEED=${SEED}`)
  cms = await startTestCms()
  const login = async (user: TestUser) => ({ ...user, token: (await cms.rest.login(user.email, user.password)).token! })
  admin = await login(await createUser(cms.payload, ['admin']))
  editor = await login(await createUser(cms.payload, ['editor']))
  reviewer = await login(await createUser(cms.payload, ['reviewer']))
  const started = Date.now()
  await seed()
  await makeCredentials()
  const introspection = await cms.rest.graphQL(getIntrospectionQuery(), { token: admin.token })
  const result = (await introspection.json()) as { data: IntrospectionQuery }
  schema = schemaFromIntrospection(result.data)
  bump(summary.ms, 'seed', Date.now() - started)
}, 180_000)

afterAll(async () => {
  const total = [...summary.requests.values()].reduce((sum, count) => sum + count, 0)
  const lines = [
    `draft-leak fuzz summary (FUZZ_SEED=${SEED}): ${total} requests, ${summary.leaks} leaks, ${summary.serverErrors} 5xx`,
    ...[...summary.requests].map(([part, count]) => `  ${part}: ${count} requests, ${summary.canaries.get(part) ?? 0} with live text, ${summary.ms.get(part) ?? 0} ms`),
    `  seeding: ${summary.ms.get('seed') ?? 0} ms, ${markers.all.length} markers (${markers.all.filter((marker) => marker.scope !== 'published').length} draft-only or retracted)`,
    '  statuses:',
    ...[...summary.statuses].sort(([a], [b]) => a.localeCompare(b)).map(([key, count]) => `    ${key}: ${count}`),
  ]
  console.log(lines.join('\n'))
  await cms?.cleanup()
})

describe('draft-leak fuzz', () => {
  it('seeded every workflow state with markers in every field', async () => {
    const states = await Promise.all(
      pages.map(async (page) => {
        const working = await cms.payload.findByID({ collection: 'areas', id: page.id, draft: true, depth: 0, overrideAccess: true, trash: true })
        return `${page.key}:${working.deletedAt ? 'trash' : working.workflowState}`
      }),
    )
    expect(states).toEqual([
      'N-draft:draft',
      'N-inReview:inReview',
      'N-changesRequested:changesRequested',
      'N-withdrawn:draft',
      'N-approved:approved',
      'N-scheduledPublish:approved',
      'P-live:published',
      'P-draft:draft',
      'P-inReview:inReview',
      'P-changesRequested:changesRequested',
      'P-approved:approved',
      'P-scheduledPublish:approved',
      'P-scheduledUnpublish:published',
      'P-republished:published',
      'U-unpublished:unpublished',
      'U-unpublishedThenEdited:draft',
      'T-trashedDraft:trash',
      'T-trashedLive:trash',
    ])
    // The markers are really stored (a leak test over text that is not there would prove nothing).
    const draft = JSON.stringify(await cms.payload.findByID({ collection: 'areas', id: pages[0]!.id, draft: true, depth: 0, overrideAccess: true }))
    expect(markers.find(draft, ['hidden']).length).toBeGreaterThanOrEqual(15)
    expect(hiddenSlugs()).toHaveLength(6 + 5 + 1 + 1)
    expect(retractedSlugs()).toHaveLength(3)
  })

  it('Payload REST: anonymous and bad-token requests see no draft', async () => {
    const random = randomFor(1)
    const probes = Array.from({ length: 260 }, () => restProbe(random, random.pick(badCredentials), ALWAYS))
    await expectClean('Payload REST', probes)
  })

  it('GraphQL: anonymous and bad-token queries see no draft', async () => {
    const random = randomFor(2)
    const roots = rootFields((name) => (/^(Area|Areas|versionsAreas|versionArea|Sections?|Indicators?)$/.test(name) ? 6 : /^(me|initialized|Access)/.test(name) ? 0 : 1))
    const probes = Array.from({ length: 130 }, () => graphqlProbe(random, random.pick(badCredentials), ALWAYS, roots))
    await expectClean('GraphQL', probes)
  })

  it('/api/v1: anonymous and signed-in requests with odd paths, queries and headers see published text only', async () => {
    const random = randomFor(3)
    const probes = Array.from({ length: 180 }, (_, index) => v1Probe(random, index % 2 ? random.pick(editorCredentials) : random.pick(badCredentials)))
    await expectClean('/api/v1', probes)
  })

  it('preview endpoint: no link without a valid session, and no draft text in the redirect', async () => {
    const random = randomFor(4)
    const areaIds = ids.areas!
    const probes: Probe[] = Array.from({ length: 50 }, (_, index) => {
      const who = index % 5 === 4 ? random.pick(editorCredentials) : random.pick(badCredentials)
      const signedIn = editorCredentials.includes(who)
      const id = random.bool(0.9) ? random.pick(areaIds) : random.pick(['999999', 'x', '..', '%2e%2e'])
      const path = random.weighted([
        [`/areas/${id}/preview`, 6],
        [`/areas/${id}/preview?draft=true&token=${encodeURIComponent(createPreviewToken({ collection: 'areas', id, userId: editor.id }, 'fel-hemlighet'.repeat(3)))}`, 1],
        [`/areas/${id}/quality`, signedIn ? 0 : 2],
        [`/sections/${random.pick(ids.sections!)}/preview`, 1],
      ] as const)
      return {
        describe: describeRequest('GET', `/api${path}`, who),
        reflected: requestText(path),
        forbidden: ALWAYS,
        run: async () => responseOutcome(await cms.rest.get(path as `/${string}`, { headers: who.headers })),
        // Without a valid session there is no link to follow: never a redirect or a 2xx.
        check: (outcome) => (!signedIn && outcome.status < 400 ? 'utan giltig inloggning gav förhandsgranskningen inget fel' : null),
      }
    })
    await expectClean('preview endpoint', probes)
  })

  it('preview page: tampered, expired and malformed tokens show no draft (the loader and the rendered page)', async () => {
    const random = randomFor(5)
    const secret = cms.payload.secret
    const valid = (id: Id) => createPreviewToken({ collection: 'areas', id, userId: editor.id }, secret)
    // The loader's own signing, to sign claims of the wrong shape (white-box: a changed key derivation only turns these into "signature" refusals).
    const signRaw = (claims: unknown) => {
      const encoded = Buffer.from(JSON.stringify(claims)).toString('base64url')
      const key = createHmac('sha256', secret).update('oppna-jamforelser/preview/v1').digest()
      return `${encoded}.${createHmac('sha256', key).update(encoded).digest('base64url')}`
    }
    const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1)
    const draftIds = pages.filter((page) => page.hiddenSlug || page.retractedSlug).map((page) => page.id)
    const tokens = Array.from({ length: 40 }, (): [string, string | undefined] => {
      const id = random.pick(draftIds)
      const token = valid(id)
      const [claims, signature] = token.split('.') as [string, string]
      const other = valid(random.pick(draftIds.filter((candidate) => candidate !== id)))
      const variants: [[string, string | undefined], number][] = [
        [['claims changed', flip(token, random.int(0, claims.length - 1))], 3],
        [['signature changed', flip(token, claims.length + 1 + random.int(0, signature.length - 1))], 3],
        [["another token's signature", `${claims}.${other.split('.')[1]}`], 2],
        [['another secret', createPreviewToken({ collection: 'areas', id, userId: editor.id }, 'en-annan-hemlighet-som-inte-galler')], 2],
        [['expired', createPreviewToken({ collection: 'areas', id, userId: editor.id }, secret, new Date(Date.now() - 2 * 3600_000))], 3],
        [['expired by a second', signRaw({ c: 'areas', id: String(id), u: String(editor.id), exp: Math.floor(Date.now() / 1000) - 1 })], 1],
        [['other collection', createPreviewToken({ collection: 'sections', id: ids.sections![0]!, userId: editor.id }, secret)], 1],
        [['wrong claim types', signRaw({ c: 'areas', id: Number(id), u: null, exp: 'never' })], 1],
        [['no such page', createPreviewToken({ collection: 'areas', id: 987654, userId: editor.id }, secret)], 1],
        [['extra segment', `${token}.x`], 1],
        [['truncated', token.slice(0, random.int(1, token.length - 2))], 1],
        [['claims only', claims], 1],
        [['empty', ''], 0.5],
        [['missing', undefined], 0.5],
        [['dots', '..'], 0.5],
        [['unicode', `${claims}.ÅÄÖ🙂`], 0.5],
        [['very long', `${claims}.${'A'.repeat(100_000)}`], 0.5],
        // A base64url token is unchanged by encodeURIComponent; a proxy that encodes twice turns its dots into %252E.
        [['encoded twice', encodeURIComponent(encodeURIComponent(token.replaceAll('.', '%2E')))], 0.5],
        [['spaces', ` ${token} `], 0.5],
      ]
      return random.weighted(variants)
    })
    const probes: Probe[] = tokens.flatMap(([kind, token]): Probe[] => [
      {
        describe: `loadPreview(${kind}: ${JSON.stringify(token ?? null).slice(0, 200)})`,
        reflected: '',
        forbidden: ALWAYS,
        run: async () => {
          const result = await loadPreview(token)
          return { status: result.ok ? 200 : result.status, text: JSON.stringify(result) }
        },
        check: (outcome) => (outcome.status === 200 ? `en ogiltig nyckel (${kind}) gav förhandsgranskningen` : null),
      },
      {
        describe: `render /forhandsgranska?token=(${kind}: ${JSON.stringify(token ?? null).slice(0, 200)})`,
        reflected: '',
        forbidden: ALWAYS,
        run: () => visit(token === undefined ? '/forhandsgranska' : `/forhandsgranska?token=${encodeURIComponent(token)}`),
        check: (outcome) => (outcome.text.includes('Förhandsgranskningen kan inte visas') ? null : `en ogiltig nyckel (${kind}) visade en sida`),
      },
    ])
    await expectClean('preview page', probes)

    // The control: a valid link does show the draft, so the refusals above are the tokens' doing.
    const control = pages.find((page) => page.key === 'N-draft')!
    const shown = await loadPreview(valid(control.id))
    expect(shown.ok).toBe(true)
    expect(markers.find(JSON.stringify(shown), ['hidden']).length).toBeGreaterThan(5)
    const { text: html } = await visit(`/forhandsgranska?token=${valid(control.id)}`)
    expect(markers.find(html, ['hidden']).length).toBeGreaterThan(5)
  })

  it('public pages: every address, draft or not, renders published text only', async () => {
    const odd = ['FINNS-INTE', 'fuzz-avsnitt', '..', '%2e%2e', 'å', '']
    const probes: Probe[] = []
    const page = (describe: string, reflected: string, forbidden: MarkerScope[], run: () => Promise<Outcome>, check?: Probe['check']) =>
      probes.push({ describe, reflected, forbidden, run, check })
    const data = (render: () => Promise<string>) => async (): Promise<Outcome> => ({ status: 200, text: await render() })
    page('GET /', '', ALWAYS, () => visit('/'))
    page('GET /tillganglighet', '', ALWAYS, () => visit('/tillganglighet'))
    for (const slug of [...allSlugs(), ...odd]) {
      const path = `/jamforelser/${encodeURIComponent(slug)}`
      const notLive = hiddenSlugs().includes(slug) || retractedSlugs().includes(slug)
      // The page's <head> (title, description) is in the same HTML.
      page(`GET ${path}`, slug, ALWAYS, () => visit(path), (outcome) =>
        notLive && outcome.status !== 404 ? `${path} visades fast sidan inte är publicerad` : null,
      )
      page(`GET ${path}/historik`, slug, ['hidden'], () => visit(`${path}/historik`))
      for (const number of ['1', '2', '0', 'x']) {
        page(`GET ${path}/historik/${number}`, slug, ['hidden'], () => visit(`${path}/historik/${number}`))
      }
      page(`catalog data for ${slug}`, slug, ALWAYS, data(async () => {
        const content = await getPublishedContent()
        return JSON.stringify([content.areaPage(slug), content.section(slug), content.activeNotices({ sectionSlug: slug }), content.areaList({ section: slug, limit: 100 })])
      }))
      page(`version data for ${slug}`, slug, ['hidden'], data(async () => JSON.stringify([(await getPublishedContent()).versionList(slug), await getVersionPage(slug, 1), await getVersionPage(slug, 2)])))
    }
    await expectClean('public pages', probes)
  })

  it('staff-only collections: an editor reads no draft text in the record, the snapshots or the audit log', async () => {
    const random = randomFor(6)
    const staffOnly: [string, number][] = [
      ['publication-history', 4],
      ['published-snapshots', 2],
      ['audit-log', 2],
      ['webhooks', 1],
      ['webhook-deliveries', 1],
      ['payload-jobs', 1],
    ]
    const roots = rootFields((name) => (/^(PublicationHistor|PublishedSnapshot|AuditLog|countPublicationHistor|versionsPublicationHistor)/i.test(name) ? 1 : 0))
    const asEditor: Who = { name: 'editor JWT', headers: { Authorization: `JWT ${editor.token}` } }
    const probes = Array.from({ length: 50 }, (_, index) =>
      index % 3 === 2 && roots.length ? graphqlProbe(random, asEditor, ['hidden'], roots) : restProbe(random, asEditor, ['hidden'], staffOnly),
    )
    await expectClean('staff-only collections', probes)
  })

  it('search oracle: a where on draft-only text finds nothing for an anonymous reader', async () => {
    const random = randomFor(7)
    const textPaths: Record<string, string[]> = {
      areas: ['title', 'slug', 'teaser', 'body.bullets.local', 'body.bullets.national', 'body.text', 'otherLinks.title', 'otherLinks.url', 'intro'],
      indicators: ['area.title', 'area.slug', 'area.teaser', 'area.body.bullets.local', 'area.otherLinks.title'],
      notices: ['text', 'body'],
      comments: ['text', 'documentTitle'],
      'publication-history': ['title'],
      'audit-log': ['documentTitle', 'comment'],
    }
    const notPublic = markers.all.filter((marker) => marker.scope !== 'published')
    const probes: Probe[] = Array.from({ length: 60 }, () => {
      const collection = random.pick(Object.keys(textPaths))
      const path = random.pick(textPaths[collection]!)
      const operator = random.pick(['like', 'contains', 'in', 'equals'])
      const marker = random.pick(notPublic)
      const value = random.pick(['UTKAST', 'utkast', 'AVPUBL', marker.text, marker.lower, marker.text.slice(0, -2)])
      const where = { [path]: { [operator]: operator === 'in' ? [value] : value } }
      const count = random.bool(0.4)
      const query = toQueryString({ where, draft: random.pick(['true', 'false', undefined]), depth: '0', ...(count ? {} : { limit: '5' }) })
      const url = `/${collection}${count ? '/count' : ''}?${query}`
      const who = random.pick(badCredentials)
      return {
        describe: describeRequest('GET', `/api${url}`, who),
        reflected: requestText(url),
        forbidden: ALWAYS,
        run: async () => responseOutcome(await cms.rest.get(url as `/${string}`, { headers: who.headers })),
        // Existence is a leak too: a count above 0 confirms that a draft says this.
        check: (outcome) => {
          const body = parseJsonBody(outcome.text)
          return body?.totalDocs > 0 || body?.docs?.length > 0 ? `sökningen hittade ${body.totalDocs ?? body.docs.length} dokument med text som inte är publicerad` : null
        },
      }
    })
    await expectClean('search oracle', probes)
  })
})

/** The JSON body of a recorded response (after the headers), or null. */
function parseJsonBody(text: string): any {
  try {
    return JSON.parse(text.slice(text.indexOf('\n\n') + 2))
  } catch {
    return null
  }
}

/** A public page as the HTTP server answers it (src/frontend/http.ts): status, then the HTML. */
async function visit(url: string): Promise<Outcome> {
  const response = await site.handle({ method: 'GET', url }, publicPageSources(cms.payload, await getPublishedContent()))
  return { status: response.status, text: Buffer.from(response.body ?? '').toString('utf8') }
}
