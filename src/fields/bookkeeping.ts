/**
 * The version comparison's component for fields the server writes for itself
 * (src/admin/BookkeepingDiff.tsx): left out, so the comparison leads with content.
 */
export const BOOKKEEPING_DIFF = '/src/admin/BookkeepingDiff#BookkeepingDiff'
