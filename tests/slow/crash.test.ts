/**
 * Crash during import and during publish (issue 8), and during a release's
 * publish (issue 18): the server process is killed with SIGKILL at
 * seeded-random points in the middle of an import of many page files, in the
 * middle of a stream of publishes and in the middle of a release's one
 * transaction. After each kill
 * a fresh read through the local API must find every change whole or absent,
 * the audit log, the publication record, the snapshots and the webhook outbox
 * agreeing with it, nothing that was reported done lost; and a re-run must
 * complete, an import to the same state as an uninterrupted one.
 *
 *   npx vitest run --config vitest.slow.config.ts tests/slow/crash.test.ts
 *   CRASH_RUNS=30 CRASH_SEED=7 npx vitest run --config vitest.slow.config.ts tests/slow/crash.test.ts
 *
 * Each run's import uses page files of its own (copies of the seeds, tagged
 * k<run>x<copy>), so one database holds every run side by side and the first,
 * uninterrupted import is the reference the others are compared with. The
 * child that re-runs run r's work (after "restarting") also starts run r+1,
 * which it is then killed in: one process start (seconds of CPU) per kill, and
 * each child loads while the one before it works. The last re-run is a child
 * of its own, so its exit code is the importer's.
 *
 * CRASH_CHILD_WITHOUT_TRANSACTIONS=1 is a control experiment: the children
 * then write without transactions, and this test must fail.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import readline from 'node:readline'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { AREAS, AUDIT_LOG, PUBLICATION_HISTORY, PUBLISHED_SNAPSHOTS, RELEASES, WEBHOOK_DELIVERIES } from '@collections/index'
import { parsePage } from '@/pageImport/parse'
import {
  checkImport,
  checkPublish,
  copyTag,
  diedInsideTransaction,
  expectImport,
  namesIn,
  normaliseImport,
  parseChildLine,
  publishData,
  readDatabaseState,
  runState,
  tagPageText,
  type ChildEvent,
  type DatabaseState,
  type ExpectedImport,
} from '../helpers/crashInvariants'
import { startTestCms, type TestCms } from '../helpers/payload'
import { createRandom, fuzzSeed } from '../helpers/random'
import { createUser } from '../helpers/users'
import { readSeed, seedFiles } from '../helpers/seeds'

const RUNS = Number(process.env.CRASH_RUNS ?? 10)
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`CRASH_RUNS måste vara ett heltal ≥ 1, inte "${process.env.CRASH_RUNS}".`)
const SEED = fuzzSeed(20_260_611, { FUZZ_SEED: process.env.CRASH_SEED ?? process.env.FUZZ_SEED })
/** Copies of the five seed files per import: 40 files, 32 pages, 8 of them with two versions. */
const COPIES = 8
const PUBLISH_SLUGS = ['krasch-a', 'krasch-b', 'krasch-c']
/** Kills land after at most this many publishes of a stream. */
const PUBLISH_KILL_WINDOW = 12
const CHILD_TIMEOUT_MS = 180_000
const WEBHOOK = { webhook: true }

let cms: TestCms
let workDir: string
const summary: Record<string, unknown> = {}
/** Where the time goes: process starts, and reading the state back for the checks. */
const timing = { childStartMs: [] as number[], waitedForChildMs: [] as number[], readStateMs: [] as number[] }

async function readState() {
  const started = performance.now()
  const state = await readDatabaseState(cms.payload)
  timing.readStateMs.push(performance.now() - started)
  return state
}

type ChildResult = {
  events: ChildEvent[]
  /** Events of the last command (the one a kill is aimed at). */
  last: ChildEvent[]
  code: number | null
  killed: boolean
  /** Milliseconds from the start to the end of each command that ended. */
  durations: number[]
  /** Milliseconds from the spawn to `ready` (loading and connecting). */
  startMs: number
  /** When (performance.now()) the last command first reported each kind of event. */
  lastAt: Partial<Record<ChildEvent['kind'], number>>
  stderr: string
}

/**
 * Where a kill lands: `delayMs` after the last command's `count`-th event of
 * kind `after` (file reported, publish committed), or after its start when
 * `count` is 0. Counting progress rather than time keeps the kills spread over
 * the whole import however loaded the machine is; the delay, a random part of
 * one file's or publish's duration, puts them inside the next transaction.
 */
