import { describe, expect, it } from 'vitest'

import { describeApiError, localizeErrorBody, NOT_FOUND_MESSAGE, SERVER_ERROR_MESSAGE, swedishMessage, swedishZodIssue } from '@/api/apiErrors'

describe('swedishMessage', () => {
  it("translates Payload's fixed English messages, naming the field or address", () => {
    expect(swedishMessage('Route not found "/api/finns-inte"')).toBe('Adressen /api/finns-inte finns inte i API:t.')
    expect(swedishMessage('The following path cannot be queried: salt')).toBe('Fältet "salt" går inte att söka på.')
    expect(swedishMessage('The following field is invalid: email')).toBe('Följande fält är ogiltigt: email')
    expect(swedishMessage('The following fields are invalid: email, password')).toBe('Följande fält är ogiltiga: email, password')
    expect(swedishMessage('This relationship field has the following invalid relationships: 42 0')).toBe(
      'Fältet pekar på något som inte finns eller inte får väljas: 42.',
    )
    expect(swedishMessage('This relationship field has the following invalid relationships: [object Object] 0')).toBe(
      'Fältet pekar på något som inte finns eller inte får väljas.',
    )
    expect(swedishMessage('Missing ID of document to update.')).toBe('Ange id för dokumentet som ska ändras.')
    expect(swedishMessage('Something went wrong.')).toBe(SERVER_ERROR_MESSAGE)
    expect(swedishMessage('Invalid JSON')).toBe('Förfrågans JSON kunde inte läsas.')
    // Payload's document lock, as the admin's save and delete meet it.
    expect(swedishMessage('Document with ID 4 is currently locked by another user and cannot be updated.')).toMatch(/^Sidan är låst: en annan person redigerar den just nu\. Det du har skrivit finns kvar/)
    expect(swedishMessage('Document with ID 4 is currently locked by another user and cannot be modified.')).toMatch(/"Ta över"\.$/)
    expect(swedishMessage('Document with ID 4 is currently locked and cannot be deleted.')).toMatch(/kan inte tas bort/)
  })

  it('leaves other messages as they are', () => {
    expect(swedishMessage('Detta fält är obligatoriskt.')).toBe('Detta fält är obligatoriskt.')
    expect(swedishMessage('Something else entirely')).toBe('Something else entirely')
  })
})

describe('swedishZodIssue', () => {
  it("replaces zod's default English with a message naming the path", () => {
    expect(swedishZodIssue({ code: 'invalid_type', path: ['transition'], expected: 'string', message: 'Invalid input: expected string, received number' })).toBe(
      'Fältet "transition" ska vara en text.',
    )
    expect(swedishZodIssue({ code: 'invalid_type', path: ['transition'], expected: 'string', message: 'Invalid input: expected string, received undefined' })).toBe(
      'Fältet "transition" saknas: ange en text.',
    )
    expect(swedishZodIssue({ code: 'invalid_type', path: [], expected: 'object', message: 'Invalid input: expected object, received null' })).toBe(
      'Förfrågan ska vara ett JSON-objekt.',
    )
    expect(swedishZodIssue({ code: 'too_big', path: ['comment'], maximum: 10, message: 'Too big: expected string to have <=10 characters' })).toBe(
      'Fältet "comment" är för långt eller för stort (högst 10).',
    )
  })

  it('keeps a custom (Swedish) message', () => {
    expect(swedishZodIssue({ code: 'too_big', path: ['comment'], message: 'Kommentaren får vara högst 5000 tecken.' })).toBe('Kommentaren får vara högst 5000 tecken.')
  })
})

