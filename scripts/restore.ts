/**
 * `npm run restore -- <säkerhetskopia> [--target <DATABASE_URL>] [--force]`:
 * checks the backup against its manifest (sha256), then replaces the target
 * (default: the configured database) with it. What was there is kept
 * (`<fil>.before-restore-<tid>`, for MongoDB an export in data/backups/). A
 * database that a running server uses is left alone unless --force. Exit
 * code 0 when restored, 1 otherwise (one line). See docs/backup.md.
 */
import { parseRestoreArgs } from '@/backup/args'
import { failureLine } from '@/backup/errors'
import { runRestore } from '@/backup/run'
import { loadEnv } from '@/env'

try {
  const args = parseRestoreArgs(process.argv.slice(2))
  await runRestore(args, { env: loadEnv(), mongodbUrl: process.env.MONGODB_URL, now: new Date(), log: (line) => console.log(line) })
  process.exit(0)
} catch (error) {
  console.error(`✖ ${failureLine(error, 'Återställningen')}`)
  process.exit(1)
}
