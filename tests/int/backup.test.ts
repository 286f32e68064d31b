import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { readManifest } from '@/backup/files'
import { locateManifest } from '@/backup/naming'
import { type ContentDump, dropSiblingDatabases, dumpContent, dumpContentOf, runNodeTask, siblingDatabaseUrl, type TaskResult } from '../helpers/dumpContent'
import { startTestCms, type TestCms } from '../helpers/payload'
import { createUser, type TestUser } from '../helpers/users'

/**
 * `npm run backup` and `npm run restore` as processes of their own, against
 * this file's database, the way an operator runs them beside a live server.
 * What a restored database holds is compared through Payload's local API in
 * a fresh process (tests/helpers/dumpContent.ts): every document and every
 * version. The scripts pick SQLite or MongoDB from the environment as the
 * server does; nothing here depends on which.
 */
type Account = TestUser & { token: string }
let cms: TestCms
let editor: Account
let reviewer: Account
const createdDatabases: string[] = []
/** Each test starts Payload in a child process once or twice (10–20 s each on a busy machine). */
const CHILD_PROCESS_TIMEOUT = 150_000

const backup = (args: string[]) => runNodeTask('scripts/backup.ts', args)
const restore = (args: string[]) => runNodeTask('scripts/restore.ts', args)
const newDatabase = (name: string) => {
  const url = siblingDatabaseUrl(name)
  createdDatabases.push(url)
  return url
}
const backupPath = (name: string) => path.join(cms.dataDir, 'backups', name)
const succeeded = (result: TaskResult) => expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0)
const oneLineFailure = (result: TaskResult) => {
  expect(result.code, result.stdout).toBe(1)
  const lines = result.stderr.trim().split('\n')
  expect(lines, result.stderr).toHaveLength(1)
  expect(lines[0]).toMatch(/^✖ /)
  return lines[0]!
}

const resultSet = (surveyYear: number, bullets: string[]) => ({
  blockType: 'resultSet',
  surveyYear,
  lead: 'visar att',
  bullets: bullets.map((text) => ({ national: `Nationellt: ${text}`, local: `Kalmar: ${text}` })),
})

const transition = async (as: Account, id: number | string, name: string, comment?: string) => {
  const response = await cms.rest.post(`/areas/${id}/workflow`, { token: as.token, body: { transition: name, comment } })
  expect(response.status, `${name}: ${await response.clone().text()}`).toBe(200)
}

/** An editor's save of the draft, sending back the revision it started from (as the edit form does). */
const editDraft = async (id: number | string, data: Record<string, unknown>) => {
  const { revision } = await cms.payload.findByID({ collection: 'areas', id, draft: true, depth: 0, overrideAccess: true })
  const response = await cms.rest.patch(`/areas/${id}?draft=true`, { token: editor.token, body: { ...data, revision } })
  expect(response.status, await response.clone().text()).toBe(200)
}

