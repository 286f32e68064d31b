#!/usr/bin/env node
/**
 * Runs a script (TypeScript through tsx) in a child Node process with the
 * export condition Lexical needs, and passes its exit code on.
 *
 * Why the condition: Lexical's `*.node.mjs` entry points (every @lexical/*
 * package, loaded by @payloadcms/richtext-lexical) pick their build with a
 * top-level `await import(NODE_ENV === 'production' ? './X.prod.mjs' :
 * './X.dev.mjs')`. Node 20 loses track of one of those dozens of concurrent
 * async module evaluations now and then: the event loop empties while the
 * entry still awaits, and Node exits with code 13 ("unsettled top-level
 * await") before the script has done anything, printing nothing. Measured
 * here with plain `node` (no tsx) importing `@payloadcms/richtext-lexical`:
 * exit 13 in about half the runs; with `--conditions=development` (or
 * `production`), which makes Node resolve the builds directly, in none
 * (docs/reliability.md has the figures). The condition chooses exactly what
 * the entry point would have chosen at run time.
 *
 * Nothing is retried: a failure is the script's own, shown once with its exit
 * code. Signals reach the script.
 */
import { spawn } from 'node:child_process'

const UNSETTLED_TOP_LEVEL_AWAIT = 13
const [script, ...args] = process.argv.slice(2)
if (!script) {
  console.error('Användning: node scripts/node-task.mjs <skript.ts> [argument …]')
  process.exit(2)
}

const condition = process.env.NODE_ENV === 'production' ? 'production' : 'development'
// TypeScript through tsx; a JavaScript entry (e.g. Payload's CLI) as it is.
const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : []
const child = spawn(process.execPath, [`--conditions=${condition}`, ...loader, script, ...args], { stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => {
  if (code === UNSETTLED_TOP_LEVEL_AWAIT) {
    console.error(`✖ ${script} avslutades med kod 13: en top-level await blev aldrig klar (Node tömde händelsekön medan skriptet väntade, t.ex. på en fråga utan terminal).`)
  }
  process.exit(code ?? (signal ? 1 : 0))
})
