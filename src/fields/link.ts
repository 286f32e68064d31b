import type { ArrayField, Field, TextField } from 'payload'

const HTTP_URL = /^https?:\/\/[^\s]+$/i

/** A path on this site: one slash, then no slash or backslash (browsers read `//host` and `/\host` as another site). */
const SITE_PATH = /^\/(?![/\\])[^\s\\]*$/

/** An optional http(s) address; relative site paths (/…) are allowed too. */
export function urlField(overrides: Partial<TextField> = {}): TextField {
  return {
    name: 'url',
    type: 'text',
    label: { sv: 'Adress (URL)', en: 'URL' },
    validate: (value: unknown) =>
      value == null || value === '' || (typeof value === 'string' && (HTTP_URL.test(value) || SITE_PATH.test(value)))
        ? true
        : 'Adressen måste börja med https:// (eller / för en sida på samma webbplats).',
    ...overrides,
  } as TextField
}

/**
 * The fields of one link: a title and where it goes. The address may wait:
 * page files list some links by title only, and such an entry is kept (and
 * shown as text) rather than dropped.
 */
export function linkFields(): Field[] {
  return [
    { name: 'title', type: 'text', required: true, label: { sv: 'Rubrik', en: 'Title' } },
    urlField({
      admin: { description: { sv: 'Lämna tom om sidan ännu saknar adress: rubriken visas då som text, inte som länk.', en: 'Leave empty if the page has no address yet: the title is then shown as text.' } },
    }),
  ]
}

/** A list of links, e.g. a page's "Övriga länkar". */
export function linkListField(name: string, label: { sv: string; en: string }): ArrayField {
  return {
    name,
    type: 'array',
    label,
    labels: { singular: { sv: 'Länk', en: 'Link' }, plural: { sv: 'Länkar', en: 'Links' } },
    fields: linkFields(),
  }
}
