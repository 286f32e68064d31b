import path from 'node:path'
import { z } from 'zod'

import { ROLES, type Role } from '@/access/roles'

/**
 * Environment of the CMS, parsed once with zod. `parseEnv` is pure (it takes the
 * raw variables), so every accepted and rejected form is unit-tested; reading
 * `process.env` and the secret file happens in `src/auth/secret.ts`.
 */

export type DatabaseConfig =
  | { kind: 'sqlite'; url: string; filePath: string }
  | { kind: 'mongodb'; url: string }

export type Env = {
  nodeEnv: string
  isProduction: boolean
  database: DatabaseConfig
  /** Undefined outside production when not set: then a generated one is kept in `dataDir`. */
  payloadSecret: string | undefined
  port: number
  dataDir: string
  serverUrl: string
  municipality: string
  /** SMTP server for notifications; unset: mail goes to a local outbox in the data folder. */
  smtpUrl: string | undefined
  mailFrom: string
  /** Origins (scheme://host[:port]) allowed to read `/api/v1` from a browser. Empty: none. */
  corsOrigins: string[]
  /**
   * Origins whose requests may use the session cookie (Payload's `csrf` list):
   * SERVER_URL's origin always, plus CSRF_ORIGINS. A cookie sent from any other
   * origin is ignored, so a cross-site form or fetch writes nothing.
   */
  csrfOrigins: string[]
  /** Reverse proxies in front of the CMS (TRUST_PROXY); 0: X-Forwarded-For is ignored. */
  trustedProxyHops: number
  /** Where readers write about the site's accessibility (the statement and every footer). */
  contactEmail: string
  /** The municipality the results import looks for (MUNICIPALITY_CODE, four digits; Kalmar 0880). */
  municipalityCode: string
  /** Kolada's API (KOLADA_URL), without a trailing slash. */
  koladaUrl: string
  /** The open data's licence (DATASET_LICENSE_URL) and publisher (DATASET_PUBLISHER_URL) in the DCAT-AP-SE description. */
  datasetLicenseUrl: string
  datasetPublisherUrl: string
  /** Sign-in with the municipality's accounts (OpenID Connect); undefined: not configured. */
  oidc: OidcConfig | undefined
  /** PASSWORD_LOGIN: who may still sign in with a password. */
  passwordLogin: PasswordLoginMode
  /** Hours a session lasts; a directory (SSO) session is not extended past this by activity. */
  sessionHours: number
  /** RELEASE_WARNING_LEADS: how long before a scheduled release its items are checked again, in ms, longest first. */
  releaseWarningLeadsMs: number[]
}

export const PASSWORD_LOGIN_MODES = ['on', 'admins', 'off'] as const
export type PasswordLoginMode = (typeof PASSWORD_LOGIN_MODES)[number]

export type OidcConfig = {
  /** Issuer URL; its `/.well-known/openid-configuration` is read at the first sign-in. */
  issuer: string
  clientId: string
  clientSecret: string
  /** Claim in the ID token with the role or group values (Entra ID: `roles` for app roles, `groups`). */
  rolesClaim: string
  /** Claim value → role. Values not in the map give nothing. */
  roleMap: Record<string, Role>
  /** Text of the login page's button. */
  loginLabel: string
}

/** One line, meant to be printed as it is: names the variable and what it accepts. */
export class EnvError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'EnvError'
  }
}

export const MIN_SECRET_LENGTH = 32

export const ACCEPTED_DATABASE_FORMS =
  'tom (inbäddad SQLite i data/cms.db), file:<sökväg> (SQLite), mongodb://… eller mongodb+srv://… (MongoDB)'

