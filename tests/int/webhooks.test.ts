import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { createLocalReq } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { queueWebhookEvent } from '@/webhooks/queue'
import { verifyWebhookSignature } from '@/webhooks/sign'
import { startTestCms, type TestCms } from '../helpers/payload'
import { createUser, type TestUser } from '../helpers/users'

// Before any import evaluates the task config: retries 20, 40, 80, 160 ms apart instead of 10 s upwards.
vi.hoisted(() => {
  process.env.WEBHOOK_RETRY_BASE_MS = '20'
})

type Account = TestUser & { token: string }
type Received = { headers: http.IncomingHttpHeaders; body: string; verified: boolean }
type Receiver = { url: string; received: Received[]; close: () => Promise<void> }
type Delivery = {
  id: number | string
  event: string
  status: string
  attempts: number
  lastStatusCode?: number | null
  lastError?: string | null
  deliveredAt?: string | null
  body: string
}

let cms: TestCms
let admin: Account
let editor: Account
const receivers: Receiver[] = []

beforeAll(async () => {
  cms = await startTestCms()
  const login = async (user: TestUser) => ({ ...user, token: (await cms.rest.login(user.email, user.password)).token! })
  // The first account of a system always becomes an administrator: make it one on purpose.
  admin = await login(await createUser(cms.payload, ['admin']))
  editor = await login(await createUser(cms.payload, ['editor']))
})
afterEach(async () => {
  // Each test starts with no webhooks, so no earlier test's subscriptions get deliveries.
  await cms.payload.delete({ collection: 'webhooks' as never, where: { id: { exists: true } }, overrideAccess: true })
  await runWebhookJobs()
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()))
})
afterAll(async () => cms?.cleanup())

/** A receiver on a free port; `status(n)` is its answer to the n-th request (1-based). */
async function startReceiver(secret: () => string, status: (n: number) => number = () => 204): Promise<Receiver> {
  const received: Received[] = []
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      received.push({ headers: request.headers, body, verified: verifyWebhookSignature(secret(), body, request.headers['x-signature'] as string) })
      response.writeHead(status(received.length)).end(received.length === 1 ? 'första svaret' : '')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const receiver: Receiver = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
  receivers.push(receiver)
  return receiver
}

/** An address nobody listens on: a port that was just free and is closed again. */
async function closedPortUrl(): Promise<string> {
  const server = http.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return `http://127.0.0.1:${port}/hook`
}

async function createWebhook(data: { url: string; events: string[]; active?: boolean }) {
  const response = await cms.rest.post('/webhooks', { token: admin.token, body: { name: 'Webbplatsen', ...data } })
  expect(response.status, await response.clone().text()).toBe(201)
  return (await response.json()).doc as { id: number | string; secret: string; url: string; events: string[]; active: boolean }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const openJobs = async () =>
  (
    await cms.payload.count({
      collection: 'payload-jobs',
      where: { and: [{ queue: { equals: 'webhooks' } }, { completedAt: { exists: false } }, { hasError: { not_equals: true } }] },
    })
  ).totalDocs

/** Runs the webhook queue as the server's runner would, until nothing is left to try (backoffs included). */
async function runWebhookJobs(timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    await cms.payload.jobs.run({ queue: 'webhooks', silent: true })
    if ((await openJobs()) === 0) return
    await sleep(25)
  }
  throw new Error(`Webhook-jobb kvar efter ${timeoutMs} ms`)
}

async function deliveriesOf(webhookId: number | string): Promise<Delivery[]> {
  const { docs } = await cms.payload.find({
    collection: 'webhook-deliveries' as never,
    where: { webhook: { equals: webhookId } },
    sort: 'createdAt',
    pagination: false,
    overrideAccess: true,
  })
  return docs as unknown as Delivery[]
}

const subject = { id: 'area-1', slug: 'aldreomsorg', title: 'Äldreomsorg' }

async function queueEvent(event: Parameters<typeof queueWebhookEvent>[1], about: Parameters<typeof queueWebhookEvent>[2] = subject) {
  const req = await createLocalReq({}, cms.payload)
  await queueWebhookEvent(req, event, about)
}

