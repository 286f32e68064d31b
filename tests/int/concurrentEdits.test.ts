/**
 * Optimistic concurrency (src/concurrency): two editors who start from the
 * same revision and save at the same time never silently overwrite each
 * other. Over REST with real parallel requests, as the admin form sends them.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { startTestCms, type TestCms } from '../helpers/payload'
import { LOCK_DURATION_SECONDS } from '@/concurrency/editLock'

import { createUser, type TestUser } from '../helpers/users'

type Account = TestUser & { token: string; name: string }
type Id = number | string
let cms: TestCms
const users = {} as Record<'admin' | 'anna' | 'bertil' | 'reviewer', Account>

beforeAll(async () => {
  cms = await startTestCms()
  // The admin first: the very first account of a system always becomes an administrator.
  for (const [key, roles, name] of [
    ['admin', ['admin'], 'Ada Admin'],
    ['anna', ['editor'], 'Anna Andersson'],
    ['bertil', ['editor'], 'Bertil Berg'],
    ['reviewer', ['reviewer'], 'Greta Granskare'],
  ] as const) {
    const user = await createUser(cms.payload, [...roles], name)
    users[key] = { ...user, name, token: (await cms.rest.login(user.email, user.password)).token! }
  }
})
afterAll(async () => cms?.cleanup())

const resultSet = (local: string) => ({ blockType: 'resultSet', surveyYear: 2024, lead: 'visar att', bullets: [{ national: 'Nationellt', local }] })

async function createArea(title: string): Promise<Id> {
  const response = await cms.rest.post('/areas?draft=true', { token: users.anna.token, body: { title, body: [resultSet(`Start ${title}`)] } })
  expect(response.status, await response.clone().text()).toBe(201)
  return (await response.json()).doc.id
}

/** What the edit view loads: the newest draft, with its revision. */
async function load(as: Account, id: Id) {
  const response = await cms.rest.get(`/areas/${id}?draft=true&depth=0`, { token: as.token })
  expect(response.status).toBe(200)
  return (await response.json()) as { revision: number; teaser?: string | null; body?: { bullets?: { local?: string }[] }[]; workflowState?: string }
}

const save = (as: Account, id: Id, body: Record<string, unknown>) => cms.rest.patch(`/areas/${id}?draft=true`, { token: as.token, body })

const editBy = (as: Account, marker: string, revision: number | undefined) => ({
  teaser: `Ingress av ${as.name} ${marker}`,
  body: [resultSet(`Svar av ${as.name} ${marker}`)],
  ...(revision === undefined ? {} : { revision }),
})

/** As the admin's Form sends a save (createFormData): multipart with the values as JSON in `_payload`. */
async function saveAsForm(as: Account, id: Id, values: Record<string, unknown>) {
  const form = new FormData()
  form.set('_payload', JSON.stringify(values))
  const encoded = new Request('http://localhost/', { method: 'POST', body: form })
  const body = await encoded.text()
  return cms.rest.patch(`/areas/${id}?draft=true`, { token: as.token, body, headers: { 'Content-Type': encoded.headers.get('content-type')! } })
}

const errorOf = async (response: Response) => ((await response.json()) as { errors: { message: string; data?: { conflict?: { versionId?: Id; savedBy?: string } } }[] }).errors[0]!

const transition = (as: Account, id: Id, name: string) => cms.rest.post(`/areas/${id}/workflow`, { token: as.token, body: { transition: name } })