/** Hides the password of a connection string before it is echoed back. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):([^@]*)@/, '//$1:***@')
}

export function parseDatabaseUrl(raw: string | undefined, dataDir: string): DatabaseConfig {
  const value = raw?.trim() ?? ''
  if (value === '') {
    const filePath = path.join(dataDir, 'cms.db')
    return { kind: 'sqlite', url: `file:${filePath}`, filePath }
  }
  if (value.startsWith('file:')) {
    const filePath = value.slice('file:'.length).replace(/^\/\/(?=\/)/, '')
    if (filePath === '' || filePath.endsWith('/')) {
      throw new EnvError(`DATABASE_URL="${value}" saknar filnamn. Godkända former: ${ACCEPTED_DATABASE_FORMS}.`)
    }
    return { kind: 'sqlite', url: `file:${filePath}`, filePath }
  }
  if (/^mongodb(\+srv)?:\/\/[^/\s]+/.test(value)) {
    return { kind: 'mongodb', url: value }
  }
  throw new EnvError(
    `DATABASE_URL="${redactUrl(value)}" stöds inte. Godkända former: ${ACCEPTED_DATABASE_FORMS}.`,
  )
}

const rawEnvSchema = z.object({
  NODE_ENV: z.string().optional(),
  DATABASE_URL: z.string().optional(),
  PAYLOAD_SECRET: z.string().optional(),
  PORT: z.string().optional(),
  DATA_DIR: z.string().optional(),
  SERVER_URL: z.string().optional(),
  MUNICIPALITY_NAME: z.string().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().optional(),
  NEXT_PHASE: z.string().optional(),
  CORS_ORIGINS: z.string().optional(),
  CSRF_ORIGINS: z.string().optional(),
  TRUST_PROXY: z.string().optional(),
  ACCESSIBILITY_CONTACT_EMAIL: z.string().optional(),
  MUNICIPALITY_CODE: z.string().optional(),
  KOLADA_URL: z.string().optional(),
  DATASET_LICENSE_URL: z.string().optional(),
  DATASET_PUBLISHER_URL: z.string().optional(),
  OIDC_ISSUER: z.string().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_ROLES_CLAIM: z.string().optional(),
  OIDC_ROLE_MAP: z.string().optional(),
  OIDC_LOGIN_LABEL: z.string().optional(),
  PASSWORD_LOGIN: z.string().optional(),
  SESSION_HOURS: z.string().optional(),
  RELEASE_WARNING_LEADS: z.string().optional(),
})

export const DEFAULT_KOLADA_URL = 'https://api.kolada.se'
export const DEFAULT_DATASET_LICENSE_URL = 'https://creativecommons.org/publicdomain/zero/1.0/'

const portSchema = z.coerce.number().int().min(1).max(65535)
const urlSchema = z.url({ protocol: /^https?$/ })

export function parseEnv(raw: Record<string, string | undefined>): Env {
  const vars = rawEnvSchema.parse(raw)
  const nodeEnv = vars.NODE_ENV?.trim() || 'development'
  const isProduction = nodeEnv === 'production'
  const dataDir = vars.DATA_DIR?.trim() || 'data'

  const port = vars.PORT?.trim() ? portSchema.safeParse(vars.PORT.trim()) : { success: true as const, data: 3000 }
  if (!port.success) {
    throw new EnvError(`PORT="${vars.PORT}" är inte ett portnummer (1–65535).`)
  }

  const secret = vars.PAYLOAD_SECRET?.trim() || undefined
  // `next build` evaluates the config without serving anything: no secret is needed then.
  const building = vars.NEXT_PHASE === 'phase-production-build'
  if (isProduction && !building) {
    if (!secret) {
      throw new EnvError(
        `PAYLOAD_SECRET saknas. Med NODE_ENV=production krävs en hemlighet på minst ${MIN_SECRET_LENGTH} tecken (t.ex. openssl rand -hex 32).`,
      )
    }
    if (secret.length < MIN_SECRET_LENGTH) {
      throw new EnvError(
        `PAYLOAD_SECRET är för kort (${secret.length} tecken). Med NODE_ENV=production krävs minst ${MIN_SECRET_LENGTH} tecken.`,
      )
    }
  }

  const serverUrlRaw = vars.SERVER_URL?.trim() || `http://localhost:${port.data}`
  const serverUrl = urlSchema.safeParse(serverUrlRaw)
  if (!serverUrl.success) {
    throw new EnvError(`SERVER_URL="${serverUrlRaw}" är ingen http(s)-adress.`)
  }

  const corsOrigins = parseCorsOrigins(vars.CORS_ORIGINS)
  const csrfOrigins = [...new Set([new URL(serverUrl.data).origin, ...parseOrigins('CSRF_ORIGINS', vars.CSRF_ORIGINS)])]
  const trustedProxyHops = parseTrustProxy(vars.TRUST_PROXY)
  const contactEmail = vars.ACCESSIBILITY_CONTACT_EMAIL?.trim() || 'socialforvaltningen@kalmar.se'
  if (!z.email().safeParse(contactEmail).success) {
    throw new EnvError(`ACCESSIBILITY_CONTACT_EMAIL="${contactEmail}" är ingen e-postadress.`)
  }

  const municipalityCode = vars.MUNICIPALITY_CODE?.trim() || '0880'
  if (!/^\d{4}$/.test(municipalityCode)) {
    throw new EnvError(`MUNICIPALITY_CODE="${municipalityCode}" är ingen kommunkod (fyra siffror, t.ex. 0880 för Kalmar).`)
  }
  const httpUrl = (name: string, raw: string | undefined, fallback: string, { base = false } = {}) => {
    const value = raw?.trim() || fallback
    if (!urlSchema.safeParse(value).success) throw new EnvError(`${name}="${value}" är ingen http(s)-adress.`)
    // A base address is joined with paths; a licence or publisher is an identifier, kept as written.
    return base ? value.replace(/\/$/, '') : value
  }
  const municipality = vars.MUNICIPALITY_NAME?.trim() || 'Kalmar kommun'
  const oidc = parseOidc(vars, municipality)
  const passwordLogin = parsePasswordLogin(vars.PASSWORD_LOGIN, oidc !== undefined)
  const sessionHours = parseSessionHours(vars.SESSION_HOURS)

  return {
    nodeEnv,
    isProduction,
    database: parseDatabaseUrl(vars.DATABASE_URL, dataDir),
    payloadSecret: secret,
    port: port.data,
    dataDir,
    serverUrl: serverUrl.data.replace(/\/$/, ''),
    municipality,
    smtpUrl: vars.SMTP_URL?.trim() || undefined,
    mailFrom: vars.MAIL_FROM?.trim() || 'no-reply@kalmar.example',
    corsOrigins,
    csrfOrigins,
    trustedProxyHops,
    contactEmail,
    municipalityCode,
    koladaUrl: httpUrl('KOLADA_URL', vars.KOLADA_URL, DEFAULT_KOLADA_URL, { base: true }),
    datasetLicenseUrl: httpUrl('DATASET_LICENSE_URL', vars.DATASET_LICENSE_URL, DEFAULT_DATASET_LICENSE_URL),
    datasetPublisherUrl: httpUrl('DATASET_PUBLISHER_URL', vars.DATASET_PUBLISHER_URL, serverUrl.data.replace(/\/$/, '')),
    oidc,
    passwordLogin,
    sessionHours,
    releaseWarningLeadsMs: parseReleaseWarningLeads(vars.RELEASE_WARNING_LEADS),
  }
}

const OIDC_VARIABLES = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_ROLE_MAP'] as const

/**
 * OIDC_*: all four of issuer, client id, secret and role map, or none. The
 * issuer must be https (openid-client refuses anything else, and tokens must
 * not cross a network in clear), with no query or fragment.
 */
