import { expect, request as playwrightRequest, type APIRequestContext } from '@playwright/test'

import { E2E_DATA_DIR } from '../../playwright.config'
import { apiToken } from './browser'
import { readDemoAccounts, type PrintedAccount } from './demoAccounts'

/** A request context signed in as `account` (its JWT in `headers`), for the browser tests' API calls. */
export async function apiAs(baseURL: string, account: PrintedAccount): Promise<{ context: APIRequestContext; headers: Record<string, string> }> {
  return { context: await playwrightRequest.newContext({ baseURL }), headers: { Authorization: `JWT ${await apiToken(baseURL, account)}` } }
}

/** A page made by the demo editor and reviewed and published by the demo reviewer, through the API and its workflow. */
export async function publishedArea(baseURL: string, data: { title: string; slug: string; body: unknown[] }): Promise<number | string> {
  const accounts = readDemoAccounts(E2E_DATA_DIR)
  const editor = await apiAs(baseURL, accounts.editor!)
  const reviewer = await apiAs(baseURL, accounts.reviewer!)
  const created = await editor.context.post('/api/areas?draft=true', { headers: editor.headers, data })
  expect(created.ok(), await created.text()).toBe(true)
  const id = (await created.json()).doc.id
  for (const [as, transition] of [
    [editor, 'submit'],
    [reviewer, 'approve'],
    [reviewer, 'publish'],
  ] as const) {
    const done = await as.context.post(`/api/areas/${id}/workflow`, { headers: as.headers, data: { transition } })
    expect(done.ok(), await done.text()).toBe(true)
  }
  await Promise.all([editor.context.dispose(), reviewer.context.dispose()])
  return id
}
