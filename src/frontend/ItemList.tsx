import type { RelatedItem } from '@/delivery/schemas'
import { safeHref } from '@/richText/html'

import { hyphenate } from './text'

export type ListedItem = Pick<RelatedItem, 'title' | 'teaser' | 'href'>

/** Titles (linked when they have an address a reader can follow) with their one-line teasers. */
export function ItemList({ items }: { items: readonly ListedItem[] }) {
  return (
    <ul className="item-list">
      {items.map((item, index) => {
        const href = safeHref(item.href)
        return (
          <li className="item-list__item" key={`${item.href ?? item.title}-${index}`}>
            <p className="item-list__title">{href ? <a href={href}>{hyphenate(item.title)}</a> : hyphenate(item.title)}</p>
            {item.teaser && <p className="item-list__teaser">{item.teaser}</p>}
          </li>
        )
      })}
    </ul>
  )
}