describe('two editors save the same page from the same revision, at the same time', () => {
  it('exactly one save wins each round; the other gets 409 naming the first, and its text is kept as a version of its own', async () => {
    const areas = [await createArea('Parallell A'), await createArea('Parallell B'), await createArea('Parallell C')]
    const rounds = 7
    let conflicts = 0
    const started = Date.now()
    for (let round = 0; round < rounds; round += 1) {
      for (const id of areas) {
        const [fromAnna, fromBertil] = await Promise.all([load(users.anna, id), load(users.bertil, id)])
        expect(fromAnna.revision).toBe(fromBertil.revision)
        const start = fromAnna.revision
        const marker = `r${round}-${id}`
        // Real parallel requests, each with its own token.
        const [annaSave, bertilSave] = await Promise.all([
          save(users.anna, id, editBy(users.anna, marker, start)),
          save(users.bertil, id, editBy(users.bertil, marker, start)),
        ])
        const statuses = [annaSave.status, bertilSave.status].sort()
        expect(statuses, `round ${round}, area ${id}`).toEqual([200, 409])
        conflicts += 1
        const [winner, loser, refused] = annaSave.status === 200 ? [users.anna, users.bertil, bertilSave] : [users.bertil, users.anna, annaSave]
        const error = await errorOf(refused)
        expect(error.message).toContain(`Sidan har sparats av ${winner.name}`)
        expect(error.message).toContain('efter att du öppnade den')
        expect(error.message).toContain('egen version')

        // The first editor's text is what is stored, one revision on.
        const stored = await load(users.reviewer, id)
        expect(stored.teaser).toBe(`Ingress av ${winner.name} ${marker}`)
        expect(stored.body?.[0]?.bullets?.[0]?.local).toBe(`Svar av ${winner.name} ${marker}`)
        expect(stored.revision).toBe(start + 1)

        // The second editor's text is a version of its own, not the latest.
        const versionId = error.data?.conflict?.versionId
        expect(versionId, 'the 409 names the version with the refused text').toBeDefined()
        const version = await cms.rest.get(`/areas/versions/${versionId}?depth=0`, { token: loser.token })
        expect(version.status).toBe(200)
        const copy = (await version.json()) as { latest?: boolean; version: { teaser: string; body: { bullets: { local: string }[] }[]; revision: number; lastSavedBy: Id } }
        expect(copy.version.teaser).toBe(`Ingress av ${loser.name} ${marker}`)
        expect(copy.version.body[0]!.bullets[0]!.local).toBe(`Svar av ${loser.name} ${marker}`)
        expect(copy.version.revision).toBe(start)
        expect(String(copy.version.lastSavedBy)).toBe(String(loser.id))
        expect(copy.latest ?? false).toBe(false)
      }
    }
    console.log(`concurrent edits: ${rounds * areas.length} rounds of two parallel REST saves, ${conflicts} conflicts detected, 0 silent overwrites (${Date.now() - started} ms)`)
    expect(conflicts).toBe(rounds * areas.length)

    // The copies never make a page appear twice in the admin's list (drafts are listed by their latest version).
    const listed = await cms.payload.find({ collection: 'areas', draft: true, where: { id: { in: areas } }, limit: 100, overrideAccess: true })
    expect(listed.docs.map((doc) => String(doc.id)).sort()).toEqual(areas.map(String).sort())
    // Every refused save is in the audit log with its version.
    const logged = await cms.payload.count({ collection: 'audit-log', where: { action: { equals: 'conflict' } }, overrideAccess: true })
    expect(logged.totalDocs).toBe(conflicts)
  })

  it('the refused text can be restored as a draft from its version, with the button Payload offers for it', async () => {
    const id = await createArea('Återställ konflikt')
    const { revision } = await load(users.anna, id)
    expect((await save(users.anna, id, editBy(users.anna, 'först', revision))).status).toBe(200)
    const refused = await save(users.bertil, id, editBy(users.bertil, 'sedan', revision))
    expect(refused.status).toBe(409)
    const versionId = (await errorOf(refused)).data!.conflict!.versionId
    // The copy is a draft version: Payload's version view restores it with ?draft=false, made a draft by the REST route.
    const restore = await cms.rest.post(`/areas/versions/${versionId}?draft=false`, { token: users.bertil.token })
    expect(restore.status, await restore.clone().text()).toBe(200)
    const after = await load(users.anna, id)
    expect(after.teaser).toBe(`Ingress av ${users.bertil.name} sedan`)
    expect(after.revision).toBe(revision + 2)
  })

  it('nothing of a refused save reaches readers', async () => {
    const id = await createArea('Publik konflikt')
    for (const [as, name] of [
      [users.anna, 'submit'],
      [users.reviewer, 'approve'],
      [users.reviewer, 'publish'],
    ] as const) {
      expect((await transition(as, id, name)).status).toBe(200)
    }
    const { revision } = await load(users.anna, id)
    const [a, b] = await Promise.all([save(users.anna, id, editBy(users.anna, 'PUBLIK', revision)), save(users.bertil, id, editBy(users.bertil, 'PUBLIK', revision))])
    expect([a.status, b.status].sort()).toEqual([200, 409])
    const anonymous = await (await cms.rest.get(`/areas/${id}?draft=true&depth=0`)).text()
    expect(anonymous).toContain('Start Publik konflikt')
    expect(anonymous).not.toContain('PUBLIK')
    const v1 = await (await cms.rest.v1('/areas')).text()
    expect(v1).not.toContain('PUBLIK')
  })
})

