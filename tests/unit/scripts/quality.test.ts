import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

// The file mode of `npm run quality`: parses page files, never touches the database.
const ROOT = path.resolve(import.meta.dirname, '../../..')
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/node-task.mjs', 'scripts/quality.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 })

const FINDING_LINE = /^[a-z-]+ {2}\S+ \([^)]+\) {2}\S/

describe('npm run quality -- <page files>', () => {
  it('checks all five seed files: one line per finding, a summary per page', () => {
    const seeds = fs.readdirSync(path.join(ROOT, 'seed/kalmar')).filter((name) => name.endsWith('.txt')).map((name) => `seed/kalmar/${name}`)
    const result = run(...seeds, '--now=2021-09-01')
    expect(result.stderr).toBe('')
    const lines = result.stdout.split('\n')
    expect(lines.filter((line) => line.startsWith('== '))).toHaveLength(5)
    expect(lines.filter((line) => line.startsWith('Sammanfattning '))).toHaveLength(5)
    expect(lines.filter((line) => line.startsWith('  LIX: '))).toHaveLength(5)
    const findings = lines.filter((line) => /^[a-z-]+ {2}/.test(line))
    expect(findings.length).toBeGreaterThan(0)
    for (const line of findings) expect(line).toMatch(FINDING_LINE)
    expect(result.status).toBe(findings.some((line) => /^(missing-answer|percent-range) /.test(line)) ? 1 : 0)
  }, 120_000)

  it('exits with 1 when a page has an error, and 2 on bad options', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quality-'))
    const file = path.join(dir, 'sida.txt')
    fs.writeFileSync(
      file,
      'Sida\n\nÖppna jämförelser bygger på enkäter till kommunerna.\n\nÅrets resultat visar att:\n\n • Hälften av kommunerna har X.\n\n • Få kommuner har Y.\n  Kalmar har Y.\n\nSenast uppdaterad: 1 juli 2024\nPublicerad: 1 juli 2020\n',
    )
    const result = run(file, '--now=2024-07-02')
    expect(result.stdout).toContain('missing-answer  body.0.bullets.0.local (Resultat 2024, punkt 1, svar)  Kalmars svar saknas')
    expect(result.status).toBe(1)
    expect(run(file, '--cycle=3').status).toBe(2)
  }, 120_000)
})
