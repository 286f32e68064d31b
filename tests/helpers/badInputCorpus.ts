/**
 * A corpus of bad requests to the REST API and the content API (`/v1`): each
 * one is refused with a 4xx and a Swedish message (naming the field when
 * there is one), or, where the input is legitimate plain text, accepted and
 * stored as inert text. Data only: tests/int/badInput.test.ts sends them.
 *
 * Per-field decision on HTML and script (documented in the report and here):
 * - plain-text fields (titles, teasers, bullets, notes, notices, names,
 *   comments) accept `<`, `>` and `"` as text, because "Barn < 18 år" is
 *   legitimate; they are stored verbatim and every output escapes them
 *   (React, `escapeHtml`), so script never runs (tests/e2e/scriptInjection.spec.ts);
 * - structured fields (slug, URLs, indicator codes, Kalmar's value, e-mail,
 *   dates, years, percentages) refuse anything outside their format.
 */

export type Role = 'editor' | 'admin' | 'reviewer' | 'anonymous'
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

/** The field a message must name: its path or its Swedish label. */
export type FieldRef = { path: string; label?: string }

export type Refused = {
  accepted?: false
  /** Inclusive range; default 400–499. */
  status?: readonly [number, number]
  /** The field the Swedish message must name, or null when none applies (then it says what is wrong). */
  field: FieldRef | null
}

export type Accepted = {
  accepted: true
  status: number
  /** Why this input is legitimate. */
  why: string
  /** Fields of the response's `doc` that must equal what was sent (stored as inert text). */
  storedVerbatim?: Record<string, string>
}

export type BadInputCase = {
  name: string
  method: Method
  /** Under `/api`; `/v1/…` goes to the public content API. */
  path: `/${string}`
  as?: Role
  /** A null value removes the header (the default is Content-Type: application/json). */
  headers?: Record<string, string | null>
  body?: string | object | Uint8Array
  expect: Refused | Accepted
}

/** Documents the corpus refers to, made by the test before it runs. */
export type CorpusFixture = {
  areaId: number | string
  /** The area's revision (optimistic concurrency): an update must name the one it builds on. */
  areaRevision: number | undefined
  /** Ids that do not exist but have the right form for the adapter. */
  missingId: string
  sectionId: number | string
  linkId: number | string
  linkTitle: string
  noticeId: number | string
  indicatorId: number | string
  indicatorCode: string
  webhookId: number | string
  editorId: number | string
  editorEmail: string
}

const F = {
  title: { path: 'title', label: 'Titel' },
  slug: { path: 'slug', label: 'Adress (slug)' },
  teaser: { path: 'teaser', label: 'Ingress i länklistor' },
  intro: { path: 'intro', label: 'Inledning' },
  body: { path: 'body', label: 'Innehåll' },
  surveyYear: { path: 'surveyYear', label: 'Undersökningsår' },
  bullets: { path: 'bullets', label: 'Resultatpunkter' },
  national: { path: 'national', label: 'Nationellt resultat' },
  code: { path: 'code', label: 'Kod' },
  nationalPercent: { path: 'nationalPercent', label: 'Andel kommuner (%)' },
  localValue: { path: 'localValue', label: 'Kommunens värde' },
  url: { path: 'url', label: 'Adress (URL)' },
  reviewBy: { path: 'reviewBy', label: 'Ses över senast' },
  owner: { path: 'owner', label: 'Sidansvarig' },
  section: { path: 'section', label: 'Avsnitt' },
  surveyCycleYears: { path: 'surveyCycleYears', label: 'Undersöks' },
  members: { path: 'members', label: 'Sidor i avsnittet (i ordning)' },
  startsAt: { path: 'startsAt', label: 'Visas från' },
  endsAt: { path: 'endsAt', label: 'Visas till' },
  scope: { path: 'scope', label: 'Visas på' },
  noticeText: { path: 'text', label: 'Meddelande' },
  name: { path: 'name', label: 'Namn' },
  email: { path: 'email', label: 'E-post' },
  password: { path: 'password', label: 'Lösenord' },
  roles: { path: 'roles', label: 'Roller' },
  events: { path: 'events', label: 'Händelser' },
  webhookUrl: { path: 'url', label: 'Adress' },
  commentText: { path: 'text', label: 'Kommentar' },
  // The workflow calls a transition an "åtgärd" (the buttons in the edit view).
  transition: { path: 'transition', label: 'åtgärd' },
  comment: { path: 'comment', label: 'Kommentar' },
  publishAt: { path: 'publishAt' },
  // Refused by the four-eyes rule, which explains why the page cannot be published.
  status: { path: '_status', label: 'publicera' },
} satisfies Record<string, FieldRef>

const SCRIPT = '<script>alert(1)</script>'
const IMG = '<img src=x onerror=alert(1)>'
const MB = 1024 * 1024

const bullet = (overrides: Record<string, unknown> = {}) => ({ national: 'Nationellt resultat', local: 'Kalmars svar', ...overrides })
const resultSet = (overrides: Record<string, unknown> = {}, bulletOverrides?: Record<string, unknown>) => ({
  blockType: 'resultSet',
  surveyYear: 2023,
  lead: 'visar att',
  bullets: [bullet(bulletOverrides)],
  ...overrides,
})
let counter = 0
const unique = (prefix: string) => `${prefix}-${++counter}`