describe('saves that are checked and saves that are not', () => {
  it('a save with the current revision works and moves it on; the same revision again is refused', async () => {
    const id = await createArea('Sekventiell')
    const { revision } = await load(users.anna, id)
    const first = await save(users.anna, id, editBy(users.anna, 'ett', revision))
    expect(first.status).toBe(200)
    expect((await first.json()).doc.revision).toBe(revision + 1)
    const second = await save(users.anna, id, editBy(users.anna, 'två', revision + 1))
    expect(second.status).toBe(200)
    // The same editor in a second tab that still shows the first revision.
    const stale = await save(users.anna, id, editBy(users.anna, 'tre', revision))
    expect(stale.status).toBe(409)
    expect((await errorOf(stale)).message).toMatch(/^Du har själv sparat sidan i ett annat fönster/)
    expect((await load(users.anna, id)).teaser).toBe(`Ingress av ${users.anna.name} två`)
  })

  it('a user’s content save without a revision is refused (428) with a Swedish message naming the field; nothing is written', async () => {
    const id = await createArea('Utan revision')
    const before = await load(users.anna, id)
    const response = await save(users.bertil, id, editBy(users.bertil, 'blind', undefined))
    expect(response.status).toBe(428)
    const error = await errorOf(response)
    expect(error.message).toContain('revision')
    expect(error.message).toMatch(/skrivas över/)
    const after = await load(users.anna, id)
    expect(after.teaser ?? null).toBe(before.teaser ?? null)
    expect(after.revision).toBe(before.revision)
  })

  it('the revision cannot be set by a client: the server counts', async () => {
    const id = await createArea('Egen revision')
    const { revision } = await load(users.anna, id)
    const response = await save(users.anna, id, { ...editBy(users.anna, 'x', revision), revision })
    expect((await response.json()).doc.revision).toBe(revision + 1)
    const jump = await save(users.anna, id, { ...editBy(users.anna, 'y', revision + 100) })
    expect(jump.status).toBe(409)
  })

  it('GraphQL saves are checked the same way; there is no copy, the caller keeps its text', async () => {
    const id = await createArea('GraphQL')
    const { revision } = await load(users.anna, id)
    const mutate = async (as: Account, teaser: string, sent?: number) => {
      const data = `{ teaser: ${JSON.stringify(teaser)}${sent === undefined ? '' : `, revision: ${sent}`} }`
      const response = await cms.rest.graphQL(`mutation { updateArea(id: ${JSON.stringify(id)}, draft: true, data: ${data}) { teaser revision } }`, { token: as.token })
      return (await response.json()) as { data?: { updateArea?: { teaser: string; revision: number } | null }; errors?: { message: string }[] }
    }
    expect((await mutate(users.anna, 'Via GraphQL', revision)).data?.updateArea).toEqual({ teaser: 'Via GraphQL', revision: revision + 1 })
    const stale = await mutate(users.bertil, 'Gammal via GraphQL', revision)
    expect(stale.errors?.[0]?.message).toMatch(new RegExp(`^Sidan har sparats av ${users.anna.name}.*de har inte sparats`))
    const blind = await mutate(users.bertil, 'Blind via GraphQL')
    expect(blind.errors?.[0]?.message).toContain('revision')
    expect((await load(users.anna, id)).teaser).toBe('Via GraphQL')
  })

  it('workflow transitions send no content: a stale revision does not block them and they do not move it', async () => {
    const id = await createArea('Arbetsflöde')
    const opened = await load(users.bertil, id)
    expect((await transition(users.anna, id, 'submit')).status).toBe(200)
    expect((await transition(users.reviewer, id, 'approve')).status).toBe(200)
    expect((await load(users.anna, id)).revision).toBe(opened.revision)
    expect((await transition(users.reviewer, id, 'publish')).status).toBe(200)
    const published = await load(users.anna, id)
    expect(published.workflowState).toBe('published')
    expect(published.revision).toBe(opened.revision)
    // The form opened before the transitions still saves: nobody changed the content.
    expect((await save(users.bertil, id, editBy(users.bertil, 'efter', opened.revision))).status).toBe(200)
    // Payload's publish with status only (no form data) is a transition too.
    expect((await transition(users.bertil, id, 'submit')).status).toBe(200)
    expect((await transition(users.reviewer, id, 'approve')).status).toBe(200)
    const publish = await cms.rest.patch(`/areas/${id}`, { token: users.reviewer.token, body: { _status: 'published' } })
    expect(publish.status, await publish.clone().text()).toBe(200)
  })

  it('server code without a user is not checked but moves the revision, so an open form notices it', async () => {
    const id = await createArea('Import')
    const opened = await load(users.anna, id)
    await cms.payload.update({ collection: 'areas', id, draft: true, data: { teaser: 'Från importen' } })
    const importedRevision = (await load(users.anna, id)).revision
    expect(importedRevision).toBe(opened.revision + 1)
    const response = await save(users.anna, id, editBy(users.anna, 'efter import', opened.revision))
    expect(response.status).toBe(409)
    expect((await errorOf(response)).message).toMatch(/^Sidan har ändrats av systemet/)
    expect((await load(users.anna, id)).teaser).toBe('Från importen')
  })

  it('without a transaction, parallel saves are still decided by the atomic compare-and-set on the row', async () => {
    const id = await createArea('Utan transaktion')
    const asUser = async (account: Account) => cms.payload.findByID({ collection: 'users', id: account.id })
    const [anna, bertil] = [await asUser(users.anna), await asUser(users.bertil)]
    let conflicts = 0
    for (let round = 0; round < 6; round += 1) {
      const { revision } = await load(users.anna, id)
      const attempt = (user: typeof anna, account: Account) =>
        cms.payload
          .update({ collection: 'areas', id, draft: true, data: editBy(account, `lokal ${round}`, revision) as never, user, overrideAccess: false, disableTransaction: true })
          .then(() => 200)
          .catch((error: { status?: number }) => error.status ?? 500)
      const statuses = (await Promise.all([attempt(anna, users.anna), attempt(bertil, users.bertil)])).sort()
      expect(statuses, `round ${round}`).toEqual([200, 409])
      conflicts += 1
      expect((await load(users.anna, id)).revision).toBe(revision + 1)
    }
    console.log(`concurrent edits without transactions (local API): ${conflicts} conflicts detected in 6 rounds`)
  })
})