export function parseOidc(vars: Partial<Record<string, string | undefined>>, municipality = 'Kalmar kommun'): OidcConfig | undefined {
  const value = (name: string) => vars[name]?.trim() || undefined
  const set = OIDC_VARIABLES.filter((name) => value(name) !== undefined)
  const others = ['OIDC_ROLES_CLAIM', 'OIDC_LOGIN_LABEL'].filter((name) => value(name) !== undefined)
  if (set.length === 0) {
    if (others.length > 0) {
      throw new EnvError(`${others.join(' och ')} är satt men inte OIDC_ISSUER: ange ${OIDC_VARIABLES.join(', ')} för inloggning med kommunens konto, eller ta bort ${others.join(' och ')}.`)
    }
    return undefined
  }
  const missing = OIDC_VARIABLES.filter((name) => value(name) === undefined)
  if (missing.length > 0) {
    throw new EnvError(`Inloggning med kommunens konto kräver ${OIDC_VARIABLES.join(', ')}; ${missing.join(', ')} saknas.`)
  }
  const issuer = value('OIDC_ISSUER')!
  let issuerUrl: URL | undefined
  try {
    issuerUrl = new URL(issuer)
  } catch {
    issuerUrl = undefined
  }
  if (!issuerUrl || issuerUrl.protocol !== 'https:' || issuerUrl.search !== '' || issuerUrl.hash !== '') {
    throw new EnvError(`OIDC_ISSUER="${issuer}" är ingen https-adress utan frågedel (t.ex. https://login.microsoftonline.com/<katalog-id>/v2.0).`)
  }
  const rolesClaim = value('OIDC_ROLES_CLAIM') ?? 'roles'
  if (!/^[\w.:-]{1,100}$/.test(rolesClaim)) {
    throw new EnvError(`OIDC_ROLES_CLAIM="${rolesClaim}" är inget namn på ett anspråk (t.ex. roles eller groups).`)
  }
  return {
    issuer,
    clientId: value('OIDC_CLIENT_ID')!,
    clientSecret: value('OIDC_CLIENT_SECRET')!,
    rolesClaim,
    roleMap: parseRoleMap(value('OIDC_ROLE_MAP')!),
    loginLabel: value('OIDC_LOGIN_LABEL') ?? `Logga in med ${municipality}s konto`,
  }
}

