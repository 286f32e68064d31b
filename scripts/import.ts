/**
 * `npm run import -- <file or folder>… [--dry-run]`: imports page files in the
 * format of seed/kalmar into the database DATABASE_URL points at.
 */
import { importPageFiles } from '@/pageImport/importPages'
import { formatImportReport, importFailed } from '@/pageImport/report'
import { openPayload } from './lib/payload'

const args = process.argv.slice(2)
const dryRun = args.includes('--dry-run')
const paths = args.filter((arg) => !arg.startsWith('--'))
if (paths.length === 0) {
  console.error('Användning: npm run import -- <fil eller mapp>… [--dry-run]')
  process.exit(2)
}

const payload = await openPayload()
const report = await importPageFiles(payload, paths, { dryRun, log: (line) => console.log(line) })
console.log('\n' + formatImportReport(report))
await payload.destroy()
process.exit(importFailed(report) ? 1 : 0)
