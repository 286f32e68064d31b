import type { FieldHook } from 'payload'

import { invalidField } from '@/errors'

type LexicalNode = { type?: unknown; url?: unknown; fields?: { url?: unknown } | null; children?: unknown; text?: unknown; root?: unknown }

/** Schemes a reader can follow safely; anything else with a scheme (javascript:, data:, vbscript:, file:) is refused. */
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel'])

/** The scheme a browser would see: it ignores control characters and spaces inside and around it ("java\tscript:"). */
export function urlScheme(url: string): string | null {
  const compact = [...url].filter((char) => char.charCodeAt(0) > 0x20).join('')
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(compact)
  return match ? match[1]!.toLowerCase() : null
}

const textOf = (node: LexicalNode): string =>
  typeof node.text === 'string' ? node.text : Array.isArray(node.children) ? (node.children as LexicalNode[]).map(textOf).join('') : ''

/** The first link in a Lexical document whose address has an unsafe scheme, iteratively (documents may be deep). */
export function findUnsafeLink(value: unknown): { text: string; url: string } | null {
  const stack: unknown[] = [value]
  while (stack.length) {
    const node = stack.pop() as LexicalNode | null
    if (!node || typeof node !== 'object') continue
    if (node.type === 'link' || node.type === 'autolink') {
      const url = node.fields?.url ?? node.url
      if (typeof url === 'string') {
        const scheme = urlScheme(url)
        if (scheme && !SAFE_SCHEMES.has(scheme)) return { text: textOf(node), url }
      }
    }
    if (node.root) stack.push(node.root)
    if (Array.isArray(node.children)) stack.push(...node.children)
  }
  return null
}

/**
 * A rich text field's hook: a link to javascript:, data: and the like is
 * refused with the link named. (The public renderer drops such links anyway;
 * this keeps them out of the admin's editor too.)
 */
export const rejectUnsafeLinks: FieldHook = ({ value, collection, path, req }) => {
  const unsafe = findUnsafeLink(value)
  if (!unsafe) return value
  throw invalidField({
    collection: collection?.slug ?? '',
    path: path.join('.'),
    message: `Länken "${unsafe.text.slice(0, 60)}" går till en otillåten adress (${unsafe.url.slice(0, 40)}). Använd https://, mailto:, tel: eller en sökväg som börjar med /.`,
    req,
  })
}
