import type { ParsedPage } from '@/pageImport/parse'
import { suggestNationalPercent } from '@/domain/indicators'
import { paragraphsToLexical } from '@/richText/lexical'

/**
 * A Swedish calendar date as a timestamp at noon UTC, so that it reads as the
 * same day in every time zone the admin or the web team may display it in.
 */
export const calendarDateToTimestamp = (isoDate: string): string => `${isoDate}T12:00:00.000Z`

export type AreaContent = {
  title: string
  slug: string
  teaser: string | null
  intro: ReturnType<typeof paragraphsToLexical> | null
  body: Array<
    | {
        blockType: 'resultSet'
        surveyYear: number
        lead: 'visar att' | 'visar bland annat'
        bullets: { national: string; local: string; indicator?: { nationalPercent: number; nationalPercentSuggested: true } }[]
      }
    | { blockType: 'textSection'; heading: string | null; content: ReturnType<typeof paragraphsToLexical> }
    | { blockType: 'note'; text: string }
  >
  otherLinks: { title: string; url: string | null }[]
}

/** The content of one page file as the `areas` collection stores it, text kept as written. */
export function toAreaContent(page: ParsedPage, slug: string, teaser: string | null): AreaContent {
  return {
    title: page.title,
    slug,
    teaser,
    intro: page.intro.length ? paragraphsToLexical(page.intro) : null,
    body: page.body.map((block) => {
      switch (block.type) {
        case 'resultSet':
          return {
            blockType: 'resultSet' as const,
            surveyYear: block.surveyYear,
            lead: block.lead,
            bullets: block.bullets.map((bullet) => {
              // A share read from the text is only a suggestion until an editor confirms it.
              const nationalPercent = suggestNationalPercent(bullet.national)
              return { national: bullet.national, local: bullet.local, ...(nationalPercent === null ? {} : { indicator: { nationalPercent, nationalPercentSuggested: true as const } }) }
            }),
          }
        case 'textSection':
          return { blockType: 'textSection' as const, heading: block.heading, content: paragraphsToLexical(block.paragraphs) }
        case 'note':
          return { blockType: 'note' as const, text: block.text }
      }
    }),
    // Files list some other links by title only: kept without an address (the report names them).
    otherLinks: page.otherLinks.map((link) => ({ title: link.title, url: link.url })),
  }
}

export const countBullets = (page: ParsedPage): number =>
  page.body.reduce((sum, block) => sum + (block.type === 'resultSet' ? block.bullets.length : 0), 0)
