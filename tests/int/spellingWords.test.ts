import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Finding } from '@/quality'
import { oldestAcceptableYear } from '@/quality/rules/stalePage'
import { startTestCms, type TestCms } from '../helpers/payload'
import { signedInUsers, type SignedInUser } from '../helpers/users'

// Administration → Ordlista (global spelling-words): admins add words, the quality check accepts them at its next run.
let cms: TestCms
let users: Record<'admin' | 'editor' | 'reviewer', SignedInUser>
let areaId: number | string

const WORD_LIST = '/globals/spelling-words'
const CURRENT_YEAR = oldestAcceptableYear({ now: new Date() })

beforeAll(async () => {
  cms = await startTestCms()
  users = await signedInUsers(cms, [
    ['admin', ['admin']],
    ['editor', ['editor']],
    ['reviewer', ['reviewer']],
  ])
  // Two parts of Kalmar kommun the Swedish dictionary does not know.
  const response = await cms.rest.post('/areas?draft=true', {
    token: users.editor.token,
    body: {
      title: 'Stöd i kommundelarna',
      body: [{ blockType: 'resultSet', surveyYear: CURRENT_YEAR, lead: 'visar att', bullets: [{ national: 'De flesta kommuner erbjuder stöd.', local: 'Kalmar erbjuder stöd i Norrliden och Funkabo.' }] }],
    },
  })
  expect(response.status, await response.clone().text()).toBe(201)
  areaId = (await response.json()).doc.id
})
afterAll(async () => cms?.cleanup())

/** The words the edit view's "Kvalitetskontroll" flags as misspelt, with their messages. */
async function flagged(token: string): Promise<Map<string, string>> {
  const response = await cms.rest.get(`/areas/${areaId}/quality`, { token })
  expect(response.status).toBe(200)
  const { findings, spelling } = (await response.json()) as { findings: Finding[]; spelling: boolean }
  expect(spelling).toBe(true)
  return new Map(findings.filter((finding) => finding.rule === 'spelling').map((finding) => [/^"([^"]+)"/.exec(finding.message)![1]!, finding.message]))
}

const storedWords = async () => ((await cms.payload.findGlobal({ slug: 'spelling-words', overrideAccess: true })).words ?? []).map((row) => row.word)

const saveList = (token: string, words: { word: string; note?: string }[]) => cms.rest.post(WORD_LIST, { token, body: { words } })

describe('Ordlista: words the spelling check accepts', () => {
  it('before anything is added, the check flags the names and says where to add them, and that only admins can', async () => {
    const before = await flagged(users.editor.token)
    expect([...before.keys()].sort()).toEqual(['Funkabo', 'Norrliden'])
    expect(before.get('Norrliden')).toBe(
      '"Norrliden" finns inte i ordlistan. Är det ett namn eller en förkortning: lägg till det i Ordlistan (Administration → Ordlista); bara administratörer kan ändra den.',
    )
  })

  it('editors and reviewers read the list but cannot change it: refused in Swedish, nothing written', async () => {
    for (const user of [users.editor, users.reviewer]) {
      expect((await cms.rest.get(WORD_LIST, { token: user.token })).status).toBe(200)
      const refused = await saveList(user.token, [{ word: 'Norrliden' }])
      expect(refused.status).toBe(403)
      expect((await refused.json()).message).toBe('Du får inte utföra denna åtgärd.')
    }
    expect((await cms.rest.get(WORD_LIST)).status).toBe(403)
    expect(await storedWords()).toEqual([])
    expect((await flagged(users.editor.token)).has('Norrliden')).toBe(true)
  })

  it('an admin adds a word (trimmed, with a note) and the next check accepts it, with its genitive, without a restart', async () => {
    const saved = await saveList(users.admin.token, [{ word: ' Norrliden ', note: 'Kommundel i Kalmar' }])
    expect(saved.status, await saved.clone().text()).toBe(200)
    expect(await storedWords()).toEqual(['Norrliden'])

    const after = await flagged(users.editor.token)
    expect([...after.keys()]).toEqual(['Funkabo'])

    // The genitive counts too, and case still matters.
    const edited = await cms.rest.patch(`/areas/${areaId}?draft=true`, {
      token: users.editor.token,
      body: {
        body: [{ blockType: 'resultSet', surveyYear: CURRENT_YEAR, lead: 'visar att', bullets: [{ national: 'De flesta kommuner erbjuder stöd.', local: 'Norrlidens fritidsgård och norrliden.' }] }],
        revision: 1,
      },
    })
    expect(edited.status, await edited.clone().text()).toBe(200)
    expect([...(await flagged(users.reviewer.token)).keys()]).toEqual(['norrliden'])
  })

  it('a word taken off the list is flagged again at the next check', async () => {
    expect((await saveList(users.admin.token, [])).status).toBe(200)
    expect([...(await flagged(users.editor.token)).keys()].sort()).toEqual(['Norrlidens', 'norrliden'])
    expect((await saveList(users.admin.token, [{ word: 'Norrliden' }])).status).toBe(200)
  })

  it('refuses a word with a space, a duplicate and an overlong word with messages naming the field and the rule', async () => {
    const cases: [{ word: string }[], string, string][] = [
      [[{ word: 'Kalmar län' }], 'words.0.word', 'Ord: "Kalmar län" innehåller mellanslag.'],
      [[{ word: 'Norrliden' }, { word: 'KAAB' }, { word: 'Norrliden' }], 'words.2.word', 'Ord: "Norrliden" står redan på rad 1. Varje ord ska stå en gång i ordlistan; ta bort rad 3.'],
      [[{ word: 'a'.repeat(51) }], 'words.0.word', 'Ett ord får vara högst 50 tecken.'],
    ]
    for (const [words, path, message] of cases) {
      const refused = await saveList(users.admin.token, words)
      expect(refused.status, JSON.stringify(words)).toBe(400)
      // Payload's admin shows each field's message at the field (the error's data.errors).
      const body = (await refused.json()) as { errors: { data?: { errors?: { path: string; message: string }[] } }[] }
      const fieldErrors = body.errors.flatMap((error) => error.data?.errors ?? [])
      expect(fieldErrors).toHaveLength(1)
      expect(fieldErrors[0]!.path).toBe(path)
      expect(fieldErrors[0]!.message).toContain(message)
    }
    // The list is as the last good save left it.
    expect(await storedWords()).toEqual(['Norrliden'])
  })
})
