import type { Payload, PayloadRequest } from 'payload'

import { SPELLING_WORDS } from '@/slugs'
import { type SpellChecker, withWords } from './spelling/checker'
import { spellingWordsOf } from './spelling/spellingWords'

/**
 * The admin's Ordlista (Administration → Ordlista), read anew at every call so
 * that a word an admin adds counts at the next check. Read without access
 * checks: whoever may run a check may see the words it accepts.
 */
export async function loadSpellingWords(payload: Payload, req?: PayloadRequest): Promise<string[]> {
  const doc = await payload.findGlobal({ slug: SPELLING_WORDS, depth: 0, overrideAccess: true, ...(req && { req }) })
  return spellingWordsOf(doc)
}

/** The shared dictionary (`base`, loaded once per process) with the admin's words on top, for one check. */
export async function spellCheckerWithAdminWords(base: SpellChecker, payload: Payload, req?: PayloadRequest): Promise<SpellChecker> {
  return withWords(base, await loadSpellingWords(payload, req))
}
