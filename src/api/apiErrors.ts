/**
 * Maps what goes wrong in Payload's REST API to answers a person can act
 * on: a status that says whose mistake it was (4xx for the request, 5xx only
 * for the server) and a Swedish top-level `message` naming the field, next to
 * Payload's own `errors` (which the admin reads). Pure: an error in, a status
 * and body out; `swedishApiErrors` hooks it in as `hooks.afterError`.
 */
import type { AfterErrorHook } from 'payload'

export type ErrorItem = { message?: string; field?: string; name?: string; data?: unknown; [key: string]: unknown }
export type ErrorBody = { message?: string; errors?: ErrorItem[]; [key: string]: unknown }

type ErrorLike = { name?: string; message?: string; status?: number; data?: unknown; code?: string; kind?: string; path?: string }

export const SERVER_ERROR_MESSAGE = 'Något gick fel på servern. Försök igen om en stund; om felet finns kvar, kontakta förvaltningen.'
export const NOT_FOUND_MESSAGE = 'Dokumentet finns inte.'

/** Payload's (and zod's) fixed English messages and their Swedish counterparts. */
const KNOWN_MESSAGES: [RegExp, (match: RegExpMatchArray) => string][] = [
  [/^Route not found "?([^"]*)"?$/, (m) => `Adressen ${m[1] ?? ''} finns inte i API:t.`],
  [/^Invalid JSON$/, () => 'Förfrågans JSON kunde inte läsas.'],
  [/^Not Found$/, () => NOT_FOUND_MESSAGE],
  [/^Something went wrong\.?$/, () => SERVER_ERROR_MESSAGE],
  [/^An unknown error occurred\.?$/, () => SERVER_ERROR_MESSAGE],
  [/^The following path cannot be queried: (.+)$/, (m) => `Fältet "${m[1]}" går inte att söka på.`],
  [/^The following paths cannot be queried: (.+)$/, (m) => `Fälten ${m[1]} går inte att söka på.`],
  [/^The following (fields? (?:is|are)) invalid:? ?(.*)$/, (m) => `${m[1] === 'field is' ? 'Följande fält är ogiltigt' : 'Följande fält är ogiltiga'}: ${m[2]}`],
  [
    /^This relationship field has the following invalid relationships: (.*)$/s,
    (m) => {
      // Payload lists the values with a stray index; objects come out as "[object Object]".
      const values = m[1]!.replace(/ \d+$/, '')
      return `Fältet pekar på något som inte finns eller inte får väljas${values.includes('[object') ? '' : `: ${values}`}.`
    },
  ],
  [/^Value must be unique\.?$/, () => 'Värdet måste vara unikt.'],
  [/^A user with the given email is already registered\.?$/, () => 'Det finns redan en användare med den e-postadressen.'],
  [/^Missing ID of document to (update|delete)\.?$/, (m) => `Ange id för dokumentet som ska ${m[1] === 'update' ? 'ändras' : 'tas bort'}.`],
  [/^Unauthorized, you must be logged in to make this request\.?$/, () => 'Du måste vara inloggad för att göra detta.'],
  [/^You are not allowed to perform this action\.?$/, () => 'Du har inte behörighet att göra detta.'],
  [/^Cannot (GET|POST|PATCH|PUT|DELETE) (.+)$/, (m) => `Adressen ${m[2]} kan inte användas med ${m[1]}.`],
  // Payload's document lock (423): someone else has the page open and changed it within the last five minutes.
  [
    /^Document with ID (.+) is currently locked by another user and cannot be (?:updated|modified)\.?$/,
    () =>
      'Sidan är låst: en annan person redigerar den just nu. Det du har skrivit finns kvar i formuläret. Låset släpps när hen lämnar sidan eller efter fem minuter utan ändringar; spara då igen, eller öppna sidan på nytt och välj "Ta över".',
  ],
  [/^Document with ID (.+) is currently locked and cannot be deleted\.?$/, () => 'Sidan är låst: en annan person redigerar den just nu, så den kan inte tas bort. Försök igen när hen har lämnat sidan.'],
]

/** The Swedish form of one of Payload's fixed English messages, or the message unchanged. */
export function swedishMessage(message: string): string {
  for (const [pattern, translate] of KNOWN_MESSAGES) {
    const match = message.match(pattern)
    if (match) return translate(match)
  }
  return message
}

const KIND_NAMES: Record<string, string> = {
  string: 'en text',
  number: 'ett tal',
  boolean: 'sant eller falskt',
  object: 'ett JSON-objekt',
  array: 'en lista',
  date: 'ett datum',
}

type ZodIssueLike = { code: string; path: (string | number)[]; message: string; expected?: unknown; maximum?: unknown; minimum?: unknown }

const isZodIssue = (item: unknown): item is ZodIssueLike =>
  Boolean(item) && typeof item === 'object' && typeof (item as ZodIssueLike).code === 'string' && Array.isArray((item as ZodIssueLike).path) && typeof (item as ZodIssueLike).message === 'string'