/** Pages in every state, with history: drafts, reviews, comments, publishes, a draft beside a live page. */
async function seedContent() {
  const system = { overrideAccess: true } as const
  const link = await cms.payload.create({ collection: 'links', data: { title: 'Hemtjänst i Kalmar', teaser: 'Om hemtjänst', url: 'https://kalmar.se/hemtjanst' }, ...system })
  await cms.payload.create({
    collection: 'webhooks' as never,
    data: { name: 'Webbplatsen', url: 'http://127.0.0.1:9/hook', events: ['area.published'], secret: 'hemlighet-för-test-0123456789abcdef', active: true } as never,
    ...system,
  })

  // Edited three times, reviewed with a comment, edited again, approved, published, then a new draft beside it.
  const ekonomi = await cms.payload.create({
    collection: 'areas',
    data: { title: 'Ekonomiskt bistånd', slug: 'ekonomiskt-bistand', body: [resultSet(2023, ['handläggningstid'])] } as never,
    draft: true,
    ...system,
  })
  await editDraft(ekonomi.id, { teaser: 'Om ekonomiskt bistånd', body: [resultSet(2023, ['handläggningstid', 'återbesök'])] })
  await editDraft(ekonomi.id, { body: [resultSet(2021, ['äldre resultat']), resultSet(2023, ['handläggningstid', 'återbesök'])] })
  await transition(editor, ekonomi.id, 'submit')
  await transition(reviewer, ekonomi.id, 'requestChanges', 'Förtydliga vad återbesök betyder.')
  await editDraft(ekonomi.id, { body: [resultSet(2021, ['äldre resultat']), resultSet(2023, ['handläggningstid', 'återbesök inom tre månader'])] })
  await transition(editor, ekonomi.id, 'submit')
  await transition(reviewer, ekonomi.id, 'approve')
  await transition(reviewer, ekonomi.id, 'publish')
  await editDraft(ekonomi.id, { teaser: 'Utkast: ny ingress som inte är publicerad' })

  // Published by trusted server code (as the importer does), twice.
  const missbruk = await cms.payload.create({
    collection: 'areas',
    data: { title: 'Missbruk och beroende', slug: 'missbruk', body: [resultSet(2022, ['samverkan'])], _status: 'published' } as never,
    ...system,
  })
  await cms.payload.update({
    collection: 'areas',
    id: missbruk.id,
    data: { body: [resultSet(2022, ['samverkan']), resultSet(2024, ['ny undersökning'])], _status: 'published' } as never,
    ...system,
  })
  // Never published.
  const draft = await cms.payload.create({ collection: 'areas', data: { title: 'Hemlöshet', slug: 'hemloshet', body: [resultSet(2023, ['utkast'])] } as never, draft: true, ...system })

  await cms.payload.create({
    collection: 'sections',
    data: {
      title: 'Jämförelser, service och kvalitet i verksamheter',
      slug: 'jamforelser',
      members: [
        { relationTo: 'areas', value: ekonomi.id },
        { relationTo: 'links', value: link.id },
        { relationTo: 'areas', value: missbruk.id },
        { relationTo: 'areas', value: draft.id },
      ],
    } as never,
    ...system,
  })
  await cms.payload.create({ collection: 'notices', data: { text: 'Driftstörning i kväll', scope: 'site', startsAt: new Date(Date.now() - 60_000).toISOString() }, ...system })
  await cms.payload.create({ collection: 'notices', data: { text: 'Planerat underhåll', scope: 'site', startsAt: new Date(Date.now() + 86_400_000).toISOString() }, ...system })
}

/**
 * Payload's REST handlers start its job runner in this process (`cron: true`), as in
 * the server, and webhook retries then write on their own schedule. Tests 1 and 3
 * compare a still moment, so the runner stops once the seed is in (test 2 brings
 * its own writer). Stopped crons are not started again by later requests.
 */
async function stopJobRunner() {
  const crons = cms.payload.crons.splice(0)
  for (const cron of crons) cron.stop()
  while (crons.some((cron) => cron.isBusy())) await new Promise((resolve) => setTimeout(resolve, 20))
}

let original: ContentDump
let firstRestore: string

beforeAll(async () => {
  cms = await startTestCms()
  const login = async (user: TestUser) => ({ ...user, token: (await cms.rest.login(user.email, user.password)).token! })
  await createUser(cms.payload, ['admin'])
  editor = await login(await createUser(cms.payload, ['editor']))
  reviewer = await login(await createUser(cms.payload, ['reviewer']))
  await seedContent()
  await stopJobRunner()
})
afterAll(async () => {
  await dropSiblingDatabases(createdDatabases).catch(() => undefined)
  await cms?.cleanup()
})

