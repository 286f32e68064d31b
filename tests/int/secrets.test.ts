import { createHash } from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { startTestCms, type TestCms } from '../helpers/payload'
import { createUser, type TestUser } from '../helpers/users'

/**
 * PAYLOAD_SECRET and the SMTP password never reach a log line, a response
 * body or a response header: the CMS runs with known values of both, every
 * write to stdout/stderr (Payload's logger writes to fd 1 through pino),
 * console call and logger call is recorded, and the requests most likely to
 * echo configuration are made: failed logins, validation errors, GraphQL
 * errors, health, me, access, the workflow endpoint's error paths and an
 * e-mail that cannot be sent (SMTP at a closed port).
 */

// Before any import evaluates the Payload config (tests/helpers/rest.ts imports the REST route, which reads it).
const secrets = vi.hoisted(() => {
  const random = () => Math.random().toString(36).slice(2, 12)
  const values = {
    payloadSecret: `kand-payload-hemlighet-${random()}${random()}`,
    smtpPassword: `smtp-losen-${random()}`,
    // Port 1 (tcpmux): nothing listens there, so a send fails at once with ECONNREFUSED (checked below).
    smtpPort: 1,
  }
  process.env.PAYLOAD_SECRET = values.payloadSecret
  process.env.SMTP_URL = `smtp://cms-avsandare:${values.smtpPassword}@127.0.0.1:${values.smtpPort}`
  return values
})

// Payload signs with a hash of the configured secret: neither may leak.
const derivedSecret = createHash('sha256').update(secrets.payloadSecret).digest('hex').slice(0, 32)
const FORBIDDEN = { 'PAYLOAD_SECRET': secrets.payloadSecret, 'hash of PAYLOAD_SECRET': derivedSecret, 'SMTP password': secrets.smtpPassword }

/** Everything written while the CMS runs: streams, file descriptors 1 and 2, console, Payload's logger. */
const captured: string[] = []
const restores: (() => void)[] = []

function errorJson(value: unknown): string {
  const seen = new WeakSet<object>()
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === 'bigint') return String(item)
    if (item && typeof item === 'object') {
      if (seen.has(item)) return '[cycle]'
      seen.add(item)
    }
    // Errors with everything a serializer could print: message, stack, cause and own properties.
    if (item instanceof Error) return { ...item, name: item.name, message: item.message, stack: item.stack, cause: item.cause }
    return item
  })
}

function record(...args: unknown[]): void {
  captured.push(args.map((arg) => (typeof arg === 'string' ? arg : Buffer.isBuffer(arg) || arg instanceof Uint8Array ? Buffer.from(arg).toString('utf8') : errorJson(arg))).join(' '))
}

function spy<T extends object, K extends keyof T>(target: T, name: K, onCall: (args: unknown[]) => void): void {
  const original = target[name] as unknown as (...args: unknown[]) => unknown
  target[name] = function (this: unknown, ...args: unknown[]) {
    onCall(args)
    return original.apply(this, args)
  } as T[K]
  restores.push(() => (target[name] = original as T[K]))
}

function startCapture(): void {
  spy(process.stdout, 'write', ([chunk]) => record(chunk))
  spy(process.stderr, 'write', ([chunk]) => record(chunk))
  // pino's destination (sonic-boom) writes to the descriptors directly.
  spy(fs, 'write', ([fd, data]) => (fd === 1 || fd === 2) && record(data))
  spy(fs, 'writeSync', ([fd, data]) => (fd === 1 || fd === 2) && record(data))
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) spy(console, method, (args) => record(...args))
}

/** Responses: status, every header and the body, as text. */
const responses: string[] = []
async function keep(response: Response): Promise<Response> {
  const headers = [...response.headers.entries()].map(([name, value]) => `${name}: ${value}`).join('\n')
  responses.push(`${response.status}\n${headers}\n\n${await response.clone().text()}`)
  return response
}

let cms: TestCms
let editor: TestUser & { token: string }
let reviewer: TestUser

const portIsClosed = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port })
    socket.once('connect', () => (socket.destroy(), resolve(false)))
    socket.once('error', () => resolve(true))
  })

beforeAll(async () => {
  expect(await portIsClosed(secrets.smtpPort), `port ${secrets.smtpPort} must be closed for this test`).toBe(true)
  startCapture()
  cms = await startTestCms()
  // Payload's logger as well, whatever its destination: the objects it is given, errors in full.
  for (const level of ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const) {
    spy(cms.payload.logger, level, (args) => record(`[logger.${level}]`, ...args))
  }
  await createUser(cms.payload, ['admin'])
  reviewer = await createUser(cms.payload, ['reviewer'])
  const user = await createUser(cms.payload, ['editor'])
  editor = { ...user, token: (await cms.rest.login(user.email, user.password)).token! }
})
afterAll(async () => {
  for (const restore of restores.reverse()) restore()
  await cms?.cleanup()
})

