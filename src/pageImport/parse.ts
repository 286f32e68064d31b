/**
 * Parses the text of one "Öppna jämförelser" page file (see seed/kalmar) into a
 * validated ParsedPage. Pure: no I/O. Text is kept as written; anything the
 * parser had to interpret (merged sets, joined lines, suspected hyphens) is
 * reported as a warning with its line.
 */
import { validateSurveyYear } from '@/domain/resultSets'

import { type Block, splitLines, toBlocks } from './blocks'
import { isHeading, isNote, readDates, readHead } from './head'
import { Reader } from './reader'
import { type ParsedBodyBlock, type ParsedBullet, type ParsedPage, parsedPageSchema, type ParsedResultSet, type ParsedTextSection } from './schema'

export { PageParseError } from './errors'
export type { ParsedBodyBlock, ParsedBullet, ParsedPage, ParsedResultSet, ParseWarning } from './schema'
export { parsedPageSchema } from './schema'

/** "• national" with, optionally, indented answer lines directly below it. */
function readBullet(block: Extract<Block, { kind: 'bullet' }>, reader: Reader): ParsedBullet & { answered: boolean } {
  const [first, ...rest] = block.lines
  const firstText = (first?.text ?? '').replace(/^•\s*/u, '')
  if (firstText === '') reader.fail(block.line, 'Punkten ("•") saknar text.')
  const answerStart = rest.findIndex((source) => source.indented)
  const nationalLines = answerStart === -1 ? rest : rest.slice(0, answerStart)
  const localLines = answerStart === -1 ? [] : rest.slice(answerStart)
  return {
    national: reader.take([{ ...first!, text: firstText }, ...nationalLines]),
    local: reader.take(localLines),
    line: block.line,
    localLine: localLines[0]?.line ?? null,
    answered: localLines.length > 0,
  }
}

/** Two sets of one year (two "Årets" headings in 000 and 002) become one, at the first one's place. */
function mergeDuplicateYears(body: ParsedBodyBlock[], reader: Reader): ParsedBodyBlock[] {
  const byYear = new Map<number, ParsedResultSet>()
  return body.filter((block) => {
    if (block.type !== 'resultSet') return true
    const first = byYear.get(block.surveyYear)
    if (!first) {
      byYear.set(block.surveyYear, block)
      return true
    }
    first.bullets.push(...block.bullets)
    // "bland annat" (among other things) stays true of the combined list; plain "visar att" might not.
    if (block.lead === 'visar bland annat') first.lead = 'visar bland annat'
    reader.warn(
      block.line,
      'merged-result-sets',
      `Resultatavsnitten på rad ${first.line} och rad ${block.line} gäller båda år ${block.surveyYear} och har slagits ihop till ett (punkterna i filens ordning).`,
    )
    return false
  })
}