type KillPoint = { after: 'file' | 'committed' | 'begin'; count: number; delayMs: number }

type Child = {
  /** Sends the commands once the child is ready; with `killAt`, SIGKILL during the last command (see KillPoint). */
  run(commands: string[][], killAt?: KillPoint): Promise<ChildResult>
  /** Ends a child that was never used. */
  dispose(): void
}

/**
 * Starts crashChild.ts (through node-task.mjs, in a process group of its own,
 * so that SIGKILL reaches the script and not only the wrapper). It loads and
 * connects at once and waits for its commands: the next child loads while the
 * current one works and is checked.
 */
function startChild(): Child {
  const child = spawn(process.execPath, ['scripts/node-task.mjs', 'tests/helpers/crashChild.ts', '--stdin'], {
    cwd: process.cwd(),
    env: process.env,
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  // A child that died while loading has closed its stdin: the error shows in its exit code and stderr instead.
  child.stdin!.on('error', () => undefined)
  const spawned = performance.now()
  const result: ChildResult = { events: [], last: [], code: null, killed: false, durations: [], startMs: 0, lastAt: {}, stderr: '' }
  let commandCount = Number.POSITIVE_INFINITY
  let killAt: KillPoint | undefined
  let seen = 0
  let timer: NodeJS.Timeout | undefined
  let overall: NodeJS.Timeout | undefined
  let markReady!: () => void
  const ready = new Promise<void>((resolve) => (markReady = resolve))
  const kill = () => {
    if (result.code !== null || result.killed) return
    result.killed = true
    try {
      process.kill(-child.pid!, 'SIGKILL')
    } catch {
      // Already gone.
    }
  }
  const started = new Map<number, number>()
  readline.createInterface({ input: child.stdout! }).on('line', (line) => {
    const event = parseChildLine(line)
    result.events.push(event)
    if (event.kind === 'ready') {
      result.startMs = performance.now() - spawned
      timing.childStartMs.push(result.startMs)
      markReady()
    }
    if (event.kind === 'start') {
      started.set(event.index, performance.now())
      if (event.index === commandCount - 1) {
        result.last = []
        if (killAt?.count === 0) timer = setTimeout(kill, killAt.delayMs)
      }
    }
    if (event.kind !== 'start' && started.has(commandCount - 1)) {
      result.last.push(event)
      result.lastAt[event.kind] ??= performance.now()
      if (killAt && event.kind === killAt.after && ++seen === killAt.count) timer = setTimeout(kill, killAt.delayMs)
    }
    if (event.kind === 'finished') result.durations[event.index] = performance.now() - started.get(event.index)!
  })
  child.stderr!.on('data', (chunk: Buffer) => {
    result.stderr = (result.stderr + chunk.toString()).slice(-4000)
  })
  const exited = new Promise<ChildResult>((resolve) => {
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      clearTimeout(overall)
      result.code = code ?? (signal ? -1 : 0)
      markReady()
      // The pipe may still hold the last lines: let readline deliver them first.
      setTimeout(() => resolve(result), 50)
    })
  })
  return {
    async run(commands, point) {
      const waited = performance.now()
      await ready
      timing.waitedForChildMs.push(performance.now() - waited)
      commandCount = commands.length
      killAt = point
      overall = setTimeout(kill, CHILD_TIMEOUT_MS)
      child.stdin!.end(`${JSON.stringify(commands.flatMap((command, index) => (index ? ['--', ...command] : command)))}\n`)
      return exited
    },
    dispose: kill,
  }
}

/**
 * Children loading ahead: loading (several seconds of CPU) is most of a kill run's
 * cost, and two load side by side on two cores while a short run works.
 */
const AHEAD = 2
const loading: Child[] = []
/** Runs a child (started earlier when possible) and starts the next ones, so they load meanwhile. */
function runChild(commands: string[][], killAt?: KillPoint): Promise<ChildResult> {
  const child = loading.shift() ?? startChild()
  while (loading.length < AHEAD) loading.push(startChild())
  return child.run(commands, killAt)
}

const finishedCodes = (result: ChildResult) => result.events.flatMap((event) => (event.kind === 'finished' ? [event.code] : []))
const describeChild = (result: ChildResult) => `exit ${result.code}, ${result.killed ? 'dödad' : 'inte dödad'}\n${result.stderr}`
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0
const seconds = (ms: number) => Math.round(ms / 100) / 10

