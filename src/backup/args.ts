import { parseArgs, type ParseArgsConfig } from 'node:util'

import { z } from 'zod'

import { BackupError } from './errors'

export const BACKUP_USAGE = 'Användning: npm run backup [-- --out <sökväg>]'
export const RESTORE_USAGE = 'Användning: npm run restore -- <säkerhetskopia> [--target <DATABASE_URL>] [--force]'

const pathSchema = (flag: string) => z.string().trim().min(1, `${flag} behöver en sökväg`)

const backupArgsSchema = z.object({ out: pathSchema('--out').optional() })
export type BackupArgs = z.infer<typeof backupArgsSchema>

const restoreArgsSchema = z.object({
  backup: pathSchema('Säkerhetskopian'),
  target: z.string().trim().min(1, '--target behöver en DATABASE_URL (file:<sökväg> eller mongodb://…)').optional(),
  force: z.boolean(),
})
export type RestoreArgs = z.infer<typeof restoreArgsSchema>

/** node:util's parse errors are in English and quote the argument; say the same in Swedish. */
function parse<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O, usage: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true as const, strict: true as const })
  } catch (error) {
    const code = (error as { code?: string }).code
    const quoted = /'([^']+)'/.exec(error instanceof Error ? error.message : '')?.[1] ?? ''
    const problem =
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? `Okänd flagga ${quoted}`
        : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
          ? `Flaggan ${quoted.split(' ')[0]} saknar värde`
          : 'Argumenten kunde inte tolkas'
    throw new BackupError(`${problem}. ${usage}`)
  }
}

function validated<T>(schema: z.ZodType<T>, input: unknown, usage: string): T {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  throw new BackupError(`${result.error.issues[0]!.message}. ${usage}`)
}

export function parseBackupArgs(argv: string[]): BackupArgs {
  const { values, positionals } = parse(argv, { out: { type: 'string' } }, BACKUP_USAGE)
  if (positionals.length > 0) throw new BackupError(`Oväntat argument "${positionals[0]}". ${BACKUP_USAGE}`)
  return validated(backupArgsSchema, values, BACKUP_USAGE)
}

export function parseRestoreArgs(argv: string[]): RestoreArgs {
  const { values, positionals } = parse(argv, { target: { type: 'string' }, force: { type: 'boolean' } }, RESTORE_USAGE)
  if (positionals.length === 0) throw new BackupError(`Ange vilken säkerhetskopia som ska återställas. ${RESTORE_USAGE}`)
  if (positionals.length > 1) throw new BackupError(`Ange bara en säkerhetskopia (fick ${positionals.length}). ${RESTORE_USAGE}`)
  return validated(restoreArgsSchema, { backup: positionals[0], target: values.target, force: values.force === true }, RESTORE_USAGE)
}
