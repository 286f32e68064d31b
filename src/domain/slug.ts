/**
 * URL slugs from Swedish titles: "Stöd till personer med funktionsnedsättning"
 * → "stod-till-personer-med-funktionsnedsattning".
 */

// Letters NFKD does not decompose into a base letter plus combining marks.
const EXPLICIT: Record<string, string> = {
  æ: 'ae',
  ø: 'o',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
}

const COMBINING_MARKS = /\p{M}+/gu

export function slugify(title: string): string {
  const lower = title.toLowerCase()
  const mapped = Array.from(lower, (char) => EXPLICIT[char] ?? char).join('')
  return mapped
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Lowercase a–z and digits in groups joined by single hyphens; no leading/trailing hyphen. */
export function isValidSlug(slug: string): boolean {
  return SLUG.test(slug)
}