describe('localizeErrorBody', () => {
  it('adds a top-level message from the first error and translates nested field errors', () => {
    const body = {
      errors: [
        {
          name: 'ValidationError',
          message: 'The following field is invalid: section',
          data: { collection: 'areas', errors: [{ path: 'section', message: 'This relationship field has the following invalid relationships: 9 0' }] },
        },
      ],
    }
    expect(localizeErrorBody(body)).toEqual({
      message: 'Följande fält är ogiltigt: section. Fältet pekar på något som inte finns eller inte får väljas: 9.',
      errors: [
        {
          name: 'ValidationError',
          message: 'Följande fält är ogiltigt: section',
          data: { collection: 'areas', errors: [{ path: 'section', message: 'Fältet pekar på något som inte finns eller inte får väljas: 9.' }] },
        },
      ],
    })
  })

  it('rewrites the message of a zod error list from its issues', () => {
    const body = { message: 'Invalid input: expected string, received number', errors: [{ code: 'invalid_type', expected: 'string', path: ['transition'], message: 'Invalid input: expected string, received number' }] }
    expect(localizeErrorBody(body)).toMatchObject({ message: 'Fältet "transition" ska vara en text.' })
  })

  it('returns the very same object when there is nothing to change', () => {
    const body = { message: 'Dokumentet finns inte.' }
    expect(localizeErrorBody(body)).toBe(body)
    expect(localizeErrorBody(null)).toBe(null)
    expect(localizeErrorBody([1])).toEqual([1])
  })
})

