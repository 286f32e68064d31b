/**
 * Small pure helpers for the public pages: the texts a reader sees that are
 * derived from data (headings, dates, labels). No React, no I/O.
 */
import hyphenSv from 'hyphen/sv'

import { formatSwedishDate } from '@/domain/swedishDate'

export const SITE_NAME = 'Öppna jämförelser'

/** The label of a bullet's national finding; the municipality's answer is labelled with its name. */
export const NATIONAL_LABEL = 'Nationellt'

export const SKIP_LINK_TEXT = 'Hoppa till huvudinnehållet'

/** The `id` of every page's `<main>`; the skip link points at it. */
export const MAIN_ID = 'huvudinnehall'

export const DIGG_REPORT_URL = 'https://www.digg.se/tdosanmalan'

/** "Jämförelser, service och kvalitet" → "jämförelser, service och kvalitet". Keeps acronyms ("SCB:s …"). */
export function lowerFirst(text: string): string {
  const trimmed = text.trim()
  const [first = '', second = ''] = Array.from(trimmed)
  if (first === '' || (second !== '' && second === second.toUpperCase() && second !== second.toLowerCase())) return trimmed
  return first.toLocaleLowerCase('sv-SE') + trimmed.slice(first.length)
}

/** The heading over a page's related pages, as on the old site. */
export function moreInSectionHeading(sectionTitle: string | null | undefined): string {
  const title = sectionTitle?.trim()
  return title ? `Fler sidor inom ${lowerFirst(title)}` : 'Fler sidor'
}

/** An ISO instant or date as "28 juni 2023"; null when there is no (valid) date. */
export function swedishDateOrNull(value: string | null | undefined): string | null {
  if (!value) return null
  try {
    return formatSwedishDate(value)
  } catch {
    return null
  }
}


/** A note's text split into its "OBS!" label and the rest, so the label can be marked up once. */
export function splitNote(text: string): { label: string; rest: string } {
  const match = /^\s*obs!\s*/iu.exec(text)
  return { label: 'OBS!', rest: match ? text.slice(match[0].length) : text.trim() }
}

/**
 * Content headings in the safe HTML start at h3 (see src/richText/html.ts).
 * Renumbers them to follow the heading they sit under, so no level is
 * skipped: under an h1 (intro) h3 → h2 and h4 → h3; under an h2 they stay.
 */
export function fitHeadings(html: string, parentLevel: 1 | 2): string {
  const shift = parentLevel + 1 - 3
  if (shift === 0) return html
  return html.replace(/<(\/?)h([3-4])>/g, (_, slash: string, level: string) => `<${slash}h${Number(level) + shift}>`)
}

/** Plain text with blank lines between paragraphs → the paragraphs, trimmed, empty ones dropped. */
export function paragraphs(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean)
}

/** Invisible unless a line breaks there; then the browser shows a hyphen (CSS `hyphens: manual`). */
export const SOFT_HYPHEN = '\u00AD'

/** Shorter words fit a 320 px line even in an h1; only longer ones get break points. */
export const HYPHENATE_MIN_LETTERS = 12

const LONG_WORD = `\\p{L}{${HYPHENATE_MIN_LETTERS},}`
const HAS_LONG_WORD = new RegExp(LONG_WORD, 'u')
const LONG_WORDS = new RegExp(LONG_WORD, 'gu')

/** Addresses, e-mail and figures are not words: a break inside them would be copied as part of them. */
const NOT_A_WORD = /[/@]|\p{L}[.:]\p{L}|\d/u

/**
 * Soft hyphens at Swedish syllable boundaries (TeX patterns, hyphen/sv) in
 * words of at least HYPHENATE_MIN_LETTERS letters: "Tillgänglighetsredogörelse"
 * → "Till|gäng|lig|hets|re|do|gö|rel|se" (| a soft hyphen). For visible text in headings and
 * link texts only, at render time: never for <title>, attributes, URLs or the
 * API. Chromium on Linux has no dictionaries for `hyphens: auto`, so the
 * breaks are put in the text. Acronyms, addresses and words that already
 * have a soft hyphen are left as they are.
 */
export function hyphenate(text: string): string {
  if (!HAS_LONG_WORD.test(text)) return text
  return text
    .split(/(\s+)/u)
    .map((token) =>
      NOT_A_WORD.test(token) || token.includes(SOFT_HYPHEN)
        ? token
        : token.replace(LONG_WORDS, (word) => (word === word.toLocaleUpperCase('sv') ? word : hyphenSv.hyphenateSync(word, { hyphenChar: SOFT_HYPHEN }))),
    )
    .join('')
}

/** hyphenate() on the text (not the tags or attributes) of the headings in safe HTML from src/richText/html.ts. */
export function hyphenateHeadings(html: string): string {
  return html.replace(/<(h[1-6])>([\s\S]*?)<\/\1>/g, (_, tag: string, inner: string) => {
    const text = inner.replace(/(^|>)([^<]+)/g, (__, close: string, segment: string) => close + hyphenate(segment))
    return `<${tag}>${text}</${tag}>`
  })
}
