/**
 * Names and abbreviations of the field that the Swedish dictionary lacks.
 * Written as they should appear; a genitive ("SKR:s", "Kalmars") is accepted too.
 */
export const PROJECT_WORDS: readonly string[] = [
  // Organisations and places
  'Kalmar',
  'Socialstyrelsen',
  'SKR',
  'SCB',
  'Stadsmissionen',
  'Försäkringskassan',
  // Surveys, methods and laws
  'ÖJ',
  'IBIC',
  'IPS',
  'ESL',
  'IOP',
  'LSS',
  'SoL',
  'SIP',
  'KKiK',
  'BBIC',
  'ASI',
  'ADDIS',
  'AUDIT',
  'DUDIT',
  'MI',
  'HVB',
  'covid',
  'supported',
  'employment',
]
