/**
 * The version comparison's row for a field the server writes for itself
 * (workflow state and its editors, schedules, revision, who saved last):
 * nothing, so the comparison leads with the content an editor changed
 * (issue 21). The workflow's steps are in the Händelselogg.
 */
export function BookkeepingDiff() {
  return null
}
