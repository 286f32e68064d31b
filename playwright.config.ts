import path from 'node:path'

import { defineConfig } from '@playwright/test'

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100)
export const E2E_DATA_DIR = path.resolve('data', 'e2e')
const baseURL = `http://localhost:${E2E_PORT}`

/**
 * Browser tests run against the real `npm start` (production build, fresh
 * SQLite database in data/e2e) with Debian's chromium: Playwright's own
 * browser download is not possible on this network.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `rm -rf "${E2E_DATA_DIR}" && node scripts/node-task.mjs scripts/start.ts`,
    url: `${baseURL}/api/health`,
    env: { PORT: String(E2E_PORT), DATA_DIR: E2E_DATA_DIR, SERVER_URL: baseURL, DATABASE_URL: '' },
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
  },
})
