import { APIError, ValidationError, type PayloadRequest } from 'payload'

/**
 * Errors a person can act on: each names the field (path) and the rule in
 * Swedish, and is public so production keeps the message.
 */

export function forbidden(message: string, path?: string): APIError {
  return new APIError(message, 403, path ? { errors: [{ path, message }] } : null, true)
}

export function invalidField(args: {
  collection: string
  path: string
  message: string
  req?: PayloadRequest
}): ValidationError {
  return new ValidationError(
    { collection: args.collection, errors: [{ path: args.path, message: args.message }], req: args.req },
    args.req?.t,
  )
}
