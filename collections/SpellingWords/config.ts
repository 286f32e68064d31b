import type { FieldHook, GlobalConfig, Validate } from 'payload'

import { isAdmin, isStaff } from '@/access'
import { duplicateProblem, normalizeWord, type SpellingWordRow, WORD_MAX_LENGTH, wordProblem } from '@/quality/spelling/spellingWords'
import { SPELLING_WORDS } from '..'

const trimWord: FieldHook = ({ value }) => normalizeWord(value)

/** The rules are src/quality/spelling/spellingWords.ts; the row index comes from the field's path (words.3.word). */
const validateWord: Validate = (value, { data, path }) => {
  const word = normalizeWord(value)
  // Typed as an array with a number, but Payload hands the index over as a string ("2"), and the
  // admin's form state calls without a path at all (the save then checks duplicates with one).
  const segments: unknown[] = Array.isArray(path) ? path : typeof path === 'string' ? (path as string).split('.') : []
  const index = segments.length >= 2 ? Number(segments.at(-2)) : Number.NaN
  return wordProblem(word) ?? (Number.isInteger(index) ? duplicateProblem((data as { words?: SpellingWordRow[] }).words, index) : null) ?? true
}

/**
 * "Ordlista": words the spelling check accepts besides the dictionary and
 * the built-in list (src/quality/wordlist.ts), read at every check. Admins
 * edit it; editors and reviewers read it, since the check runs for them.
 */
export const SpellingWords: GlobalConfig = {
  slug: SPELLING_WORDS,
  label: { sv: 'Ordlista', en: 'Word list' },
  admin: {
    group: { sv: 'Administration', en: 'Administration' },
    description: {
      sv: `Ord som kvalitetskontrollens stavning ska godta utöver den svenska ordlistan: namn, förkortningar och fackord. Skriv ordet som det ska stå – stora och små bokstäver räknas ("SKR", "Kalmar"); genitiven ("SKR:s", "Kalmars") godtas av sig själv. Ett ord per rad, utan mellanslag, högst ${WORD_MAX_LENGTH} tecken. Ändringen gäller från nästa kontroll. Bara administratörer kan ändra listan.`,
      en: `Words the quality check's spelling accepts besides the Swedish dictionary: names, abbreviations, terms. Case matters; genitives are accepted automatically. One word per row, no spaces, at most ${WORD_MAX_LENGTH} characters. Takes effect at the next check. Only administrators can change the list.`,
    },
  },
  access: { read: isStaff, update: isAdmin },
  fields: [
    {
      name: 'words',
      type: 'array',
      label: { sv: 'Ord', en: 'Words' },
      labels: { singular: { sv: 'Ord', en: 'Word' }, plural: { sv: 'Ord', en: 'Words' } },
      // The order means nothing to the check; without sorting there are no drag handles (unnamed buttons, docs/accessibility-admin.md).
      admin: { isSortable: false },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'word',
              type: 'text',
              required: true,
              label: { sv: 'Ord', en: 'Word' },
              hooks: { beforeValidate: [trimWord] },
              validate: validateWord,
              admin: { width: '40%' },
            },
            {
              name: 'note',
              type: 'text',
              maxLength: 300,
              label: { sv: 'Varför (valfritt)', en: 'Why (optional)' },
              admin: { width: '60%', description: { sv: 'T.ex. "Kommundel i Kalmar" eller "Förkortning av …".', en: 'E.g. what the name is.' } },
            },
          ],
        },
      ],
    },
  ],
}
