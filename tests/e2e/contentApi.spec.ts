import { expect, test } from '../helpers/test'

import { createContentClient } from '@/client'
import { E2E_DATA_DIR } from '../../playwright.config'
import { readDemoAccounts } from '../helpers/demoAccounts'

/**
 * The content API over real HTTP against `npm start`: the typed client, the
 * fast path in front of Next, caching, and how soon a publish is visible.
 */
const TOUCHED_BY_WORKFLOW_SPEC = 'psykisk-funktionsnedsattning-socialpsykiatri'

async function login(baseURL: string, account: { email: string; password: string }): Promise<string> {
  const response = await fetch(`${baseURL}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password }),
  })
  expect(response.status).toBe(200)
  return (await response.json()).token
}

test('the typed client reads every published page over HTTP, answered from memory', async ({ baseURL }) => {
  const client = createContentClient({ baseUrl: baseURL! })
  const list = await client.listAreas({ limit: 100 })
  expect(list.total).toBeGreaterThanOrEqual(4)
  for (const item of list.items) {
    const page = await client.getArea(item.slug)
    expect(page?.title).toBe(item.title)
    expect(page?.body.some((block) => block.type === 'resultSet')).toBe(true)
  }
  const sections = await client.listSections()
  expect(sections.length).toBeGreaterThan(0)
  expect(await client.getArea('finns-inte')).toBeNull()

  const response = await fetch(`${baseURL}/api/v1/areas/${list.items[0]!.slug}`)
  expect(response.headers.get('x-delivery-path')).toBe('memory')
  const etag = response.headers.get('etag')!
  const revalidated = await fetch(`${baseURL}/api/v1/areas/${list.items[0]!.slug}`, { headers: { 'If-None-Match': etag } })
  expect(revalidated.status).toBe(304)
})

test('a publish is visible in /api/v1 and on the page as soon as the publish call returns', async ({ baseURL }) => {
  const accounts = readDemoAccounts(E2E_DATA_DIR)
  const editor = await login(baseURL!, accounts.editor!)
  const reviewer = await login(baseURL!, accounts.reviewer!)
  const auth = (token: string) => ({ Authorization: `JWT ${token}`, 'Content-Type': 'application/json' })
  const { items } = await createContentClient({ baseUrl: baseURL! }).listAreas({ limit: 100 })
  const slug = items.map((item) => item.slug).find((candidate) => candidate !== TOUCHED_BY_WORKFLOW_SPEC)!
  const found = await (await fetch(`${baseURL}/api/areas?where[slug][equals]=${slug}&depth=0&draft=true`, { headers: auth(editor) })).json()
  const area = found.docs[0]

  const delays: number[] = []
  // Each save names the revision it started from (optimistic concurrency, src/concurrency).
  let revision: number = area.revision ?? 0
  for (let round = 1; round <= 5; round++) {
    const text = `Kalmars svar, publicerat i omgång ${round} (${Date.now()}).`
    const body = structuredClone(area.body)
    body[0].bullets[0].local = text
    const saved = await fetch(`${baseURL}/api/areas/${area.id}?draft=true`, { method: 'PATCH', headers: auth(editor), body: JSON.stringify({ body, revision }) })
    expect(saved.status, await saved.clone().text()).toBe(200)
    revision = (await saved.json()).doc.revision
    expect(await (await fetch(`${baseURL}/api/v1/areas/${slug}`)).text()).not.toContain(text)
    // The page is rendered and kept in memory before the publish: the publish must replace it.
    for (let read = 0; read < 2; read++) expect(await (await fetch(`${baseURL}/jamforelser/${slug}`)).text()).not.toContain(text)
    for (const [token, transition] of [
      [editor, 'submit'],
      [reviewer, 'approve'],
      [reviewer, 'publish'],
    ] as const) {
      const response = await fetch(`${baseURL}/api/areas/${area.id}/workflow`, { method: 'POST', headers: auth(token), body: JSON.stringify({ transition }) })
      expect(response.status, await response.clone().text()).toBe(200)
    }
    const returned = performance.now()
    // No waiting and no retry: the very first read after the publish must have the new text.
    expect(await (await fetch(`${baseURL}/api/v1/areas/${slug}`)).text()).toContain(text)
    delays.push(performance.now() - returned)
    expect(await (await fetch(`${baseURL}/jamforelser/${slug}`)).text()).toContain(text)
  }
  const again = await fetch(`${baseURL}/jamforelser/${slug}`)
  expect(again.headers.get('x-delivery-path')).toBe('memory-html')
  delays.sort((a, b) => a - b)
  console.log(`publish→visible in /api/v1 (first read after the publish returned, 5 publishes): median ${delays[2]!.toFixed(1)} ms, max ${delays[4]!.toFixed(1)} ms`)
})

test('every response carries the security headers, whoever answers it', async ({ baseURL }) => {
  const { items } = await createContentClient({ baseUrl: baseURL! }).listAreas({ limit: 1 })
  for (const path of ['/', `/jamforelser/${items[0]!.slug}`, '/api/v1/areas', '/api/health', '/admin/login', '/finns-inte']) {
    const response = await fetch(`${baseURL}${path}`)
    expect(response.headers.get('x-content-type-options'), path).toBe('nosniff')
    expect(response.headers.get('x-frame-options'), path).toBe('SAMEORIGIN')
    expect(response.headers.get('content-security-policy'), path).toContain("frame-ancestors 'self'")
    expect(response.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin')
    // Served over http here: no HSTS (it would lock browsers out of a plain-http test server).
    expect(response.headers.get('strict-transport-security'), path).toBeNull()
  }
})
