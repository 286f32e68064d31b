import type { CollectionBeforeChangeHook } from 'payload'

import { nextPublishDates, type PublishDates } from '@/domain/publishDates'
import { AREAS } from '..'

/** The importer carries the dates of the page file it imports. */
export type AreaContext = { importedPublishDates?: PublishDates }

/**
 * On publish: "Publicerad" once, "Senast uppdaterad" when the content differs
 * from the live version. The main row holds the live version (a draft save
 * writes only a version row), so it is what the new content is compared with.
 */
export const stampPublishDates: CollectionBeforeChangeHook = async ({ context, data, operation, originalDoc, req }) => {
  if (data._status !== 'published') return data
  const imported = (context as AreaContext).importedPublishDates
  if (imported) return { ...data, ...imported }
  const live =
    operation === 'update' && originalDoc?.id !== undefined
      ? await req.payload.findByID({ collection: AREAS, id: originalDoc.id, draft: false, depth: 0, overrideAccess: true, req })
      : null
  const wasPublished = live && live._status === 'published' ? (live as unknown as Record<string, unknown>) : null
  return { ...data, ...nextPublishDates({ live: wasPublished, next: data, now: new Date().toISOString() }) }
}
