/**
 * How the admin writes dates: Payload formats them with date-fns, so these
 * are date-fns patterns, chosen to read as the public pages do
 * (src/domain/swedishDate.ts): "2 december 2026 kl. 07.14", "2 december 2026".
 * Payload's own default ("MMMM do yyyy, h:mm a") reads "december 2:a 2026, 7:14 fm" in Swedish.
 */
export const ADMIN_DATE_TIME_FORMAT = "d MMMM yyyy 'kl.' HH.mm"
export const ADMIN_DATE_FORMAT = 'd MMMM yyyy'
/** The time list of a day-and-time picker. */
export const ADMIN_TIME_FORMAT = 'HH.mm'

/** `admin.date` of a date field holding an instant (a publish time, a delivery). */
export const DAY_AND_TIME = { pickerAppearance: 'dayAndTime', displayFormat: ADMIN_DATE_TIME_FORMAT, timeFormat: ADMIN_TIME_FORMAT, timeIntervals: 15 } as const
/** `admin.date` of a date field holding a calendar day (a review date, "Publicerad"). */
export const DAY_ONLY = { pickerAppearance: 'dayOnly', displayFormat: ADMIN_DATE_FORMAT } as const