beforeAll(async () => {
  cms = await startTestCms()
  workDir = path.join(cms.dataDir, 'crash')
  // A subscriber, so that every publish also queues a webhook delivery and a job (the outbox is checked too).
  await cms.payload.create({
    collection: 'webhooks' as never,
    data: { name: 'Webbplatsen', url: 'http://127.0.0.1:9/hook', events: ['area.published'], active: true } as never,
    overrideAccess: true,
  })
  for (const slug of PUBLISH_SLUGS) {
    await cms.payload.create({ collection: AREAS, data: { title: `Krasch ${slug}`, slug, ...publishData(slug, `${slug}-0`) } as never, overrideAccess: true })
  }
})
afterAll(async () => {
  summary.childStartSeconds = { count: timing.childStartMs.length, median: seconds(median(timing.childStartMs)), max: seconds(Math.max(...timing.childStartMs)) }
  summary.waitedForChildSeconds = { count: timing.waitedForChildMs.length, median: seconds(median(timing.waitedForChildMs)), max: seconds(Math.max(...timing.waitedForChildMs)) }
  summary.readStateSeconds = { count: timing.readStateMs.length, median: seconds(median(timing.readStateMs)), max: seconds(Math.max(...timing.readStateMs)) }
  console.log(`Krasch-test (seed ${SEED}, CRASH_RUNS=${RUNS}):\n${JSON.stringify(summary, null, 2)}`)
  for (const child of loading) child.dispose()
  await cms?.cleanup()
})

/** Run `run`'s page files: COPIES tagged copies of each seed file. */
function writePageFiles(run: number): { folder: string; expected: ExpectedImport } {
  const folder = path.join(workDir, `import-${run}`)
  fs.mkdirSync(folder, { recursive: true })
  const files: { name: string; text: string }[] = []
  for (let copy = 1; copy <= COPIES; copy++) {
    for (const seed of seedFiles()) {
      const text = readSeed(seed)
      const tagged = tagPageText(text, namesIn(parsePage(text, seed)), copyTag(run, copy))
      const name = `${String(copy).padStart(2, '0')}_${seed}`
      fs.writeFileSync(path.join(folder, name), tagged)
      files.push({ name, text: tagged })
    }
  }
  return { folder, expected: expectImport(files) }
}

/** Files the child reported written (a failed file is reported too, as 'fel', and written not at all). */
const reportedFiles = (events: readonly ChildEvent[]) => events.flatMap((event) => (event.kind === 'file' && event.action !== 'fel' ? [event.file] : []))
/** Errors the child reported: none is expected, a kill is not an error in the killed process. */
const childErrors = (events: readonly ChildEvent[]) => events.flatMap((event) => (event.kind === 'error' ? [event.message] : []))

