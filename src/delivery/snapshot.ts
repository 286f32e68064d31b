/**
 * A published page, denormalised once at publish time: everything the API and
 * the public page need except what depends on other documents (its section's
 * title, the related pages), which is joined in at read time.
 */
import { z } from 'zod'

import { relationId } from '@/domain/relations'
import { deriveResultSetHeading, orderBodyResultSets, type ResultLead } from '@/domain/resultSets'
import { lexicalToHtml } from '@/richText/html'
import { lexicalToPlainText } from '@/richText/lexical'
import { BodyBlockSchema, IndicatorSeriesSchema, LinkSchema, RichTextSchema, type BodyBlock, type Bullet, type RichText } from './schemas'

export const AreaSnapshotSchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  teaser: z.string().nullable(),
  sectionId: z.string().nullable(),
  intro: RichTextSchema.nullable(),
  body: z.array(BodyBlockSchema),
  otherLinks: z.array(LinkSchema),
  // Snapshots written before trends existed have none.
  indicators: z.array(IndicatorSeriesSchema).default([]),
  // The names of the indicators its bullets name (the open dataset's indicator column); none in older snapshots.
  indicatorNames: z.record(z.string(), z.string()).default({}),
  firstPublishedAt: z.string().nullable(),
  lastPublishedAt: z.string().nullable(),
})

export type AreaSnapshot = z.infer<typeof AreaSnapshotSchema>

type Relation = string | number | { id: string | number } | null | undefined

type StoredBullet = {
  national?: string | null
  local?: string | null
  indicator?: { code?: string | null; nationalPercent?: number | null; nationalPercentSuggested?: boolean | null; localValue?: string | null } | null
  imported?: { pending?: boolean | null } | null
}

type StoredBlock =
  | { blockType: 'resultSet'; surveyYear?: number | null; lead?: string | null; bullets?: StoredBullet[] | null }
  | { blockType: 'textSection'; heading?: string | null; content?: unknown }
  | { blockType: 'note'; text?: string | null }
  | { blockType: string; [key: string]: unknown }

/**
 * The stored area fields a snapshot is made of (depth 0 or deeper). Narrower than the generated
 * `Area` on purpose: this pure core reads only these, every one optional (a draft for preview, an
 * old version row), and an id that is a number on SQLite and a string on MongoDB. `Area` fits it.
 */
export type StoredArea = {
  id: string | number
  slug?: string | null
  title?: string | null
  teaser?: string | null
  section?: Relation
  intro?: unknown
  body?: StoredBlock[] | null
  otherLinks?: { title?: string | null; url?: string | null }[] | null
  firstPublishedAt?: string | null
  lastPublishedAt?: string | null
}

const blank = (text: string | null | undefined) => !text || !text.trim()

const isoOrNull = (value: string | null | undefined): string | null => {
  if (!value) return null
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

export function richText(state: unknown): RichText | null {
  const html = lexicalToHtml(state)
  const text = lexicalToPlainText(state)
  return html || text ? { html, text } : null
}

function bullet(stored: StoredBullet): Bullet {
  const indicator = stored.indicator
  // The importer's guess at the national share is not published until an editor confirms it.
  // Nor are the results import's figures (src/results) until an editor has confirmed the bullet.
  const pending = Boolean(stored.imported?.pending)
  const nationalPercent = indicator && !indicator.nationalPercentSuggested && !pending ? (indicator.nationalPercent ?? null) : null
  const localValue = pending || blank(indicator?.localValue) ? null : indicator!.localValue!.trim()
  const hasIndicator = indicator && (!blank(indicator.code) || nationalPercent != null || localValue !== null)
  return {
    national: (stored.national ?? '').trim(),
    local: blank(stored.local) ? null : stored.local!.trim(),
    ...(hasIndicator
      ? {
          indicator: {
            code: blank(indicator.code) ? null : indicator.code!.trim(),
            nationalPercent,
            localValue,
          },
        }
      : {}),
  }
}

/**
 * Blocks in the stored order, which the save keeps with the result sets newest
 * year first (collections/Areas/pipeline.ts); ordered here by the same rule for
 * versions saved before it did.
 */
function bodyBlocks(body: StoredBlock[]): BodyBlock[] {
  const years = body.flatMap((block) => (block.blockType === 'resultSet' && typeof block.surveyYear === 'number' ? [block.surveyYear] : []))
  const newest = years.length ? Math.max(...years) : 0
  return orderBodyResultSets(body).flatMap((block): BodyBlock[] => {
    if (block.blockType === 'resultSet') {
      const set = block as Extract<StoredBlock, { blockType: 'resultSet' }>
      // A set without a year is refused on save; a version that has one shows nothing for it.
      if (typeof set.surveyYear !== 'number') return []
      const lead = (set.lead === 'visar bland annat' ? set.lead : 'visar att') as ResultLead
      return [
        {
          type: 'resultSet',
          surveyYear: set.surveyYear,
          heading: deriveResultSetHeading(set.surveyYear, lead, newest),
          bullets: (set.bullets ?? []).filter((item) => !blank(item.national)).map(bullet),
        },
      ]
    }
    if (block.blockType === 'textSection') {
      const content = richText((block as { content?: unknown }).content)
      const heading = (block as { heading?: string | null }).heading
      return content ? [{ type: 'textSection', heading: blank(heading) ? null : heading!.trim(), content }] : []
    }
    if (block.blockType === 'note') {
      const text = (block as { text?: string | null }).text
      return blank(text) ? [] : [{ type: 'note', text: text!.trim() }]
    }
    return []
  })
}

/** The snapshot of one area as stored (a published version, or a draft for preview). */
export function buildAreaSnapshot(area: StoredArea): AreaSnapshot {
  return {
    id: String(area.id),
    slug: area.slug ?? String(area.id),
    title: (area.title ?? '').trim(),
    teaser: blank(area.teaser) ? null : area.teaser!.trim(),
    sectionId: relationId(area.section),
    intro: richText(area.intro),
    body: bodyBlocks(area.body ?? []),
    otherLinks: (area.otherLinks ?? [])
      // A link without an address is still content: kept, with url null (shown as text).
      .filter((link) => !blank(link.title))
      .map((link) => ({ title: link.title!.trim(), url: blank(link.url) ? null : link.url!.trim() })),
    indicators: [],
    indicatorNames: {},
    firstPublishedAt: isoOrNull(area.firstPublishedAt),
    lastPublishedAt: isoOrNull(area.lastPublishedAt),
  }
}