/**
 * Zod's default messages ("Invalid input: expected string, received number")
 * are English and do not name the field; custom endpoints that pass zod's
 * issues on get a Swedish message naming the path instead. Custom messages
 * (already Swedish) are kept.
 */
export function swedishZodIssue(issue: ZodIssueLike): string {
  if (!/^(Invalid|Too (big|small)|Unrecognized|Expected)/.test(issue.message)) return issue.message
  const path = issue.path.join('.')
  const subject = path ? `Fältet "${path}"` : 'Förfrågan'
  switch (issue.code) {
    case 'invalid_type':
      return /received (undefined|null)$/.test(issue.message) && path
        ? `${subject} saknas: ange ${KIND_NAMES[String(issue.expected)] ?? 'ett värde'}.`
        : `${subject} ska vara ${KIND_NAMES[String(issue.expected)] ?? 'ett annat slags värde'}.`
    case 'too_big':
      return `${subject} är för långt eller för stort (högst ${String(issue.maximum)}).`
    case 'too_small':
      return `${subject} är för kort eller för litet (minst ${String(issue.minimum)}).`
    case 'unrecognized_keys':
      return `${subject} innehåller okända fält.`
    default:
      return `${subject} har ett ogiltigt värde.`
  }
}

type Item = Record<string, unknown>

/** Translates one error item and the field errors inside it (`data.errors`). */
function localizeItem(item: unknown): unknown {
  if (!item || typeof item !== 'object') return item
  if (isZodIssue(item)) {
    const message = swedishZodIssue(item)
    return message === item.message ? item : { ...item, message }
  }
  const input = item as Item
  let changed = false
  const message = typeof input.message === 'string' ? swedishMessage(input.message) : input.message
  if (message !== input.message) changed = true
  let data = input.data
  const inner = (data as { errors?: unknown } | undefined)?.errors
  if (Array.isArray(inner)) {
    const errors = inner.map(localizeItem)
    if (errors.some((error, index) => error !== inner[index])) {
      data = { ...(data as object), errors }
      changed = true
    }
  }
  return changed ? { ...input, message, data } : item
}

/**
 * An error's message followed by its field errors' own messages: Payload's admin
 * shows only the top-level `message` (as a toast) when there is one, so the
 * rule a field broke must be in it ("Följande fält är ogiltigt: Ord 1 > Ord.
 * Ord: "Kalmar län" innehåller mellanslag. …"), not only the field's name.
 */
function withFieldMessages(error: ErrorItem): string {
  const inner = (error.data as { errors?: unknown } | undefined)?.errors
  const own = error.message!
  // A refusal of our own repeats its message at its field: said once.
  const fieldMessages = (Array.isArray(inner) ? inner : []).flatMap((item) => {
    const text = (item as ErrorItem | null)?.message
    return typeof text === 'string' && text !== own ? [text] : []
  })
  return fieldMessages.length ? `${own.replace(/[.:]?$/u, '.')} ${fieldMessages.join(' ')}` : own
}

/**
 * Adds a top-level `message` (from the errors when there is none) and
 * translates the fixed English messages; returns the same object when
 * nothing changes.
 */
export function localizeErrorBody(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body
  const input = body as ErrorBody
  const errors = Array.isArray(input.errors) ? (input.errors.map(localizeItem) as ErrorItem[]) : input.errors
  const errorsChanged = Array.isArray(input.errors) && errors!.some((error, index) => error !== input.errors![index])
  const zodIssues = Array.isArray(input.errors) && input.errors.length > 0 && input.errors.every(isZodIssue)
  let message = typeof input.message === 'string' ? swedishMessage(input.message) : undefined
  if (zodIssues && errorsChanged) message = errors!.map((error) => error.message).join(' ')
  if (message === undefined && typeof errors?.[0]?.message === 'string') message = withFieldMessages(errors[0])
  if (!errorsChanged && message === input.message) return body
  return { ...input, ...(message !== undefined && { message }), ...(errors && { errors }) }
}

/**
 * What the client gets for an error thrown inside Payload's REST handling.
 * `result` is Payload's formatted body (`{ errors: [...] }`), already
 * stripped of details when the error is not public.
 */