describe('SIGKILL in the middle of an import', () => {
  it(`keeps every file whole or absent, and a re-run completes to the uninterrupted result (${RUNS} kills)`, async () => {
    const began = performance.now()
    const random = createRandom(SEED)
    const runs = Array.from({ length: RUNS + 1 }, (_, run) => writePageFiles(run))

    // Run 0, uninterrupted: the reference state and the import's duration.
    const reference = await runChild([['import', runs[0]!.folder]])
    expect(reference.code, describeChild(reference)).toBe(0)
    expect(childErrors(reference.events)).toEqual([])
    const importMs = reference.durations[0]!
    const fileCount = runs[0]!.expected.order.length
    const fileMs = importMs / fileCount
    const referenceState = runState(await readState(), 0)
    const referenceCheck = checkImport(runs[0]!.expected, referenceState, reportedFiles(reference.events), WEBHOOK)
    expect(referenceCheck.problems).toEqual([])
    expect(referenceCheck.present).toHaveLength(runs[0]!.expected.order.length)
    expect(referenceState.sections.every((section) => section.members.length > 0)).toBe(true)
    const referenceLines = normaliseImport(referenceState).split('\n')

    const failures: string[] = []
    const stats = { midTransaction: 0, betweenTransactions: 0, afterFinish: 0, filesAtKill: [] as number[], survived: 0 }
    let present: string[] = []
    const verifyRerun = (run: number, result: ChildResult, index: number) => {
      // The re-run writes what was missing and reports the rest as unchanged.
      const rerun = result.events.slice(
        result.events.findIndex((event) => event.kind === 'start' && event.index === index),
        result.events.findIndex((event) => event.kind === 'finished' && event.index === index) + 1,
      )
      if (finishedCodes(result)[index] !== 0) return [`körning ${run}: omkörningen slutade inte med 0: ${describeChild(result)}`]
      const problems: string[] = []
      for (const event of rerun) {
        if (event.kind !== 'file') continue
        const wanted = present.includes(event.file) ? ['oförändrad'] : ['skapad', 'ny version']
        if (!wanted.includes(event.action)) problems.push(`körning ${run}: omkörningen säger ${event.file} ${event.action}`)
      }
      return problems
    }
    const verifyFinal = (run: number, everything: DatabaseState) => {
      const state = runState(everything, run)
      const { problems } = checkImport(runs[run]!.expected, state, runs[run]!.expected.order, WEBHOOK)
      const dump = normaliseImport(state).split('\n')
      const line = dump.findIndex((text, index) => text !== referenceLines[index])
      if (line !== -1 || dump.length !== referenceLines.length) {
        problems.push(`databasen skiljer sig från en import utan avbrott, rad ${line}: ${dump[line]?.trim()} ≠ ${referenceLines[line]?.trim()}`)
      }
      return problems.map((problem) => `körning ${run} efter omkörning: ${problem}`)
    }

    for (let run = 1; run <= RUNS; run++) {
      // After 0–all files, within the next file's time (all files: in the section members' transaction).
      const point: KillPoint = { after: 'file', count: random.int(0, fileCount), delayMs: Math.round(random.next() * fileMs) }
      const commands = [...(run > 1 ? [['import', runs[run - 1]!.folder]] : []), ['import', runs[run]!.folder]]
      const result = await runChild(commands, point)
      const problems: string[] = []
      // One read for both: the re-run of the run before (finished) and this run (killed).
      const state = await readState()
      if (run > 1) problems.push(...verifyRerun(run - 1, result, 0), ...verifyFinal(run - 1, state))
      // Not killed: it finished first (counted below), which is only right with exit code 0.
      if (!result.killed && result.code !== 0) problems.push(`körning ${run}: processen dog av sig själv: ${describeChild(result)}`)
      problems.push(...childErrors(result.events).map((message) => `körning ${run}: ${message}`))
      const finished = result.last.some((event) => event.kind === 'finished')
      if (finished) stats.afterFinish += 1
      else if (diedInsideTransaction(result.last)) stats.midTransaction += 1
      else stats.betweenTransactions += 1
      const reported = reportedFiles(result.last)
      stats.filesAtKill.push(reported.length)
      const check = checkImport(runs[run]!.expected, runState(state, run), reported, WEBHOOK)
      present = check.present
      problems.push(...check.problems.map((problem) => `körning ${run} (dödad ${point.delayMs} ms efter fil ${point.count}, ${reported.length} filer rapporterade): ${problem}`))
      if (!problems.length) stats.survived += 1
      failures.push(...problems)
    }

    // The last killed run's re-run, alone: the importer's own exit code.
    const last = await runChild([['import', runs[RUNS]!.folder]])
    if (last.code !== 0) failures.push(`sista omkörningen: ${describeChild(last)}`)
    failures.push(...childErrors(last.events), ...verifyRerun(RUNS, last, 0), ...verifyFinal(RUNS, await readState()))

    summary.import = {
      kills: RUNS,
      killedInsideTransaction: stats.midTransaction,
      killedBetweenTransactions: stats.betweenTransactions,
      killedAfterFinishing: stats.afterFinish,
      survived: stats.survived,
      filesPerImport: runs[0]!.expected.order.length,
      filesReportedAtKill: { min: Math.min(...stats.filesAtKill), median: median(stats.filesAtKill), max: Math.max(...stats.filesAtKill) },
      uninterruptedImportSeconds: seconds(importMs),
      msPerFile: Math.round(fileMs),
      totalSeconds: seconds(performance.now() - began),
    }
    expect(failures).toEqual([])
    // A test that cannot fail proves nothing: most kills must have hit an import in progress.
    expect(stats.midTransaction + stats.betweenTransactions).toBeGreaterThanOrEqual(Math.ceil(RUNS / 2))
  })
})

