/**
 * What changed between two published versions of a page, for the public
 * record ("historik"): bullets added, removed and changed per survey year,
 * and which other parts of the page changed. Pure.
 */
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

/** "Första publiceringen", or e.g. "2 nya punkter, 1 ändrad punkt; ändrat: inledningen". */
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
