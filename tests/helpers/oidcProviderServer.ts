/**
 * The test OpenID provider as a process of its own, for Playwright (a
 * webServer entry in playwright.config.ts): https://127.0.0.1:<port>, the
 * accounts of the browser tests, the e2e CMS's client. Stops on SIGTERM.
 */
import { E2E_OIDC } from './oidcE2e'
import { startTestProvider } from './oidcProvider'

const provider = await startTestProvider({
  port: E2E_OIDC.port,
  clientId: E2E_OIDC.clientId,
  clientSecret: E2E_OIDC.clientSecret,
  serverUrl: E2E_OIDC.serverUrl,
  accounts: E2E_OIDC.accounts,
})
console.log(`Testleverantör för OpenID Connect: ${provider.issuer}`)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void provider.close().then(() => process.exit(0)))
}