/** A complete, valid area with a slug of its own (so one wrongly accepted case cannot make the next fail for its slug): each case changes one thing. */
const area = (overrides: Record<string, unknown> = {}) => ({
  title: 'Korpus',
  slug: unique('korpus-sida'),
  teaser: 'Ingress',
  body: [resultSet()],
  ...overrides,
})
const lexical = (text: string, extra: object[] = []) => ({
  root: {
    type: 'root',
    version: 1,
    direction: 'ltr',
    format: '',
    indent: 0,
    children: [
      {
        type: 'paragraph',
        version: 1,
        direction: 'ltr',
        format: '',
        indent: 0,
        textFormat: 0,
        children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }, ...extra],
      },
    ],
  },
})
const nested = (depth: number, leaf = '1') => '{"a":'.repeat(depth) + leaf + '}'.repeat(depth)
const nestedArrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth)

const refused = (field: FieldRef | null, status?: readonly [number, number]): Refused => ({ field, ...(status && { status }) })
const notFound = refused(null, [404, 404])
const forbidden = refused(null, [401, 403])

export function badInputCorpus(f: CorpusFixture): BadInputCase[] {
  const createArea = (name: string, body: object, field: FieldRef | null, extra: Partial<BadInputCase> = {}): BadInputCase => ({
    name: `POST /areas: ${name}`,
    method: 'POST',
    path: '/areas?draft=true',
    body,
    expect: refused(field),
    ...extra,
  })
  const rawArea = (name: string, body: string | Uint8Array, expect: Refused, headers?: Record<string, string | null>): BadInputCase => ({
    name: `POST /areas: ${name}`,
    method: 'POST',
    path: '/areas?draft=true',
    body,
    expect,
    ...(headers && { headers }),
  })
  const updateArea = (name: string, body: object, field: FieldRef | null): BadInputCase => ({
    name: `PATCH /areas/:id: ${name}`,
    method: 'PATCH',
    path: `/areas/${f.areaId}?draft=true`,
    body: { ...(f.areaRevision !== undefined && { revision: f.areaRevision }), ...body },
    expect: refused(field),
  })
  const get = (name: string, path: `/${string}`, expect: Refused, as?: Role): BadInputCase => ({ name: `GET ${name}`, method: 'GET', path, expect, ...(as && { as }) })
  const workflow = (name: string, body: object | string | undefined, expect: Refused, as?: Role): BadInputCase => ({
    name: `POST /areas/:id/workflow: ${name}`,
    method: 'POST',
    path: `/areas/${f.areaId}/workflow`,
    ...(body !== undefined && { body }),
    expect,
    ...(as && { as }),
  })
  const acceptedArea = (name: string, overrides: Record<string, unknown>, storedVerbatim: Record<string, string>): BadInputCase => ({
    name: `POST /areas (accepted as text): ${name}`,
    method: 'POST',
    path: '/areas?draft=true',
    body: area({ slug: unique('korpus-text'), ...overrides }),
    expect: { accepted: true, status: 201, why: 'plain text; stored verbatim and escaped on output', storedVerbatim },
  })

  const cases: BadInputCase[] = [
    // ── Transport: syntax, encoding, size, shape ───────────────────────────────
    rawArea('malformed JSON (missing value)', '{"title": "Hej", "slug":}', refused(null)),
    rawArea('malformed JSON (cut off)', '{"title": "Hej",', refused(null)),
    rawArea('malformed JSON (trailing comma)', '{"title": "Hej",}', refused(null)),
    rawArea('single-quoted JSON', "{'title': 'Hej'}", refused(null)),
    rawArea('unquoted keys', '{title: "Hej"}', refused(null)),
    rawArea('NaN literal as surveyYear', '{"title":"Hej","body":[{"blockType":"resultSet","surveyYear":NaN}]}', refused(null)),
    rawArea('Infinity literal as a percentage', '{"title":"Hej","body":[{"blockType":"resultSet","surveyYear":2023,"bullets":[{"national":"x","indicator":{"nationalPercent":Infinity}}]}]}', refused(null)),
    rawArea('-Infinity literal', '{"title":"Hej","teaser":-Infinity}', refused(null)),
    rawArea('raw control character in a string', '{"title":"Hej\u0001då"}', refused(null)),
    rawArea('invalid escape in a string', '{"title":"Hej\\x41"}', refused(null)),
    rawArea('two JSON documents', '{"title":"A"}{"title":"B"}', refused(null)),
    rawArea('whitespace only', '   \n  ', refused(F.title)),
    rawArea('empty body', '', refused(F.title)),
    rawArea('JSON with a byte order mark', `\uFEFF${JSON.stringify(area())}`, refused(null)),
    rawArea('duplicate key "title"', '{"title":"A","slug":"korpus-dubbel","title":"B"}', refused(F.title)),
    rawArea('duplicate key inside a block', '{"title":"A","body":[{"blockType":"resultSet","surveyYear":2023,"surveyYear":2024}]}', refused(F.surveyYear)),
    rawArea('top level is an array', JSON.stringify([area()]), refused(null)),
    rawArea('top level is a string', '"hej"', refused(null)),
    rawArea('top level is null', 'null', refused(null)),
    rawArea('top level is a number', '42', refused(null)),
    rawArea('10 MB body', JSON.stringify(area({ teaser: 'x'.repeat(10 * MB) })), refused(null, [413, 413])),
    rawArea('10 MB of whitespace around a valid body', `${' '.repeat(10 * MB)}${JSON.stringify(area())}`, refused(null, [413, 413])),
    rawArea('10 MB body declared in Content-Length', JSON.stringify(area({ teaser: 'x'.repeat(10 * MB) })), refused(null, [413, 413]), {
      'Content-Length': String(10 * MB + 80),
    }),
    rawArea('1 MB string in the intro rich text', JSON.stringify(area({ intro: lexical('x'.repeat(MB)) })), refused(F.intro)),
    rawArea('nesting depth 10 000 in the intro', `{"title":"Hej","intro":${nested(10_000)}}`, refused(F.intro)),
    rawArea('nesting depth 10 000 of arrays in body', `{"title":"Hej","body":${nestedArrays(10_000)}}`, refused(F.body)),
    rawArea('nesting depth 150 in a block', `{"title":"Hej","body":[{"blockType":"note","text":${nested(150, '"x"')}}]}`, refused(F.body)),
    rawArea('100 000 items in body', JSON.stringify(area({ body: Array.from({ length: 100_000 }, () => ({})) })), refused(F.body)),
    rawArea('100 000 bullets', JSON.stringify(area({ body: [resultSet({ bullets: Array.from({ length: 100_000 }, () => 0) })] })), refused(F.bullets)),
    rawArea('invalid UTF-8 bytes', new Uint8Array([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), refused(null)),

    // ── Content types ──────────────────────────────────────────────────────────
    rawArea('text/plain', JSON.stringify(area()), refused(null, [415, 415]), { 'Content-Type': 'text/plain' }),
    rawArea('application/xml', '<area><title>Hej</title></area>', refused(null, [415, 415]), { 'Content-Type': 'application/xml' }),
    rawArea('no Content-Type', JSON.stringify(area()), refused(null, [415, 415]), { 'Content-Type': null }),
    rawArea('application/x-www-form-urlencoded', 'title=Hej&slug=hej', refused(null, [415, 415]), { 'Content-Type': 'application/x-www-form-urlencoded' }),
    rawArea('JSON in latin1', JSON.stringify(area()), refused(null, [415, 415]), { 'Content-Type': 'application/json; charset=latin1' }),
    rawArea('multipart garbage', 'this is not multipart at all', refused(null), { 'Content-Type': 'multipart/form-data; boundary=----korpus' }),
    rawArea('multipart without a boundary', '--x\r\n\r\n', refused(null), { 'Content-Type': 'multipart/form-data' }),
    rawArea(
      'multipart with malformed JSON in _payload',
      '------korpus\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{"title": "Hej",\r\n------korpus--\r\n',
      refused({ path: '_payload' }),
      { 'Content-Type': 'multipart/form-data; boundary=----korpus' },
    ),
    rawArea(
      'multipart with a file whose name climbs out (../../etc/passwd)',
      '------korpus\r\nContent-Disposition: form-data; name="file"; filename="../../etc/passwd"\r\nContent-Type: text/plain\r\n\r\nroot:x:0:0\r\n------korpus--\r\n',
      refused({ path: 'file' }),
      { 'Content-Type': 'multipart/form-data; boundary=----korpus' },
    ),
    rawArea(
      'multipart with nesting depth 10 000 in _payload',
      `------korpus\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{"title":"Hej","intro":${nested(10_000)}}\r\n------korpus--\r\n`,
      refused(F.intro),
      { 'Content-Type': 'multipart/form-data; boundary=----korpus' },
    ),
    rawArea('upper-case Application/JSON is read (and the missing title named)', JSON.stringify({ slug: 'korpus-versaler' }), refused(F.title), {
      'Content-Type': 'Application/JSON',
    }),

    // ── Unknown fields and operator injection in data ─────────────────────────
    createArea('unknown field', area({ hacked: true }), { path: 'hacked' }),
    createArea('Mongo operator as a field ($set)', area({ $set: { title: 'x' } }), { path: '$set' }),
    rawArea('__proto__ as a field', `{"title":"Hej","slug":"korpus-proto","__proto__":{"roles":["admin"]}}`, refused({ path: '__proto__' })),
    createArea('constructor as a field', area({ constructor: { prototype: { admin: true } } }), { path: 'constructor' }),
    createArea('Mongo operator as the title', area({ title: { $ne: null } }), F.title),
    createArea('Mongo operator as the slug', area({ slug: { $gt: '' } }), F.slug),
    createArea('Mongo operator as the section', area({ section: { $ne: null } }), F.section),
    createArea('Mongo operator as an indicator code', area({ body: [resultSet({}, { indicator: { code: { $ne: null } } })] }), F.code),
    createArea('editor sets _status published', area({ _status: 'published' }), F.status, { path: '/areas' }),
    createArea('text section with a javascript: link', area({ body: [resultSet(), { blockType: 'textSection', content: lexical('Se', [{ type: 'link', version: 3, fields: { url: ' java\tscript:alert(1)', linkType: 'custom' }, children: [] }]) }] }), { path: 'content', label: 'Text' }),

    // ── Areas: title, slug, teaser ─────────────────────────────────────────────
    createArea('title missing', area({ title: undefined }), F.title),
    createArea('title null', area({ title: null }), F.title),
    createArea('title empty', area({ title: '' }), F.title),
    createArea('title a number', area({ title: 123 }), F.title),
    createArea('title an array', area({ title: ['a', 'b'] }), F.title),
    createArea('title 10 000 characters', area({ title: 'T'.repeat(10_000) }), F.title),
    createArea('slug with path traversal (../../etc/passwd)', area({ slug: '../../etc/passwd' }), F.slug),
    createArea('slug with encoded traversal (..%2f..%2fadmin)', area({ slug: '..%2f..%2fadmin' }), F.slug),
    createArea('slug with upper case and spaces', area({ slug: 'Min Sida' }), F.slug),
    createArea('slug with script', area({ slug: SCRIPT }), F.slug),
    createArea('slug a number', area({ slug: 5 }), F.slug),
    createArea('slug with a null byte', area({ slug: 'korpus\u0000sida' }), F.slug),
    createArea('teaser over 300 characters', area({ teaser: 'I'.repeat(301) }), F.teaser),
    createArea('teaser an object', area({ teaser: { html: SCRIPT } }), F.teaser),

    // ── Areas: rich text ───────────────────────────────────────────────────────
    createArea('intro a string of HTML', area({ intro: `<p>${SCRIPT}</p>` }), F.intro),
    createArea('intro without a root', area({ intro: { html: SCRIPT } }), F.intro),
    createArea('intro root not an object', area({ intro: { root: SCRIPT } }), F.intro),
    createArea('intro link to javascript:', area({ intro: lexical('Läs mer', [{ type: 'link', version: 3, fields: { url: 'javascript:alert(1)', linkType: 'custom' }, children: [{ type: 'text', version: 1, text: 'här', format: 0, detail: 0, mode: 'normal', style: '' }] }]) }), F.intro),
    createArea('text section content missing', area({ body: [{ blockType: 'textSection', heading: 'Rubrik' }] }), { path: 'content', label: 'Text' }),

    // ── Areas: body blocks ─────────────────────────────────────────────────────
    createArea('body not a list', area({ body: 'hej' }), F.body),
    createArea('block of unknown type', area({ body: [{ blockType: 'script', text: SCRIPT }] }), F.body),
    createArea('block without blockType', area({ body: [{ surveyYear: 2023 }] }), F.body),
    createArea('surveyYear 0', area({ body: [resultSet({ surveyYear: 0 })] }), F.surveyYear),
    createArea('surveyYear 9999', area({ body: [resultSet({ surveyYear: 9999 })] }), F.surveyYear),
    createArea('surveyYear 1799', area({ body: [resultSet({ surveyYear: 1799 })] }), F.surveyYear),
    createArea('surveyYear -0', area({ body: [resultSet({ surveyYear: -0 })] }), F.surveyYear),
    createArea('surveyYear 2023.5', area({ body: [resultSet({ surveyYear: 2023.5 })] }), F.surveyYear),
    // A set sent without a year gets this year (the field's default, so a new set's header names one
    // at once): tests/int/areas.test.ts. A year that is sent must be a real one:
    createArea('surveyYear "tjugotjugotre"', area({ body: [resultSet({ surveyYear: 'tjugotjugotre' })] }), F.surveyYear),
    rawArea('surveyYear 1e400 (Infinity after parsing)', '{"title":"Hej","slug":"korpus-inf","body":[{"blockType":"resultSet","surveyYear":1e400,"lead":"visar att","bullets":[]}]}', refused(F.surveyYear)),
    createArea('the same surveyYear twice', area({ body: [resultSet(), resultSet()] }), F.surveyYear),
    createArea('lead not an option', area({ body: [resultSet({ lead: SCRIPT })] }), { path: 'lead', label: 'Inledning' }),
    createArea('bullets not a list', area({ body: [resultSet({ bullets: 'punkt' })] }), F.bullets),
    createArea('bullet without national finding', area({ body: [resultSet({}, { national: undefined })] }), F.national),
    createArea('national finding of 50 000 characters', area({ body: [resultSet({}, { national: 'N'.repeat(50_000) })] }), F.national),
    createArea('nationalPercent 101', area({ body: [resultSet({}, { indicator: { nationalPercent: 101 } })] }), F.nationalPercent),
    createArea('nationalPercent -1', area({ body: [resultSet({}, { indicator: { nationalPercent: -1 } })] }), F.nationalPercent),
    createArea('nationalPercent "50%"', area({ body: [resultSet({}, { indicator: { nationalPercent: '50%' } })] }), F.nationalPercent),
    createArea('nationalPercent "NaN"', area({ body: [resultSet({}, { indicator: { nationalPercent: 'NaN' } })] }), F.nationalPercent),
    createArea('nationalPercent an object', area({ body: [resultSet({}, { indicator: { nationalPercent: { $gt: 1 } } })] }), F.nationalPercent),
    createArea('Kalmar\'s value "kanske"', area({ body: [resultSet({}, { indicator: { localValue: 'kanske' } })] }), F.localValue),
    createArea('Kalmar\'s value "150 %"', area({ body: [resultSet({}, { indicator: { localValue: '150 %' } })] }), F.localValue),
    createArea('Kalmar\'s value with script', area({ body: [resultSet({}, { indicator: { localValue: SCRIPT } })] }), F.localValue),
    createArea('unknown indicator code', area({ body: [resultSet({}, { indicator: { code: 'FINNS-INTE' } })] }), F.code),
    createArea('indicator code with SQL', area({ body: [resultSet({}, { indicator: { code: "X'; DROP TABLE areas;--" } })] }), F.code),

    // ── Areas: links, dates, relations, selects ────────────────────────────────
    createArea('other link to javascript:', area({ otherLinks: [{ title: 'Klicka', url: 'javascript:alert(1)' }] }), F.url),
    createArea('other link to a data: URL', area({ otherLinks: [{ title: 'Klicka', url: `data:text/html,${SCRIPT}` }] }), F.url),
    createArea('other link protocol-relative (//evil.example)', area({ otherLinks: [{ title: 'Klicka', url: '//evil.example/x' }] }), F.url),
    createArea('other link with a backslash (/\\evil.example)', area({ otherLinks: [{ title: 'Klicka', url: '/\\evil.example' }] }), F.url),
    createArea('other link with a space', area({ otherLinks: [{ title: 'Klicka', url: 'https://kalmar .se' }] }), F.url),
    createArea('other link without a title', area({ otherLinks: [{ url: 'https://kalmar.se' }] }), { path: 'title', label: 'Rubrik' }),
    createArea('reviewBy 2023-02-30', area({ reviewBy: '2023-02-30' }), F.reviewBy),
    createArea('reviewBy 2023-13-01', area({ reviewBy: '2023-13-01' }), F.reviewBy),
    createArea('reviewBy "nästa vecka"', area({ reviewBy: 'nästa vecka' }), F.reviewBy),
    createArea('reviewBy a number', area({ reviewBy: 1_700_000_000_000 }), F.reviewBy),
    createArea('owner that does not exist', area({ owner: f.missingId }), F.owner),
    createArea('section that does not exist', area({ section: f.missingId }), F.section),
    createArea('surveyCycleYears "3"', area({ surveyCycleYears: '3' }), F.surveyCycleYears),

    // ── Areas: update ──────────────────────────────────────────────────────────
    updateArea('title emptied', { title: '' }, F.title),
    updateArea('slug with traversal', { slug: '../users' }, F.slug),
    updateArea('surveyYear 1799', { body: [resultSet({ surveyYear: 1799 })] }, F.surveyYear),
    updateArea('unknown field', { isAdmin: true }, { path: 'isAdmin' }),
    updateArea('Mongo operator as the teaser', { teaser: { $where: 'sleep(1000)' } }, F.teaser),
    {
      name: 'PATCH /areas/:id: 10 MB body',
      method: 'PATCH',
      path: `/areas/${f.areaId}?draft=true`,
      body: JSON.stringify({ teaser: 'x'.repeat(10 * MB) }),
      expect: refused(null, [413, 413]),
    },
    { name: 'PATCH /areas (bulk) with an invalid title', method: 'PATCH', path: '/areas?where[id][exists]=true&draft=true', body: { title: '' }, expect: refused(F.title) },
    { name: 'PATCH /areas (bulk) with $where in where', method: 'PATCH', path: '/areas?where[title][$where]=1', body: { teaser: 'x' }, expect: refused({ path: '$where' }) },

    // ── Ids and paths ──────────────────────────────────────────────────────────
    get('/areas/:id that does not exist', `/areas/${f.missingId}`, notFound),
    get('/areas/abc (id of the wrong form)', '/areas/abc', notFound),
    get('/areas/%00', '/areas/%00', notFound),
    get('/areas/..%2fusers', '/areas/..%2fusers', notFound),
    get('/areas/1%20OR%201=1', '/areas/1%20OR%201=1', notFound),
    get('/areas/%3Cscript%3E', '/areas/%3Cscript%3Ealert(1)%3C%2Fscript%3E', notFound),
    get('/finns-inte (unknown collection)', '/finns-inte', notFound),
    get('/areas/:id/finns-inte (unknown endpoint)', `/areas/${f.areaId}/finns-inte/mer`, notFound),
    { name: 'PATCH /areas/abc', method: 'PATCH', path: '/areas/abc', body: { title: 'Hej' }, expect: notFound },
    { name: 'DELETE /areas/abc as admin', method: 'DELETE', path: '/areas/abc', as: 'admin', expect: notFound },
    { name: 'DELETE /areas/:id as editor', method: 'DELETE', path: `/areas/${f.areaId}`, expect: forbidden },
    { name: 'POST /areas as reviewer', method: 'POST', path: '/areas', as: 'reviewer', body: area({ slug: 'korpus-granskare' }), expect: forbidden },
    { name: 'POST /areas anonymously', method: 'POST', path: '/areas', as: 'anonymous', body: area({ slug: 'korpus-anonym' }), expect: forbidden },

    // ── Query parameters and where injection ───────────────────────────────────
    get('/areas?depth=999', '/areas?depth=999', refused({ path: 'depth' })),
    get('/areas?depth=-1', '/areas?depth=-1', refused({ path: 'depth' })),
    get('/areas?limit=-1', '/areas?limit=-1', refused({ path: 'limit' })),
    get('/areas?limit=abc', '/areas?limit=abc', refused({ path: 'limit' })),
    get('/areas?page=0', '/areas?page=0', refused({ path: 'page' })),
    get('/areas?page=-3', '/areas?page=-3', refused({ path: 'page' })),
    get('/areas?sort=title;DROP TABLE areas', '/areas?sort=title%3BDROP%20TABLE%20areas', refused({ path: 'sort' })),
    get('/areas?sort=finns-inte', '/areas?sort=finnsInte', refused({ path: 'finnsInte' })),
    get('/areas?where[title][$where]=…', '/areas?where[title][$where]=sleep(1000)', refused({ path: '$where' })),
    get('/areas?where[or][0][$ne]=…', '/areas?where[or][0][$ne]=1', refused({ path: '$ne' })),
    get('/areas?where[$where]=…', "/areas?where[$where]=this.title%3D%3D'x'", refused({ path: '$where' })),
    get('/areas?where[title][equals][$gt]=', '/areas?where[title][equals][$gt]=', refused({ path: 'equals' })),
    get('/areas?where[title]=x (no operator)', '/areas?where[title]=x', refused({ path: 'title' })),
    get('/areas?where[title][regex]=.* (unknown operator)', '/areas?where[title][regex]=.*', refused({ path: 'regex' })),
    get('/areas?where=<malformed JSON>', '/areas?where=%7B%22title%22%3A', refused({ path: 'where' })),
    get('/areas?where={"title":{"$ne":null}} (JSON)', '/areas?where=%7B%22title%22%3A%7B%22%24ne%22%3Anull%7D%7D', refused({ path: '$ne' })),
    get('/areas?where[finnsInte][equals]=1 (unknown field)', '/areas?where[finnsInte][equals]=1', refused({ path: 'finnsInte' })),
    get('/notices?where[createdAt][less_than_equal]=Kalmar (not a date)', '/notices?where[createdAt][less_than_equal]=Kalmar', refused({ path: 'createdAt' })),
    get('/indicators?where[name][near]=15.3,56.6 (map operator on text)', '/indicators?where[name][near]=15.3%2C56.6', refused({ path: 'near' })),
    get('/notices?where[section.members][not_equals]=… (through a polymorphic relationship)', '/notices?where[section.members][not_equals]=x&sort=section.members', refused(null)),
    get('/users?where[hash][exists]=true (hidden field)', '/users?where[hash][exists]=true', refused({ path: 'hash' }), 'admin'),
    get('/users?where[password][equals]=x', '/users?where[password][equals]=x', refused({ path: 'password' }), 'admin'),
    {
      name: "GET /areas?where[title][equals]='; DROP TABLE areas;-- (a search for odd text)",
      method: 'GET',
      path: "/areas?where[title][equals]='%3B%20DROP%20TABLE%20areas%3B--",
      expect: { accepted: true, status: 200, why: 'a valid query for text no title has; parameters are bound, nothing is executed' },
    },
    {
      name: "GET /areas?where[slug][like]=%' OR 1=1 --",
      method: 'GET',
      path: "/areas?where[slug][like]=%25'%20OR%201%3D1%20--",
      expect: { accepted: true, status: 200, why: 'a valid search; bound as a parameter' },
    },

    // ── Workflow, preview and quality endpoints ────────────────────────────────
    workflow('unknown transition', { transition: 'hack' }, refused(F.transition)),
    workflow('missing body', undefined, refused(null)),
    workflow('empty object', {}, refused(F.transition)),
    workflow('transition a number', { transition: 42 }, refused(F.transition)),
    workflow('body is a list', '[]', refused(null)),
    workflow('malformed JSON', '{"transition": ', refused(null)),
    workflow('comment of 6 000 characters', { transition: 'submit', comment: 'K'.repeat(6000) }, refused(F.comment)),
    workflow('anonymous', { transition: 'submit' }, forbidden, 'anonymous'),
    { name: 'POST /areas/abc/workflow', method: 'POST', path: '/areas/abc/workflow', body: { transition: 'submit' }, expect: notFound },
    get('/areas/abc/preview', '/areas/abc/preview', notFound),
    get('/areas/:id/preview anonymously', `/areas/${f.areaId}/preview`, forbidden, 'anonymous'),
    get('/areas/abc/quality', '/areas/abc/quality', notFound),
    get('/areas/:id/quality anonymously', `/areas/${f.areaId}/quality`, forbidden, 'anonymous'),

    // ── Sections, links, notices, indicators ───────────────────────────────────
    { name: 'POST /sections: title missing', method: 'POST', path: '/sections', body: { slug: 'korpus-avsnitt' }, expect: refused(F.title) },
    { name: 'POST /sections: slug traversal', method: 'POST', path: '/sections', body: { title: 'Avsnitt', slug: '../../x' }, expect: refused(F.slug) },
    { name: 'POST /sections: member of another collection', method: 'POST', path: '/sections', body: { title: 'Avsnitt', slug: 'korpus-avsnitt', members: [{ relationTo: 'users', value: f.editorId }] }, expect: refused(F.members) },
    { name: 'POST /sections: member that does not exist', method: 'POST', path: '/sections', body: { title: 'Avsnitt', slug: 'korpus-avsnitt', members: [{ relationTo: 'areas', value: f.missingId }] }, expect: refused(F.members) },
    { name: 'POST /sections: 100 000 members', method: 'POST', path: '/sections', body: { title: 'Avsnitt', slug: 'korpus-avsnitt', members: Array.from({ length: 100_000 }, () => f.areaId) }, expect: refused(F.members) },
    { name: 'PATCH /sections/:id: slug with script', method: 'PATCH', path: `/sections/${f.sectionId}`, body: { slug: SCRIPT }, expect: refused(F.slug) },
    { name: 'POST /links: javascript: URL', method: 'POST', path: '/links', body: { title: 'Länk korpus', url: 'javascript:alert(document.cookie)' }, expect: refused(F.url) },
    { name: 'POST /links: vbscript: URL', method: 'POST', path: '/links', body: { title: 'Länk korpus', url: 'vbscript:msgbox(1)' }, expect: refused(F.url) },
    { name: 'POST /links: protocol-relative URL', method: 'POST', path: '/links', body: { title: 'Länk korpus', url: '//evil.example' }, expect: refused(F.url) },
    { name: 'POST /links: title already used', method: 'POST', path: '/links', body: { title: f.linkTitle, url: 'https://kalmar.se' }, expect: refused(F.title) },
    { name: 'POST /links: teaser over 300 characters', method: 'POST', path: '/links', body: { title: 'Länk korpus', teaser: 'x'.repeat(301) }, expect: refused(F.teaser) },
    { name: 'PATCH /links/:id: URL an object', method: 'PATCH', path: `/links/${f.linkId}`, body: { url: { $ne: '' } }, expect: refused(F.url) },
    { name: 'POST /notices: startsAt 2023-02-30', method: 'POST', path: '/notices', body: { text: 'Meddelande', startsAt: '2023-02-30' }, expect: refused(F.startsAt) },
    { name: 'POST /notices: startsAt "igår"', method: 'POST', path: '/notices', body: { text: 'Meddelande', startsAt: 'igår' }, expect: refused(F.startsAt) },
    { name: 'POST /notices: endsAt before startsAt', method: 'POST', path: '/notices', body: { text: 'Meddelande', startsAt: '2030-01-02T00:00:00Z', endsAt: '2030-01-01T00:00:00Z' }, expect: refused(F.endsAt) },
    { name: 'POST /notices: endsAt 2023-04-31', method: 'POST', path: '/notices', body: { text: 'Meddelande', startsAt: '2023-04-01', endsAt: '2023-04-31' }, expect: refused(F.endsAt) },
    { name: 'POST /notices: scope "planet"', method: 'POST', path: '/notices', body: { text: 'Meddelande', scope: 'planet' }, expect: refused(F.scope) },
    { name: 'POST /notices: section scope without a section', method: 'POST', path: '/notices', body: { text: 'Meddelande', scope: 'section' }, expect: refused(F.section) },
    { name: 'POST /notices: text missing', method: 'POST', path: '/notices', body: { scope: 'site' }, expect: refused(F.noticeText) },
    { name: 'PATCH /notices/:id: startsAt year 0', method: 'PATCH', path: `/notices/${f.noticeId}`, body: { startsAt: '0000-01-01T00:00:00Z' }, expect: refused(F.startsAt) },
    { name: 'POST /indicators: lower-case code', method: 'POST', path: '/indicators', body: { code: 'esl', name: 'ESL' }, expect: refused(F.code) },
    { name: 'POST /indicators: code with traversal', method: 'POST', path: '/indicators', body: { code: '../X', name: 'ESL' }, expect: refused(F.code) },
    { name: 'POST /indicators: code already used', method: 'POST', path: '/indicators', body: { code: f.indicatorCode, name: 'ESL' }, expect: refused(F.code) },
    { name: 'POST /indicators: name missing', method: 'POST', path: '/indicators', body: { code: 'KORPUS-1' }, expect: refused(F.name) },
    { name: 'POST /indicators: area of the wrong form', method: 'POST', path: '/indicators', body: { code: 'KORPUS-2', name: 'ESL', area: 'abc' }, expect: refused({ path: 'area', label: 'Jämförelseområde' }) },
    { name: 'PATCH /indicators/:id: surveyCycleYears 7', method: 'PATCH', path: `/indicators/${f.indicatorId}`, body: { surveyCycleYears: '7' }, expect: refused(F.surveyCycleYears) },

    // ── Comments, users, webhooks ──────────────────────────────────────────────
    { name: 'POST /comments: text missing', method: 'POST', path: '/comments', body: { collectionSlug: 'areas', documentId: String(f.areaId) }, expect: refused(F.commentText) },
    { name: 'POST /comments: text of 50 000 characters', method: 'POST', path: '/comments', body: { collectionSlug: 'areas', documentId: String(f.areaId), text: 'k'.repeat(50_000) }, expect: refused(F.commentText) },
    { name: 'POST /comments: documentId an object', method: 'POST', path: '/comments', body: { collectionSlug: 'areas', documentId: { $ne: null }, text: 'Hej' }, expect: refused({ path: 'documentId', label: 'Dokument-id' }) },
    { name: 'POST /users as editor', method: 'POST', path: '/users', body: { email: 'ny@kalmar.example', password: 'Lösenord-12345', name: 'Ny' }, expect: forbidden },
    { name: 'POST /users: e-mail without @', method: 'POST', path: '/users', as: 'admin', body: { email: 'inte-en-adress', password: 'Lösenord-12345', name: 'Ny', roles: ['editor'] }, expect: refused(F.email) },
    { name: 'POST /users: e-mail with script', method: 'POST', path: '/users', as: 'admin', body: { email: `a${SCRIPT}@kalmar.example`, password: 'Lösenord-12345', name: 'Ny', roles: ['editor'] }, expect: refused(F.email) },
    { name: 'POST /users: e-mail already used', method: 'POST', path: '/users', as: 'admin', body: { email: f.editorEmail, password: 'Lösenord-12345', name: 'Ny', roles: ['editor'] }, expect: refused(F.email) },
    { name: 'POST /users: password missing', method: 'POST', path: '/users', as: 'admin', body: { email: 'ny1@kalmar.example', name: 'Ny', roles: ['editor'] }, expect: refused(F.password) },
    { name: 'POST /users: role "superuser"', method: 'POST', path: '/users', as: 'admin', body: { email: 'ny2@kalmar.example', password: 'Lösenord-12345', name: 'Ny', roles: ['superuser'] }, expect: refused(F.roles) },
    { name: 'POST /users: roles a string', method: 'POST', path: '/users', as: 'admin', body: { email: 'ny3@kalmar.example', password: 'Lösenord-12345', name: 'Ny', roles: 'admin' }, expect: refused(F.roles) },
    { name: 'POST /users: name missing', method: 'POST', path: '/users', as: 'admin', body: { email: 'ny4@kalmar.example', password: 'Lösenord-12345', roles: ['editor'] }, expect: refused(F.name) },
    { name: 'PATCH /users/:id: editor makes themself admin', method: 'PATCH', path: `/users/${f.editorId}`, body: { roles: ['admin'] }, expect: refused(F.roles, [400, 403]) },
    { name: 'PATCH /users/:id: e-mail an object', method: 'PATCH', path: `/users/${f.editorId}`, body: { email: { $ne: null } }, expect: refused(F.email) },
    { name: 'POST /webhooks: file: URL', method: 'POST', path: '/webhooks', as: 'admin', body: { url: 'file:///etc/passwd', events: ['area.published'] }, expect: refused(F.webhookUrl) },
    { name: 'POST /webhooks: javascript: URL', method: 'POST', path: '/webhooks', as: 'admin', body: { url: 'javascript:alert(1)', events: ['area.published'] }, expect: refused(F.webhookUrl) },
    { name: 'POST /webhooks: ftp: URL', method: 'POST', path: '/webhooks', as: 'admin', body: { url: 'ftp://kalmar.example/x', events: ['area.published'] }, expect: refused(F.webhookUrl) },
    { name: 'POST /webhooks: unknown event', method: 'POST', path: '/webhooks', as: 'admin', body: { url: 'https://kalmar.example/hook', events: ['area.deleted'] }, expect: refused(F.events) },
    { name: 'POST /webhooks: events missing', method: 'POST', path: '/webhooks', as: 'admin', body: { url: 'https://kalmar.example/hook' }, expect: refused(F.events) },
    { name: 'POST /webhooks as editor', method: 'POST', path: '/webhooks', body: { url: 'https://kalmar.example/hook', events: ['area.published'] }, expect: forbidden },
    { name: 'PATCH /webhooks/:id: URL with script', method: 'PATCH', path: `/webhooks/${f.webhookId}`, as: 'admin', body: { url: `https://${SCRIPT}` }, expect: refused(F.webhookUrl) },

    // ── Language: no header or English header, anonymous → Swedish ────────────
    { name: 'GET /areas/abc with Accept-Language: en, anonymous', method: 'GET', path: '/areas/abc', as: 'anonymous', headers: { 'Accept-Language': 'en-GB,en;q=0.9' }, expect: notFound },
    { name: 'POST /areas with Accept-Language: en: title missing', method: 'POST', path: '/areas?draft=true', headers: { 'Accept-Language': 'en' }, body: area({ title: undefined }), expect: refused(F.title) },

    // ── The public content API (/api/v1) ───────────────────────────────────────
    get('/v1/areas?sort=password', '/v1/areas?sort=password', refused({ path: 'sort' }), 'anonymous'),
    get('/v1/areas?limit=-1', '/v1/areas?limit=-1', refused({ path: 'limit' }), 'anonymous'),
    get('/v1/areas?limit=1e9', '/v1/areas?limit=1e9', refused({ path: 'limit' }), 'anonymous'),
    get('/v1/areas?page=0', '/v1/areas?page=0', refused({ path: 'page' }), 'anonymous'),
    get('/v1/areas?page=abc', '/v1/areas?page=abc', refused({ path: 'page' }), 'anonymous'),
    get('/v1/areas/..%2f..%2fusers', '/v1/areas/..%2f..%2fusers', notFound, 'anonymous'),
    get('/v1/areas/%2e%2e%2fusers', '/v1/areas/%2e%2e%2fusers', notFound, 'anonymous'),
    get('/v1/areas/<script>', '/v1/areas/%3Cscript%3Ealert(1)%3C%2Fscript%3E', notFound, 'anonymous'),
    get('/v1/areas/%00', '/v1/areas/%00', notFound, 'anonymous'),
    get('/v1/areas/x/versions/abc', '/v1/areas/finns-inte/versions/abc', refused(null, [400, 404]), 'anonymous'),
    get('/v1/finns-inte', '/v1/finns-inte', notFound, 'anonymous'),
    { name: 'POST /v1/areas', method: 'POST', path: '/v1/areas', as: 'anonymous', expect: refused(null, [405, 405]) },

    // ── HTML and script in plain-text fields: accepted, stored as inert text ──
    acceptedArea('script in the title', { title: `Titel ${SCRIPT}` }, { title: `Titel ${SCRIPT}` }),
    acceptedArea('img onerror in the teaser', { teaser: `Ingress ${IMG}` }, { teaser: `Ingress ${IMG}` }),
    acceptedArea('script in a bullet', { body: [resultSet({}, { national: `Nationellt ${SCRIPT}`, local: `Kalmar ${IMG}` })] }, {}),
    acceptedArea('script in a note and a text section heading', { body: [resultSet(), { blockType: 'note', text: SCRIPT }, { blockType: 'textSection', heading: IMG, content: lexical(SCRIPT) }] }, {}),
    acceptedArea('"Barn < 18 år" in the title', { title: 'Barn < 18 år & "unga vuxna"' }, { title: 'Barn < 18 år & "unga vuxna"' }),
    {
      name: 'POST /links (accepted as text): script in title and teaser',
      method: 'POST',
      path: '/links',
      body: { title: `Länk ${SCRIPT}`, teaser: IMG, url: 'https://kalmar.se/"><script>alert(1)</script>' },
      expect: { accepted: true, status: 201, why: 'plain text and an https address; escaped on output', storedVerbatim: { title: `Länk ${SCRIPT}`, teaser: IMG } },
    },
    {
      name: 'POST /notices (accepted as text): script in text and body',
      method: 'POST',
      path: '/notices',
      body: { text: `Driftstörning ${SCRIPT}`, body: IMG, startsAt: '2020-01-01T00:00:00.000Z', endsAt: '2020-01-02T00:00:00.000Z' },
      expect: { accepted: true, status: 201, why: 'plain text; escaped on output', storedVerbatim: { text: `Driftstörning ${SCRIPT}`, body: IMG } },
    },
    {
      name: 'POST /indicators (accepted as text): script in name and matchText',
      method: 'POST',
      path: '/indicators',
      body: { code: 'KORPUS-SKRIPT', name: `Indikator ${SCRIPT}`, matchText: IMG },
      expect: { accepted: true, status: 201, why: 'plain text; escaped on output', storedVerbatim: { name: `Indikator ${SCRIPT}`, matchText: IMG } },
    },
    // Last: should it be wrongly accepted, the scheduled unpublish it writes cannot disturb the other cases.
    workflow(
      'unpublish scheduled for 2030-02-30 (a day that does not exist)',
      { transition: 'unpublish', comment: 'Korpus', publishAt: '2030-02-30T10:00:00Z' },
      refused({ path: 'publishAt', label: 'avpubliceringstid' }),
      'reviewer',
    ),
  ]
  return cases
}
