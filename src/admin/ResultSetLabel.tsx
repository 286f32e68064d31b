'use client'
import { useRowLabel } from '@payloadcms/ui'

/**
 * A result set's header in the edit view: its survey year ("Resultat 2023"),
 * instead of Payload's block pill and an empty block name ("Resultat
 * Namnlös"). Follows the year field as the editor types it.
 */
export function ResultSetLabel() {
  const { data } = useRowLabel<{ surveyYear?: number | string | null }>()
  const year = Number(data?.surveyYear)
  return <span className="result-set-label">{Number.isInteger(year) && year > 0 ? `Resultat ${year}` : 'Resultat – ange undersökningsår'}</span>
}
