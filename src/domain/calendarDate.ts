/** Whether a stored date is a real calendar date: pure, shared by the date fields and the workflow's scheduling. */
/** `2024-05-01` or a full ISO time (`2024-05-01T10:00:00.000Z`, `…+02:00`). */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?)?$/

export const DATE_YEAR_MIN = 2000
export const DATE_YEAR_MAX = 2100

/**
 * Why a date is not a real calendar date in a sensible range, or null. A
 * JavaScript Date quietly turns 2023-02-30 into 2 March; this refuses it.
 */
export function invalidDateReason(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Datumet är ogiltigt.' : null
  if (typeof value !== 'string') return 'Ange datumet som text, t.ex. 2024-05-01.'
  const match = ISO_DATE.exec(value.trim())
  if (!match) return `"${value.slice(0, 40)}" är inget datum. Skriv det som ÅÅÅÅ-MM-DD, t.ex. 2024-05-01.`
  const [year, month, day, hour = '0', minute = '0', second = '0'] = match.slice(1, 7).map((part) => part ?? undefined) as string[]
  const y = Number(year)
  const m = Number(month)
  const d = Number(day)
  const calendar = new Date(Date.UTC(y, m - 1, d))
  if (m < 1 || m > 12 || calendar.getUTCMonth() !== m - 1 || calendar.getUTCDate() !== d) {
    return `${year}-${month}-${day} finns inte i kalendern.`
  }
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return `Klockslaget i "${value.slice(0, 40)}" finns inte.`
  if (y < DATE_YEAR_MIN || y > DATE_YEAR_MAX) return `Året ${y} är orimligt: ange ett datum mellan år ${DATE_YEAR_MIN} och ${DATE_YEAR_MAX}.`
  return null
}
