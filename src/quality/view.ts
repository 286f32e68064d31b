/**
 * A page normalised for the rules: plain paragraphs instead of rich text, and
 * every piece of text with the location (Payload path) it came from.
 */
import { lexicalToParagraphs } from '@/richText/lexical'

import type { FieldName, FindingLocation, QualityBlock, QualityBullet, QualityLink, QualityPage, RichTextInput } from './types'

export type ViewBullet = { national: string; local: string; indicator: NonNullable<QualityBullet['indicator']> | null }

export type ViewBlock =
  | { kind: 'resultSet'; index: number; surveyYear: number | null; bullets: ViewBullet[] }
  | { kind: 'textSection'; index: number; heading: string | null; paragraphs: string[] }
  | { kind: 'note'; index: number; text: string }

export type ViewLink = { index: number; title: string; url: string }

export type PageView = { title: string; intro: string[]; blocks: ViewBlock[]; otherLinks: ViewLink[] }

/** One field's text (or one paragraph of a rich-text field), and which readability section it belongs to. */
export type TextUnit = { text: string; location: FindingLocation; section: string }

export function paragraphsOf(input: RichTextInput): string[] {
  if (input === null || input === undefined) return []
  if (typeof input === 'string') return input.split(/\n\s*\n/u).map((part) => part.trim()).filter(Boolean)
  if (Array.isArray(input)) return input.map((part: string) => part.trim()).filter(Boolean)
  return lexicalToParagraphs(input)
}

const text = (value: string | null | undefined): string => (value ?? '').trim()

function toViewBlock(block: QualityBlock | { blockType?: string | null }, index: number): ViewBlock | null {
  const typed = block as QualityBlock
  switch (typed.blockType) {
    case 'resultSet':
      return {
        kind: 'resultSet',
        index,
        surveyYear: typeof typed.surveyYear === 'number' ? typed.surveyYear : null,
        bullets: (typed.bullets ?? []).map((bullet) => ({ national: text(bullet.national), local: text(bullet.local), indicator: bullet.indicator ?? null })),
      }
    case 'textSection':
      return { kind: 'textSection', index, heading: text(typed.heading) || null, paragraphs: paragraphsOf(typed.content) }
    case 'note':
      return { kind: 'note', index, text: text(typed.text) }
    default:
      return null
  }
}

export const toView = (page: QualityPage): PageView => ({
  title: text(page.title),
  intro: paragraphsOf(page.intro),
  blocks: (page.body ?? []).flatMap((block, index) => toViewBlock(block, index) ?? []),
  otherLinks: (page.otherLinks ?? []).map((link: QualityLink, index) => ({ index, title: text(link.title), url: text(link.url) })),
})

type ResultSetView = Extract<ViewBlock, { kind: 'resultSet' }>

export const resultSets = (view: PageView): ResultSetView[] => view.blocks.filter((block): block is ResultSetView => block.kind === 'resultSet')

export function bulletLocation(set: ResultSetView, bulletIndex: number, field: FieldName): FindingLocation {
  return {
    blockIndex: set.index,
    ...(set.surveyYear !== null && { surveyYear: set.surveyYear }),
    bulletIndex,
    field,
    path: `body.${set.index}.bullets.${bulletIndex}.${field}`,
  }
}

export const blockLocation = (block: ViewBlock, field: FieldName, paragraphIndex?: number): FindingLocation => ({
  blockIndex: block.index,
  ...(block.kind === 'resultSet' && block.surveyYear !== null && { surveyYear: block.surveyYear }),
  ...(paragraphIndex !== undefined && { paragraphIndex }),
  field,
  path: `body.${block.index}.${field}`,
})

/** Readability sections: the intro, each result set, each text section, each note. */
export const sectionKey = (block: ViewBlock | null): string => (block ? `body.${block.index}` : 'intro')

/** Every piece of text on the page, title first, in reading order. */
export function textUnits(view: PageView): TextUnit[] {
  const units: TextUnit[] = []
  if (view.title) units.push({ text: view.title, location: { field: 'title', path: 'title' }, section: 'title' })
  view.intro.forEach((paragraph, paragraphIndex) =>
    units.push({ text: paragraph, location: { paragraphIndex, field: 'intro', path: 'intro' }, section: 'intro' }),
  )
  for (const block of view.blocks) {
    const section = sectionKey(block)
    if (block.kind === 'resultSet') {
      block.bullets.forEach((bullet, bulletIndex) => {
        for (const field of ['national', 'local'] as const) {
          if (bullet[field]) units.push({ text: bullet[field], location: bulletLocation(block, bulletIndex, field), section })
        }
      })
    } else if (block.kind === 'textSection') {
      if (block.heading) units.push({ text: block.heading, location: blockLocation(block, 'heading'), section: 'heading' })
      block.paragraphs.forEach((paragraph, index) => units.push({ text: paragraph, location: blockLocation(block, 'content', index), section }))
    } else if (block.text) {
      units.push({ text: block.text, location: blockLocation(block, 'text'), section })
    }
  }
  return units
}
