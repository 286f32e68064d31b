/**
 * The process tests/slow/crash.test.ts kills with SIGKILL: a stand-in for the
 * server (or the importer CLI) dying in the middle of its writes. Run as
 *
 *   node scripts/node-task.mjs tests/helpers/crashChild.ts import <folder>
 *   node scripts/node-task.mjs tests/helpers/crashChild.ts publish <n> <marker-prefix> <slug>…
 *   node scripts/node-task.mjs tests/helpers/crashChild.ts release <release-id> <reviewer-id> <marker>
 *
 * or several commands in one process, separated by `--` (the test re-runs the
 * killed run's work and starts the next run in one process: a process start
 * costs seconds), with the parent test's DATABASE_URL, DATA_DIR and
 * PAYLOAD_SECRET. With `--stdin` instead of commands it connects, prints
 * `ready` and then reads its arguments as a JSON array from the first line of
 * stdin (so the test can start it while the previous one is still working).
 * It prints
 * one line per event, written synchronously (fs.writeSync), so that a line the
 * parent has read describes something that had already happened when the
 * process died:
 *
 *   ready                         connected
 *   start <i>, finished <i> <c>   command i began, ended (c: its exit code, 0 = all written)
 *   tx-begin, tx-end              a transaction opened, committed or rolled back
 *   file <name> <action>          the importer reported a file (its transaction had ended)
 *   begin <slug> <marker>         a publish is about to start
 *   committed <slug> <marker>     the publish call returned (it had committed)
 *                                 (a release: slug `release-<id>`, after its one transaction)
 *   error <message>               a file or a command failed
 *   done                          all commands finished
 */
import fs from 'node:fs'

import type { Payload } from 'payload'

import { AREAS, RELEASES, USERS } from '@collections/index'
import { importPageFiles } from '@/pageImport/importPages'
import { loadReleaseFacts } from '@/publishing/releaseFacts'
import { applyReleaseTransition } from '@/publishing/releaseTransition'
import { decideReleaseTransition, toWorkflowActor } from '@/workflow'
import { publishData, splitCommands } from './crashInvariants'

const say = (line: string) => {
  fs.writeSync(1, `${line}\n`)
}

/** Reports every transaction's start and end (the parent tells "killed inside a transaction" from them). */
function traceTransactions(payload: Payload): void {
  const db = payload.db as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>
  const begin = db.beginTransaction
  if (typeof begin !== 'function') return
  db.beginTransaction = async (...args) => {
    const id = await begin.apply(payload.db, args)
    if (id != null) say('tx-begin')
    return id
  }
  for (const name of ['commitTransaction', 'rollbackTransaction']) {
    const end = db[name]!
    db[name] = async (...args) => {
      const result = await end.apply(payload.db, args)
      say('tx-end')
      return result
    }
  }
}

