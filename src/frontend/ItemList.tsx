import type { RelatedItem } from '@/delivery/schemas'

import { hyphenate } from './text'

export type ListedItem = Pick<RelatedItem, 'title' | 'teaser' | 'href'>

/** Titles (linked when they have an address) with their one-line teasers. */
export function ItemList({ items }: { items: readonly ListedItem[] }) {
  return (
    <ul className="item-list">
      {items.map((item, index) => (
        <li className="item-list__item" key={`${item.href ?? item.title}-${index}`}>
          <p className="item-list__title">{item.href ? <a href={item.href}>{hyphenate(item.title)}</a> : hyphenate(item.title)}</p>
          {item.teaser && <p className="item-list__teaser">{item.teaser}</p>}
        </li>
      ))}
    </ul>
  )
}
