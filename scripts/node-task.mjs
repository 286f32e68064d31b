#!/usr/bin/env node
/**
 * Runs a script (TypeScript through tsx) and starts it again when Node
 * exits with code 13 while loading modules. Node 20's ESM loader sometimes
 * deadlocks on @payloadcms/richtext-lexical's module graph (about every other
 * run on Node 20.20): the process then exits with 13 before the script has
 * done anything, so running it again is safe. Signals reach the script.
 */
import { spawn } from 'node:child_process'

const UNSETTLED_TOP_LEVEL_AWAIT = 13
const MAX_ATTEMPTS = 8
const [script, ...args] = process.argv.slice(2)
if (!script) {
  console.error('Användning: node scripts/node-task.mjs <skript.ts> [argument …]')
  process.exit(2)
}

let child
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child?.kill(signal))

for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
  const code = await new Promise((resolve) => {
    // TypeScript through tsx; a JavaScript entry (e.g. Payload's CLI) as it is.
    const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : []
    child = spawn(process.execPath, [...loader, script, ...args], { stdio: 'inherit' })
    child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)))
  })
  if (code !== UNSETTLED_TOP_LEVEL_AWAIT) process.exit(code)
  if (attempt < MAX_ATTEMPTS) console.error(`(Node avbröt modulladdningen med kod 13; försök ${attempt + 1} av ${MAX_ATTEMPTS} …)`)
}
process.exit(UNSETTLED_TOP_LEVEL_AWAIT)
