/**
 * Warnings ahead of a scheduled release, on a fresh database: with short
 * lead times (a minute and five seconds) two releases are scheduled, an item
 * of one is edited after approval, and the job runs: the owner and the
 * reviewers are e-mailed once per lead, naming the item and why; the
 * release nothing blocks sends nothing. At the time the blocked release is
 * not published and they are told why.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { ensureCatalog } from '@/delivery/catalogLoader'
import { readOutbox } from '@/notifications/transport'
import { RELEASE_WARNINGS_TASK } from '@/publishing/releaseWarnings'
import { WORKFLOW_QUEUE } from '@/publishing/schedule'
import { startTestCms, type TestCms } from '../helpers/payload'
import { signedInUsers, type TestUser } from '../helpers/users'

// Hoisted above the imports by Vitest: set before anything reads the environment (src/env.ts parses it once).
vi.hoisted(() => {
  process.env.RELEASE_WARNING_LEADS = '1m,5s'
})

type Account = TestUser & { token: string }
type Id = number | string

let cms: TestCms
const as: Record<'admin' | 'editor' | 'editor2' | 'reviewer' | 'reviewer2', Account> = {} as never

beforeAll(async () => {
  cms = await startTestCms()
  Object.assign(
    as,
    await signedInUsers(
      cms,
      [
        ['admin', ['admin']],
        ['editor', ['editor']],
        ['editor2', ['editor']],
        ['reviewer', ['reviewer']],
        ['reviewer2', ['reviewer']],
      ],
      (key) => `Förvarning ${key}`,
    ),
  )
  await ensureCatalog(cms.payload)
})
afterAll(async () => cms?.cleanup())

let counter = 0
const resultSet = (text: string, national = 'Nationellt') => ({ blockType: 'resultSet', surveyYear: 2024, lead: 'visar att', bullets: [{ national, local: text }] })

const revisionOf = async (id: Id) => (await cms.payload.findByID({ collection: 'areas', id, draft: true, depth: 0, overrideAccess: true })).revision

async function edit(id: Id, who: Account, fields: Record<string, unknown>) {
  const response = await cms.rest.patch(`/areas/${id}?draft=true`, { token: who.token, body: { ...fields, revision: await revisionOf(id) } })
  expect(response.status, await response.clone().text()).toBe(200)
}

const transition = (who: Account, path: `/${string}`, name: string, extra: object = {}) => cms.rest.post(`${path}/workflow`, { token: who.token, body: { transition: name, ...extra } })

/** A live page with a new draft the reviewer approved; `national` may hold a quality error that review let through. */
async function approvedPage(national?: string): Promise<{ id: Id; title: string }> {
  counter += 1
  const title = `Förvarningssida ${counter}`
  const doc = await cms.payload.create({
    collection: 'areas',
    data: { title, slug: `forvarning-${counter}`, teaser: 'gammal', body: [resultSet('gammal')], _status: 'published' } as never,
    overrideAccess: true,
  })
  await edit(doc.id, as.editor, { teaser: 'ny', body: [resultSet('ny', national)] })
  expect((await transition(as.editor, `/areas/${doc.id}`, 'submit')).status).toBe(200)
  expect((await transition(as.reviewer, `/areas/${doc.id}`, 'approve')).status).toBe(200)
  return { id: doc.id, title }
}

/** A release by the editor (its owner), marked ready. */
async function readyRelease(name: string, items: Id[]): Promise<Id> {
  const created = await cms.rest.post('/releases', { token: as.editor.token, body: { name, items } })
  expect(created.status, await created.clone().text()).toBe(201)
  const id = (await created.json()).doc.id as Id
  expect((await transition(as.editor, `/releases/${id}`, 'markReady')).status).toBe(200)
  return id
}

async function runWarnings() {
  await cms.payload.jobs.queue({ task: RELEASE_WARNINGS_TASK, input: {} as never, queue: WORKFLOW_QUEUE })
  await cms.payload.jobs.run({ queue: WORKFLOW_QUEUE })
}

/** The release e-mails in the outbox (the areas' own workflow mails are left out). */
const releaseMails = () => readOutbox(`${cms.dataDir}/outbox`).filter((mail) => mail.subject.startsWith('Publiceringspaketet'))

const checks = async (id: Id) =>
  (
    await cms.payload.find({
      collection: 'audit-log',
      where: { and: [{ action: { equals: 'releaseCheck' } }, { documentId: { equals: String(id) } }] },
      sort: 'createdAt',
      pagination: false,
      overrideAccess: true,
    })
  ).docs

const waitUntil = async (time: number) => {
  const wait = time - Date.now()
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
}

