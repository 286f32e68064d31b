/**
 * A strict, iterative check of a JSON request body before anything parses it
 * into objects: syntax with the line and column of the first mistake,
 * duplicate keys (JSON.parse silently keeps the last), and limits on nesting,
 * list length and string length that protect the recursive code behind the
 * API (field hooks, rich text traversal) from hostile shapes. Pure: text in,
 * a problem or null out.
 */

export type JsonLimits = {
  /** Deepest nesting of objects and arrays. */
  maxDepth: number
  /** Most elements in any one array. */
  maxArrayItems: number
  /** Longest string (key or value), in characters after unescaping. */
  maxStringChars: number
}

export const DEFAULT_JSON_LIMITS: JsonLimits = { maxDepth: 100, maxArrayItems: 10_000, maxStringChars: 100_000 }

export type JsonProblem = {
  kind: 'syntax' | 'bom' | 'duplicateKey' | 'depth' | 'arrayLength' | 'stringLength'
  /** Swedish, for the person who sent the request. */
  message: string
  /** Dotted path of the field concerned (`body.0.bullets`), when there is one. */
  field?: string
}

type Frame = { type: 'object' | 'array'; path: string[]; keys: Set<string> | null; count: number; key: string | null }

const WHITESPACE = new Set([' ', '\t', '\n', '\r'])
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't'])
const HEX4 = /^[0-9a-fA-F]{4}$/

const swedishNumber = (n: number) => n.toLocaleString('sv-SE').replace(/\u00a0/g, ' ')

/** `body.0.bullets`; long paths keep their start and end. */
export function formatPath(path: readonly string[]): string {
  if (path.length <= 8) return path.join('.')
  return [...path.slice(0, 4), '…', ...path.slice(-3)].join('.')
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < position && i < text.length; i++) {
    if (text[i] === '\n') {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: position - lineStart + 1 }
}

function describeChar(char: string | undefined): string {
  if (char === undefined) return 'slutet av texten'
  if (char === '\n') return 'en radbrytning'
  const code = char.charCodeAt(0)
  return code < 0x20 ? `styrtecknet U+${code.toString(16).toUpperCase().padStart(4, '0')}` : `"${char}"`
}

/**
 * Checks `text` as one JSON value. Returns null when it is valid and within
 * the limits; otherwise the first problem found, in Swedish.
 */
