/** Every quality rule, in the order findings are reported. */
import { answerMismatch } from './rules/answerMismatch'
import { answerRepeatsFinding, missingAnswer } from './rules/answers'
import { contradiction } from './rules/contradiction'
import { hyphenArtifact } from './rules/hyphenArtifact'
import { linkWithoutUrl } from './rules/linkWithoutUrl'
import { percentMismatch, percentRange } from './rules/percent'
import { lix, longSentence } from './rules/readability'
import type { Rule } from './rules/rule'
import { spelling } from './rules/spelling'
import { stalePage } from './rules/stalePage'

export type { Rule } from './rules/rule'

export const RULES: readonly Rule[] = [
  missingAnswer,
  answerRepeatsFinding,
  answerMismatch,
  contradiction,
  percentRange,
  percentMismatch,
  stalePage,
  linkWithoutUrl,
  hyphenArtifact,
  spelling,
  longSentence,
  lix,
]

export const ruleById = (id: string): Rule | undefined => RULES.find((rule) => rule.id === id)
