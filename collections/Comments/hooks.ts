import type { CollectionBeforeChangeHook } from 'payload'

/** The author is who is signed in, never what the request body claims. */
export const stampAuthor: CollectionBeforeChangeHook = ({ data, operation, req }) =>
  operation === 'create' && req.user
    ? { ...data, author: req.user.id, authorName: (req.user as { name?: string }).name ?? req.user.email }
    : data