describe('webhook administration', () => {
  it('lets an admin create a webhook over REST with a random secret; editors and anonymous can neither create nor read', async () => {
    const webhook = await createWebhook({ url: 'https://www.kalmar.example/cms-webhook', events: ['area.published'] })
    expect(webhook.secret).toMatch(/^[0-9a-f]{64}$/)
    expect(webhook.active).toBe(true)
    const other = await createWebhook({ url: 'https://www.kalmar.example/cms-webhook', events: ['area.published'] })
    expect(other.secret).not.toBe(webhook.secret)

    const body = { url: 'https://evil.example/hook', events: ['area.published'] }
    expect((await cms.rest.post('/webhooks', { token: editor.token, body })).status).toBe(403)
    expect([401, 403]).toContain((await cms.rest.post('/webhooks', { body })).status)

    for (const token of [editor.token, undefined]) {
      for (const path of ['/webhooks', `/webhooks/${webhook.id}`, '/webhook-deliveries'] as const) {
        const response = await cms.rest.get(path, { token })
        expect([401, 403], path).toContain(response.status)
        expect(await response.text()).not.toContain(webhook.secret)
      }
      expect([401, 403]).toContain((await cms.rest.patch(`/webhooks/${webhook.id}`, { token, body: { active: false } })).status)
      expect([401, 403]).toContain((await cms.rest.delete(`/webhooks/${webhook.id}`, { token })).status)
    }
    expect((await cms.rest.get(`/webhooks/${webhook.id}`, { token: admin.token })).status).toBe(200)
  })

  it('refuses an address that is not http(s) and a webhook without events, in Swedish', async () => {
    const ftp = await cms.rest.post('/webhooks', { token: admin.token, body: { url: 'ftp://kalmar.example/hook', events: ['area.published'] } })
    expect(ftp.status).toBe(400)
    expect(await ftp.text()).toContain('Adressen måste börja med https:// eller http://.')
    const garbage = await cms.rest.post('/webhooks', { token: admin.token, body: { url: 'inte en adress', events: ['area.published'] } })
    expect(garbage.status).toBe(400)
    expect(await garbage.text()).toContain('Ange en fullständig adress')
    const noEvents = await cms.rest.post('/webhooks', { token: admin.token, body: { url: 'https://kalmar.example/hook', events: [] } })
    expect(noEvents.status).toBe(400)
  })
})

describe('webhook delivery', () => {
  it('delivers a signed body once, with the documented headers, and logs it as delivered', async () => {
    let secret = ''
    const receiver = await startReceiver(() => secret)
    const webhook = await createWebhook({ url: receiver.url, events: ['area.scheduled'] })
    secret = webhook.secret
    const scheduledFor = '2030-01-02T08:00:00.000Z'

    await queueEvent('area.scheduled', { ...subject, scheduledFor })
    const [pending] = await deliveriesOf(webhook.id)
    expect(pending).toMatchObject({ status: 'pending', attempts: 0, event: 'area.scheduled' })
    await runWebhookJobs()

    expect(receiver.received).toHaveLength(1)
    const [request] = receiver.received
    expect(request!.verified).toBe(true)
    const [delivery] = await deliveriesOf(webhook.id)
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 204 })
    expect(delivery!.deliveredAt).toBeTruthy()
    // The bytes sent are the bytes logged.
    expect(request!.body).toBe(delivery!.body)
    const sent = JSON.parse(request!.body)
    expect(sent).toEqual({
      id: delivery!.id,
      event: 'area.scheduled',
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      area: { id: 'area-1', slug: 'aldreomsorg', title: 'Äldreomsorg', url: '/jamforelser/aldreomsorg' },
      scheduledFor,
    })
    expect(request!.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'OppnaJamforelser-CMS',
      'x-webhook-event': 'area.scheduled',
      'x-webhook-delivery': String(delivery!.id),
      'x-webhook-timestamp': sent.occurredAt,
    })
  })

  it('retries a receiver that fails twice and logs the delivery after 3 attempts', async () => {
    let secret = ''
    const receiver = await startReceiver(() => secret, (n) => (n <= 2 ? 500 : 200))
    const webhook = await createWebhook({ url: receiver.url, events: ['area.published'] })
    secret = webhook.secret

    await queueEvent('area.published')
    await runWebhookJobs()

    expect(receiver.received).toHaveLength(3)
    expect(receiver.received.every((request) => request.verified)).toBe(true)
    // Every retry sends the same delivery, byte for byte.
    expect(new Set(receiver.received.map((request) => request.body)).size).toBe(1)
    const [delivery] = await deliveriesOf(webhook.id)
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 200, lastError: null })
  })

  it('gives up on a receiver that is down after exactly 5 attempts and says why', async () => {
    const webhook = await createWebhook({ url: await closedPortUrl(), events: ['area.unpublished'] })

    await queueEvent('area.unpublished')
    await runWebhookJobs()

    const [delivery] = await deliveriesOf(webhook.id)
    expect(delivery).toMatchObject({ status: 'failed', attempts: 5, lastStatusCode: null })
    expect(delivery!.lastError).toContain('Anslutningen nekades')
    // The runner agrees: the job is finished with an error and will not run again.
    await cms.payload.jobs.run({ queue: 'webhooks', silent: true })
    expect((await deliveriesOf(webhook.id))[0]!.attempts).toBe(5)
  })

  it('records a failing answer in the log while it retries', async () => {
    let secret = ''
    const receiver = await startReceiver(() => secret, () => 503)
    const webhook = await createWebhook({ url: receiver.url, events: ['area.published'] })
    secret = webhook.secret

    await queueEvent('area.published')
    await cms.payload.jobs.run({ queue: 'webhooks', silent: true })
    const [delivery] = await deliveriesOf(webhook.id)
    expect(delivery).toMatchObject({ status: 'retrying', attempts: 1, lastStatusCode: 503 })
    expect(delivery!.lastError).toBe('Mottagaren svarade HTTP 503 Service Unavailable. Svar: första svaret')

    await runWebhookJobs()
    expect(receiver.received).toHaveLength(5)
    expect((await deliveriesOf(webhook.id))[0]).toMatchObject({ status: 'failed', attempts: 5, lastStatusCode: 503 })
  })

  it('delivers only the events a webhook subscribes to, and nothing to inactive webhooks', async () => {
    let secret = ''
    const receiver = await startReceiver(() => secret)
    const subscribed = await createWebhook({ url: receiver.url, events: ['area.published', 'area.unpublished'] })
    secret = subscribed.secret
    const inactiveReceiver = await startReceiver(() => '')
    const inactive = await createWebhook({ url: inactiveReceiver.url, events: ['area.published', 'area.unpublished', 'area.scheduled'], active: false })

    await queueEvent('area.published')
    await queueEvent('area.scheduled', { ...subject, scheduledFor: '2030-01-01T00:00:00.000Z' })
    await queueEvent('area.unpublished')
    await runWebhookJobs()

    expect(receiver.received.map((request) => request.headers['x-webhook-event'])).toEqual(['area.published', 'area.unpublished'])
    expect((await deliveriesOf(subscribed.id)).map((delivery) => delivery.event)).toEqual(['area.published', 'area.unpublished'])
    expect(inactiveReceiver.received).toHaveLength(0)
    expect(await deliveriesOf(inactive.id)).toHaveLength(0)
  })

  it('marks a delivery failed, without retrying, when its webhook is switched off before it is sent', async () => {
    const receiver = await startReceiver(() => '')
    const webhook = await createWebhook({ url: receiver.url, events: ['area.published'] })

    await queueEvent('area.published')
    expect((await cms.rest.patch(`/webhooks/${webhook.id}`, { token: admin.token, body: { active: false } })).status).toBe(200)
    await runWebhookJobs()

    expect(receiver.received).toHaveLength(0)
    const [delivery] = await deliveriesOf(webhook.id)
    expect(delivery).toMatchObject({ status: 'failed', attempts: 0, lastError: 'Webhooken är inaktiverad; leveransen skickades inte.' })
  })
})

