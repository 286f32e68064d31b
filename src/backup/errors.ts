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

/**
 * The one line a script prints for a failure: our own messages as they are
 * (they are written for the reader), anything unexpected after a Swedish
 * lead-in, first line only.
 */
export function failureLine(error: unknown, what: string): string {
  const message = error instanceof Error ? error.message : String(error)
  const first = message.split('\n').find((line) => line.trim() !== '')?.trim() ?? 'okänt fel'
  const known = error instanceof Error && (error.name === 'BackupError' || error.name === 'EnvError')
  return known ? first : `${what} misslyckades: ${first}`
}
