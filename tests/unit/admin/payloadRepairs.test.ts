import { describe, expect, it } from 'vitest'

import { ENGLISH_NAMES, swedishFromEnglishDateTime } from '@/admin/payloadRepairs'

describe('swedishFromEnglishDateTime (the lock dialog)', () => {
  it('writes en-US date and time the Swedish way, on the same clock', () => {
    expect(swedishFromEnglishDateTime('Dec 2, 2026, 7:48 AM')).toBe('2 december 2026 kl. 07.48')
    expect(swedishFromEnglishDateTime('Jun 28, 2023, 2:00 PM')).toBe('28 juni 2023 kl. 14.00')
    expect(swedishFromEnglishDateTime('Jan 1, 2027, 12:05 AM')).toBe('1 januari 2027 kl. 00.05')
    expect(swedishFromEnglishDateTime('May 9, 2026, 12:30 PM')).toBe('9 maj 2026 kl. 12.30')
    // Intl puts a narrow no-break space before AM/PM in newer ICU versions.
    expect(swedishFromEnglishDateTime('Mar 3, 2026, 9:15\u202fAM')).toBe('3 mars 2026 kl. 09.15')
  })

  it('leaves any other text alone', () => {
    for (const text of ['2 december 2026 kl. 07.48', 'anna@kalmar.example', 'Foo 2, 2026, 7:48 AM', '']) expect(swedishFromEnglishDateTime(text)).toBeNull()
  })
})

describe('ENGLISH_NAMES', () => {
  it('has a Swedish name for each of the English names the issue lists', () => {
    expect(Object.keys(ENGLISH_NAMES).sort()).toEqual(['Add block', 'Drag to move', 'Edit link', 'Insert Paragraph', 'Remove link'])
    for (const swedish of Object.values(ENGLISH_NAMES)) expect(swedish).toMatch(/^[A-ZÅÄÖ][a-zåäö ]+$/)
  })
})