describe('describeApiError', () => {
  it('keeps a public refusal whole when Payload formatted it as "Something went wrong." (another copy of APIError in the production bundle)', () => {
    const message = 'Området ingår redan i ett annat paket: "Ekonomiskt bistånd" ingår i publiceringspaketet "Juni".'
    const refusal = { name: '', status: 403, isPublic: true, message, data: { errors: [{ path: 'items', message }] } }
    const { status, body } = describeApiError(refusal, { errors: [{ message: 'Something went wrong.' }] })
    expect(status).toBe(403)
    expect(body.message).toBe(message)
    expect(body.errors).toEqual([{ message, data: { errors: [{ path: 'items', message }] } }])
    // Not public, or a server fault: nothing of the error's own text is shown.
    expect(describeApiError({ ...refusal, isPublic: false }, { errors: [{ message: 'Something went wrong.' }] }).body.message).not.toBe(message)
    expect(describeApiError({ ...refusal, status: 500 }, { errors: [{ message: 'Something went wrong.' }] }).body.message).toBe(SERVER_ERROR_MESSAGE)
  })

  it('gives a validation error its field errors back when Payload formatted it without them (the production bundle), so the admin shows each at its field', () => {
    const fieldError = { path: 'words.0.word', message: 'Ord: "Kalmar län" innehåller mellanslag.' }
    const validation = { name: 'a', status: 400, isPublic: true, message: 'Följande fält är ogiltigt: Ord 1 > Ord', data: { errors: [fieldError], global: 'spelling-words' } }
    const { status, body } = describeApiError(validation, { errors: [{ message: validation.message }] })
    expect(status).toBe(400)
    expect(body.message).toBe(`${validation.message}. ${fieldError.message}`)
    expect(body.errors).toEqual([{ message: validation.message, data: validation.data }])
    // Formatted whole (the development bundle), it is left as it is; not public, nothing is added.
    const whole = { errors: [{ name: 'ValidationError', message: validation.message, data: validation.data }] }
    expect(describeApiError(validation, whole).body.errors).toEqual(whole.errors)
    expect(describeApiError({ ...validation, isPublic: false }, { errors: [{ message: validation.message }] }).body.errors).toEqual([{ message: validation.message }])
  })

  it('answers 404 for Payload’s SQL deleteOne on a preference key nobody has (its fallback query breaks)', () => {
    // As drizzle throws it: the query in the message, SQLite's words in the cause.
    const error = Object.assign(new Error('Failed query: select "id" … where ("payload_preferences"."key" = ? and "cd2f7ba6_e414_44f7_9087_5aab0e034d9f"."users_id" = ?)'), {
      cause: new Error('SQLITE_ERROR: no such column: cd2f7ba6_e414_44f7_9087_5aab0e034d9f.users_id'),
    })
    expect(describeApiError(error, { errors: [{ message: 'Something went wrong.' }] })).toMatchObject({ status: 404, body: { message: NOT_FOUND_MESSAGE } })
    // Any other missing column is still a server fault.
    expect(describeApiError(Object.assign(new Error('no such column: title'), { status: 500 }), { errors: [] }).status).toBe(500)
  })

  const validation = {
    name: 'ValidationError',
    status: 400,
    message: 'Följande fält är ogiltigt: Titel',
    data: { collection: 'areas', errors: [{ path: 'title', label: 'Titel', message: 'Detta fält är obligatoriskt.' }] },
  }
  const formatted = { errors: [{ name: 'ValidationError', message: validation.message, data: validation.data }] }

  it("keeps a validation error's status and field errors, with the message and the fields' own messages on top (the admin's toast shows only that)", () => {
    const { status, body } = describeApiError(validation, formatted)
    expect(status).toBe(400)
    expect(body.message).toBe('Följande fält är ogiltigt: Titel. Detta fält är obligatoriskt.')
    expect(body.errors).toEqual(formatted.errors)
  })

  it('answers a 5xx with a Swedish message and no details', () => {
    const { status, body } = describeApiError(new Error('SQLITE_ERROR: no such column "x" at /app/node_modules/x.js:1'), { errors: [{ message: 'Something went wrong.' }] })
    expect(status).toBe(500)
    expect(body.message).toBe(SERVER_ERROR_MESSAGE)
    expect(JSON.stringify(body)).not.toMatch(/SQLITE|node_modules/)
  })

  it("treats MongoDB's unreadable ids as documents that do not exist, and names a field when it is one", () => {
    expect(describeApiError({ name: 'CastError', message: 'Cast to ObjectId failed for value "abc"', path: '_id' }, undefined)).toEqual({
      status: 404,
      body: { message: NOT_FOUND_MESSAGE, errors: [{ message: NOT_FOUND_MESSAGE }] },
    })
    const field = describeApiError({ name: 'CastError', message: 'Cast to ObjectId failed', path: 'section' }, undefined)
    expect(field.status).toBe(400)
    expect(field.body.message).toContain('"section"')
  })

  it("answers the SQL adapter's unsupported where/sort path with a 400", () => {
    const { status, body } = describeApiError({ name: 'APIError', status: 500, message: 'Not supported' }, { errors: [{ message: 'Something went wrong.' }] })
    expect(status).toBe(400)
    expect(body.message).toMatch(/^Sökningen går inte att göra/)
  })

  it('answers a filter value the SQL adapter made NaN (text for an id column) with a 400, not a 500', () => {
    const driver = new RangeError('Only finite numbers (not Infinity or NaN) can be passed as arguments')
    const error = Object.assign(new Error('Failed query: select … where "section_id" not like ?\nparams: NaN'), { cause: driver })
    const { status, body } = describeApiError(error, { errors: [{ message: 'Something went wrong.' }] })
    expect(status).toBe(400)
    expect(body.message).toMatch(/passar inte fältets typ/)
  })

  it('answers a filter value the SQL adapter turned into no value (a blank date through a relationship) with a 400', () => {
    const error = new Error('Failed query: select … where "created_at" <= ?\nparams: ,2026-12-02', { cause: new Error('undefined cannot be passed as argument to the database') })
    const { status, body } = describeApiError(error, { errors: [{ message: 'Something went wrong.' }] })
    expect(status).toBe(400)
    expect(body.message).toMatch(/passar inte fältets typ/)
  })

  it('answers two conditions inside one block (the SQL adapter joins it twice under one name) with a 400', () => {
    const { status, body } = describeApiError(new Error('Alias "areas_blocks_result_set" is already used in this query'), { errors: [{ message: 'Something went wrong.' }] })
    expect(status).toBe(400)
    expect(body.message).toMatch(/samma block/)
  })

  it('answers an operator the database adapter lacks (SQL has no "all") with a 400 naming the comparison', () => {
    const error = new TypeError('adapter.operators[queryOperator] is not a function')
    const { status, body } = describeApiError(error, { errors: [{ message: 'Something went wrong.' }] })
    expect(status).toBe(400)
    expect(body.message).toMatch(/kan inte använda den jämförelsen/)
    expect(body.errors?.[0]?.message).toBe(body.message)
  })

  it('turns a stack overflow in field traversal into a 400 about nesting', () => {
    const { status, body } = describeApiError(new RangeError('Maximum call stack size exceeded'), { errors: [{ message: 'Something went wrong.' }] })
    expect(status).toBe(400)
    expect(body.message).toMatch(/djupt nästlad/)
  })

  it('translates a 4xx English message and keeps its status', () => {
    const { status, body } = describeApiError({ name: 'QueryError', status: 400, message: 'The following path cannot be queried: hash' }, { errors: [{ message: 'The following path cannot be queried: hash' }] })
    expect(status).toBe(400)
    expect(body.message).toBe('Fältet "hash" går inte att söka på.')
  })
})
