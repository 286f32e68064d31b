import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import { expect, request as playwrightRequest, test } from '../helpers/test'

import { E2E_DATA_DIR } from '../../playwright.config'
import { readDemoAccounts } from '../helpers/demoAccounts'

/**
 * Every public page is valid HTML by the Nu Html Checker (the W3C's
 * validator, vnu.jar from the vnu-jar package, run with the system's Java):
 * the pages exactly as the server sends them, the preview and 404 page too.
 */

const VNU_JAR = path.resolve('node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar')
const accountsDir = () => process.env.E2E_ACCOUNTS_DIR ?? E2E_DATA_DIR

type VnuMessage = { type: string; subType?: string; url?: string; message: string; extract?: string; lastLine?: number }

test('every public page passes the Nu Html Checker with no error', async ({ baseURL }) => {
  test.setTimeout(120_000)
  const api = await playwrightRequest.newContext({ baseURL })
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vnu-'))
  try {
    const { items } = await (await api.get('/api/v1/areas?limit=100')).json()
    const paths = ['/', '/tillganglighet', '/finns-inte']
    for (const area of items as { url: string }[]) {
      paths.push(area.url, `${area.url}/historik`)
      const versions = await api.get(`/api/v1/areas/${area.url.split('/').pop()}/versions`)
      if (versions.ok()) for (const version of (await versions.json()).items as { url: string }[]) paths.push(version.url)
    }
    // A real draft preview, as a reviewer opens it.
    const editor = readDemoAccounts(accountsDir()).editor!
    const login = await api.post('/api/users/login', { data: { email: editor.email, password: editor.password } })
    const headers = { Authorization: `JWT ${(await login.json()).token}` }
    const { docs } = await (await api.get('/api/areas?limit=1&depth=0', { headers })).json()
    const redirect = await api.get(`/api/areas/${docs[0].id}/preview`, { headers, maxRedirects: 0 })
    paths.push(redirect.headers()['location']!, '/forhandsgranska?token=ogiltig')

    const files = new Map<string, string>()
    for (const [index, pagePath] of paths.entries()) {
      const response = await api.get(pagePath)
      expect(response.headers()['content-type'], pagePath).toBe('text/html; charset=utf-8')
      const file = path.join(dir, `page-${index}.html`)
      fs.writeFileSync(file, await response.body())
      files.set(file, pagePath)
    }
    expect(files.size).toBeGreaterThan(15)
    // vnu exits with 1 when it finds errors; the messages are JSON on stderr either way.
    const { stderr } = await promisify(execFile)('java', ['-jar', VNU_JAR, '--format', 'json', ...files.keys()], { maxBuffer: 16 * 1024 * 1024 }).catch(
      (error: { stderr?: string; code?: number }) => {
        if (typeof error.stderr !== 'string' || error.code !== 1) throw error
        return { stderr: error.stderr }
      },
    )
    const messages = (JSON.parse(stderr) as { messages: VnuMessage[] }).messages
    const errors = messages.filter((message) => message.type === 'error' || message.subType === 'fatal')
    const report = errors.map((message) => `${files.get(new URL(message.url ?? 'file:///?').pathname) ?? message.url}:${message.lastLine}: ${message.message} (${message.extract ?? ''})`)
    expect(report, 'Nu Html Checker').toEqual([])
  } finally {
    await api.dispose()
    fs.rmSync(dir, { recursive: true, force: true })
  }
})
