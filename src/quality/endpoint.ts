import type { Endpoint, PayloadRequest } from 'payload'

import { isStaff } from '@/access'
import { fromAreaDocument } from './adapters'
import { checkPage, pageLix } from './check'
import { loadSwedishSpellChecker, type SpellChecker } from './spelling/checker'
import { linksWithoutUrlInSection, loadSectionLinks, sectionAreaOf } from './sectionLinks'
import { spellCheckerWithAdminWords } from './spellingWords'
import { countFindings, qualityContextFor } from './summary'

const noStore = { 'Cache-Control': 'no-store' }
const message = (status: number, text: string) => Response.json({ message: text }, { status, headers: noStore })

/** The shared dictionary; null (logged once per call) when it cannot be loaded, so the other rules still answer. */
async function spellChecker(req: PayloadRequest): Promise<SpellChecker | null> {
  try {
    return await loadSwedishSpellChecker()
  } catch (error) {
    req.payload.logger.error({ err: error, msg: 'Kvalitetskontroll: ordlistan kunde inte laddas; stavning och avstavning kontrolleras inte.' })
    return null
  }
}

/**
 * GET /api/<collection>/:id/quality: the editorial quality checks on the
 * newest draft, with spelling, for signed-in staff (the edit view's
 * "Kvalitetskontroll"). Answers `{ findings, counts: { error, warning }, lix, spelling }`;
 * `spelling` is false when the dictionary could not be loaded.
 * The dictionary loads once per process (a few seconds on the first call);
 * the admin's Ordlista is read on every call, so a word added counts at once.
 */
export function qualityEndpoint(collection: string): Endpoint {
  return {
    path: '/:id/quality',
    method: 'get',
    handler: async (req: PayloadRequest) => {
      if (!req.user) return message(401, 'Logga in för att se kvalitetskontrollen.')
      if (!isStaff({ req })) return message(403, 'Bara redaktörer, granskare och administratörer kan se kvalitetskontrollen.')
      const id = String(req.routeParams?.id ?? '')
      const doc = await req.payload
        .findByID({ collection: collection as 'areas', id, draft: true, depth: 0, overrideAccess: true, disableErrors: true, req })
        .catch(() => null)
      if (!doc) return message(404, 'Dokumentet finns inte.')
      const page = fromAreaDocument(doc)
      const dictionary = await spellChecker(req)
      const spelling = dictionary && (await spellCheckerWithAdminWords(dictionary, req.payload, req))
      const { sections, links } = await loadSectionLinks(req.payload)
      const findings = checkPage(page, {
        ...qualityContextFor(doc, new Date()),
        sectionLinksWithoutUrl: linksWithoutUrlInSection(sectionAreaOf(doc), sections, links),
        ...(spelling && { spelling }),
      })
      return Response.json({ findings, counts: countFindings(findings), lix: pageLix(page), spelling: spelling !== null }, { status: 200, headers: noStore })
    },
  }
}
