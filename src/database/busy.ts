/**
 * Another process holding SQLite's write lock (an import, a restore, a server
 * starting) is waited for, up to this limit, on every connection of ours; a
 * command that still finds the database busy says so in one line.
 */
export const DATABASE_BUSY_TIMEOUT_MS = 15_000

export class DatabaseBusyError extends Error {
  constructor(where: string) {
    super(
      `Databasen ${where} var upptagen av en annan process i mer än ${DATABASE_BUSY_TIMEOUT_MS / 1000} s. ` +
        'Vänta tills den andra körningen (en import, en återställning, en server som startar) är klar och försök igen.',
    )
    this.name = 'DatabaseBusyError'
  }
}

/** SQLITE_BUSY anywhere in an error's cause chain (drivers and Payload wrap it). */
export function isBusyError(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 10; current = current.cause, depth++) {
    const code = (current as { code?: unknown }).code
    if ((typeof code === 'string' && code.startsWith('SQLITE_BUSY')) || /database is locked/i.test(current.message)) return true
  }
  return false
}
