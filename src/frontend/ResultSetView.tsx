import type { ResultSetBlock } from '@/delivery/schemas'

import { NATIONAL_LABEL } from './text'

/**
 * One survey year's results: its derived heading and a list of bullets, each
 * a labelled pair (a description list) of the national finding and the
 * municipality's own answer.
 */
export function ResultSetView({ block, municipality }: { block: ResultSetBlock; municipality: string }) {
  return (
    <section className="result-set">
      <h2>{block.heading}</h2>
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
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
