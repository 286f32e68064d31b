import { describe, expect, it } from 'vitest'

import { lexicalToHtml, safeHref } from '@/richText/html'

const text = (value: string, format = 0) => ({ type: 'text', text: value, format })
const root = (...children: object[]) => ({ root: { type: 'root', children } })

describe('lexicalToHtml', () => {
  it('renders paragraphs, formats, lists and headings from a fixed whitelist', () => {
    const html = lexicalToHtml(
      root(
        { type: 'paragraph', children: [text('Fet', 1), text(' och '), text('kursiv', 2)] },
        { type: 'heading', tag: 'h1', children: [text('Rubrik')] },
        { type: 'list', listType: 'number', children: [{ type: 'listitem', children: [text('Ett')] }] },
        { type: 'paragraph', children: [] },
      ),
    )
    expect(html).toBe('<p><strong>Fet</strong> och <em>kursiv</em></p><h3>Rubrik</h3><ol><li>Ett</li></ol>')
  })

  it('escapes text and drops unsafe links and unknown markup', () => {
    const html = lexicalToHtml(
      root({
        type: 'paragraph',
        children: [
          text('<script>alert(1)</script> & "citat"'),
          { type: 'link', fields: { url: 'javascript:alert(1)' }, children: [text('klicka')] },
          { type: 'link', fields: { url: 'https://kalmar.se/?a=1&b="2"' }, children: [text('Kalmar')] },
          { type: 'mystery', style: 'color:red', children: [text('kvar')] },
        ],
      }),
    )
    expect(html).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;citat&quot;klicka<a href="https://kalmar.se/?a=1&amp;b=%222%22">Kalmar</a>kvar</p>',
    )
    expect(html).not.toMatch(/style=|javascript:/)
  })

  it('accepts only http(s), mailto, tel, site paths and anchors as link targets', () => {
    expect(['https://a.se', 'http://a.se', 'mailto:a@b.se', 'tel:0480', '/sida', '#rubrik'].map(safeHref)).not.toContain(null)
    expect(['javascript:x', 'JAVASCRIPT:x', 'data:text/html,x', '//evil.example', ' vbscript:x', 42].map(safeHref)).toEqual([null, null, null, null, null, null])
  })

  it('percent-encodes what a URL may not hold as it is, so the link stays valid', () => {
    expect(safeHref('https://kalmar.se/?q="><script>alert(1)</script>')).toBe('https://kalmar.se/?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E')
    expect(safeHref(' https://kalmar.se/en sida ')).toBe('https://kalmar.se/en%20sida')
    expect(safeHref('https://kalmar.se/a?b=1&c=%C3%A5#d')).toBe('https://kalmar.se/a?b=1&c=%C3%A5#d')
  })

  it('gives an empty string for anything that is not an editor state', () => {
    expect(lexicalToHtml(null)).toBe('')
    expect(lexicalToHtml('text')).toBe('')
  })
})
