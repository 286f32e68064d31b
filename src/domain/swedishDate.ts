/**
 * Swedish calendar dates as the pages print them ("27 juni 2019") and as the
 * CMS stores them (ISO "2019-06-27").
 */

export const SWEDISH_MONTHS = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
] as const

export type SwedishDateErrorReason = 'format' | 'month' | 'day'

export class SwedishDateError extends Error {
  constructor(
    message: string,
    readonly reason: SwedishDateErrorReason,
    readonly input: string,
  ) {
    super(message)
    this.name = 'SwedishDateError'
  }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()

// \s also covers non-breaking spaces, which pasted page text often has.
const SWEDISH_DATE = /^(\d{1,2})\s+(\p{L}+)\s+(\d{4})$/u

/** '27 juni 2019' → '2019-06-27'. Throws SwedishDateError for anything else. */
export function parseSwedishDate(text: string): string {
  const input = text.trim()
  const match = SWEDISH_DATE.exec(input)
  if (!match) {
    throw new SwedishDateError(`"${input}" är inte ett datum av formen "27 juni 2019".`, 'format', text)
  }
  // The pattern has three groups that always take part in a match; TypeScript cannot know that.
  const [, dayText, monthText, yearText] = match as unknown as [string, string, string, string]
  const month = SWEDISH_MONTHS.indexOf(monthText.normalize('NFC').toLowerCase() as (typeof SWEDISH_MONTHS)[number]) + 1
  if (month === 0) {
    throw new SwedishDateError(`Okänd månad "${monthText}" i datumet "${input}".`, 'month', text)
  }
  const year = Number(yearText)
  const day = Number(dayText)
  if (day < 1 || day > daysInMonth(year, month)) {
    throw new SwedishDateError(`Dagen ${day} finns inte i ${SWEDISH_MONTHS[month - 1]} ${year} ("${input}").`, 'day', text)
  }
  return `${year}-${pad(month)}-${pad(day)}`
}

/** Like parseSwedishDate, but null instead of an exception. */
export function tryParseSwedishDate(text: string): string | null {
  try {
    return parseSwedishDate(text)
  } catch {
    return null
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

const stockholmParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
})

/** Year, month (1–12) and day of an instant on the Stockholm calendar. */
export function stockholmCalendarDate(date: Date): { year: number; month: number; day: number } {
  const parts = Object.fromEntries(stockholmParts.formatToParts(date).map((part) => [part.type, part.value]))
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) }
}

/**
 * '2019-06-27' or an instant → '27 juni 2019'. A bare ISO date is a calendar
 * date and is printed as is; an instant is read on the Stockholm calendar.
 */
export function formatSwedishDate(value: string | Date): string {
  const bare = typeof value === 'string' ? ISO_DATE.exec(value) : null
  if (bare) {
    const [year, month, day] = [Number(bare[1]), Number(bare[2]), Number(bare[3])]
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
      throw new RangeError(`Ogiltigt datum: "${value}".`)
    }
    return `${day} ${SWEDISH_MONTHS[month - 1]} ${year}`
  }
  const date = typeof value === 'string' ? new Date(value) : value
  if (Number.isNaN(date.getTime())) throw new RangeError(`Ogiltigt datum: "${String(value)}".`)
  const { year, month, day } = stockholmCalendarDate(date)
  return `${day} ${SWEDISH_MONTHS[month - 1]} ${year}`
}

const stockholmTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** An instant's time on the Stockholm clock, the Swedish way: "07.14". */
export function swedishClockTime(date: Date): string {
  const parts = Object.fromEntries(stockholmTime.formatToParts(date).map((part) => [part.type, part.value]))
  return `${parts.hour}.${parts.minute}`
}

/** An instant as "28 juni 2023 kl. 14.05" on the Stockholm clock; null when invalid. */
export function swedishDateTimeOrNull(value: string | Date | null | undefined): string | null {
  if (!value) return null
  const date = typeof value === 'string' ? new Date(value) : value
  if (Number.isNaN(date.getTime())) return null
  return `${formatSwedishDate(date)} kl. ${swedishClockTime(date)}`
}