async function runImport(payload: Payload, folder: string): Promise<number> {
  const report = await importPageFiles(payload, [folder], {
    log: (line) => {
      // "✔ <file>: <title> – <action>": the file's transaction has ended.
      const match = /^([✔✖]) (\S+?): .* – (.+?)(?: \(|$)/u.exec(line)
      say(match ? `file ${match[2]} ${match[3]!.replace(/ /g, '_')}` : `log ${line}`)
      if (line.startsWith('✖')) say(`error ${line.replace(/\s+/g, ' ')}`)
    },
  })
  const failed = report.files.filter((file) => file.action === 'fel')
  return failed.length ? 1 : 0
}

async function runPublish(payload: Payload, count: number, prefix: string, slugs: string[]): Promise<number> {
  const { docs } = await payload.find({ collection: AREAS, where: { slug: { in: slugs } }, pagination: false, depth: 0, overrideAccess: true })
  const bySlug = new Map(docs.map((doc) => [doc.slug, doc.id]))
  for (let i = 1; i <= count; i++) {
    const slug = slugs[(i - 1) % slugs.length]!
    const id = bySlug.get(slug)
    if (id === undefined) throw new Error(`Sidan ${slug} finns inte.`)
    const marker = `${prefix}-${i}`
    say(`begin ${slug} ${marker}`)
    // Server code without a user is trusted to publish (src/publishing/hooks.ts), as the importer does.
    await payload.update({ collection: AREAS, id, data: publishData(slug, marker) as never, draft: false, overrideAccess: true })
    say(`committed ${slug} ${marker}`)
  }
  return 0
}

/** A reviewer publishes a ready release as POST /api/releases/:id/workflow does: decided by the workflow, applied in one transaction. */
async function runRelease(payload: Payload, releaseId: string, reviewerId: string, marker: string): Promise<number> {
  const { createLocalReq } = await import('payload')
  const reviewer = await payload.findByID({ collection: USERS, id: reviewerId, depth: 0, overrideAccess: true })
  const req = await createLocalReq({ user: { ...reviewer, collection: USERS } as never }, payload)
  const release = await payload.findByID({ collection: RELEASES, id: releaseId, depth: 0, overrideAccess: true })
  const loaded = await loadReleaseFacts(req, release)
  const decision = decideReleaseTransition({ release: loaded, transition: 'publish', actor: toWorkflowActor(req.user) })
  if (!decision.allowed) {
    // A re-run after the kill: a release that was published before the kill is not published twice.
    say(`refused release-${releaseId} ${decision.rule}`)
    return decision.rule === 'wrong-state' && release.state === 'published' ? 0 : 1
  }
  say(`begin release-${releaseId} ${marker}`)
  const outcome = await applyReleaseTransition(req, release, loaded, decision)
  if (!outcome.ok) throw new Error(outcome.message)
  say(`committed release-${releaseId} ${marker}`)
  return 0
}

async function run(payload: Payload, [mode, ...args]: string[]): Promise<number> {
  if (mode === 'release' && args.length === 3) return runRelease(payload, args[0]!, args[1]!, args[2]!)
  if (mode === 'import' && args.length === 1) return runImport(payload, args[0]!)
  if (mode === 'publish' && args.length >= 3 && Number(args[0]) > 0) return runPublish(payload, Number(args[0]), args[1]!, args.slice(2))
  console.error('Användning: crashChild.ts import <mapp> | publish <antal> <markörprefix> <slug>… | release <paket-id> <granskar-id> <markör> [-- nästa kommando …]')
  return 2
}

/** The first line on stdin: the test starts the next child early and tells it what to do once it is ready. */
function firstLineOfStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = ''
    process.stdin.setEncoding('utf8')
    process.stdin.on('data', (chunk: string) => {
      buffered += chunk
      const end = buffered.indexOf('\n')
      if (end === -1) return
      process.stdin.pause()
      resolve(buffered.slice(0, end))
    })
    process.stdin.on('end', () => resolve(buffered))
    process.stdin.on('error', reject)
  })
}

const argv = process.argv.slice(2)
// One import after the other (scripts/lib/payload.ts explains why).
const { getPayload } = await import('payload')
const { default: config } = await import('@payload-config')
const payload = await getPayload({ config })
// A control experiment, never the default: without transactions the test must find half-written changes.
if (process.env.CRASH_CHILD_WITHOUT_TRANSACTIONS === '1') (payload.db as unknown as { beginTransaction: () => Promise<null> }).beginTransaction = async () => null
traceTransactions(payload)
say('ready')
// `--stdin`: the arguments come as a JSON array on the first line of stdin.
const commands = splitCommands(argv[0] === '--stdin' ? (JSON.parse(await firstLineOfStdin()) as string[]) : argv)

let code = commands.length ? 0 : 2
for (const [index, command] of commands.entries()) {
  say(`start ${index}`)
  const result = await run(payload, command).catch((error: unknown) => {
    say(`error ${(error as Error).message.replace(/\s+/g, ' ')}`)
    return 1
  })
  say(`finished ${index} ${result}`)
  code = Math.max(code, result)
}
say('done')
await payload.destroy().catch(() => undefined)
process.exit(code)
