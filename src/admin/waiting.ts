/** "3 dagar", "5 timmar", "12 minuter": how long something has waited, in Swedish. */
export function formatWaitingTime(since: Date | string, now: Date = new Date()): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - new Date(since).getTime()) / 60_000))
  if (minutes < 60) return minutes === 1 ? '1 minut' : `${minutes} minuter`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return hours === 1 ? '1 timme' : `${hours} timmar`
  const days = Math.floor(hours / 24)
  return days === 1 ? '1 dag' : `${days} dagar`
}
