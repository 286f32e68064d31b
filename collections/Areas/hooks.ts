import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook } from 'payload'

import { nextPublishDates } from '@/domain/publishDates'
import { orderBodyResultSets } from '@/domain/resultSets'
import { forbidden } from '@/errors'
import type { Area } from '@/payload-types'
import { importedPublishDates } from '@/pipeline/context'
import { AREAS, PUBLICATION_HISTORY } from '..'

/**
 * The stored body reads as the page does: result sets newest year first,
 * however they were added (admin, REST, GraphQL, the importers). A save that
 * sends no body leaves it as stored. Runs before validation (Payload validates
 * after the collection's beforeChange hooks), so an API client's error paths
 * count blocks in this order; the edit form has validated in its own order first.
 */
export const orderResultSets: CollectionBeforeChangeHook<Area> = ({ data }) =>
  Array.isArray(data.body) ? { ...data, body: orderBodyResultSets(data.body) } : data

/**
 * On publish: "Publicerad" once, "Senast uppdaterad" when the content differs
 * from the live version. The main row holds the live version (a draft save
 * writes only a version row), so it is what the new content is compared with.
 */
export const stampPublishDates: CollectionBeforeChangeHook<Area> = async ({ context, data, operation, originalDoc, req }) => {
  if (data._status !== 'published') return data
  const imported = importedPublishDates(context)
  if (imported) return { ...data, ...imported }
  const live =
    operation === 'update' && originalDoc?.id !== undefined
      ? await req.payload.findByID({ collection: AREAS, id: originalDoc.id, draft: false, depth: 0, overrideAccess: true, req })
      : null
  const wasPublished = live && live._status === 'published' ? live : null
  return { ...data, ...nextPublishDates({ live: wasPublished, next: data, now: new Date().toISOString() }) }
}

/**
 * Published pages are an official record: once published, a page can only be
 * moved to the trash (restorable), never deleted for good, and a page is
 * deleted for good only from the trash. Covers REST, bulk and local API deletes.
 */
export const guardPermanentDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const doc = await req.payload.findByID({ collection: AREAS, id, trash: true, draft: false, depth: 0, overrideAccess: true, req, disableErrors: true })
  if (!doc) return
  if (!doc.deletedAt) throw forbidden('En sida raderas inte direkt: flytta den till papperskorgen först (den kan återställas därifrån).')
  const published = await req.payload.countVersions({
    collection: AREAS,
    where: { and: [{ parent: { equals: id } }, { 'version._status': { equals: 'published' } }] },
    overrideAccess: true,
    req,
  })
  const recorded = await req.payload.count({ collection: PUBLICATION_HISTORY, where: { areaId: { equals: String(id) } }, overrideAccess: true, req })
  if (published.totalDocs > 0 || recorded.totalDocs > 0 || doc.firstPublishedAt) {
    throw forbidden(
      `"${doc.title}" har varit publicerad, och dess versioner och publiceringshistorik är en allmän handling. ` +
        'Sidan kan ligga kvar i papperskorgen men kan inte raderas för gott.',
    )
  }
}

/** Bringing a page back from the trash takes the same permission as moving it there (the collection's delete access). */
export const guardRestoreFromTrash: CollectionBeforeChangeHook<Area> = async ({ collection, data, operation, originalDoc, req }) => {
  if (operation !== 'update' || !req.user || !originalDoc?.deletedAt || !('deletedAt' in data) || data.deletedAt) return data
  const access = collection.access?.delete
  const allowed = typeof access === 'function' ? await access({ id: originalDoc.id, data, req }) : true
  if (!allowed) throw forbidden('Du kan inte återställa sidor från papperskorgen. Be en administratör om hjälp.', 'deletedAt')
  return data
}
