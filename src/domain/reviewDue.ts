/** How a page stands against its review-by date ("Ses över senast"). */
export type ReviewStatus = 'overdue' | 'dueSoon' | 'ok'

export const REVIEW_REMINDER_DAYS = 14
const DAY_MS = 86_400_000

export function reviewStatus(reviewBy: string | Date | null | undefined, now: Date = new Date(), windowDays = REVIEW_REMINDER_DAYS): ReviewStatus | null {
  if (!reviewBy) return null
  const due = new Date(reviewBy).getTime()
  if (Number.isNaN(due)) return null
  if (due < now.getTime()) return 'overdue'
  return due - now.getTime() <= windowDays * DAY_MS ? 'dueSoon' : 'ok'
}

/** The latest review-by date that a reminder should be sent for today. */
export const reminderHorizon = (now: Date = new Date(), windowDays = REVIEW_REMINDER_DAYS): Date => new Date(now.getTime() + windowDays * DAY_MS)
