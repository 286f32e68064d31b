/**
 * Plain paragraphs ⇄ Payload's Lexical rich-text JSON. The importer writes
 * paragraphs as they stand in the page files; the API derives plain text.
 */

type TextNode = { type: 'text'; text: string; format: number; style: string; mode: 'normal'; detail: number; version: 1 }
type ElementNode = {
  type: string
  children: LexicalNode[]
  direction: 'ltr' | null
  format: string
  indent: number
  version: 1
  [key: string]: unknown
}
type LexicalNode = TextNode | ElementNode | { type: string; [key: string]: unknown }

export type LexicalState = { root: ElementNode }

const textNode = (text: string): TextNode => ({ type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 })

const paragraphNode = (text: string): ElementNode => ({
  type: 'paragraph',
  children: text ? [textNode(text)] : [],
  direction: 'ltr',
  format: '',
  indent: 0,
  textFormat: 0,
  textStyle: '',
  version: 1,
})

export function paragraphsToLexical(paragraphs: readonly string[]): LexicalState {
  return {
    root: { type: 'root', children: paragraphs.map(paragraphNode), direction: 'ltr', format: '', indent: 0, version: 1 },
  }
}

function nodeText(node: LexicalNode): string {
  if (node.type === 'text') return String((node as TextNode).text ?? '')
  if (node.type === 'linebreak') return '\n'
  const children = (node as ElementNode).children
  return Array.isArray(children) ? children.map(nodeText).join('') : ''
}

/** Block-level children become paragraphs separated by a blank line. */
export function lexicalToParagraphs(state: unknown): string[] {
  const root = (state as LexicalState | null)?.root
  if (!root || !Array.isArray(root.children)) return []
  return root.children.map(nodeText).filter((text) => text.trim() !== '')
}

export const lexicalToPlainText = (state: unknown): string => lexicalToParagraphs(state).join('\n\n')