const roleMapSchema = z.record(z.string().min(1), z.enum(ROLES))

/** OIDC_ROLE_MAP: a JSON object, claim value → admin | editor | reviewer, at least one entry. */
export function parseRoleMap(raw: string): Record<string, Role> {
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    throw new EnvError(`OIDC_ROLE_MAP är ingen JSON. Ange t.ex. {"CMS.Redaktor":"editor","CMS.Granskare":"reviewer","CMS.Admin":"admin"}.`)
  }
  const parsed = roleMapSchema.safeParse(json)
  if (!parsed.success || Object.keys(parsed.data).length === 0) {
    throw new EnvError(`OIDC_ROLE_MAP måste vara ett JSON-objekt från anspråksvärde till ${ROLES.join(' | ')}, med minst ett värde.`)
  }
  return parsed.data
}

/** PASSWORD_LOGIN: on (default), admins (break-glass accounts only) or off; the latter two need OIDC. */
export function parsePasswordLogin(raw: string | undefined, oidcConfigured: boolean): PasswordLoginMode {
  const value = raw?.trim().toLowerCase() || 'on'
  if (!(PASSWORD_LOGIN_MODES as readonly string[]).includes(value)) {
    throw new EnvError(`PASSWORD_LOGIN="${raw}" stöds inte. Godkända värden: ${PASSWORD_LOGIN_MODES.join(', ')}.`)
  }
  if (value !== 'on' && !oidcConfigured) {
    throw new EnvError(`PASSWORD_LOGIN=${value} kräver inloggning med kommunens konto (OIDC_ISSUER m.fl.): annars kan ingen logga in.`)
  }
  return value as PasswordLoginMode
}

export const DEFAULT_SESSION_HOURS = 8
export const MAX_SESSION_HOURS = 24 * 7

/** SESSION_HOURS: whole or decimal hours, above 0 and at most a week. */
export function parseSessionHours(raw: string | undefined): number {
  const value = raw?.trim() ?? ''
  if (value === '') return DEFAULT_SESSION_HOURS
  const hours = Number(value)
  if (!/^\d+(\.\d+)?$/.test(value) || !(hours > 0) || hours > MAX_SESSION_HOURS) {
    throw new EnvError(`SESSION_HOURS="${raw}" är inget antal timmar (mer än 0, högst ${MAX_SESSION_HOURS}).`)
  }
  return hours
}

