/**
 * What changed between two published versions of a page, for the public
 * record ("historik"): bullets added, removed and changed per survey year,
 * and which other parts of the page changed. Pure.
 */
import { formatSwedishDate, stockholmCalendarDate } from '@/domain/swedishDate'
import type { AreaSnapshot } from './snapshot'
import type { Bullet, VersionChanges } from './schemas'

type YearBullets = Map<number, Bullet[]>

function bulletsByYear(snapshot: AreaSnapshot | null): YearBullets {
  const years: YearBullets = new Map()
  for (const block of snapshot?.body ?? []) {
    if (block.type === 'resultSet') years.set(block.surveyYear, [...(years.get(block.surveyYear) ?? []), ...block.bullets])
  }
  return years
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * Bullets are matched within their survey year: first by identical national
 * finding, then the rest by position (an edited finding is a change, not a
 * removal plus an addition); what is left over was added or removed.
 */
export function diffSnapshots(previous: AreaSnapshot | null, next: AreaSnapshot): VersionChanges {
  const changes: VersionChanges = { added: [], removed: [], changed: [], other: [] }
  const before = bulletsByYear(previous)
  const after = bulletsByYear(next)
  const years = [...new Set([...before.keys(), ...after.keys()])].sort((a, b) => b - a)
  for (const surveyYear of years) {
    const old = [...(before.get(surveyYear) ?? [])]
    const unmatched: Bullet[] = []
    for (const bullet of after.get(surveyYear) ?? []) {
      const index = old.findIndex((candidate) => candidate.national === bullet.national)
      if (index === -1) {
        unmatched.push(bullet)
        continue
      }
      const [match] = old.splice(index, 1)
      if (!same(match, bullet)) changes.changed.push({ surveyYear, national: bullet.national, local: bullet.local, before: { national: match!.national, local: match!.local } })
    }
    unmatched.forEach((bullet, index) => {
      const match = old[index]
      if (match) changes.changed.push({ surveyYear, national: bullet.national, local: bullet.local, before: { national: match.national, local: match.local } })
      else changes.added.push({ surveyYear, national: bullet.national, local: bullet.local })
    })
    for (const bullet of old.slice(unmatched.length)) changes.removed.push({ surveyYear, national: bullet.national, local: bullet.local })
  }
  const parts: [VersionChanges['other'][number], unknown, unknown][] = [
    ['title', previous?.title, next.title],
    ['teaser', previous?.teaser, next.teaser],
    ['intro', previous?.intro, next.intro],
    ['text', previous?.body.filter((block) => block.type !== 'resultSet'), next.body.filter((block) => block.type !== 'resultSet')],
    ['otherLinks', previous?.otherLinks, next.otherLinks],
  ]
  if (previous) changes.other = parts.filter(([, a, b]) => !same(a ?? null, b ?? null)).map(([part]) => part)
  return changes
}

const OTHER_LABELS: Record<VersionChanges['other'][number], string> = {
  title: 'titeln',
  teaser: 'ingressen i länklistor',
  intro: 'inledningen',
  text: 'textavsnitt eller OBS-rutor',
  otherLinks: 'övriga länkar',
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** "Första publiceringen", as stored with a page's first entry in the record; or e.g. "2 nya punkter, 1 ändrad punkt; ändrat: inledningen". */
export function summarizeChanges(changes: VersionChanges, isFirst: boolean): string {
  if (isFirst) return 'Första publiceringen.'
  const bullets = [
    changes.added.length ? count(changes.added.length, 'ny punkt', 'nya punkter') : null,
    changes.removed.length ? count(changes.removed.length, 'borttagen punkt', 'borttagna punkter') : null,
    changes.changed.length ? count(changes.changed.length, 'ändrad punkt', 'ändrade punkter') : null,
  ].filter(Boolean)
  const other = changes.other.map((part) => OTHER_LABELS[part])
  const sentences = [bullets.join(', '), other.length ? `ändrat: ${other.join(', ')}` : ''].filter(Boolean)
  if (!sentences.length) return 'Publicerad igen utan ändringar i innehållet.'
  const text = sentences.join('; ')
  return text.charAt(0).toUpperCase() + text.slice(1) + '.'
}

/** An instant's (or bare ISO date's) day on the Stockholm calendar as "YYYY-MM-DD"; null when it is no date. */
function stockholmDay(value: string): string | null {
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return null
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value
  const { year, month, day } = stockholmCalendarDate(date)
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/**
 * What the oldest version in the record says about itself, from what is known
 * at read time. The stored summary ("Första publiceringen.") is kept as it was
 * written (the record is never rewritten), but it is only true when the page
 * was not first published on an earlier day: a page imported from the old
 * site says "Publicerad 27 juni 2019" while its record starts in 2020. Then
 * the version is the oldest one held, and that is what the reader is told.
 */
export function oldestVersionSummary(stored: string, publishedAt: string, firstPublishedAt: string | null | undefined): string {
  const first = firstPublishedAt ? stockholmDay(firstPublishedAt) : null
  const held = stockholmDay(publishedAt)
  if (!first || !held || first >= held) return stored
  return `Den äldsta version som finns i systemet. Sidan publicerades första gången ${formatSwedishDate(first)}; tidigare versioner finns inte här.`
}
