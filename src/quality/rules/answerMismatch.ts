/** An answer under the wrong finding: swapped between bullets, or pasted one bullet off. */
import { contentStems, coverage } from '../text/overlap'
import { bulletLocation, resultSets, type ViewBullet } from '../view'
import { repeatsFinding } from './answers'
import { bulletLabel, excerpt, finding, municipalityOf, type Rule } from './rule'

/**
 * Overlap is the share of the answer's content words (stems, stop words and the
 * municipality's name removed) found in a finding. Correct answers that rephrase
 * freely share as little as a fifth with their own finding, so a low score alone
 * proves nothing; a misplaced answer also fits another finding clearly better.
 * Flagged: under 40 % in its own finding, at least 60 % in another, and a gap of
 * 30 points or more. Under three content words there is too little to compare.
 */
export const MISMATCH_OWN_MAX = 0.4
export const MISMATCH_OTHER_MIN = 0.6
export const MISMATCH_MARGIN = 0.3
export const MISMATCH_MIN_WORDS = 3

type Placed = { bullet: ViewBullet; set: ReturnType<typeof resultSets>[number]; index: number; findingStems: string[] }

export const answerMismatch: Rule = {
  id: 'answer-mismatch',
  name: 'Svaret hör till en annan punkt',
  severity: 'warning',
  check(view, context) {
    const municipality = municipalityOf(context)
    const placed: Placed[] = resultSets(view).flatMap((set) =>
      set.bullets.map((bullet, index) => ({ bullet, set, index, findingStems: contentStems(bullet.national, [municipality]) })),
    )
    return placed.flatMap((own) => {
      const { bullet } = own
      if (!bullet.local || repeatsFinding(bullet.local, bullet.national, municipality)) return []
      const answer = contentStems(bullet.local, [municipality])
      if (answer.length < MISMATCH_MIN_WORDS) return []
      const ownScore = coverage(answer, own.findingStems)
      const best = placed
        .filter((other) => other !== own)
        .map((other) => ({ other, score: coverage(answer, other.findingStems) }))
        .sort((a, b) => b.score - a.score)[0]
      if (!best || ownScore >= MISMATCH_OWN_MAX || best.score < MISMATCH_OTHER_MIN || best.score - ownScore < MISMATCH_MARGIN) return []
      const where = `${best.other.set === own.set ? '' : `resultatet för ${best.other.set.surveyYear ?? 'okänt år'}, `}${bulletLabel(best.other.index)}`
      return [
        finding(
          answerMismatch,
          bulletLocation(own.set, own.index, 'local'),
          `Svaret verkar höra till en annan punkt: ${Math.round(ownScore * 100)} % av dess innehållsord finns i det egna resultatet men ` +
            `${Math.round(best.score * 100)} % i ${where} ("${excerpt(best.other.bullet.national)}"). Har svaren bytt plats?`,
        ),
      ]
    })
  },
}