export function checkJson(text: string, limits: JsonLimits = DEFAULT_JSON_LIMITS): JsonProblem | null {
  if (text.charCodeAt(0) === 0xfeff) {
    return { kind: 'bom', message: 'Förfrågan börjar med ett BOM-tecken (U+FEFF). Skicka JSON i UTF-8 utan BOM.' }
  }
  const n = text.length
  const stack: Frame[] = []
  let i = 0
  // value: a value must come; valueOrEnd: first element of an array; after: a value just ended;
  // keyOrEnd: first key of an object; key: a key after a comma.
  let state: 'value' | 'valueOrEnd' | 'after' | 'keyOrEnd' | 'key' = 'value'

  const syntax = (position: number, what: string): JsonProblem => {
    const { line, column } = lineAndColumn(text, position)
    return { kind: 'syntax', message: `Förfrågans JSON kunde inte läsas: ${what} på rad ${line}, kolumn ${column} (tecken ${position + 1}).` }
  }

  /** The path of the value that starts now. */
  const childPath = (): string[] => {
    const top = stack[stack.length - 1]
    if (!top) return []
    return [...top.path, top.type === 'object' ? (top.key ?? '') : String(top.count - 1)]
  }

  /** Reads a string starting at the quote at `start`; returns its end (after the closing quote) and length, or a problem. */
  const readString = (start: number): { end: number; chars: number } | JsonProblem => {
    let j = start + 1
    let chars = 0
    while (j < n) {
      const c = text[j]!
      if (c === '"') return { end: j + 1, chars }
      if (c === '\\') {
        const next = text[j + 1]
        if (next === 'u') {
          if (!HEX4.test(text.slice(j + 2, j + 6))) return syntax(j, 'ogiltig \\u-sekvens i en text')
          j += 6
        } else if (next !== undefined && ESCAPES.has(next)) {
          j += 2
        } else {
          return syntax(j, `ogiltig escape-sekvens \\${next ?? ''} i en text`)
        }
      } else if (c.charCodeAt(0) < 0x20) {
        return syntax(j, `${describeChar(c)} får inte stå oskyddat i en text`)
      } else {
        j++
      }
      chars++
    }
    return syntax(n, 'texten tar slut inne i en sträng (ett avslutande " saknas)')
  }

  const tooLong = (path: string[], chars: number): JsonProblem => {
    const where = path.length ? ` i fältet "${formatPath(path)}"` : ''
    return {
      kind: 'stringLength',
      message: `Texten${where} är för lång: ${swedishNumber(chars)} tecken, högst ${swedishNumber(limits.maxStringChars)} tillåts.`,
      ...(path.length && { field: path.join('.') }),
    }
  }

  for (;;) {
    while (i < n && WHITESPACE.has(text[i]!)) i++
    const c = text[i]
    if (c === undefined) {
      if (state === 'after' && stack.length === 0) return null
      return syntax(n, n === 0 ? 'förfrågan är tom' : 'texten tar slut för tidigt')
    }

    if (state === 'after') {
      const top = stack[stack.length - 1]
      if (!top) return syntax(i, `oväntad text (${describeChar(c)}) efter JSON-värdet`)
      if (c === ',') {
        state = top.type === 'object' ? 'key' : 'value'
        i++
      } else if ((c === '}' && top.type === 'object') || (c === ']' && top.type === 'array')) {
        stack.pop()
        i++
      } else {
        return syntax(i, `${top.type === 'object' ? '"," eller "}"' : '"," eller "]"'} väntades men ${describeChar(c)} stod där`)
      }
      continue
    }

    if (state === 'keyOrEnd' || state === 'key') {
      const top = stack[stack.length - 1]!
      if (c === '}' && state === 'keyOrEnd') {
        stack.pop()
        state = 'after'
        i++
        continue
      }
      if (c !== '"') return syntax(i, `ett fältnamn inom "…" väntades men ${describeChar(c)} stod där`)
      const read = readString(i)
      if ('kind' in read) return read
      const key = JSON.parse(text.slice(i, read.end)) as string
      if (read.chars > limits.maxStringChars) return tooLong(top.path, read.chars)
      if (top.keys!.has(key)) {
        const path = [...top.path, key].join('.')
        const { line, column } = lineAndColumn(text, i)
        return {
          kind: 'duplicateKey',
          message: `Fältet "${path}" förekommer två gånger i samma objekt (rad ${line}, kolumn ${column}). Ange varje fält en gång.`,
          field: path,
        }
      }
      top.keys!.add(key)
      top.key = key
      i = read.end
      while (i < n && WHITESPACE.has(text[i]!)) i++
      if (text[i] !== ':') return syntax(i, `":" väntades efter fältnamnet "${key}" men ${describeChar(text[i])} stod där`)
      i++
      state = 'value'
      continue
    }

    // A value (or, first in an array, its end).
    const top = stack[stack.length - 1]
    if (c === ']' && state === 'valueOrEnd') {
      stack.pop()
      state = 'after'
      i++
      continue
    }
    if (top?.type === 'array') {
      top.count++
      if (top.count > limits.maxArrayItems) {
        const field = top.path.join('.')
        return {
          kind: 'arrayLength',
          message: `Listan${field ? ` "${formatPath(top.path)}"` : ''} har för många element: högst ${swedishNumber(limits.maxArrayItems)} tillåts.`,
          ...(field && { field }),
        }
      }
    }
    if (c === '{' || c === '[') {
      const path = childPath()
      if (stack.length >= limits.maxDepth) {
        const field = path.join('.')
        return {
          kind: 'depth',
          message: `JSON-strukturen är för djupt nästlad${field ? ` vid "${formatPath(path)}"` : ''}: högst ${limits.maxDepth} nivåer tillåts.`,
          ...(field && { field }),
        }
      }
      stack.push({ type: c === '{' ? 'object' : 'array', path, keys: c === '{' ? new Set() : null, count: 0, key: null })
      state = c === '{' ? 'keyOrEnd' : 'valueOrEnd'
      i++
      continue
    }
    if (c === '"') {
      const read = readString(i)
      if ('kind' in read) return read
      if (read.chars > limits.maxStringChars) return tooLong(childPath(), read.chars)
      i = read.end
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i
      const match = NUMBER.exec(text)
      if (!match) return syntax(i, text.startsWith('-Infinity', i) ? '-Infinity är inget giltigt tal i JSON' : `ett ogiltigt tal`)
      i += match[0].length
    } else if (text.startsWith('true', i) || text.startsWith('null', i)) {
      i += 4
    } else if (text.startsWith('false', i)) {
      i += 5
    } else if (text.startsWith('NaN', i) || text.startsWith('Infinity', i)) {
      return syntax(i, `${text.startsWith('NaN', i) ? 'NaN' : 'Infinity'} är inget giltigt tal i JSON`)
    } else if (c === "'") {
      return syntax(i, 'text ska stå inom dubbla citattecken ("…"), inte enkla')
    } else {
      return syntax(i, `ett värde väntades men ${describeChar(c)} stod där`)
    }
    state = 'after'
  }
}
