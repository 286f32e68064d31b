import { AsyncLocalStorage } from 'node:async_hooks'

import { Sqlite3Client } from '@libsql/client/sqlite3'
import Database from 'libsql'
import type { BaseDatabaseAdapter } from 'payload'

/**
 * Real transactions on the embedded SQLite database.
 *
 * Payload's SQLite adapter runs without transactions unless `transactionOptions`
 * is set, so a publish or an import that failed halfway kept part of its
 * writes. With transactions on, libsql gives each transaction a connection of
 * its own (WAL: readers on other connections see only committed data), but
 * SQLite allows one writer per file and libsql's calls are synchronous: a
 * second writer in this process would either fail at once with SQLITE_BUSY or,
 * with a busy timeout, block the event loop that the first writer needs to
 * finish. So every write in this process is serialised here, asynchronously:
 * a transaction holds the write turn from BEGIN to COMMIT/ROLLBACK, and a write
 * outside any transaction (the job runner's bookkeeping) takes the turn for
 * its own statement. Other processes (the importer CLI, a backup) wait on
 * SQLite's busy timeout.
 *
 * libsql also hands its current connection to each new transaction and opens
 * a fresh one for everything else, never closing the old one: two file
 * descriptors and ~0.3 MB leaked per transaction (measured: 600 descriptors
 * after 300 saves). Since transactions here take turns anyway, they all reuse
 * one dedicated write connection instead.
 */

/** Adapter methods that write; every other method only reads. */
export const WRITE_METHODS = [
  'create',
  'createGlobal',
  'createGlobalVersion',
  'createVersion',
  'deleteMany',
  'deleteOne',
  'deleteVersions',
  'updateGlobal',
  'updateGlobalVersion',
  'updateJobs',
  'updateMany',
  'updateOne',
  'updateVersion',
  'upsert',
] as const

/** How long a write waits for its turn before giving up with a message a person can act on. */
export const WRITE_TURN_TIMEOUT_MS = 120_000

export class WriteTurnTimeoutError extends Error {
  constructor(waitedMs: number) {
    super(
      `Databasen var upptagen av en annan skrivning i ${Math.round(waitedMs / 1000)} s. Försök igen om en stund. ` +
        '(Om det händer ofta: en skrivning inuti en transaktion saknar `req`.)',
    )
    this.name = 'WriteTurnTimeoutError'
  }
}

/** Who asks for the turn: a text, or a function that makes it (a stack is read only when a warning needs it). */
type Label = string | (() => string)
const text = (label: Label): string => (typeof label === 'function' ? label() : label)

/** A first-come, first-served async lock: one holder at a time, waiters in order. */
export class WriteTurn {
  private tail: Promise<void> = Promise.resolve()
  private holders = 0
  /** What holds the turn now, for the warning a long wait prints (formatted only then). */
  private holder: Label = ''

  get busy(): boolean {
    return this.holders > 0
  }

  /** Resolves with a release function once it is this caller's turn. */
  async acquire(timeoutMs = WRITE_TURN_TIMEOUT_MS, label: Label = ''): Promise<() => void> {
    let release!: () => void
    const mine = new Promise<void>((resolve) => (release = resolve))
    const previous = this.tail
    this.tail = previous.then(() => mine)
    let timer: NodeJS.Timeout | undefined
    const started = Date.now()
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs)
      timer.unref?.()
    })
    // A wait this long means a long import or a stuck holder: say which, once.
    const warning = setTimeout(() => console.warn(`Skrivning (${text(label) || 'okänd'}) har väntat 10 s på ${text(this.holder) || 'en annan skrivning'}.`), 10_000)
    warning.unref?.()
    const outcome = await Promise.race([previous.then(() => 'turn' as const), timedOut])
    clearTimeout(timer)
    clearTimeout(warning)
    if (outcome === 'timeout') {
      // Give the turn away at once when it comes, so the queue is not stuck behind a caller that left.
      void previous.then(release)
      throw new WriteTurnTimeoutError(Date.now() - started)
    }
    this.holders += 1
    this.holder = label
    let released = false
    return () => {
      if (released) return
      released = true
      this.holders -= 1
      release()
    }
  }
}

type Sessions = Record<string, unknown>
type TransactionMode = Parameters<Sqlite3Client['transaction']>[0]
type SqliteClient = Pick<Sqlite3Client, 'transaction' | 'close'>
type SqliteAdapter = BaseDatabaseAdapter & {
  sessions: Sessions
  client?: SqliteClient
  clientConfig?: { url?: string; intMode?: 'number' | 'bigint' | 'string' }
  busyTimeout?: number
}
type AnyMethod = (...args: unknown[]) => Promise<unknown>

/**
 * Adapters already serialised (serialiseWrites is idempotent). Module state,
 * not a process-wide slot: the adapter is made and serialised by the same
 * copy of this module (src/database/adapter.ts, from the config), so no other
 * copy ever sees it.
 */