describe('with a known PAYLOAD_SECRET and an SMTP_URL with a password', () => {
  it('the CMS runs on exactly these values (so the checks below mean something)', async () => {
    expect((await cms.config).secret).toBe(secrets.payloadSecret)
    expect(cms.payload.secret).toBe(derivedSecret)
  })

  it('login failures, validation errors, GraphQL errors, health, me and access answer without them', async () => {
    await keep(await cms.rest.post('/users/login', { body: { email: editor.email, password: 'fel-lösenord' } }))
    await keep(await cms.rest.post('/users/login', { body: { email: 'finns-inte@kalmar.example', password: 'x' } }))
    await keep(await cms.rest.post('/users/login', { body: { email: 'inte-en-adress' } }))
    await keep(await cms.rest.post('/users/login', { body: '{"email": ' }))
    const duplicateYear = { blockType: 'resultSet', surveyYear: 2021, lead: 'visar att', bullets: [{ national: 'N', local: 'L' }] }
    await keep(await cms.rest.post('/areas', { token: editor.token, body: { title: 'Dubbelt', body: [duplicateYear, duplicateYear] } }))
    await keep(await cms.rest.post('/areas', { token: editor.token, body: { body: 'inte en lista' } }))
    await keep(await cms.rest.patch('/users/999999', { token: editor.token, body: { name: 'x' } }))
    await keep(await cms.rest.graphQL('{ Areas { docs { title '))
    await keep(await cms.rest.graphQL('{ Areas { docs { finnsInte } } }'))
    await keep(await cms.rest.graphQL('{ Area(id: 999999) { title } }', { token: editor.token }))
    await keep(await cms.rest.graphQL('mutation { updateUser(id: 999999, data: { name: "x" }) { id } }', { token: editor.token }))
    await keep(await cms.rest.get('/health'))
    await keep(await cms.rest.get('/users/me', { token: editor.token }))
    await keep(await cms.rest.get('/users/me'))
    await keep(await cms.rest.get('/access', { token: editor.token }))
    await keep(await cms.rest.get('/access'))
    await keep(await cms.rest.v1('/areas'))
    await keep(await cms.rest.v1('/areas/finns-inte'))
    expect(responses.length).toBe(18)
  })

  it('the workflow endpoint’s error paths and a submit whose e-mail cannot be sent answer and log without them', async () => {
    const created = await keep(await cms.rest.post('/areas?draft=true', { token: editor.token, body: { title: 'Hemlighetsprov', body: [] } }))
    expect(created.status).toBe(201)
    const id = (await created.json()).doc.id as number | string
    const workflow = (body: unknown, as: { anonymous?: boolean; target?: number | string } = {}) =>
      cms.rest.post(`/areas/${as.target ?? id}/workflow`, { token: as.anonymous ? undefined : editor.token, body })

    await keep(await workflow({ transition: 'finns-inte' }))
    await keep(await workflow({}))
    await keep(await workflow('inte json'))
    await keep(await workflow({ transition: 'approve' }))
    expect((await keep(await workflow({ transition: 'submit' }, { anonymous: true }))).status).toBeGreaterThanOrEqual(400)
    expect((await keep(await workflow({ transition: 'submit' }, { target: 999999 }))).status).toBeGreaterThanOrEqual(400)
    // The reviewers are mailed: SMTP at the closed port fails, the submit itself succeeds.
    const submitted = await keep(await workflow({ transition: 'submit' }))
    expect(submitted.status, await submitted.clone().text()).toBe(200)
    await expect.poll(() => captured.some((line) => line.includes('E-postavisering kunde inte skickas')), { timeout: 15_000 }).toBe(true)
    // The failure itself is in the log (host and port, the refusal): the capture sees what the logger writes.
    expect(captured.join('\n')).toMatch(/ECONNREFUSED|connect/i)
    expect(reviewer.email).toBeTruthy()
  })

  it('an e-mail Payload itself fails to send (as in forgot-password) carries no password in its error', async () => {
    const error = await cms.payload.sendEmail({ to: reviewer.email, subject: 'Prov', text: 'Prov' }).then(
      () => null,
      (failure: unknown) => failure,
    )
    expect(error, 'sending to a closed port fails').toBeInstanceOf(Error)
    // As Payload's routeError logs any error: the object in full.
    cms.payload.logger.error({ err: error, msg: 'Prov: misslyckat utskick' })
    record(error)
    expect(errorJson(error)).toContain('127.0.0.1')
  })

  it('no log line, response body or header holds the secret, its hash or the SMTP password', async () => {
    // pino writes asynchronously: let it flush.
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(captured.length, 'the capture recorded the log').toBeGreaterThan(10)
    expect(responses.length).toBeGreaterThan(20)
    for (const [what, value] of Object.entries(FORBIDDEN)) {
      const inLogs = captured.filter((line) => line.includes(value))
      const inResponses = responses.filter((text) => text.includes(value))
      expect(inLogs, `${what} i loggen`).toEqual([])
      expect(inResponses, `${what} i ett svar`).toEqual([])
    }
  })
})