describe('publishing an area', () => {
  it('queues an area.published delivery that is then sent', async () => {
    let secret = ''
    const receiver = await startReceiver(() => secret)
    const webhook = await createWebhook({ url: receiver.url, events: ['area.published'] })
    secret = webhook.secret

    // Server code without a user is trusted to publish.
    const area = await cms.payload.create({
      collection: 'areas',
      data: { title: 'Webhook-sidan', slug: 'webhook-sidan', _status: 'published' } as never,
      overrideAccess: true,
    })
    await runWebhookJobs()

    const deliveries = await deliveriesOf(webhook.id)
    expect(deliveries.map((delivery) => [delivery.event, delivery.status])).toEqual([['area.published', 'delivered']])
    expect(receiver.received).toHaveLength(1)
    expect(receiver.received[0]!.verified).toBe(true)
    expect(JSON.parse(receiver.received[0]!.body).area).toEqual({
      id: area.id,
      slug: 'webhook-sidan',
      title: 'Webhook-sidan',
      url: '/jamforelser/webhook-sidan',
    })
  })
})

describe('the workflow', () => {
  it('announces a scheduled publish, the publish and the unpublish, each once', async () => {
    let secret = ''
    const receiver = await startReceiver(() => secret)
    const webhook = await createWebhook({ url: receiver.url, events: ['area.published', 'area.unpublished', 'area.scheduled'] })
    secret = webhook.secret
    const reviewer = await (async () => {
      const user = await createUser(cms.payload, ['reviewer'])
      return { ...user, token: (await cms.rest.login(user.email, user.password)).token! }
    })()
    const created = await cms.rest.post('/areas?draft=true', {
      token: editor.token,
      body: { title: 'Flödessidan', slug: 'flodessidan', body: [{ blockType: 'resultSet', surveyYear: 2024, bullets: [{ national: 'N', local: 'K' }] }] },
    })
    const id = (await created.json()).doc.id
    const step = async (as: Account, transition: string, extra: object = {}) => {
      const response = await cms.rest.post(`/areas/${id}/workflow`, { token: as.token, body: { transition, ...extra } })
      expect(response.status, await response.clone().text()).toBe(200)
    }
    await step(editor, 'submit')
    await step(reviewer, 'approve')
    const at = new Date(Date.now() + 3_600_000).toISOString()
    await step(reviewer, 'publish', { publishAt: at })
    await step(reviewer, 'cancelScheduledPublish')
    await step(reviewer, 'publish')
    await step(reviewer, 'unpublish', { comment: 'Inaktuell' })
    await runWebhookJobs()

    const bodies = receiver.received.map((request) => JSON.parse(request.body))
    expect(bodies.map((body) => body.event)).toEqual(['area.scheduled', 'area.published', 'area.unpublished'])
    expect(bodies[0].scheduledFor).toBe(at)
    expect(bodies.every((body) => body.area.slug === 'flodessidan')).toBe(true)
    expect(receiver.received.every((request) => request.verified)).toBe(true)
    expect((await deliveriesOf(webhook.id)).map((delivery) => delivery.status)).toEqual(['delivered', 'delivered', 'delivered'])
  })
})
