import type { IndicatorSeries } from '@/delivery/schemas'

import { CHART, localText, trendChart, trendSummary } from './trend'

const polyline = (points: { x: number; y: number }[]) => points.map((point) => `${point.x},${point.y}`).join(' ')

/**
 * An indicator over the survey years: a small server-rendered SVG chart of the
 * national share on an axis of shares of municipalities. The municipality's
 * value is a line on that axis only when it is a share itself; a ja/nej/delvis
 * answer is a labelled row of words under the years, never a point at 100 or
 * 0 %. The same figures are in a text summary and a data table (WCAG 1.1.1).
 */
export function IndicatorTrend({ series, municipality }: { series: IndicatorSeries; municipality: string }) {
  const id = `trend-${series.code.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`
  const chart = trendChart(series, municipality)
  const summary = trendSummary(series, municipality)
  const answers = chart.answers
  return (
    <figure className="trend" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>
        <span className="trend__title">Över tid: {series.name}</span> <span className="trend__summary">{summary}</span>
      </figcaption>
      <svg className="trend__chart" viewBox={`0 0 ${chart.width} ${chart.height}`} role="img" aria-labelledby={`${id}-svg-title ${id}-svg-desc`}>
        <title id={`${id}-svg-title`}>{`Diagram: ${series.name}`}</title>
        <desc id={`${id}-svg-desc`}>{summary}</desc>
        {chart.ticks.map((tick) => (
          <g key={tick.value} className="trend__grid">
            <line x1={CHART.left} x2={CHART.width - CHART.right} y1={tick.y} y2={tick.y} />
            <text x={CHART.left - 6} y={tick.y + 4} textAnchor="end">
              {tick.label}
            </text>
          </g>
        ))}
        {chart.years.map((year) => (
          <text key={year.year} className="trend__year" x={year.x} y={chart.yearY} textAnchor="middle">
            {year.year}
          </text>
        ))}
        {chart.national.length > 0 && <polyline className="trend__line trend__line--national" points={polyline(chart.national)} />}
        {chart.localLine.length > 1 && <polyline className="trend__line trend__line--local" points={polyline(chart.localLine)} />}
        {chart.national.map((point) => (
          <circle key={`n${point.year}`} className="trend__dot trend__dot--national" cx={point.x} cy={point.y} r={3.5} />
        ))}
        {chart.localLine.map((point) => (
          <rect key={`l${point.year}`} className="trend__dot trend__dot--local" x={point.x - 3.5} y={point.y - 3.5} width={7} height={7} />
        ))}
        {answers && (
          <g className="trend__answers">
            <line className="trend__answers-rule" x1={0} x2={CHART.width} y1={answers.ruleY} y2={answers.ruleY} />
            <text className="trend__answers-label" x={0} y={answers.labelY}>
              {answers.label}
            </text>
            {answers.marks.map((mark) => (
              <text key={mark.year} className="trend__answer" x={mark.x} y={answers.markY} textAnchor="middle">
                {mark.text}
              </text>
            ))}
          </g>
        )}
      </svg>
      <p className="trend__legend" aria-hidden="true">
        {chart.national.length > 0 && <span className="trend__key trend__key--national">● Andel kommuner</span>}
        {chart.localLine.length > 0 && <span className="trend__key trend__key--local">■ {municipality}</span>}
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
              <td>{localText(point) ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}