describe('SIGKILL in the middle of a publish', () => {
  it(`keeps page, snapshot, record, audit log and outbox in step, loses no reported publish (${RUNS} kills)`, async () => {
    const began = performance.now()
    const random = createRandom(SEED + 1)
    const log = { begun: [] as { slug: string; marker: string }[], committed: [] as string[], inFlight: [] as string[] }
    const collect = (events: readonly ChildEvent[], killed: boolean) => {
      const begun = events.flatMap((event) => (event.kind === 'begin' ? [{ slug: event.slug, marker: event.marker }] : []))
      const committed = events.flatMap((event) => (event.kind === 'committed' ? [event.marker] : []))
      log.begun.push(...begun)
      log.committed.push(...committed)
      if (killed) log.inFlight.push(...begun.map((entry) => entry.marker).filter((marker) => !committed.includes(marker)))
    }
    const check = async () => checkPublish(await readState(), PUBLISH_SLUGS, log, WEBHOOK)

    // Uninterrupted: how long one publish takes, and that the checks pass on a clean run.
    const warmUp = await runChild([['publish', '9', 'p0', ...PUBLISH_SLUGS]])
    expect(warmUp.code, describeChild(warmUp)).toBe(0)
    expect(childErrors(warmUp.events)).toEqual([])
    collect(warmUp.events, false)
    expect(await check()).toEqual([])
    const publishMs = warmUp.durations[0]! / 9

    const failures: string[] = []
    const stats = { midTransaction: 0, betweenTransactions: 0, survived: 0, committedAtKill: [] as number[] }
    for (let run = 1; run <= RUNS; run++) {
      const point: KillPoint = { after: 'committed', count: random.int(0, PUBLISH_KILL_WINDOW), delayMs: Math.round(random.next() * publishMs) }
      const rerun = run > 1 ? [['publish', '3', `q${run - 1}`, ...PUBLISH_SLUGS]] : []
      const result = await runChild([...rerun, ['publish', '100000', `p${run}`, ...PUBLISH_SLUGS]], point)
      const problems: string[] = []
      if (rerun.length && finishedCodes(result)[0] !== 0) problems.push(`körning ${run - 1}: omkörningen misslyckades: ${describeChild(result)}`)
      if (!result.killed) problems.push(`körning ${run}: processen dog av sig själv: ${describeChild(result)}`)
      problems.push(...childErrors(result.events).map((message) => `körning ${run}: ${message}`))
      collect(result.events, true)
      if (diedInsideTransaction(result.last)) stats.midTransaction += 1
      else stats.betweenTransactions += 1
      stats.committedAtKill.push(result.last.filter((event) => event.kind === 'committed').length)
      problems.push(...(await check()).map((problem) => `körning ${run} (dödad ${point.delayMs} ms efter publicering ${point.count}): ${problem}`))
      if (!problems.length) stats.survived += 1
      failures.push(...problems)
    }
    const last = await runChild([['publish', '3', `q${RUNS}`, ...PUBLISH_SLUGS]])
    if (last.code !== 0) failures.push(`sista omkörningen: ${describeChild(last)}`)
    failures.push(...childErrors(last.events))
    collect(last.events, false)
    failures.push(...(await check()).map((problem) => `efter sista omkörningen: ${problem}`))

    summary.publish = {
      kills: RUNS,
      killedInsideTransaction: stats.midTransaction,
      killedBetweenTransactions: stats.betweenTransactions,
      survived: stats.survived,
      publishesReportedAtKill: { min: Math.min(...stats.committedAtKill), median: median(stats.committedAtKill), max: Math.max(...stats.committedAtKill) },
      publishMs: Math.round(publishMs),
      totalSeconds: seconds(performance.now() - began),
    }
    expect(failures).toEqual([])
    // Most kills must have hit a publish in its transaction (a kill between two is possible, not the rule).
    expect(stats.midTransaction).toBeGreaterThanOrEqual(Math.floor(RUNS / 2))
  })
})

