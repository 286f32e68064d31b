import { describe, expect, it } from 'vitest'

import { contentStems, coverage, matchedCount, stemsMatch } from '@/quality/text/overlap'
import { swedishStem } from '@/quality/text/stem'

describe('swedishStem', () => {
  it('strips inflections as the Snowball Swedish stemmer does', () => {
    expect(swedishStem('kommunerna')).toBe('kommun')
    expect(swedishStem('erbjuder')).toBe('erbjud')
    expect(swedishStem('erbjuds')).toBe('erbjud')
    expect(swedishStem('utredningar')).toBe('utredning')
    expect(swedishStem('samordnad')).toBe('samordn')
    expect(swedishStem('Verksamheten')).toBe('verksam')
    expect(swedishStem('planen')).toBe('plan')
    expect(swedishStem('hoppfullt')).toBe('hoppfull')
  })

  it('leaves short words alone', () => {
    expect(swedishStem('barn')).toBe('barn')
    expect(swedishStem('stöd')).toBe('stöd')
  })
})

describe('content-word overlap', () => {
  it('drops stop words, survey frame words, negations, numbers and given names', () => {
    expect(contentStems('I år uppger 37 procent av kommunerna att de inte har en rutin för Kalmars hembesök.', ['Kalmars'])).toEqual(['rutin', 'hembesök'])
  })

  it('matches equal stems and long prefixes only', () => {
    expect(stemsMatch('samordn', 'samordning')).toBe(true)
    expect(stemsMatch('kompetensutveckling', 'kompetensutvecklingsplan')).toBe(true)
    expect(stemsMatch('plan', 'planering')).toBe(false)
    expect(stemsMatch('stöd', 'stöd')).toBe(true)
  })

  it('measures the share of one text found in another', () => {
    expect(matchedCount(['rutin', 'hembesök', 'barnfamilj'], ['rutin', 'barnfamiljer'])).toBe(2)
    expect(coverage(['rutin', 'hembesök'], ['rutin'])).toBe(0.5)
    expect(coverage([], ['rutin'])).toBe(0)
  })
})
