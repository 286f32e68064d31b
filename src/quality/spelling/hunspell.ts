/**
 * dictionary-sv marks which forms may start or sit inside a compound
 * (COMPOUNDBEGIN/COMPOUNDMIDDLE, e.g. "arbets-", "skol-"). nspell ignores these
 * flags, accepts compound-only forms as words and turns the number
 * COMPOUNDRULEs into unanchored patterns that match every word. So the data
 * is split here: nspell gets plain words; compound parts are collected apart.
 */

type Affix = { strip: string; add: string; condition: RegExp }

export type PreparedDictionary = { aff: string; dic: string; compoundParts: Set<string> }

const directive = (aff: string, name: string): string | undefined =>
  new RegExp(`^${name}\\s+(\\S+)`, 'mu').exec(aff)?.[1]

/** Suffix rules whose forms continue with a compound flag: "verksamhet" → "verksamhets-". */
function compoundSuffixes(aff: string, partFlags: readonly string[]): Map<string, Affix[]> {
  const rules = new Map<string, Affix[]>()
  for (const line of aff.split('\n')) {
    const [kind, flag, strip, addField, condition] = line.trim().split(/\s+/u)
    if (kind !== 'SFX' || !flag || !strip || !addField || !condition) continue
    const [add = '', continuation = ''] = addField.split('/')
    if (!partFlags.some((part) => continuation.includes(part))) continue
    const affix: Affix = {
      strip: strip === '0' ? '' : strip,
      add: add === '0' ? '' : add,
      condition: new RegExp(`${condition === '.' ? '' : condition}$`, 'u'),
    }
    rules.set(flag, [...(rules.get(flag) ?? []), affix])
  }
  return rules
}

export function prepareDictionary(affText: string, dicText: string): PreparedDictionary {
  const partFlags = [directive(affText, 'COMPOUNDBEGIN'), directive(affText, 'COMPOUNDMIDDLE')].filter((flag): flag is string => !!flag)
  const onlyInCompound = directive(affText, 'ONLYINCOMPOUND')
  const suffixes = compoundSuffixes(affText, partFlags)
  const compoundParts = new Set<string>()
  const plain: string[] = []
  for (const line of dicText.split('\n').slice(1)) {
    const entry = line.trim()
    if (!entry || line.startsWith('\t')) continue
    const slash = entry.indexOf('/')
    const word = slash === -1 ? entry : entry.slice(0, slash)
    const flags = slash === -1 ? '' : (entry.slice(slash + 1).split(/\s/u)[0] ?? '')
    const lower = word.toLowerCase()
    if (partFlags.some((flag) => flags.includes(flag))) compoundParts.add(lower)
    for (const flag of flags) {
      for (const affix of suffixes.get(flag) ?? []) {
        if (!affix.condition.test(word) || (affix.strip && !word.endsWith(affix.strip))) continue
        const form = word.slice(0, word.length - affix.strip.length) + affix.add
        if (!form.endsWith('-')) compoundParts.add(form.toLowerCase())
      }
    }
    if (onlyInCompound && flags.includes(onlyInCompound)) continue
    const kept = [...flags].filter((flag) => !suffixes.has(flag)).join('')
    plain.push(kept ? `${word}/${kept}` : word)
  }
  const aff = affText
    .split('\n')
    .filter((line) => !/^COMPOUNDRULE\b/u.test(line))
    .join('\n')
  return { aff, dic: `${plain.length}\n${plain.join('\n')}`, compoundParts }
}
