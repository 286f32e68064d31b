/**
 * A request guard's refusal and the JSON response it becomes. Its own module,
 * below every guard (requestGuards, shapeGuard), so the guards depend on it
 * and not on each other.
 */

/** Why a request is refused: the HTTP status, a Swedish message, and the field when there is one. */
export type GuardRefusal = { status: number; message: string; field?: string }

/** The JSON error response every refusal gets. */
export function refusalResponse(refusal: GuardRefusal): Response {
  return Response.json(
    { message: refusal.message, errors: [{ message: refusal.message, ...(refusal.field && { field: refusal.field }) }] },
    { status: refusal.status, headers: { 'Cache-Control': 'no-store' } },
  )
}
