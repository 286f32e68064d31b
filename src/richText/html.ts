/**
 * Lexical rich text → safe HTML for the public API and pages. A fixed
 * whitelist of elements, every text escaped, no inline styles (a strict CSP
 * forbids them), links only to http(s), mailto, tel or site paths.
 * Unknown nodes keep their text and lose their markup.
 */

type Node = { type?: string; children?: Node[]; [key: string]: unknown }

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => ESCAPES[char]!)

// Lexical's text format bit flags.
const FORMAT_TAGS: [number, string][] = [
  [1, 'strong'],
  [2, 'em'],
  [16, 'code'],
  [32, 'sub'],
  [64, 'sup'],
]

const SAFE_URL = /^(https?:\/\/|mailto:|tel:|\/(?!\/)|#)/i

/** Characters a URL may not hold as they are (RFC 3986; the HTML checker refuses them in href). */
const NOT_IN_URL = /[\s"<>\\^`{|}]/g

/**
 * The address a link may carry, or null when it is not one a reader can
 * safely follow; characters a URL may not contain as they are (a quote, a
 * space, `<`) are percent-encoded, so the link stays valid and goes where it said.
 */
export function safeHref(url: unknown): string | null {
  if (typeof url !== 'string') return null
  const trimmed = url.trim()
  if (!SAFE_URL.test(trimmed)) return null
  return trimmed.replace(NOT_IN_URL, (character) => encodeURIComponent(character))
}

function text(node: Node): string {
  let html = escapeHtml(String(node.text ?? ''))
  const format = typeof node.format === 'number' ? node.format : 0
  for (const [flag, tag] of FORMAT_TAGS) if (format & flag) html = `<${tag}>${html}</${tag}>`
  return html
}

function children(node: Node): string {
  return Array.isArray(node.children) ? node.children.map(toHtml).join('') : ''
}

function link(node: Node): string {
  const fields = (node.fields ?? {}) as { url?: unknown; newTab?: boolean }
  const href = safeHref(fields.url ?? node.url)
  if (!href) return children(node)
  return `<a href="${escapeHtml(href)}"${fields.newTab ? ' rel="noopener noreferrer"' : ''}>${children(node)}</a>`
}

function toHtml(node: Node): string {
  switch (node.type) {
    case 'text':
      return text(node)
    case 'linebreak':
      return '<br>'
    case 'tab':
      return ' '
    case 'paragraph': {
      const inner = children(node)
      return inner.trim() ? `<p>${inner}</p>` : ''
    }
    case 'heading': {
      // Page headings h1/h2 are the page's own; content headings start at h3.
      const level = Math.min(Math.max(Number(String(node.tag ?? 'h3').slice(1)) || 3, 3), 4)
      return `<h${level}>${children(node)}</h${level}>`
    }
    case 'quote':
      return `<blockquote>${children(node)}</blockquote>`
    case 'list':
      return node.listType === 'number' ? `<ol>${children(node)}</ol>` : `<ul>${children(node)}</ul>`
    case 'listitem':
      return `<li>${children(node)}</li>`
    case 'link':
    case 'autolink':
      return link(node)
    default:
      return children(node)
  }
}

/** Safe HTML of a Lexical editor state; '' for anything that is not one. */
export function lexicalToHtml(state: unknown): string {
  const root = (state as { root?: Node } | null)?.root
  return root ? children(root) : ''
}