export const DEFAULT_RELEASE_WARNING_LEADS = '24h,1h'
/** A month: a warning further ahead says nothing useful about the day. */
export const MAX_RELEASE_WARNING_LEAD_MS = 30 * 24 * 3_600_000
const LEAD_UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000 } as const
const leadSchema = z.string().regex(/^\d{1,6}[smh]$/)

/**
 * RELEASE_WARNING_LEADS: comma-separated lead times before a scheduled
 * release's planned time, each a whole number of hours, minutes or seconds
 * (`24h,1h`, `30m`, `45s`); `none` turns the warnings off. Duplicates are
 * dropped; longest first.
 */
export function parseReleaseWarningLeads(raw: string | undefined): number[] {
  const value = raw?.trim().toLowerCase() || DEFAULT_RELEASE_WARNING_LEADS
  if (value === 'none') return []
  const leads = value.split(',').map((part) => part.trim())
  const ms = leads.map((lead) => (leadSchema.safeParse(lead).success ? Number(lead.slice(0, -1)) * LEAD_UNIT_MS[lead.slice(-1) as keyof typeof LEAD_UNIT_MS] : NaN))
  const bad = leads.find((_, index) => !(ms[index]! > 0 && ms[index]! <= MAX_RELEASE_WARNING_LEAD_MS))
  if (bad !== undefined) {
    throw new EnvError(
      `RELEASE_WARNING_LEADS innehåller "${bad}", som inte är en tid före publiceringen. Ange t.ex. 24h,1h (timmar h, minuter m, sekunder s; mer än 0, högst 720h) eller none.`,
    )
  }
  return [...new Set(ms)].sort((a, b) => b - a)
}

/** Comma-separated origins; each must be exactly an origin (no path), so a typo cannot open the API to everyone. */
export function parseOrigins(variable: string, raw: string | undefined): string[] {
  const origins = (raw ?? '').split(',').map((origin) => origin.trim()).filter(Boolean)
  for (const origin of origins) {
    const parsed = urlSchema.safeParse(origin)
    if (!parsed.success || new URL(origin).origin !== origin.replace(/\/$/, '')) {
      throw new EnvError(`${variable} innehåller "${origin}", som inte är en origin (t.ex. https://www.kalmar.se, utan sökväg).`)
    }
  }
  return origins.map((origin) => origin.replace(/\/$/, ''))
}

export const parseCorsOrigins = (raw: string | undefined): string[] => parseOrigins('CORS_ORIGINS', raw)

export const MAX_PROXY_HOPS = 10

/**
 * TRUST_PROXY: how many reverse proxies (load balancer, nginx) stand in front
 * of the CMS, each appending to X-Forwarded-For. Empty, 0 or false: none, and
 * the header is ignored, since any client can send one; true means 1.
 */
export function parseTrustProxy(raw: string | undefined): number {
  const value = raw?.trim().toLowerCase() ?? ''
  if (value === '' || value === 'false') return 0
  if (value === 'true') return 1
  if (/^\d+$/.test(value) && Number(value) <= MAX_PROXY_HOPS) return Number(value)
  throw new EnvError(
    `TRUST_PROXY="${raw}" är inte ett antal proxyer. Ange hur många omvända proxyer som står framför CMS:et (0–${MAX_PROXY_HOPS}, true = 1), eller lämna tomt.`,
  )
}

let cached: Env | undefined

/** The process's environment, parsed once. Throws EnvError with a one-line message. */
export function loadEnv(): Env {
  cached ??= parseEnv(process.env)
  return cached
}

/** Cookies get `Secure` when the CMS is served over HTTPS (always so in production). */
export const usesHttps = (env: Env): boolean => env.serverUrl.startsWith('https://')
