/**
 * `npm run import:results -- <file> --area <slug> --year <year> [--mapping <file>] [--dry-run]`
 * (or `--kolada --year <year>`): one year's results into draft bullets. Prints the
 * preview; exit code 1 when the file or the request is refused (nothing written), 2 on usage.
 */
import fs from 'node:fs'
import path from 'node:path'

import { importResults } from '@/results/importResults'
import { importKoladaResults } from '@/results/koladaImport'
import { parseResultCliArgs, RESULT_CLI_USAGE } from '@/results/cliArgs'
import { parseResultMapping } from '@/results/mapping'
import { openPayload } from './lib/payload'

const parsed = parseResultCliArgs(process.argv.slice(2))
if (!parsed.ok) {
  console.error(`✖ ${parsed.error}\n${RESULT_CLI_USAGE}`)
  process.exit(2)
}
const args = parsed.args

function readMapping(file: string) {
  let json: unknown
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (error) {
    console.error(`✖ ${file}: mappningen kunde inte läsas som JSON (${(error as Error).message}).`)
    process.exit(1)
  }
  const mapping = parseResultMapping(json)
  if (!mapping.ok) {
    console.error(`✖ ${file}: mappningen är ogiltig:\n${mapping.errors.map((line) => `  ${line}`).join('\n')}`)
    process.exit(1)
  }
  return mapping.mapping
}

if (args.mode === 'table' && !fs.existsSync(args.file)) {
  console.error(`✖ Filen ${args.file} finns inte.`)
  process.exit(1)
}
const mapping = args.mode === 'table' && args.mappingFile ? readMapping(args.mappingFile) : undefined

const payload = await openPayload()
let failed = false
if (args.mode === 'table') {
  const outcome = await importResults(payload, {
    areaSlug: args.area,
    year: args.year,
    dryRun: args.dryRun,
    source: { kind: 'table', bytes: new Uint8Array(fs.readFileSync(args.file)), fileName: path.basename(args.file), mapping, saveMapping: Boolean(mapping) },
  })
  if (outcome.ok) console.log(outcome.preview + (mapping && !args.dryRun ? '\nMappningen är sparad för området och används nästa gång utan --mapping.' : ''))
  else console.error(`✖ ${outcome.error}\nInget skrevs.`)
  failed = !outcome.ok
} else {
  const outcomes = await importKoladaResults(payload, { year: args.year, dryRun: args.dryRun, areaSlug: args.area })
  for (const outcome of outcomes) {
    if (outcome.ok) console.log(outcome.preview + '\n')
    else console.error(`✖ ${outcome.error}\nInget skrevs.`)
  }
  failed = outcomes.some((outcome) => !outcome.ok)
}
await payload.destroy()
process.exit(failed ? 1 : 0)