const serialised = new WeakSet<SqliteAdapter>()

async function transactionOf(args: unknown): Promise<unknown> {
  const req = (args as { req?: { transactionID?: unknown } } | undefined)?.req
  return req?.transactionID instanceof Promise ? await req.transactionID : req?.transactionID
}

/**
 * Serialises this adapter's writes (see above). Idempotent; the adapter must
 * have been created with `transactionOptions` so that Payload opens real
 * transactions.
 */
export function serialiseWrites(adapter: SqliteAdapter, turn = new WriteTurn()): SqliteAdapter {
  if (serialised.has(adapter)) return adapter
  serialised.add(adapter)
  const releases = new Map<unknown, () => void>()
  const methods = adapter as unknown as Record<string, AnyMethod>

  const begin = methods.beginTransaction!.bind(adapter)
  methods.beginTransaction = async (...args) => {
    const origin = new Error()
    const release = await turn.acquire(WRITE_TURN_TIMEOUT_MS, () => `transaktion från ${callerOf(origin.stack)}`)
    try {
      const id = await begin(...args)
      releases.set(id, release)
      return id
    } catch (error) {
      release()
      throw error
    }
  }
  for (const name of ['commitTransaction', 'rollbackTransaction'] as const) {
    const end = methods[name]!.bind(adapter)
    methods[name] = async (incoming) => {
      const id = incoming instanceof Promise ? await incoming : incoming
      try {
        return await end(id)
      } finally {
        releases.get(id)?.()
        releases.delete(id)
      }
    }
  }
  const connect = methods.connect?.bind(adapter)
  if (connect) {
    methods.connect = async (...args) => {
      const result = await connect(...args)
      if (adapter.client) useOneWriteConnection(adapter, adapter.client)
      return result
    }
  }
  // A write that holds the turn may call another write method (Payload's upsert calls updateOne):
  // that inner call already has the turn and must not queue behind itself.
  const holdingTurn = new AsyncLocalStorage<true>()
  for (const name of WRITE_METHODS) {
    const write = methods[name]
    if (typeof write !== 'function') continue
    const bound = write.bind(adapter)
    methods[name] = async (...args) => {
      if (holdingTurn.getStore()) return bound(...args)
      const id = await transactionOf(args[0])
      if (id !== undefined && id !== null && typeof id !== 'object' && adapter.sessions[String(id)]) return bound(...args)
      const release = await turn.acquire(WRITE_TURN_TIMEOUT_MS, () => `${name} på ${(args[0] as { collection?: string } | undefined)?.collection ?? '?'}`)
      try {
        return await holdingTurn.run(true, () => bound(...args))
      } finally {
        release()
      }
    }
  }
  return adapter
}

/** The first stack frame outside Payload's transaction helpers and this file: who began the transaction. */
function callerOf(stack: string | undefined): string {
  const frames = (stack ?? '').split('\n').slice(1).map((line) => line.trim())
  const frame = frames.find((line) => !/sqliteTransactions|initTransaction|node:internal/.test(line)) ?? frames[0] ?? ''
  return frame.replace(/^at /, '').replace(/\(?file:\/\/[^)]*node_modules\//, '(').slice(0, 160)
}

/** The file path libsql opens for a `file:` URL (absolute or relative to the working directory). */
export function sqliteFilePath(url: string): string {
  const parsed = new URL(url)
  if (parsed.protocol !== 'file:') throw new Error(`Inte en SQLite-fil: ${url}`)
  return decodeURIComponent(url.startsWith('file://') ? parsed.pathname : url.slice('file:'.length).split('?')[0]!)
}

/** Clients already given their one write connection (the adapter's connect runs again after a reconnect). */
const reused = new WeakSet<SqliteClient>()

/** Every transaction of this client runs on one write connection, opened on first use and closed with the client. */
function useOneWriteConnection(adapter: SqliteAdapter, client: SqliteClient): void {
  if (reused.has(client) || !adapter.clientConfig?.url?.startsWith('file:')) return
  reused.add(client)
  const path = sqliteFilePath(adapter.clientConfig.url)
  const intMode = adapter.clientConfig.intMode ?? 'number'
  let connection: Database.Database | undefined
  client.transaction = async (mode?: TransactionMode) => {
    if (!connection?.open) {
      connection = new Database(path, {})
      if (adapter.busyTimeout) connection.exec(`PRAGMA busy_timeout = ${Number(adapter.busyTimeout)}`)
    }
    if (connection.inTransaction) throw new Error('Skrivanslutningen används redan av en annan transaktion.')
    // A throwaway client around the shared connection: libsql's own transaction object, on our connection.
    return new Sqlite3Client(path, {}, connection, intMode).transaction(mode)
  }
  const close = client.close.bind(client)
  client.close = () => {
    if (connection?.open) connection.close()
    close()
  }
}
