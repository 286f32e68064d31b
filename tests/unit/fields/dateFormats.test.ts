import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'
import { sv } from 'date-fns/locale'
import { describe, expect, it } from 'vitest'

import { ADMIN_DATE_FORMAT, ADMIN_DATE_TIME_FORMAT } from '@/fields/dateFormats'
import { formatSwedishDate, swedishDateTimeOrNull } from '@/domain/swedishDate'

/** As Payload's admin formats a date (@payloadcms/ui formatDate): date-fns, its Swedish locale, a time zone. */
const asAdmin = (iso: string, pattern: string) => format(new TZDate(new Date(iso), 'Europe/Stockholm'), pattern, { locale: sv })

describe('the admin’s date formats', () => {
  it('write an instant as the public pages do, on the Stockholm clock', () => {
    expect(asAdmin('2026-12-02T06:14:00Z', ADMIN_DATE_TIME_FORMAT)).toBe('2 december 2026 kl. 07.14')
    // Summer time, a single-digit day, midnight.
    expect(asAdmin('2023-06-28T12:00:00Z', ADMIN_DATE_TIME_FORMAT)).toBe('28 juni 2023 kl. 14.00')
    expect(asAdmin('2026-03-01T23:05:00Z', ADMIN_DATE_TIME_FORMAT)).toBe('2 mars 2026 kl. 00.05')
  })

  it('agree with the public formatters for every month and both halves of the day', () => {
    for (let month = 0; month < 12; month++) {
      for (const hour of [3, 15]) {
        const iso = new Date(Date.UTC(2025, month, 9, hour, 7)).toISOString()
        expect(asAdmin(iso, ADMIN_DATE_TIME_FORMAT)).toBe(swedishDateTimeOrNull(iso))
        expect(asAdmin(iso, ADMIN_DATE_FORMAT)).toBe(formatSwedishDate(iso))
      }
    }
  })

  it('have no English or twelve-hour parts left', () => {
    const written = asAdmin('2026-12-02T15:14:00Z', ADMIN_DATE_TIME_FORMAT)
    expect(written).toBe('2 december 2026 kl. 16.14')
    expect(written).not.toMatch(/\b(fm|em|AM|PM)\b|\d:(e|a)\b/)
  })
})
