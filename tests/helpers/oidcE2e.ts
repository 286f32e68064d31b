/**
 * The browser tests' OpenID provider and the CMS's settings for it, defined
 * once for playwright.config.ts (which starts both) and the specs.
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100)
const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? E2E_PORT + 1)

export const E2E_OIDC = {
  port: OIDC_PORT,
  issuer: `https://127.0.0.1:${OIDC_PORT}`,
  serverUrl: `http://localhost:${E2E_PORT}`,
  clientId: 'oppna-jamforelser-e2e',
  clientSecret: 'e2e-klienthemlighet-0123456789abcdef0123456789',
  roleMap: { 'CMS.Admin': 'admin', 'CMS.Redaktor': 'editor', 'CMS.Granskare': 'reviewer' },
  loginLabel: 'Logga in med Kalmar kommuns konto',
  accounts: {
    'sso-redaktor': { email: 'sara.redaktor@kalmar.example', name: 'Sara Redaktör', roles: ['CMS.Redaktor'] },
    'sso-granskare': { email: 'goran.granskare@kalmar.example', name: 'Göran Granskare', roles: ['CMS.Granskare'] },
    'sso-utan-roll': { email: 'ulf.utan@kalmar.example', name: 'Ulf Utan Roll', roles: ['Ekonomi.Attest'] },
  },
} as const

/** The CMS's environment for it (the variables of the README). */
export const e2eOidcEnv = (): Record<string, string> => ({
  OIDC_ISSUER: E2E_OIDC.issuer,
  OIDC_CLIENT_ID: E2E_OIDC.clientId,
  OIDC_CLIENT_SECRET: E2E_OIDC.clientSecret,
  OIDC_ROLE_MAP: JSON.stringify(E2E_OIDC.roleMap),
  OIDC_LOGIN_LABEL: E2E_OIDC.loginLabel,
})
