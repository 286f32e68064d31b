import { describe, expect, it } from 'vitest'

import { formatSwedishDate, parseSwedishDate, SWEDISH_MONTHS, SwedishDateError, swedishDateTimeOrNull, tryParseSwedishDate } from '@/domain/swedishDate'

describe('parseSwedishDate', () => {
  it('reads the dates of the seed files', () => {
    expect(parseSwedishDate('27 juni 2019')).toBe('2019-06-27')
    expect(parseSwedishDate('28 juni 2023')).toBe('2023-06-28')
    expect(parseSwedishDate('4 juli 2017')).toBe('2017-07-04')
    expect(parseSwedishDate('6 december 2019')).toBe('2019-12-06')
  })

  it('knows all twelve months, case-insensitively', () => {
    SWEDISH_MONTHS.forEach((month, index) => {
      expect(parseSwedishDate(`1 ${month} 2020`)).toBe(`2020-${String(index + 1).padStart(2, '0')}-01`)
    })
    expect(parseSwedishDate('1 JANUARI 2020')).toBe('2020-01-01')
    expect(parseSwedishDate('1 Maj 2020')).toBe('2020-05-01')
  })

  it('tolerates surrounding and non-breaking spaces and a leading zero', () => {
    expect(parseSwedishDate('  05\u00a0mars  2021 ')).toBe('2021-03-05')
  })

  it('checks the day against the month, leap years included', () => {
    expect(parseSwedishDate('29 februari 2020')).toBe('2020-02-29')
    expect(parseSwedishDate('31 december 2019')).toBe('2019-12-31')
    expect(() => parseSwedishDate('29 februari 2019')).toThrow('Dagen 29 finns inte i februari 2019')
    expect(() => parseSwedishDate('31 juni 2019')).toThrow(SwedishDateError)
    expect(() => parseSwedishDate('0 juni 2019')).toThrow(SwedishDateError)
  })

  it('names an unknown month', () => {
    let caught: unknown
    try {
      parseSwedishDate('27 juno 2019')
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(SwedishDateError)
    expect((caught as SwedishDateError).reason).toBe('month')
    expect((caught as SwedishDateError).message).toBe('Okänd månad "juno" i datumet "27 juno 2019".')
    expect(() => parseSwedishDate('27 june 2019')).toThrow('Okänd månad "june"')
  })

  it('refuses other formats', () => {
    for (const text of ['', '2019-06-27', 'juni 2019', '27 juni', '27 juni 19', '27. juni 2019', '27 juni 2019 kl 12']) {
      expect(() => parseSwedishDate(text), text).toThrow(SwedishDateError)
    }
    expect(() => parseSwedishDate('2019-06-27')).toThrow('"2019-06-27" är inte ett datum av formen "27 juni 2019".')
  })

  it('has a variant that returns null instead of throwing', () => {
    expect(tryParseSwedishDate('27 juni 2019')).toBe('2019-06-27')
    expect(tryParseSwedishDate('27 juno 2019')).toBeNull()
  })
})

describe('formatSwedishDate', () => {
  it('prints a bare ISO date as that calendar date', () => {
    expect(formatSwedishDate('2019-06-27')).toBe('27 juni 2019')
    expect(formatSwedishDate('2017-07-04')).toBe('4 juli 2017')
    expect(formatSwedishDate('2020-01-01')).toBe('1 januari 2020')
  })

  it('prints an instant on the Stockholm calendar', () => {
    // 22:30 UTC on 27 June is 00:30 on 28 June in Stockholm (summer time, UTC+2).
    expect(formatSwedishDate('2019-06-27T22:30:00.000Z')).toBe('28 juni 2019')
    expect(formatSwedishDate(new Date('2019-06-27T21:59:00Z'))).toBe('27 juni 2019')
    // Winter time is UTC+1.
    expect(formatSwedishDate(new Date('2019-12-31T23:00:00Z'))).toBe('1 januari 2020')
    expect(formatSwedishDate(new Date('2019-12-31T22:59:00Z'))).toBe('31 december 2019')
  })

  it('round-trips with parseSwedishDate', () => {
    for (const text of ['27 juni 2019', '6 december 2019', '29 februari 2024']) {
      expect(formatSwedishDate(parseSwedishDate(text))).toBe(text)
    }
  })

  it('refuses invalid dates', () => {
    expect(() => formatSwedishDate('2019-02-30')).toThrow(RangeError)
    expect(() => formatSwedishDate('2019-13-01')).toThrow('Ogiltigt datum: "2019-13-01".')
    expect(() => formatSwedishDate('igår')).toThrow(RangeError)
    expect(() => formatSwedishDate(new Date(Number.NaN))).toThrow(RangeError)
  })
})

describe('swedishDateTimeOrNull', () => {
  it('prints an expiry time with the Stockholm clock, summer and winter', () => {
    expect(swedishDateTimeOrNull('2023-06-28T12:05:00.000Z')).toBe('28 juni 2023 kl. 14.05')
    expect(swedishDateTimeOrNull('2024-01-15T08:30:00.000Z')).toBe('15 januari 2024 kl. 09.30')
    expect(swedishDateTimeOrNull('2023-06-27T22:30:00.000Z')).toBe('28 juni 2023 kl. 00.30')
    expect(swedishDateTimeOrNull('inte ett datum')).toBeNull()
    expect(swedishDateTimeOrNull(undefined)).toBeNull()
  })

})
