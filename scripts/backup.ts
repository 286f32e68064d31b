/**
 * `npm run backup [-- --out <sökväg>]`: a consistent copy of the database
 * DATABASE_URL (or MONGODB_URL) names, taken while the server goes on
 * serving writes, with a manifest (counts, sha256) beside it. Without --out:
 * data/backups/cms-<timestamp>.db (SQLite) or data/backups/cms-<timestamp>/
 * (MongoDB). Exit code 0 when written and checked, 1 otherwise (one line).
 * See docs/backup.md.
 */
import { parseBackupArgs } from '@/backup/args'
import { failureLine } from '@/backup/errors'
import { runBackup } from '@/backup/run'
import { loadEnv } from '@/env'

try {
  const args = parseBackupArgs(process.argv.slice(2))
  await runBackup(args, { env: loadEnv(), mongodbUrl: process.env.MONGODB_URL, now: new Date(), log: (line) => console.log(line) })
  process.exit(0)
} catch (error) {
  console.error(`✖ ${failureLine(error, 'Säkerhetskopieringen')}`)
  process.exit(1)
}
