import { describe, expect, it } from 'vitest'

import { calendarEvents } from '@/calendar/events'
import { escapeText, foldLine, formatUtc, serializeCalendar } from '@/calendar/ical'

const octets = (line: string) => new TextEncoder().encode(line).length

describe('escapeText', () => {
  it('escapes backslashes, semicolons, commas and newlines (RFC 5545 3.3.11)', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf')
  })
  it('drops control characters TEXT may not hold', () => {
    expect(escapeText('a\u0007b\tc')).toBe('ab\tc')
  })
})

describe('foldLine', () => {
  it('leaves a short line alone', () => {
    expect(foldLine('SUMMARY:Kort')).toBe('SUMMARY:Kort')
  })

  it('folds at 75 octets, never inside a UTF-8 character, and unfolds to the original', () => {
    const line = `SUMMARY:${'Åäö-ö€😀'.repeat(30)}`
    const folded = foldLine(line)
    const parts = folded.split('\r\n')
    expect(parts.length).toBeGreaterThan(3)
    for (const part of parts) expect(octets(part)).toBeLessThanOrEqual(75)
    for (const part of parts.slice(1)) expect(part.startsWith(' ')).toBe(true)
    // Every part is valid UTF-8 on its own: nothing was cut inside a character.
    for (const part of parts) expect(new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(part))).toBe(part)
    expect(folded.replace(/\r\n /g, '')).toBe(line)
  })

  it('fills ASCII lines to exactly 75 octets, the leading space counted', () => {
    const parts = foldLine('X'.repeat(200)).split('\r\n')
    expect(parts.map(octets)).toEqual([75, 75, 52])
  })
})

describe('serializeCalendar', () => {
  const now = new Date('2026-12-01T10:00:00.000Z')
  const events = calendarEvents({
    viewer: { roles: ['editor'] },
    areas: [
      { id: 7, title: 'Hemtjänst, äldre; särskilt boende', workflowScheduledPublishAt: '2026-12-02T06:14:00.000Z', reviewBy: '2026-12-14T11:00:00.000Z' },
    ],
    releases: [{ id: 3, name: 'Decemberpaketet', state: 'scheduled', publishAt: '2026-12-03T07:00:00.000Z' }],
  })
  const text = serializeCalendar(events, { name: 'Öppna jämförelser – kalender', baseUrl: 'https://cms.kalmar.example', now })
  const unfolded = text.replace(/\r\n /g, '')
  const lines = unfolded.split('\r\n')

  it('is a VCALENDAR with CRLF line endings and the Swedish calendar name', () => {
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true)
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    expect(lines).toContain('X-WR-CALNAME:Öppna jämförelser – kalender')
    for (const line of text.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75)
  })

  it('writes timed events in UTC, review-by dates as days, with stable UIDs and escaped text', () => {
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(3)
    expect(lines).toContain('UID:areas-7-publish@cms.kalmar.example')
    expect(lines).toContain('UID:areas-7-reviewBy@cms.kalmar.example')
    expect(lines).toContain('UID:releases-3-release@cms.kalmar.example')
    expect(lines).toContain('DTSTART:20261202T061400Z')
    expect(lines).toContain('DTSTART;VALUE=DATE:20261214')
    expect(lines).toContain('DTEND;VALUE=DATE:20261215')
    expect(lines).toContain(`DTSTAMP:${formatUtc(now)}`)
    expect(lines).toContain('SUMMARY:Publicering: Hemtjänst\\, äldre\\; särskilt boende')
    expect(lines).toContain('URL:https://cms.kalmar.example/admin/collections/areas/7')
    const description = lines.find((line) => line.startsWith('DESCRIPTION:') && line.includes('Publicering'))!
    expect(description).toContain('\\n2 december 2026 kl. 07.14\\n')
  })

  it('is the same text for the same input (a client sees no change where there is none)', () => {
    expect(serializeCalendar(events, { name: 'Öppna jämförelser – kalender', baseUrl: 'https://cms.kalmar.example', now })).toBe(text)
  })
})
