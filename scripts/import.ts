/**
 * `npm run import -- <file or folder>… [--dry-run]`: imports page files in the
 * format of seed/kalmar into the database DATABASE_URL points at.
 */
import { EnvError, loadEnv } from '@/env'
import { importPageFiles } from '@/importer/importPages'
import { formatImportReport, importFailed } from '@/importer/report'

const args = process.argv.slice(2)
const dryRun = args.includes('--dry-run')
const paths = args.filter((arg) => !arg.startsWith('--'))
if (paths.length === 0) {
  console.error('Användning: npm run import -- <fil eller mapp>… [--dry-run]')
  process.exit(2)
}

try {
  loadEnv()
} catch (error) {
  if (error instanceof EnvError) {
    console.error(`✖ ${error.message}`)
    process.exit(1)
  }
  throw error
}

// One after the other: two concurrent dynamic imports of one module graph can leave
// Node's ESM loader waiting forever (exit code 13, no output).
const { getPayload } = await import('payload')
const { default: config } = await import('@payload-config')
const payload = await getPayload({ config })
const report = await importPageFiles(payload, paths, { dryRun, log: (line) => console.log(line) })
console.log('\n' + formatImportReport(report))
await payload.destroy()
process.exit(importFailed(report) ? 1 : 0)