export function parsePage(text: string, sourceName: string): ParsedPage {
  // Annotated so that reader.fail (returns never) narrows like an assertion.
  const reader: Reader = new Reader(sourceName)
  const lines = splitLines(text)
  const lastLine = lines.filter((source) => source.text !== '').at(-1)?.line
  if (lastLine === undefined) reader.fail(1, 'Filen är tom.')
  const blocks = toBlocks(lines)

  const { notice, title, intro, next } = readHead(blocks, reader)
  const { lastUpdated, published } = readDates(blocks, reader, lastLine)
  const currentYear = Number(lastUpdated.slice(0, 4))

  let body: ParsedBodyBlock[] = []
  let section: ParsedPage['section'] = null
  const related: ParsedPage['related'] = []
  const otherLinks: ParsedPage['otherLinks'] = []
  let hasOtherLinksHeading = false
  let phase: 'body' | 'related' | 'otherLinks' | 'end' = 'body'

  let openSet: ParsedResultSet | null = null
  let lastSet: ParsedResultSet | null = null
  let openSection: ParsedTextSection | null = null
  let awaitingAnswer: ParsedBullet | null = null
  let pendingTitle: { title: string; line: number } | null = null

  const unplaced = (block: Block, where: string) =>
    reader.warn(block.line, 'unplaced-text', `Texten på rad ${block.line} kunde inte placeras (${where}) och har inte importerats.`)
  const noAnswer = (bullet: ParsedBullet) =>
    reader.warn(bullet.line, 'missing-local-answer', `Punkten på rad ${bullet.line} saknar Kalmars svar; svaret lämnas tomt.`)
  const newResultSet = (surveyYear: number, lead: ParsedResultSet['lead'], line: number): ParsedResultSet => {
    const yearError = validateSurveyYear(surveyYear, new Date(`${lastUpdated}T12:00:00Z`))
    if (yearError) reader.warn(line, 'survey-year-out-of-range', yearError)
    const set: ParsedResultSet = { type: 'resultSet', surveyYear, lead, line, bullets: [] }
    body.push(set)
    return set
  }
  const flushRelated = () => {
    if (!pendingTitle) return
    reader.warn(pendingTitle.line, 'related-without-teaser', `Den relaterade sidan "${pendingTitle.title}" (rad ${pendingTitle.line}) saknar ingress.`)
    related.push({ ...pendingTitle, teaser: '' })
    pendingTitle = null
  }

  for (let index = next; index < blocks.length; index++) {
    const block = blocks[index]!
    if (awaitingAnswer) {
      const bullet: ParsedBullet = awaitingAnswer
      awaitingAnswer = null
      if (block.kind === 'paragraph' && phase === 'body') {
        bullet.local = reader.take(block.lines)
        bullet.localLine = block.line
        continue
      }
      noAnswer(bullet)
    }
    if (block.kind === 'sectionMarker') {
      if (section) reader.fail(block.line, `"Fler sidor inom …" förekommer en andra gång (första gången på rad ${section.line}).`)
      section = { title: reader.take([{ text: block.title, line: block.line, indented: false }]), line: block.line }
      phase = 'related'
      continue
    }
    if (block.kind === 'otherLinksHeading') {
      flushRelated()
      hasOtherLinksHeading = true
      phase = 'otherLinks'
      continue
    }
    if (block.kind === 'date') {
      flushRelated()
      phase = 'end'
      continue
    }
    if (phase === 'related') {
      if (block.kind !== 'paragraph') unplaced(block, 'punkt eller resultatrubrik bland "Fler sidor inom …"')
      else if (pendingTitle) {
        related.push({ ...pendingTitle, teaser: reader.take(block.lines) })
        pendingTitle = null
      } else pendingTitle = { title: reader.take(block.lines), line: block.line }
      continue
    }
    if (phase === 'otherLinks') {
      if (block.kind !== 'paragraph') unplaced(block, 'punkt eller resultatrubrik under "Övriga länkar"')
      else {
        const linkText = reader.take(block.lines)
        const url = /(https?:\/\/[^\s)>]+)/u.exec(linkText)?.[1] ?? null
        const linkTitle = url ? linkText.replace(url, '').replace(/[\s()<>:–-]+$/u, '').trim() : linkText
        otherLinks.push({ title: linkTitle || linkText, url, line: block.line })
        if (!url) {
          reader.warn(block.line, 'link-without-address', `Länken "${linkText}" under "Övriga länkar" (rad ${block.line}) saknar adress; den importeras utan adress och visas som text tills en adress läggs till.`)
        }
      }
      continue
    }
    if (phase === 'end') {
      unplaced(block, 'efter datumraderna')
      continue
    }

    // phase === 'body'
    if (block.kind === 'resultHeading') {
      openSet = lastSet = newResultSet(block.year ?? currentYear, block.lead, block.line)
      openSection = null
    } else if (block.kind === 'bullet') {
      if (!openSet) {
        if (!lastSet) reader.fail(block.line, 'Punkten står före första resultatrubriken (t.ex. "Årets resultat visar att:").')
        // A bullet after prose continues the previous set; duplicate years are merged (and reported) below.
        openSet = lastSet = newResultSet(lastSet.surveyYear, lastSet.lead, block.line)
        openSection = null
      }
      const { answered, ...bullet } = readBullet(block, reader)
      openSet.bullets.push(bullet)
      if (!answered) awaitingAnswer = bullet
    } else {
      openSet = null
      const paragraph = reader.take(block.lines)
      if (isNote(paragraph)) {
        body.push({ type: 'note', text: paragraph, line: block.line })
        openSection = null
      } else if (isHeading(block, blocks[index + 1])) {
        openSection = { type: 'textSection', heading: paragraph, paragraphs: [], line: block.line }
        body.push(openSection)
      } else if (openSection) {
        openSection.paragraphs.push(paragraph)
      } else {
        openSection = { type: 'textSection', heading: null, paragraphs: [paragraph], line: block.line }
        body.push(openSection)
      }
    }
  }
  if (awaitingAnswer) noAnswer(awaitingAnswer)
  flushRelated()
  body = mergeDuplicateYears(body, reader)

  const warnings = reader.warnings.map((warning, order) => ({ warning, order }))
  warnings.sort((a, b) => a.warning.line - b.warning.line || a.order - b.order)

  return parsedPageSchema.parse({
    sourceName,
    notice,
    title,
    intro,
    body,
    section,
    related,
    otherLinks,
    hasOtherLinksHeading,
    lastUpdated,
    published,
    warnings: warnings.map(({ warning }) => warning),
  })
}
