import { describe, expect, it } from 'vitest'

import { checkPage, checkPageErrors, type QualityPage } from '@/quality'

const context = { now: new Date('2024-10-01T12:00:00Z') }

const page: QualityPage = {
  title: 'Föräldrastöd',
  body: [
    {
      blockType: 'resultSet',
      surveyYear: 2024,
      bullets: [
        { national: '140 procent av kommunerna erbjuder föräldrastöd i grupp.', local: 'Kalmar erbjuder föräldrastöd i grupp.' },
        { national: 'Få kommuner följer upp stödet.', local: '' },
      ],
    },
  ],
}

describe('checkPageErrors', () => {
  it('gives the error-level findings of checkPage, in its order, and no warnings', () => {
    const errors = checkPageErrors(page, context)
    expect(errors.map((finding) => finding.rule)).toEqual(['missing-answer', 'percent-range'])
    expect(errors).toEqual(checkPage(page, context).filter((finding) => finding.severity === 'error'))
  })

  it('nothing for a page without errors', () => {
    expect(checkPageErrors({ title: 'Tom', body: [] }, context)).toEqual([])
  })
})
