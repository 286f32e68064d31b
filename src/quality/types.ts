/** Findings of the editorial quality checks ("Kvalitetskontroll") and what they take. */
import type { SpellChecker } from './spelling/checker'

export type Severity = 'error' | 'warning'

export type FieldName =
  | 'title'
  | 'intro'
  | 'surveyYear'
  | 'bullets'
  | 'national'
  | 'local'
  | 'indicator.nationalPercent'
  | 'indicator.localValue'
  | 'heading'
  | 'content'
  | 'text'
  | 'reviewBy'
  | 'otherLinks.url'
  | 'section'

export type FindingLocation = {
  blockIndex?: number
  surveyYear?: number
  bulletIndex?: number
  /** Entry of the page's "Övriga länkar", counted from 0. */
  linkIndex?: number
  /** Paragraph of a rich-text field (intro, text section), counted from 0. */
  paragraphIndex?: number
  field: FieldName
  /** Payload's field path, e.g. "body.2.bullets.3.local", for linking to the field in the admin. */
  path: string
}

export type Finding = {
  rule: string
  severity: Severity
  location: FindingLocation
  /** Swedish, for editors. */
  message: string
  /** A one-click fix: replace `from` with `to` in the field. */
  suggestion?: { from: string; to: string }
}

export type QualityContext = {
  now: Date
  /** How often the area's survey runs: every year (1, default) or every other year (2). */
  surveyCycleYears?: number
  /** The newest survey year that exists for the area; computed from `now` and the cycle when absent. */
  latestSurveyYear?: number
  /** The page's "Ses över senast" date. */
  reviewBy?: string | null
  /** Needed by `spelling` and `hyphen-artifact`; without it those rules report nothing. */
  spelling?: SpellChecker
  /** Whose answers the bullets hold; "Kalmar" by default. */
  municipality?: string
  /**
   * Pages outside the comparisons ("Sidor utanför jämförelserna") in the
   * page's section that have no address: the page lists them under "Fler
   * sidor inom …" as plain text (./sectionLinks.ts reads them).
   */
  sectionLinksWithoutUrl?: readonly string[]
}

/** Rich text as stored (Lexical JSON), as paragraphs, or as one string with blank lines between paragraphs. */
export type RichTextInput = string | readonly string[] | { root?: unknown } | null | undefined

export type QualityBullet = {
  national?: string | null
  local?: string | null
  indicator?: { code?: string | null; nationalPercent?: number | null; localValue?: string | null } | null
}

export type QualityBlock =
  | { blockType: 'resultSet'; surveyYear?: number | null; bullets?: readonly QualityBullet[] | null }
  | { blockType: 'textSection'; heading?: string | null; content?: RichTextInput }
  | { blockType: 'note'; text?: string | null }

/** A page, draft or published, in the shape the `areas` collection stores it. */
export type QualityPage = {
  title?: string | null
  intro?: RichTextInput
  /** Blocks of other types may be present; they are skipped but keep their index in paths. */
  body?: ReadonlyArray<QualityBlock | { blockType?: string | null }> | null
  /** "Övriga länkar": a title and an address, which may still be missing. */
  otherLinks?: ReadonlyArray<QualityLink> | null
}

export type QualityLink = { title?: string | null; url?: string | null }
