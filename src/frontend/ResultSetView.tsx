import type { IndicatorSeries, ResultSetBlock } from '@/delivery/schemas'

import { IndicatorTrend } from './IndicatorTrend'
import { hyphenate, NATIONAL_LABEL } from './text'

/**
 * One survey year's results: its derived heading and a list of bullets, each
 * a labelled pair (a description list) of the national finding and the
 * municipality's own answer.
 */
export function ResultSetView({
  block,
  municipality,
  trendFor = () => null,
}: {
  block: ResultSetBlock
  municipality: string
  /** The trend to show beside a bullet (its indicator's, the first time the page mentions it). */
  trendFor?: (bulletIndex: number) => IndicatorSeries | null
}) {
  return (
    <section className="result-set">
      <h2>{hyphenate(block.heading)}</h2>
      {block.bullets.length > 0 && (
        <ul className="result-set__list">
          {block.bullets.map((bullet, index) => (
            <li className="result" key={index}>
              <dl className="result__pair">
                <div className="result__row result__row--national">
                  <dt>{NATIONAL_LABEL}</dt>
                  <dd>{bullet.national}</dd>
                </div>
                {bullet.local && (
                  <div className="result__row result__row--local">
                    <dt>{municipality}</dt>
                    <dd>{bullet.local}</dd>
                  </div>
                )}
              </dl>
              {(() => {
                const trend = trendFor(index)
                return trend ? <IndicatorTrend series={trend} municipality={municipality} /> : null
              })()}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