describe('SIGKILL in the middle of a release’s publish', () => {
  /** Pages per release: each run's release publishes this many in one transaction. */
  const PAGES = 6
  /** Two children per kill (the killed one and the restart): half the runs of the other kinds keep CI short. */
  const KILLS = Math.max(3, Math.ceil(RUNS / 2))
  const accounts = {} as Record<'editor' | 'reviewer', { id: string | number; token: string }>

  beforeAll(async () => {
    // The first account of a system becomes an administrator: made first, then the two who work.
    await createUser(cms.payload, ['admin'])
    for (const role of ['editor', 'reviewer'] as const) {
      const user = await createUser(cms.payload, [role])
      accounts[role] = { id: user.id, token: (await cms.rest.login(user.email, user.password)).token! }
    }
    // The release's own event is in the outbox with the rest of its transaction (or not at all).
    await cms.payload.create({
      collection: 'webhooks' as never,
      data: { name: 'Paketmottagare', url: 'http://127.0.0.1:9/paket', events: ['release.published'], active: true } as never,
      overrideAccess: true,
    })
  })

  const ok = async (response: Response) => {
    if (response.status >= 300) throw new Error(`${response.url}: ${response.status} ${await response.text()}`)
    return response.json()
  }

  /** A ready release of PAGES live pages, each with an approved draft: "gammal <run>" live, "ny <run>" in the draft. */
  async function readyRelease(run: number) {
    const ids: (string | number)[] = []
    for (let page = 0; page < PAGES; page++) {
      const slug = `paket-${run}-${page}`
      const body = (text: string) => [{ blockType: 'resultSet', surveyYear: 2023, lead: 'visar att', bullets: [{ national: `Nationellt ${slug}`, local: text }] }]
      const doc = await cms.payload.create({ collection: AREAS, data: { title: `Paket ${run} sida ${page}`, slug, teaser: `gammal ${run}`, body: body(`gammal ${run}`), _status: 'published' } as never, overrideAccess: true })
      await ok(await cms.rest.patch(`/areas/${doc.id}?draft=true`, { token: accounts.editor.token, body: { teaser: `ny ${run}`, body: body(`ny ${run}`), revision: doc.revision } }))
      await ok(await cms.rest.post(`/areas/${doc.id}/workflow`, { token: accounts.editor.token, body: { transition: 'submit' } }))
      await ok(await cms.rest.post(`/areas/${doc.id}/workflow`, { token: accounts.reviewer.token, body: { transition: 'approve' } }))
      ids.push(doc.id)
    }
    const created = await ok(await cms.rest.post('/releases', { token: accounts.editor.token, body: { name: `Kraschpaket ${run}`, items: ids } }))
    await ok(await cms.rest.post(`/releases/${created.doc.id}/workflow`, { token: accounts.editor.token, body: { transition: 'markReady' } }))
    return { id: created.doc.id as string | number, ids }
  }

  /** Where the release's pages stand: 'old', 'new' or a list of what disagrees (page, snapshot, record, release state, audit, outbox). */
  async function standing(run: number, release: { id: string | number; ids: (string | number)[] }): Promise<'old' | 'new' | string[]> {
    const ids = release.ids.map(String)
    const [stored, live, snapshots, history, audits, deliveries] = await Promise.all([
      cms.payload.findByID({ collection: RELEASES, id: release.id, depth: 0, overrideAccess: true }),
      Promise.all(release.ids.map((id) => cms.payload.findByID({ collection: AREAS, id, depth: 0, overrideAccess: true }))),
      cms.payload.find({ collection: PUBLISHED_SNAPSHOTS, where: { areaId: { in: ids } }, pagination: false, depth: 0, overrideAccess: true }),
      cms.payload.find({ collection: PUBLICATION_HISTORY, where: { areaId: { in: ids } }, pagination: false, depth: 0, overrideAccess: true }),
      cms.payload.count({ collection: AUDIT_LOG, where: { and: [{ collectionSlug: { equals: RELEASES } }, { documentId: { equals: String(release.id) } }, { action: { equals: 'publish' } }] }, overrideAccess: true }),
      cms.payload.find({ collection: WEBHOOK_DELIVERIES, where: { event: { equals: 'release.published' } }, pagination: false, depth: 0, overrideAccess: true }),
    ])
    const published = deliveries.docs.filter((delivery) => JSON.parse(String(delivery.body)).release?.id === release.id).length
    const facts = {
      release: stored.state === 'published' ? 'new' : stored.state === 'ready' ? 'old' : `status ${stored.state}`,
      pages: live.map((page) => (page.teaser === `ny ${run}` ? 'new' : page.teaser === `gammal ${run}` ? 'old' : `sidan ${page.slug}: ${page.teaser}`)),
      snapshots: ids.map((id) => {
        const teaser = (snapshots.docs.find((doc) => doc.areaId === id)?.page as { teaser?: string } | undefined)?.teaser
        return teaser === `ny ${run}` ? 'new' : teaser === `gammal ${run}` ? 'old' : `ögonblicksbilden av ${id}: ${teaser}`
      }),
      record: ids.map((id) => {
        const versions = history.docs.filter((doc) => doc.areaId === id).length
        return versions === 2 ? 'new' : versions === 1 ? 'old' : `${versions} versioner i registret för ${id}`
      }),
      audit: audits.totalDocs === 1 ? 'new' : audits.totalDocs === 0 ? 'old' : `${audits.totalDocs} granskningsposter`,
      outbox: published === 1 ? 'new' : published === 0 ? 'old' : `${published} release.published i utkorgen`,
    }
    const all = [facts.release, ...facts.pages, ...facts.snapshots, ...facts.record, facts.audit, facts.outbox]
    if (all.every((value) => value === 'new')) return 'new'
    if (all.every((value) => value === 'old')) return 'old'
    return Object.entries(facts).map(([what, value]) => `${what}: ${JSON.stringify(value)}`)
  }

  it(`publishes a release all or nothing, and a restart completes it (${KILLS} kills)`, async () => {
    const began = performance.now()
    const random = createRandom(SEED + 2)
    // Uninterrupted: how long the publish takes, and that the checks see it whole.
    const reference = await readyRelease(0)
    const clean = await runChild([['release', String(reference.id), String(accounts.reviewer.id), 'r0']])
    expect(clean.code, describeChild(clean)).toBe(0)
    expect(childErrors(clean.events)).toEqual([])
    expect(await standing(0, reference)).toBe('new')
    // From begin to commit only: loading the facts before `begin` is not part of the window a kill aims at.
    const between = (result: ChildResult) => (result.lastAt.committed ?? Infinity) - (result.lastAt.begin ?? 0)
    let publishMs = between(clean)

    const failures: string[] = []
    const stats = { midTransaction: 0, old: 0, new: 0, committedAtKill: 0 }
    for (let run = 1; run <= KILLS; run++) {
      const release = await readyRelease(run)
      // From the moment the publish begins (facts loaded, decided) to a little past its whole duration.
      const point: KillPoint = { after: 'begin', count: 1, delayMs: Math.round(random.next() * publishMs * 1.1) }
      const result = await runChild([['release', String(release.id), String(accounts.reviewer.id), `r${run}`]], point)
      const problems: string[] = []
      if (!result.killed && result.code !== 0) problems.push(`körning ${run}: processen dog av sig själv: ${describeChild(result)}`)
      problems.push(...childErrors(result.events).map((message) => `körning ${run}: ${message}`))
      if (diedInsideTransaction(result.last)) stats.midTransaction += 1
      const committed = result.last.some((event) => event.kind === 'committed')
      if (committed) stats.committedAtKill += 1
      // The reference run may have been slowed by children loading beside it: a faster publish seen since narrows the window.
      publishMs = Math.min(publishMs, between(result))
      const after = await standing(run, release)
      if (Array.isArray(after)) problems.push(`körning ${run} (dödad ${point.delayMs} ms in): blandat efter döden: ${after.join('; ')}`)
      else {
        stats[after] += 1
        if (committed && after === 'old') problems.push(`körning ${run}: publiceringen rapporterades klar men syns inte`)
      }
      // The restart: the same call again publishes what was not published, and never twice.
      const rerun = await runChild([['release', String(release.id), String(accounts.reviewer.id), `r${run}b`]])
      if (rerun.code !== 0) problems.push(`körning ${run}: omkörningen misslyckades: ${describeChild(rerun)}`)
      const final = await standing(run, release)
      if (final !== 'new') problems.push(`körning ${run} efter omkörning: ${Array.isArray(final) ? final.join('; ') : final}`)
      failures.push(...problems)
    }
    summary.release = {
      kills: KILLS,
      pagesPerRelease: PAGES,
      killedInsideTransaction: stats.midTransaction,
      oldAfterKill: stats.old,
      newAfterKill: stats.new,
      reportedCommittedAtKill: stats.committedAtKill,
      publishMs: Math.round(publishMs),
      totalSeconds: seconds(performance.now() - began),
    }
    expect(failures).toEqual([])
    // Most kills must land inside the release's transaction, or the test proves little.
    expect(stats.midTransaction).toBeGreaterThanOrEqual(Math.floor(KILLS / 2))
  })
})
