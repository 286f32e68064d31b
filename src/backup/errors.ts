/**
 * A failure of a backup or a restore, in one Swedish line a person can act on.
 * The scripts print it as it is and exit with code 1.
 */
export class BackupError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BackupError'
  }
}

/** Errors whose message is already the one line for a person (backup, environment, database schema or lock). */
const ONE_LINE_ERRORS = new Set(['BackupError', 'EnvError', 'DatabaseSchemaError', 'DatabaseBusyError'])

export const isOneLineError = (error: unknown): error is Error => error instanceof Error && ONE_LINE_ERRORS.has(error.name)

/**
 * The one line a script prints for a failure: our own messages as they are
 * (they are written for the reader), anything unexpected after a Swedish
 * lead-in, first line only.
 */
export function failureLine(error: unknown, what: string): string {
  const message = error instanceof Error ? error.message : String(error)
  const first = message.split('\n').find((line) => line.trim() !== '')?.trim() ?? 'okänt fel'
  return isOneLineError(error) ? first : `${what} misslyckades: ${first}`
}