// The three tests share the first backup and its restored copy, in this order.
describe('backup and restore', () => {
  it('a restored backup holds every document and every version of the original', async () => {
    original = await dumpContent(cms.payload)
    // The seed reached every kind of content, so the comparison below covers it.
    for (const slug of ['areas', 'sections', 'links', 'notices', 'users', 'audit-log', 'comments', 'published-snapshots', 'publication-history', 'webhooks']) {
      expect(original.collections[slug]?.length, slug).toBeGreaterThan(0)
    }
    expect(original.versions.areas!.length).toBeGreaterThanOrEqual(10)
    expect(JSON.stringify(original.collections.users)).toContain('"hash"')

    const taken = await backup(['--out', backupPath('forsta')])
    succeeded(taken)
    expect(taken.stdout).toContain('Säkerhetskopian är klar och kontrollerad')

    firstRestore = newDatabase('aterstalld_1')
    const restored = await restore([backupPath('forsta'), '--target', firstRestore])
    succeeded(restored)
    expect(restored.stdout).toContain('Kontrollsummorna stämmer med manifestet')
    expect(restored.stdout).toContain('✔ Återställde')

    expect(await dumpContentOf(firstRestore)).toEqual(original)
  }, CHILD_PROCESS_TIMEOUT)

  it('a backup taken while the server writes is one consistent moment: whole saves, complete versions, nothing written before it missing', async () => {
    // One writer, one save at a time, each page saved SAVES times. Save n of page i has
    // the title "Löpande i – sparning n" and n bullets; the last save of every even page publishes.
    const SAVES = 3
    const slugOf = (i: number) => `lopande-${i}`
    const data = (i: number, n: number) => ({
      title: `Löpande ${i} – sparning ${n}`,
      slug: slugOf(i),
      body: [resultSet(2023, Array.from({ length: n }, (_, k) => `punkt ${k + 1}`))],
      ...(n === SAVES && i % 2 === 0 ? { _status: 'published' } : {}),
    })
    let stop = false
    let saves = 0
    let pagesDone = 0
    let failed: unknown
    // libsql answers synchronously, so a loop of local API saves is one unbroken chain of
    // microtasks; a server yields between requests, and so does this writer, so that the
    // test process notices the backup process's output and exit.
    const yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve))
    const writer = (async () => {
      for (let i = 1; !stop; i++) {
        const page = await cms.payload.create({ collection: 'areas', data: data(i, 1) as never, draft: true, overrideAccess: true })
        saves += 1
        await yieldToEventLoop()
        for (let n = 2; n <= SAVES; n++) {
          await cms.payload.update({ collection: 'areas', id: page.id, data: data(i, n) as never, draft: n < SAVES || i % 2 !== 0, overrideAccess: true })
          saves += 1
          await yieldToEventLoop()
        }
        pagesDone = i
      }
    })().catch((error: unknown) => {
      failed = error
      throw error
    })
    while (pagesDone < 2 && failed === undefined) await new Promise((resolve) => setTimeout(resolve, 10))
    if (failed !== undefined) await writer
    const before = { saves, pagesDone }

    const taken = await backup(['--out', backupPath('under-skrivning')])
    const atExit = saves
    stop = true
    await writer
    succeeded(taken)

    const target = newDatabase('aterstalld_2')
    succeeded(await restore([backupPath('under-skrivning'), '--target', target]))
    const copy = await dumpContentOf(target)

    const loopPages = copy.collections.areas!.filter((area) => String(area.slug).startsWith('lopande-'))
    const numbers = loopPages.map((area) => Number(String(area.slug).slice('lopande-'.length))).sort((a, b) => a - b)
    // Saves were committed in order: the copy holds pages 1…k without a gap …
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, index) => index + 1))
    // … including every page finished before the backup started.
    expect(numbers.length).toBeGreaterThanOrEqual(before.pagesDone)

    let savesInCopy = 0
    for (const area of loopPages) {
      const slug = String(area.slug)
      const i = Number(slug.slice('lopande-'.length))
      const versions = copy.versions.areas!.filter((version) => String(version.parent) === String(area.id))
      const titles = versions.map((version) => String((version.version as { title: string }).title))
      savesInCopy += versions.length
      // Every save is there whole: one version per save, 1…n, none missing, none twice …
      expect(versions.length, slug).toBeGreaterThan(0)
      if (i <= before.pagesDone) expect(versions.length, `${slug}, finished before the backup started`).toBe(SAVES)
      expect(titles.sort(), slug).toEqual(Array.from({ length: versions.length }, (_, k) => `Löpande ${i} – sparning ${k + 1}`))
      // … and each version's body has as many bullets as its save number (no half-written page).
      for (const version of versions) {
        const content = version.version as { title: string; body: { bullets: unknown[] }[]; _status: string }
        expect(content.body[0]!.bullets).toHaveLength(Number(/sparning (\d+)/.exec(content.title)![1]))
      }
      // A published page has its snapshot and its public record, written in the same save.
      const published = versions.some((version) => (version.version as { _status: string })._status === 'published')
      const snapshots = copy.collections['published-snapshots']!.filter((snapshot) => String(snapshot.areaId) === String(area.id))
      const history = copy.collections['publication-history']!.filter((entry) => String(entry.areaId) === String(area.id))
      expect(snapshots.length, `snapshot of ${slug}`).toBe(published ? 1 : 0)
      expect(history.map((entry) => entry.title), `public record of ${slug}`).toEqual(published ? [`Löpande ${i} – sparning ${SAVES}`] : [])
    }
    // The backup really ran while writes went on: some saves landed after the writer
    // was already running when the backup started, and more after its moment, before it exited.
    expect(savesInCopy).toBeGreaterThan(before.saves)
    expect(savesInCopy).toBeLessThan(atExit)
  }, CHILD_PROCESS_TIMEOUT)

  it('refuses a damaged backup and a database in use, and keeps the database it replaces', async () => {
    // A damaged backup: one byte of a file the manifest lists is changed.
    succeeded(await backup(['--out', backupPath('skadad')]))
    const damagedManifestPath = locateManifest(backupPath('skadad'), fs.statSync(backupPath('skadad')).isDirectory())
    const damagedFile = path.join(path.dirname(damagedManifestPath), (await readManifest(damagedManifestPath)).files[0]!.path)
    const bytes = fs.readFileSync(damagedFile)
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0xff
    fs.writeFileSync(damagedFile, bytes)
    const refusedDamaged = oneLineFailure(await restore([backupPath('skadad'), '--target', firstRestore]))
    expect(refusedDamaged).toMatch(/kontrollsumman för .* stämmer inte med manifestet/)
    expect(refusedDamaged).toContain('Inget återställdes')

    // New content, then a second backup of this moment.
    await cms.payload.create({ collection: 'notices', data: { text: 'Efter första kopian', scope: 'site', startsAt: new Date().toISOString() }, overrideAccess: true })
    const second = await dumpContent(cms.payload)
    succeeded(await backup(['--out', backupPath('andra')]))

    // The database this test's server is using (the configured one, no --target) is not replaced without --force.
    const refusedInUse = oneLineFailure(await restore([backupPath('andra')]))
    expect(refusedInUse).toContain('--force')
    expect(refusedInUse).toContain('Inget återställdes')
    expect(await dumpContent(cms.payload)).toEqual(second)

    // Over the first restored copy (which the damaged backup left alone): replaced, and what was there is kept …
    const replaced = await restore([backupPath('andra'), '--target', firstRestore])
    succeeded(replaced)
    const kept = /Den tidigare databasen finns kvar: (.+)$/m.exec(replaced.stdout)?.[1]
    expect(kept, replaced.stdout).toBeDefined()
    expect(await dumpContentOf(firstRestore)).toEqual(second)

    // … and can itself be restored: it is the first backup's content, untouched by the refused restore.
    const fromKept = newDatabase('aterstalld_3')
    succeeded(await restore([kept!, '--target', fromKept]))
    expect(await dumpContentOf(fromKept)).toEqual(original)
  }, 2 * CHILD_PROCESS_TIMEOUT)
})