describe('the admin form', () => {
  it('sends the revision back: Payload’s form state for the edit view holds it, and saving those values works', async () => {
    // Every list filled: the form sends an empty list as its row count (0), which is not what this test is about.
    const created = await cms.rest.post('/areas?draft=true', {
      token: users.anna.token,
      body: { title: 'Formulär', body: [resultSet('Formulärets svar')], otherLinks: [{ title: 'Kalmar', url: 'https://kalmar.se' }] },
    })
    expect(created.status, await created.clone().text()).toBe(201)
    const id = (await created.json()).doc.id as Id
    const { fieldSchemasToFormState } = await import('@payloadcms/ui/forms/fieldSchemasToFormState')
    const { reduceFieldsToValues } = await import('payload/shared')
    const { createLocalReq } = await import('payload')
    const user = await cms.payload.findByID({ collection: 'users', id: users.anna.id })
    const req = await createLocalReq({ user: { ...user, collection: 'users' } as never }, cms.payload)
    const doc = await cms.payload.findByID({ collection: 'areas', id, draft: true, depth: 0, overrideAccess: true })
    const state = await fieldSchemasToFormState({
      id,
      collectionSlug: 'areas',
      data: doc,
      fields: cms.payload.collections.areas.config.fields,
      fieldSchemaMap: undefined,
      operation: 'update',
      permissions: true as never,
      preferences: { fields: {} },
      renderAllFields: false,
      req,
      schemaPath: 'areas',
      skipValidation: true,
    })
    const submitted = reduceFieldsToValues(state, true) as Record<string, unknown>
    expect(submitted.revision).toBe(doc.revision)
    const response = await saveAsForm(users.anna, id, { ...submitted, teaser: 'Sparad som formuläret' })
    expect(response.status, await response.clone().text()).toBe(200)
    expect((await response.json()).doc.revision).toBe(doc.revision! + 1)
    // The same form values once more are a stale save (the form takes the returned revision after a save).
    const stale = await saveAsForm(users.bertil, id, { ...submitted, teaser: 'Gammalt formulär' })
    expect(stale.status).toBe(409)
    expect((await errorOf(stale)).message).toContain(`Sidan har sparats av ${users.anna.name}`)
  })
})

