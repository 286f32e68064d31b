/** Readability: long sentences, and LIX per section. */
import type { FindingLocation } from '../types'
import { letterCount, sentencesOf, wordsOf } from '../text/words'
import { blockLocation, type PageView, textUnits } from '../view'
import { excerpt, finding, type Rule } from './rule'

/** Plain-language guidance for public authorities puts the limit of an easily read sentence at 25–35 words. */
export const MAX_SENTENCE_WORDS = 35

export const longSentence: Rule = {
  id: 'long-sentence',
  name: 'Lång mening',
  severity: 'warning',
  check: (view) =>
    textUnits(view)
      .filter((unit) => unit.section !== 'title' && unit.section !== 'heading')
      .flatMap((unit) =>
        sentencesOf(unit.text).flatMap((sentence) => {
          const count = wordsOf(sentence).length
          return count > MAX_SENTENCE_WORDS
            ? [finding(longSentence, unit.location, `Meningen "${excerpt(sentence)}" har ${count} ord (högst ${MAX_SENTENCE_WORDS}). Dela upp den.`)]
            : []
        }),
      ),
}

/**
 * LIX = words per sentence + percentage of words longer than six letters.
 * Above 50 is "svår" (official prose, e.g. reports); 40–50 is ordinary
 * newspaper text, the aim for a municipality's web page. Under 30 words the
 * score swings with a single sentence, so such sections are not judged.
 */
export const MAX_LIX = 50
export const MIN_LIX_WORDS = 30

export type SectionLix = { section: string; label: string; location: FindingLocation; words: number; sentences: number; longWords: number; lix: number }

export function lixScore(texts: readonly string[]): { words: number; sentences: number; longWords: number; lix: number } {
  const sentences = texts.flatMap(sentencesOf)
  const words = sentences.flatMap(wordsOf)
  const longWords = words.filter((word) => letterCount(word) > 6).length
  const lix = words.length === 0 ? 0 : words.length / sentences.length + (100 * longWords) / words.length
  return { words: words.length, sentences: sentences.length, longWords, lix: Math.round(lix) }
}

function sectionLabel(view: PageView, section: string): { label: string; location: FindingLocation } {
  const block = view.blocks.find((candidate) => `body.${candidate.index}` === section)
  if (!block) return { label: 'Inledning', location: { field: 'intro', path: 'intro' } }
  if (block.kind === 'resultSet') return { label: `Resultat ${block.surveyYear ?? '(utan år)'}`, location: blockLocation(block, 'bullets') }
  if (block.kind === 'note') return { label: 'OBS-ruta', location: blockLocation(block, 'text') }
  return { label: block.heading ? `Textavsnitt "${block.heading}"` : `Textavsnitt (block ${block.index + 1})`, location: blockLocation(block, 'content') }
}

/** LIX of the intro, each result set, each text section and each note, in page order (informational; the CLI prints it). */
export function lixBySection(view: PageView): SectionLix[] {
  const texts = new Map<string, string[]>()
  for (const unit of textUnits(view)) {
    if (unit.section === 'title' || unit.section === 'heading') continue
    texts.set(unit.section, [...(texts.get(unit.section) ?? []), unit.text])
  }
  return [...texts].map(([section, parts]) => ({ section, ...sectionLabel(view, section), ...lixScore(parts) }))
}

export const lix: Rule = {
  id: 'lix',
  name: 'Svårläst text (LIX)',
  severity: 'warning',
  check: (view) =>
    lixBySection(view)
      .filter((score) => score.words >= MIN_LIX_WORDS && score.lix > MAX_LIX)
      .map((score) => finding(lix, score.location, `${score.label} har LIX ${score.lix} (högst ${MAX_LIX}): kortare meningar och ord gör texten lättare att läsa.`)),
}
