/**
 * Bench step for issue 18: a release ("publiceringspaket") of 50 pages
 * published through the workflow endpoint while a reader polls the public
 * list of those 50 pages. One list answer is one catalog state, so a read
 * that shows some of the release new and others old is a mixed moment;
 * the gap between the first read showing any page new and the first read
 * showing every page new is what a reader could observe (0 ms: one switch).
 */
import { median } from './report'

export type ReleaseFigures = {
  pages: number
  /** The publish call, from request to answer. */
  publishMs: number
  /** Reads of the list during the publish call and just after it. */
  reads: number
  /** Reads that showed some of the release new and some old: must be 0. */
  mixedReads: number
  /** First read with every page new minus first read with any page new. */
  gapMs: number
  /** After the call answered, the first read: did it show every page new? */
  firstReadAfterAllNew: boolean
  /** Preparing the release (drafts, submit, approve, create, mark ready), per page. */
  preparePerPageMs: number
  /** Reader's list read latency during the publish. */
  readMedianMs: number
}

type Tokens = { editor: string; reviewer: string }

const RELEASE_SIZE = 50

export async function publishRelease(base: string, tokens: Tokens): Promise<ReleaseFigures> {
  const headers = (token: string) => ({ Authorization: `JWT ${token}`, 'Content-Type': 'application/json' })
  const call = async (token: string, method: string, url: string, body?: unknown) => {
    const response = await fetch(`${base}${url}`, { method, headers: headers(token), body: body === undefined ? undefined : JSON.stringify(body) })
    const text = await response.text()
    if (response.status !== 200 && response.status !== 201) throw new Error(`${method} ${url}: ${response.status} ${text}`)
    return JSON.parse(text) as Record<string, unknown>
  }
  const listUrl = `${base}/api/v1/areas?limit=${RELEASE_SIZE}&sort=title`
  const list = (await (await fetch(listUrl)).json()) as { items: { slug: string; teaser: string | null }[] }
  const slugs = list.items.map((item) => item.slug)
  const stamp = `Paket ${Date.now()}`
  const newTeaser = (slug: string) => `${stamp}: ny sammanfattning för ${slug}.`

  const prepareStarted = performance.now()
  const ids: (string | number)[] = []
  for (const slug of slugs) {
    const found = await call(tokens.editor, 'GET', `/api/areas?where[slug][equals]=${encodeURIComponent(slug)}&draft=true&depth=0&limit=1`)
    const doc = (found.docs as { id: string | number; revision?: number }[])[0]!
    await call(tokens.editor, 'PATCH', `/api/areas/${doc.id}?draft=true`, { teaser: newTeaser(slug), revision: doc.revision ?? 0 })
    await call(tokens.editor, 'POST', `/api/areas/${doc.id}/workflow`, { transition: 'submit' })
    await call(tokens.reviewer, 'POST', `/api/areas/${doc.id}/workflow`, { transition: 'approve' })
    ids.push(doc.id)
  }
  const created = await call(tokens.editor, 'POST', '/api/releases', { name: `Bänk: ${RELEASE_SIZE} sidor`, items: ids })
  const releaseId = (created.doc as { id: string | number }).id
  await call(tokens.editor, 'POST', `/api/releases/${releaseId}/workflow`, { transition: 'markReady' })
  const preparePerPageMs = (performance.now() - prepareStarted) / slugs.length

  // The reader: one list read at a time, from before the call until after it answered.
  const reads: { at: number; fresh: number; ms: number }[] = []
  let answeredAt = Number.POSITIVE_INFINITY
  let firstReadAfterAllNew: boolean | null = null
  const reader = (async () => {
    while (performance.now() < answeredAt + 200) {
      const started = performance.now()
      const page = (await (await fetch(listUrl)).json()) as { items: { slug: string; teaser: string | null }[] }
      const fresh = page.items.filter((item) => item.teaser === newTeaser(item.slug)).length
      const at = performance.now()
      reads.push({ at, fresh, ms: at - started })
      if (firstReadAfterAllNew === null && started > answeredAt) firstReadAfterAllNew = fresh === slugs.length
    }
  })()
  await new Promise((resolve) => setTimeout(resolve, 50))
  const publishStarted = performance.now()
  await call(tokens.reviewer, 'POST', `/api/releases/${releaseId}/workflow`, { transition: 'publish' })
  answeredAt = performance.now()
  await reader

  const firstAny = reads.find((read) => read.fresh > 0)
  const firstAll = reads.find((read) => read.fresh === slugs.length)
  if (!firstAll) throw new Error('Paketets sidor syntes aldrig alla nya i listan.')
  return {
    pages: slugs.length,
    publishMs: answeredAt - publishStarted,
    reads: reads.length,
    mixedReads: reads.filter((read) => read.fresh > 0 && read.fresh < slugs.length).length,
    gapMs: firstAll.at - firstAny!.at,
    firstReadAfterAllNew: firstReadAfterAllNew ?? false,
    preparePerPageMs,
    readMedianMs: median(reads.map((read) => read.ms)),
  }
}
