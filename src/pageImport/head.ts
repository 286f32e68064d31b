/** The parts of a page file read before its body: notice, title, intro, and the two dates. */
import { parseSwedishDate, SwedishDateError } from '@/domain/swedishDate'

import { type Block, fold } from './blocks'
import type { Reader } from './reader'

type Paragraph = Extract<Block, { kind: 'paragraph' }>

const HEADING_MAX_LENGTH = 80

export const isNote = (text: string) => /^obs!/iu.test(text)

export function readDates(blocks: readonly Block[], reader: Reader, lastLine: number) {
  const found: Partial<Record<'lastUpdated' | 'published', { iso: string; line: number }>> = {}
  for (const block of blocks) {
    if (block.kind !== 'date') continue
    const earlier = found[block.field]
    if (earlier) reader.fail(block.line, `"${block.text}" förekommer en andra gång (första gången på rad ${earlier.line}).`)
    try {
      found[block.field] = { iso: parseSwedishDate(block.value), line: block.line }
    } catch (error) {
      if (error instanceof SwedishDateError) reader.fail(block.line, `Felaktigt datum i "${block.text}": ${error.message}`)
      throw error
    }
  }
  const missing = (label: string) =>
    reader.fail(lastLine, `Raden "${label}: <datum>" saknas (t.ex. "${label}: 27 juni 2019"). Är detta en hel sida ur Öppna jämförelser?`)
  return {
    lastUpdated: found.lastUpdated?.iso ?? missing('Senast uppdaterad'),
    published: found.published?.iso ?? missing('Publicerad'),
  }
}

/** A one-line paragraph without final punctuation, followed by prose: "Så används resultatet". */
export function isHeading(block: Block | undefined, next: Block | undefined): boolean {
  if (block?.kind !== 'paragraph' || block.lines.length !== 1 || next?.kind !== 'paragraph') return false
  const text = block.lines[0]?.text ?? ''
  const nextText = next.lines[0]?.text ?? ''
  return text.length <= HEADING_MAX_LENGTH && !/[.:!?]$/u.test(text) && !isNote(text) && !isNote(nextText)
}

/** Notice, title and intro: the intro is the first paragraph mentioning "jämförelse", the title the one before it. */
export function readHead(blocks: readonly Block[], reader: Reader) {
  const firstStructural = blocks.findIndex((block) => block.kind !== 'paragraph')
  const head = (firstStructural === -1 ? blocks : blocks.slice(0, firstStructural)) as Paragraph[]
  const introIndex = head.findIndex((block) => block.lines.some((source) => fold(source.text).includes('jämförelse')))
  if (introIndex === -1) {
    reader.fail(
      blocks[firstStructural]?.line ?? blocks[0]?.line ?? 1,
      'Hittade ingen ingress (ett stycke om Öppna jämförelser) före första resultatavsnittet. Filen ser inte ut som en sida ur Öppna jämförelser.',
    )
  }
  const introBlock = head[introIndex]!
  const titleBlock = head[introIndex - 1]
  if (!titleBlock) reader.fail(introBlock.line, 'Sidan saknar titel: ingressen är filens första stycke.')

  const [noticeText, ...noticeBody] = head.slice(0, introIndex - 1)
  const notice = noticeText
    ? {
        text: reader.take(noticeText.lines),
        body: noticeBody.length ? noticeBody.map((block) => reader.take(block.lines)).join('\n\n') : null,
        line: noticeText.line,
      }
    : null
  const title = reader.take(titleBlock.lines)

  // Further paragraphs belong to the intro until a note or a text-section heading.
  let end = introIndex + 1
  while (end < head.length && !isNote(head[end]!.lines[0]?.text ?? '') && !isHeading(head[end], blocks[end + 1])) end += 1
  const intro = head.slice(introIndex, end).map((block) => reader.take(block.lines))
  return { notice, title, intro, next: end }
}
