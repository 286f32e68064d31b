import type { BodyBlock, IndicatorSeries } from '@/delivery/schemas'

import { ResultSetView } from './ResultSetView'
import { fitHeadings, hyphenate, hyphenateHeadings, splitNote } from './text'

/** One block of a page's body, in the page's order. */
export function BodyBlockView({
  block,
  municipality,
  trendFor,
}: {
  block: BodyBlock
  municipality: string
  trendFor?: (bulletIndex: number) => IndicatorSeries | null
}) {
  switch (block.type) {
    case 'resultSet':
      return <ResultSetView block={block} municipality={municipality} trendFor={trendFor} />
    case 'textSection':
      return (
        <section className="text-section">
          {block.heading && <h2>{hyphenate(block.heading)}</h2>}
          {/* Safe HTML from a fixed whitelist, generated on the server (src/richText/html.ts). */}
          <div className="rich-text" dangerouslySetInnerHTML={{ __html: hyphenateHeadings(fitHeadings(block.content.html, block.heading ? 2 : 1)) }} />
        </section>
      )
    case 'note': {
      const { label, rest } = splitNote(block.text)
      return (
        <div className="note" role="note">
          <p>
            <strong className="note__label">{label}</strong> {rest}
          </p>
        </div>
      )
    }
  }
}
