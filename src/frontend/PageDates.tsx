import { swedishDateOrNull } from './text'

function DateLine({ label, value }: { label: string; value: string | null }) {
  const formatted = swedishDateOrNull(value)
  return (
    <p>
      <span className="page-dates__label">{label}:</span>{' '}
      {formatted && value ? <time dateTime={value}>{formatted}</time> : 'inte publicerad ännu'}
    </p>
  )
}

/** "Senast uppdaterad" and "Publicerad", in Swedish ("28 juni 2023"). */
export function PageDates({ firstPublishedAt, lastPublishedAt }: { firstPublishedAt: string | null; lastPublishedAt: string | null }) {
  return (
    <div className="page-dates">
      <DateLine label="Senast uppdaterad" value={lastPublishedAt} />
      <DateLine label="Publicerad" value={firstPublishedAt} />
    </div>
  )
}