export function describeApiError(error: unknown, result: ErrorBody | undefined): { status: number; body: ErrorBody } {
  const e = (error ?? {}) as ErrorLike
  const status = typeof e.status === 'number' && e.status >= 400 && e.status < 600 ? e.status : 500
  const base: ErrorBody = result && typeof result === 'object' ? { ...result } : { errors: [] }

  // A document id the database cannot even read (MongoDB's ObjectId, a number column): it does not exist.
  if (e.name === 'CastError' || e.name === 'BSONError' || /must be a 24 character hex string|Cast to ObjectId failed/i.test(e.message ?? '')) {
    const path = e.path && e.path !== '_id' ? e.path : undefined
    return path
      ? { status: 400, body: { message: `Värdet i fältet "${path}" har fel format.`, errors: [{ message: `Värdet i fältet "${path}" har fel format.`, field: path }] } }
      : { status: 404, body: { message: NOT_FOUND_MESSAGE, errors: [{ message: NOT_FOUND_MESSAGE }] } }
  }
  // Payload's SQL deleteOne, when nothing matches a preference key, runs a fallback query without the
  // join it names ("no such column: <uuid>.users_id"): nothing was there to delete.
  const cause = (error as { cause?: { message?: unknown } } | null)?.cause?.message
  if (/no such column: "?[0-9a-f]{8}(?:[-_][0-9a-f]{4}){3}[-_][0-9a-f]{12}"?\./i.test(`${e.message ?? ''} ${typeof cause === 'string' ? cause : ''}`)) {
    return { status: 404, body: { message: NOT_FOUND_MESSAGE, errors: [{ message: NOT_FOUND_MESSAGE }] } }
  }
  // The SQL adapter's answer to a where or sort through a relationship it cannot follow (e.g. a polymorphic one): the query's fault.
  if (e.message === 'Not supported') {
    const message = 'Sökningen går inte att göra: where eller sort går genom ett fält som inte kan filtreras eller sorteras på det sättet.'
    return { status: 400, body: { message, errors: [{ message }] } }
  }
  // The SQL adapter turned a filter's text into a number for an id or number column (e.g. where[area.section][not_like]=abc):
  // libsql refuses the NaN it got. The query's value was of the wrong kind, not a server fault.
  // Likewise a blank date through a relationship (where[section.createdAt][less_than_equal]=%20) becomes no value at all.
  if (/Only finite numbers \(not Infinity or NaN\)|undefined cannot be passed as argument to the database/.test(`${e.message ?? ''} ${typeof cause === 'string' ? cause : ''}`)) {
    const message = 'Sökningen går inte att göra: ett värde i where passar inte fältets typ (t.ex. text där ett tal eller ett id väntas).'
    return { status: 400, body: { message, errors: [{ message }] } }
  }
  // Payload accepts every operator it documents, but the SQL adapter has no `all` (nor a map operator off a
  // point) and calls an operator that is not there: the database cannot run that comparison.
  if (e.name === 'TypeError' && /operators\[\w+\] is not a function/.test(e.message ?? '')) {
    const message = 'Sökningen går inte att göra: databasen kan inte använda den jämförelsen (t.ex. "all") på det fältet. Använd t.ex. "in" eller flera villkor med "and".'
    return { status: 400, body: { message, errors: [{ message }] } }
  }
  // The SQL adapter joins a block's table once per condition under one name, so two conditions inside the same
  // block (where[area.body.bullets.x]…&where[area.body.bullets.y]…) collide. It is a limit of the query, said so.
  if (/^Alias "[^"]+" is already used in this query/.test(e.message ?? '')) {
    const message = 'Sökningen går inte att göra: två villkor går genom samma block i ett innehållsfält. Sök på ett av villkoren i taget.'
    return { status: 400, body: { message, errors: [{ message }] } }
  }
  // Recursion in Payload's field traversal ran out of stack: the request was too deeply nested.
  if (e.name === 'RangeError' && /call stack/i.test(e.message ?? '')) {
    const message = 'Förfrågan är för djupt nästlad för att kunna behandlas.'
    return { status: 400, body: { message, errors: [{ message }] } }
  }

  const localized = localizeErrorBody(keepPublicRefusal(error, status, base)) as ErrorBody
  if (status >= 500) {
    return { status, body: { ...localized, message: SERVER_ERROR_MESSAGE } }
  }
  const message = typeof localized.message === 'string' && localized.message ? localized.message : swedishMessage(e.message ?? '') || SERVER_ERROR_MESSAGE
  return { status, body: { ...localized, message } }
}

const GENERIC_MESSAGES = new Set(['Something went wrong.', 'An unknown error occurred.'])

/**
 * A refusal our hooks throw (src/errors.ts: public, 4xx, Swedish, naming the
 * field) reaches Payload's formatter as another copy of APIError in Next's
 * production bundle: `instanceof` fails there and the body becomes "Something
 * went wrong."; a field validation's ValidationError keeps only its message.
 * The error itself still carries its message and fields.
 */
function keepPublicRefusal(error: unknown, status: number, base: ErrorBody): ErrorBody {
  const e = (error ?? {}) as ErrorLike & { isPublic?: unknown }
  const generic = !base.errors?.length || base.errors.every((item) => typeof item.message === 'string' && GENERIC_MESSAGES.has(item.message))
  // A ValidationError keeps its message there but loses its field errors (`data.errors`), which the admin shows at each field.
  const lostFieldErrors = Array.isArray((e.data as { errors?: unknown } | null | undefined)?.errors) && !base.errors?.some((item) => item.data !== undefined)
  if (status >= 500 || e.isPublic !== true || !e.message || !(generic || lostFieldErrors)) return base
  return { ...base, errors: [{ message: e.message, ...(e.data ? { data: e.data } : {}) }] }
}

/** `hooks.afterError` in payload.config.ts. */
export const swedishApiErrors: AfterErrorHook = ({ error, result }) => {
  // GraphQL (no REST result) keeps Payload's own error format.
  if (!result) return
  const { status, body } = describeApiError(error, result as ErrorBody)
  return { status, response: body as Record<string, unknown> }
}
