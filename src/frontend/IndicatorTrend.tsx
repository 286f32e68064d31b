import type { IndicatorSeries } from '@/delivery/schemas'

import { CHART, chartPoints, trendSummary } from './trend'

const polyline = (points: { x: number; y: number }[]) => points.map((point) => `${point.x},${point.y}`).join(' ')

/**
 * An indicator over the survey years: a small server-rendered SVG line chart
 * (national share, and the municipality's value where it is a share or yes/no),
 * with the same figures as a text summary and a data table (WCAG 1.1.1).
 */
export function IndicatorTrend({ series, municipality }: { series: IndicatorSeries; municipality: string }) {
  const id = `trend-${series.code.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`
  const national = chartPoints(series, (point) => point.nationalPercent)
  const local = chartPoints(series, (point) => point.localPercent)
  const summary = trendSummary(series, municipality)
  const bottom = CHART.height - CHART.bottom
  return (
    <figure className="trend" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>
        <span className="trend__title">Över tid: {series.name}</span> <span className="trend__summary">{summary}</span>
      </figcaption>
      <svg className="trend__chart" viewBox={`0 0 ${CHART.width} ${CHART.height}`} role="img" aria-labelledby={`${id}-svg-title ${id}-svg-desc`}>
        <title id={`${id}-svg-title`}>{`Diagram: ${series.name}`}</title>
        <desc id={`${id}-svg-desc`}>{summary}</desc>
        {[0, 50, 100].map((tick) => {
          const y = CHART.top + (bottom - CHART.top) * (1 - tick / 100)
          return (
            <g key={tick} className="trend__grid">
              <line x1={CHART.left} x2={CHART.width - CHART.right} y1={y} y2={y} />
              <text x={CHART.left - 6} y={y + 4} textAnchor="end">{`${tick} %`}</text>
            </g>
          )
        })}
        {national.map((point) => (
          <text key={point.year} className="trend__year" x={point.x} y={CHART.height - 8} textAnchor="middle">
            {point.year}
          </text>
        ))}
        <polyline className="trend__line trend__line--national" points={polyline(national)} />
        {local.length > 0 && <polyline className="trend__line trend__line--local" points={polyline(local)} />}
        {national.map((point) => (
          <circle key={`n${point.year}`} className="trend__dot trend__dot--national" cx={point.x} cy={point.y} r={3.5} />
        ))}
        {local.map((point) => (
          <rect key={`l${point.year}`} className="trend__dot trend__dot--local" x={point.x - 3.5} y={point.y - 3.5} width={7} height={7} />
        ))}
      </svg>
      <p className="trend__legend" aria-hidden="true">
        <span className="trend__key trend__key--national">● Andel kommuner</span>
        {local.length > 0 && <span className="trend__key trend__key--local">■ {municipality}</span>}
      </p>
      <table className="trend__table">
        <caption>Värden per undersökningsår: {series.name}</caption>
        <thead>
          <tr>
            <th scope="col">År</th>
            <th scope="col">Andel kommuner</th>
            <th scope="col">{municipality}</th>
          </tr>
        </thead>
        <tbody>
          {series.points.map((point) => (
            <tr key={point.surveyYear}>
              <th scope="row">{point.surveyYear}</th>
              <td>{point.nationalPercent == null ? '–' : `${String(point.nationalPercent).replace('.', ',')} %`}</td>
              <td>{point.localValue ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}
