import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook } from 'payload'

import { forbidden } from '@/errors'
import { isAuditAppend } from '@/pipeline/context'

const APPEND_ONLY = 'Händelseloggen kan bara läggas till: poster kan varken ändras eller raderas, inte heller av administratörer.'

/** Access rules stop API users; these stop the local API too (overrideAccess skips access, not hooks). */
export const appendOnly: CollectionBeforeChangeHook = ({ context, data, operation }) => {
  if (operation !== 'create' || !isAuditAppend(context)) throw forbidden(APPEND_ONLY)
  return data
}

export const neverDelete: CollectionBeforeDeleteHook = () => {
  throw forbidden(APPEND_ONLY)
}
