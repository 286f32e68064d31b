/**
 * `node scripts/node-task.mjs tests/helpers/dumpContentCli.ts [out.json]`:
 * writes the dump (tests/helpers/dumpContent.ts) of the database DATABASE_URL
 * names, to the file or to stdout. A process of its own, so that a test can
 * read a database other than its own, as a freshly started server would.
 */
import fs from 'node:fs'

import { openPayload } from '../../scripts/lib/payload'
import { dumpContent } from './dumpContent'

const out = process.argv[2]
const payload = await openPayload()
const json = JSON.stringify(await dumpContent(payload))
if (out) fs.writeFileSync(out, json)
else process.stdout.write(json + '\n')
await payload.destroy()
process.exit(0)
