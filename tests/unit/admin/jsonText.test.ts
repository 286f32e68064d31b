import { describe, expect, it } from 'vitest'

import { formatJson, lineAndColumn, parseJsonText } from '@/admin/jsonText'

describe('JSON as text in the admin\'s own JSON fields', () => {
  it('shows a value indented and nothing as empty text', () => {
    expect(formatJson({ sheet: 'Blad 1', indicators: [] })).toBe('{\n  "sheet": "Blad 1",\n  "indicators": []\n}')
    expect(formatJson(null)).toBe('')
    expect(formatJson(undefined)).toBe('')
  })

  it('reads typed text back, empty text as null', () => {
    expect(parseJsonText('{ "headerRow": 4 }')).toEqual({ ok: true, value: { headerRow: 4 } })
    expect(parseJsonText('  \n')).toEqual({ ok: true, value: null })
  })

  it('says in Swedish where text is not JSON', () => {
    const parsed = parseJsonText('{\n  "sheet": "A",\n  "headerRow": 4,,\n}')
    expect(parsed.ok).toBe(false)
    expect(!parsed.ok && parsed.message).toMatch(/^Texten är inte giltig JSON \(rad 3, tecken \d+\)\./)
  })

  it('counts lines and characters from 1', () => {
    expect(lineAndColumn('ab\ncd', 4)).toBe('rad 2, tecken 2')
    expect(lineAndColumn('ab', 0)).toBe('rad 1, tecken 1')
  })
})
