/**
 * `npm run axe:admin`: axe (WCAG 2.0, 2.1 and 2.2, A and AA) on the admin
 * views editors and reviewers use, as each of them, on a fresh production
 * server with Kalmar's five pages (as `npm start` makes it). Prints, per view
 * and role, the rules violated, the elements, how many are critical or
 * serious, and each rule with its count: issue 21's table, measured the same
 * way each time (`-- --targets` adds each rule's elements). A script that
 * prints figures, not a test.
 */
import fs from 'node:fs'
import path from 'node:path'

import AxeBuilder from '@axe-core/playwright'
import { chromium, type Page } from '@playwright/test'

import { readDemoAccounts, type PrintedAccount } from '@/bootstrap/demoAccounts'
import { CHROMIUM_FLAGS, CHROMIUM_PATH, prepareBrowserRun, startFreshServer } from './lib/freshServer'

const root = process.cwd()
const PORT = Number(process.env.AXE_ADMIN_PORT ?? 3403)
const base = `http://127.0.0.1:${PORT}`
const dataDir = path.join(root, 'data', 'axe-admin')
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']
const AREA_TITLE = 'Psykisk funktionsnedsättning - socialpsykiatri'
/** `-- --targets`: also each rule's elements (CSS selectors), to find the component behind it. */
const showTargets = process.argv.includes('--targets')

async function measure(page: Page, view: string, role: string): Promise<string> {
  await page.waitForLoadState('networkidle')
  // Next streams a view's <title> after its content: measure the page as it ends up.
  await page.waitForFunction(() => document.title !== '', undefined, { timeout: 10_000 }).catch(() => undefined)
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze()
  const nodes = (impact?: string) => violations.filter((violation) => !impact || violation.impact === impact).reduce((sum, violation) => sum + violation.nodes.length, 0)
  const rules = violations.map((violation) => `${violation.id} (${violation.impact}) ×${violation.nodes.length}`).join(', ')
  const row = `| ${view} | ${role} | ${violations.length} / ${nodes()} | ${nodes('critical')} | ${nodes('serious')} | ${rules || '–'} |`
  if (!showTargets) return row
  const targets = violations.map((violation) => `    ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(' · ')}`)
  return [row, ...targets].join('\n')
}

async function logIn(page: Page, account: PrintedAccount): Promise<void> {
  await page.goto(`${base}/admin/login`)
  await page.locator('#field-email').fill(account.email)
  await page.locator('#field-password').fill(account.password)
  await page.getByRole('button', { name: 'Logga in' }).click()
  await page.waitForURL((url) => !url.pathname.endsWith('/login'))
}

/** Opens a document from its list; the list rewrites its address once loaded, and a click then is lost, so it is made again. */
async function openFromList(page: Page, collection: string, title: string): Promise<void> {
  await page.goto(`${base}/admin/collections/${collection}`)
  for (let attempt = 0; attempt < 4 && !/\/collections\/[^/]+\/[^/?]+/.test(new URL(page.url()).pathname); attempt++) {
    await page.getByRole('link', { name: title }).first().click()
    await page.waitForURL(/\/collections\/[^/]+\/[^/?]+/, { timeout: 10_000 }).catch(() => undefined)
  }
  await page.locator('#field-title').waitFor()
}

await prepareBrowserRun(root)
const server = await startFreshServer(root, dataDir, base)
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS })
try {
  const accounts = readDemoAccounts(dataDir)
  const version = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'axe-core', 'package.json'), 'utf8')).version
  console.log(`axe-core ${version}, ${TAGS.join(' ')}, 1280 × 900, ${base}\n`)
  console.log('| vy | roll | regler / element | kritiska | allvarliga | regler |')
  console.log('| --- | --- | --: | --: | --: | --- |')
  const anonymous = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
  await anonymous.goto(`${base}/admin/login`)
  console.log(await measure(anonymous, '/admin/login', '–'))
  for (const role of ['editor', 'reviewer'] as const) {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' })).newPage()
    await logIn(page, accounts[role]!)
    await page.goto(`${base}/admin`)
    console.log(await measure(page, '/admin (översikten)', role))
    // The audit log is for those who check others' work (src/access/matrix.ts).
    for (const collection of role === 'reviewer' ? ['areas', 'releases', 'comments', 'audit-log'] : ['areas', 'releases', 'comments']) {
      await page.goto(`${base}/admin/collections/${collection}`)
      console.log(await measure(page, `lista: ${collection}`, role))
    }
    await openFromList(page, 'areas', AREA_TITLE)
    console.log(await measure(page, 'redigering: område', role))
    const areaUrl = page.url().split('?')[0]
    await page.goto(`${areaUrl}/versions`)
    console.log(await measure(page, 'versioner: område', role))
    await page.locator('.table tbody tr').first().locator('a').first().click()
    await page.waitForURL(/\/versions\/[^/?]+/)
    console.log(await measure(page, 'versionsjämförelse: område', role))
    await page.goto(`${base}/admin/kalender`)
    console.log(await measure(page, '/admin/kalender', role))
    await page.goto(`${base}/admin/globals/spelling-words`)
    console.log(await measure(page, 'Ordlista', role))
    if (role === 'reviewer') {
      await page.goto(`${base}/admin/collections/audit-log`)
      await page.locator('.table tbody tr').first().locator('a').first().click()
      await page.waitForURL(/\/audit-log\/[^/?]+/)
      console.log(await measure(page, 'händelse i händelseloggen', role))
    }
    await page.close()
  }
  const admin = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' })).newPage()
  await logIn(admin, accounts.admin!)
  await admin.goto(`${base}/admin/utkorg`)
  console.log(await measure(admin, '/admin/utkorg', 'admin'))
  await admin.goto(`${base}/admin/globals/spelling-words`)
  console.log(await measure(admin, 'Ordlista', 'admin'))
} finally {
  await browser.close()
  server.kill('SIGTERM')
}
