import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook } from 'payload'

import { forbidden } from '@/errors'

const IMMUTABLE =
  'En publicerad version är en allmän handling och kan inte ändras eller tas bort. Publicera en ny version i stället.'

/** Not even server code with overrideAccess may rewrite the record: only new entries are written. */
export const refuseRewrite: CollectionBeforeChangeHook = ({ data, operation }) => {
  if (operation !== 'create') throw forbidden(IMMUTABLE)
  return data
}

export const refuseDelete: CollectionBeforeDeleteHook = () => {
  throw forbidden(IMMUTABLE)
}
