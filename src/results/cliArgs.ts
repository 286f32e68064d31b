/**
 * `npm run import:results` arguments, parsed without side effects (so each
 * accepted and refused form is unit-tested).
 */
export type ResultCliArgs =
  | { mode: 'table'; file: string; area: string; year: number; mappingFile: string | null; dryRun: boolean }
  | { mode: 'kolada'; area: string | null; year: number; dryRun: boolean }

export const RESULT_CLI_USAGE =
  'Användning: npm run import:results -- <fil.xlsx|fil.csv> --area <slug> --year <år> [--mapping <mappning.json>] [--dry-run]\n' +
  '        eller npm run import:results -- --kolada --year <år> [--area <slug>] [--dry-run]'

export function parseResultCliArgs(argv: readonly string[]): { ok: true; args: ResultCliArgs } | { ok: false; error: string } {
  const positional: string[] = []
  const options = new Map<string, string | true>()
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!
    if (arg === '--dry-run' || arg === '--kolada') options.set(arg, true)
    else if (arg === '--area' || arg === '--year' || arg === '--mapping') {
      const value = argv[index + 1]
      if (value === undefined || value.startsWith('--')) return { ok: false, error: `${arg} behöver ett värde.` }
      options.set(arg, value)
      index++
    } else if (arg.startsWith('--')) return { ok: false, error: `Okänd flagga ${arg}.` }
    else positional.push(arg)
  }
  const yearText = options.get('--year')
  if (typeof yearText !== 'string' || !/^\d{4}$/.test(yearText)) return { ok: false, error: 'Ange undersökningsåret med --year, t.ex. --year 2025.' }
  const year = Number(yearText)
  const area = typeof options.get('--area') === 'string' ? (options.get('--area') as string) : null
  const dryRun = options.has('--dry-run')
  if (options.has('--kolada')) {
    if (positional.length) return { ok: false, error: 'Med --kolada läses ingen fil; ta bort filnamnet.' }
    return { ok: true, args: { mode: 'kolada', area, year, dryRun } }
  }
  if (positional.length !== 1) return { ok: false, error: positional.length ? 'Ange en fil i taget.' : 'Ange filen som ska importeras.' }
  if (!area) return { ok: false, error: 'Ange området med --area <slug>, t.ex. --area ekonomiskt-bistand.' }
  const mapping = options.get('--mapping')
  return { ok: true, args: { mode: 'table', file: positional[0]!, area, year, mappingFile: typeof mapping === 'string' ? mapping : null, dryRun } }
}
