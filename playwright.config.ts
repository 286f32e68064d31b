import path from 'node:path'

import { defineConfig } from '@playwright/test'

import { testTrustBundle } from './tests/helpers/oidcCertificate.mjs'
import { E2E_OIDC, E2E_PORT, e2eOidcEnv } from './tests/helpers/oidcE2e'

export { E2E_PORT }
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
  webServer: [
    // The municipality's OpenID provider, played by the certified oidc-provider on 127.0.0.1 (tests/helpers/oidcProvider.ts).
    {
      command: 'node --import tsx tests/helpers/oidcProviderServer.ts',
      url: `${E2E_OIDC.issuer}/.well-known/openid-configuration`,
      ignoreHTTPSErrors: true,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      command: `rm -rf "${E2E_DATA_DIR}" && node scripts/node-task.mjs scripts/start.ts`,
      url: `${baseURL}/api/health`,
      env: {
        PORT: String(E2E_PORT),
        DATA_DIR: E2E_DATA_DIR,
        SERVER_URL: baseURL,
        DATABASE_URL: '',
        ...e2eOidcEnv(),
        // The CMS trusts the provider's self-signed certificate (Node reads this only at start).
        NODE_EXTRA_CA_CERTS: testTrustBundle(),
      },
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
})