describe('edit locks', () => {
  afterEach(() => vi.useRealTimers())

  /** A lock as the admin's edit view takes it (src/admin/EditLockNotice.tsx): the holder's own, over REST. */
  async function lockAs(as: Account, id: Id) {
    const response = await cms.rest.post('/payload-locked-documents', { token: as.token, body: { document: { relationTo: 'areas', value: id }, user: { relationTo: 'users', value: as.id } } })
    expect(response.status, await response.clone().text()).toBe(201)
  }

  it("a live lock refuses another editor's save, naming it in Swedish; once it has lapsed, it blocks nothing", async () => {
    const id = await createArea('Låst sida')
    await lockAs(users.anna, id)
    const { revision } = await load(users.bertil, id)
    const blocked = await save(users.bertil, id, editBy(users.bertil, 'under låset', revision))
    expect(blocked.status).toBe(423)
    expect((await errorOf(blocked)).message).toMatch(/låst/i)
    expect((await load(users.bertil, id)).teaser ?? '').not.toContain('under låset')

    // Anna changes nothing for longer than the lock lasts (she left, or went for coffee).
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + (LOCK_DURATION_SECONDS + 5) * 1000 })
    const after = await save(users.bertil, id, editBy(users.bertil, 'efter låset', revision))
    expect(after.status, await after.clone().text()).toBe(200)
    expect((await load(users.bertil, id)).teaser).toBe(`Ingress av ${users.bertil.name} efter låset`)
  })

  it("the holder's own save is never blocked by the holder's lock", async () => {
    const id = await createArea('Egen lås')
    await lockAs(users.anna, id)
    const { revision } = await load(users.anna, id)
    expect((await save(users.anna, id, editBy(users.anna, 'egen', revision))).status).toBe(200)
  })
})