describe('warnings ahead of a scheduled release', () => {
  it('e-mails the owner and the reviewers once per lead what blocks it, nothing for a release nothing blocks, and why it was not published at the time', async () => {
    const [edited, untouched, clean] = [await approvedPage(), await approvedPage(), await approvedPage()]
    const blocked = await readyRelease('Blockerat paket', [edited.id, untouched.id])
    const fine = await readyRelease('Klart paket', [clean.id])

    // Both due in 12 s: inside the 1-minute lead at once, inside the 5-second one 7 s from now.
    const at = Date.now() + 12_000
    const publishAt = new Date(at).toISOString()
    for (const id of [blocked, fine]) {
      const scheduled = await transition(as.reviewer, `/releases/${id}`, 'publish', { publishAt })
      expect(scheduled.status, await scheduled.clone().text()).toBe(200)
    }
    await edit(edited.id, as.editor2, { teaser: 'ändrad efter godkännandet' })

    await runWarnings()
    await runWarnings()
    const recipients = [as.editor.email, as.reviewer.email, as.reviewer2.email].sort()
    const first = releaseMails()
    expect(first.map((mail) => [mail.subject, [...mail.to].sort()])).toEqual([['Publiceringspaketet stoppas om inget ändras: Blockerat paket', recipients]])
    const [warning] = first
    expect(warning!.text).toContain(`- "${edited.title}": ändrat efter godkännandet, status är nu "Utkast".`)
    expect(warning!.text).not.toContain(untouched.title)
    expect(warning!.text).toContain(`Öppna paketet i administrationen: http://localhost:3000/admin/collections/releases/${blocked}`)
    expect(warning!.html).toContain(`<li>&quot;${edited.title}&quot;: ändrat efter godkännandet, status är nu &quot;Utkast&quot;.</li>`)
    // The admin, neither owner nor reviewer, is not told.
    expect(warning!.to).not.toContain(as.admin.email)

    // Each check is logged once, the clean one too, so neither is made again at the next run.
    expect((await checks(blocked)).map((entry) => [entry.comment, entry.details])).toEqual([
      [
        `Kontroll 1 minut före den planerade publiceringen: "${edited.title}": ändrat efter godkännandet, status är nu "Utkast". Förvarning skickad till 3 mottagare.`,
        { publishAt, leadMs: 60_000, blockers: [{ id: edited.id, code: 'edited-after-approval' }], recipients: 3 },
      ],
    ])
    expect((await checks(fine)).map((entry) => entry.comment)).toEqual(['Kontroll 1 minut före den planerade publiceringen: inget hindrar publiceringen.'])

    // The 5-second lead: one more warning for the blocked release, then none.
    await waitUntil(at - 4_500)
    await runWarnings()
    await runWarnings()
    const second = releaseMails()
    expect(second).toHaveLength(2)
    expect(second[1]!.subject).toBe('Publiceringspaketet stoppas om inget ändras: Blockerat paket')
    expect(second[1]!.text).toContain(`"${edited.title}": ändrat efter godkännandet`)
    expect((await checks(blocked)).map((entry) => (entry.details as { leadMs: number }).leadMs)).toEqual([60_000, 5_000])
    expect((await checks(fine)).map((entry) => (entry.details as { leadMs: number }).leadMs)).toEqual([60_000, 5_000])

    // At the time: the clean release is published, the blocked one is not, and they are told why.
    await waitUntil(at + 500)
    await cms.payload.jobs.run({ queue: WORKFLOW_QUEUE })
    const state = async (id: Id) => (await cms.payload.findByID({ collection: 'releases', id, depth: 0, overrideAccess: true })).state
    expect([await state(blocked), await state(fine)]).toEqual(['failed', 'published'])
    const mails = releaseMails()
    expect(mails.map((mail) => mail.subject)).toEqual([
      'Publiceringspaketet stoppas om inget ändras: Blockerat paket',
      'Publiceringspaketet stoppas om inget ändras: Blockerat paket',
      'Publiceringspaketet publicerades inte: Blockerat paket',
    ])
    expect([...mails[2]!.to].sort()).toEqual(recipients)
    expect(mails[2]!.text).toContain(`- "${edited.title}": ändrat efter godkännandet, status är nu "Utkast".`)
    expect(mails[2]!.text).toContain('inget av paketets områden publicerades')

    // Nothing is checked after the time.
    await runWarnings()
    expect(releaseMails()).toHaveLength(3)
  })

  it('a quality error in an approved item keeps the release from being marked ready, and the release names it', async () => {
    const page = await approvedPage('140 procent av kommunerna har en rutin.')
    const created = await cms.rest.post('/releases', { token: as.editor.token, body: { name: 'Paket med kvalitetsfel', items: [page.id] } })
    const id = (await created.json()).doc.id as Id
    const refused = await transition(as.editor, `/releases/${id}`, 'markReady')
    expect(refused.status).toBe(400)
    const body = await refused.json()
    expect(body).toMatchObject({ rule: 'items-not-ready', items: [{ code: 'quality-error' }] })
    expect(body.message).toContain(`"${page.title}": kvalitetskontrollen hittar 1 fel: "140 procent" ligger utanför 0–100 procent.`)
    const shown = await cms.rest.get(`/releases/${id}`, { token: as.reviewer.token })
    expect((await shown.json()).itemStatus).toBe(`"${page.title}": inte klart, kvalitetskontrollen hittar 1 fel: "140 procent" ligger utanför 0–100 procent`)
  })
})
