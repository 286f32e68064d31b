/** QualityPage from what the CMS stores and from what the page-file parser reads. */
import type { ParsedPage } from '@/pageImport/parse'

import type { QualityBlock, QualityPage, RichTextInput } from './types'

/**
 * The fields of an `areas` document (draft or published) the checks read. Narrower than the generated
 * `Area` on purpose: the checks are pure and also run on parsed page files; `Area` fits it.
 */
export type AreaDocumentLike = {
  title?: string | null
  intro?: unknown
  body?: ReadonlyArray<{ blockType?: string | null }> | null
  otherLinks?: ReadonlyArray<{ title?: string | null; url?: string | null }> | null
}

export const fromAreaDocument = (doc: AreaDocumentLike): QualityPage => ({
  title: doc.title ?? null,
  intro: (doc.intro ?? null) as RichTextInput,
  // Stored blocks already have the QualityBlock shape; unknown block types are skipped by the rules.
  body: doc.body ?? [],
  otherLinks: doc.otherLinks ?? [],
})

/** The body in the importer's order (see importer/toAreaData), so paths match the imported document. */
export const fromParsedPage = (page: ParsedPage): QualityPage => ({
  title: page.title,
  intro: page.intro,
  body: page.body.map((block): QualityBlock => {
    switch (block.type) {
      case 'resultSet':
        return { blockType: 'resultSet', surveyYear: block.surveyYear, bullets: block.bullets.map(({ national, local }) => ({ national, local })) }
      case 'textSection':
        return { blockType: 'textSection', heading: block.heading, content: block.paragraphs }
      case 'note':
        return { blockType: 'note', text: block.text }
    }
  }),
  otherLinks: page.otherLinks.map(({ title, url }) => ({ title, url })),
})
