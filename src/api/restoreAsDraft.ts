/**
 * Restoring a version of a collection with drafts always makes a draft
 * (issue 21). Payload's version view sends `?draft=false` from its main
 * button "Återställ den här versionen", and from every button for a version
 * that was itself a draft, such as the copy a save conflict keeps; the
 * workflow refuses those (src/publishing/hooks.ts: a restore never goes live
 * unreviewed), so the obvious button failed. Payload decides `draft` before
 * any hook runs, so the REST route asks for a draft instead.
 */
export function restoreAsDraftUrl(method: string, url: URL, segments: readonly string[], draftCollections: ReadonlySet<string>): URL | null {
  const [slug, versions, id, ...rest] = segments
  if (method !== 'POST' || versions !== 'versions' || !id || rest.length > 0 || !slug || !draftCollections.has(slug)) return null
  if (url.searchParams.get('draft') === 'true') return null
  const rewritten = new URL(url)
  rewritten.searchParams.set('draft', 'true')
  return rewritten
}
