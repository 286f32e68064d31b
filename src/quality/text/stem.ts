/**
 * The Snowball Swedish stemmer (snowballstem.org/algorithms/swedish): enough to
 * match "samordning"/"samordnad" or "erbjuder"/"erbjuds" when comparing texts.
 */
const VOWELS = 'aeiouyäåö'
const S_ENDING = 'bcdfghjklmnoprtvy'

// Longest first, so that "arna" wins over "a".
const STEP1 = [
  'heterna', 'hetens', 'anden', 'andes', 'andet', 'arens', 'arnas', 'ernas', 'heten', 'heter', 'ornas',
  'ande', 'arne', 'arna', 'aren', 'aste', 'erna', 'erns', 'orna', 'ades',
  'ade', 'are', 'ern', 'ens', 'het', 'ast',
  'ad', 'en', 'ar', 'er', 'or', 'as', 'es', 'at',
  'a', 'e',
].sort((a, b) => b.length - a.length)
const STEP2 = ['dd', 'gd', 'nn', 'dt', 'gt', 'kt', 'tt']

/** Start of R1: after the first consonant that follows a vowel, but at least 3. */
function regionOne(word: string): number {
  for (let i = 1; i < word.length; i++) {
    if (!VOWELS.includes(word[i]!) && VOWELS.includes(word[i - 1]!)) return Math.max(3, i + 1)
  }
  return word.length
}

export function swedishStem(input: string): string {
  let word = input.toLowerCase()
  const r1 = regionOne(word)
  const inR1 = (suffix: string) => word.endsWith(suffix) && word.length - suffix.length >= r1
  const step1 = STEP1.find(inR1)
  if (step1) word = word.slice(0, -step1.length)
  else if (inR1('s') && S_ENDING.includes(word.at(-2) ?? '')) word = word.slice(0, -1)
  if (STEP2.some(inR1)) word = word.slice(0, -1)
  if (inR1('löst')) word = word.slice(0, -1)
  else if (inR1('fullt')) word = word.slice(0, -1)
  else {
    const step3 = ['lig', 'els', 'ig'].find(inR1)
    if (step3) word = word.slice(0, -step3.length)
  }
  return word
}
