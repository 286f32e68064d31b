/** Words and sentences of plain Swedish text, as the readability rules count them. */

// "90,9", "2017-2019", "IPS-modellen" and "SCB:s" are one word each.
const WORD = /[\p{L}\p{N}]+(?:[-:,.’'][\p{L}\p{N}]+)*/gu

export const wordsOf = (text: string): string[] => [...text.matchAll(WORD)].map((match) => match[0])

/** Letters only: LIX counts a word as long when it has more than six letters. */
export const letterCount = (word: string): number => word.match(/\p{L}/gu)?.length ?? 0

/**
 * Sentence ends are ".", "!" or "?" before a capital, digit or quote, so that
 * "t.ex. att" and "bl.a. för" do not end a sentence; a line break always does.
 */
const SENTENCE_END = /(?<=[.!?])\s+(?=[\p{Lu}\p{N}"”„«(])|\n+/u

export const sentencesOf = (text: string): string[] =>
  text
    .split(SENTENCE_END)
    .map((sentence) => sentence.trim())
    .filter((sentence) => wordsOf(sentence).length > 0)
