import { describe, expect, it } from 'vitest'

import { findSuspectedHyphens } from '@/pageImport/hyphens'

const words = (text: string) => findSuspectedHyphens(text).map((suspect) => suspect.word)

describe('findSuspectedHyphens', () => {
  it('finds a hyphen inside a lowercase word', () => {
    expect(findSuspectedHyphens('som missbrukar beroendeframkal-lande medel')).toEqual([{ word: 'beroendeframkal-lande', index: 15 }])
    expect(words('en utveck-ling av verksamheten')).toEqual(['utveck-ling'])
    expect(words('Förbätt-ringsarbete')).toEqual(['Förbätt-ringsarbete'])
  })

  it('finds a dangling hyphen before a lowercase word that is not a coordination word', () => {
    expect(findSuspectedHyphens('enligt IPS- modellen för målgruppen')).toEqual([{ word: 'IPS- modellen', index: 7 }])
    expect(words('arbetslivs- inriktad rehabilitering')).toEqual(['arbetslivs- inriktad'])
    expect(words('beroende-\u00a0framkallande')).toEqual(['beroende-\u00a0framkallande'])
  })

  it('reports several suspects in text order', () => {
    expect(words('IPS- modellen och beroendeframkal-lande')).toEqual(['IPS- modellen', 'beroendeframkal-lande'])
  })

  it('leaves compounds with a coordination word alone', () => {
    for (const text of [
      'barn- och ungdomsvård',
      'Barn- och ungdomsvård',
      'missbruks- och beroendevården',
      'resurs- och ansvarsfördelning',
      'förskole- eller skolverksamhet',
      'kommun- samt regionnivå',
      'kommun- respektive regionnivå',
      'barn- till vuxenpsykiatri',
      'missbruk- som beroendevård',
    ]) {
      expect(words(text), text).toEqual([])
    }
  })

  it('leaves abbreviations, numbers, dashes and short prefixes alone', () => {
    for (const text of [
      'inom LSS-boenden för vuxna',
      'enligt ESL-modellen och IPS-modellen',
      'från 13 till 17 procent 2017-2019',
      'åren 2017–2020',
      'under covid-19',
      '36% av kommunerna – däribland Kalmar - har haft',
      'Psykisk funktionsnedsättning - socialpsykiatri',
      'skicka e-post eller en sms-tjänst',
      'Kalmar- Öland',
      'IPS- Modellen',
    ]) {
      expect(words(text), text).toEqual([])
    }
  })

  it('finds nothing in empty text', () => {
    expect(findSuspectedHyphens('')).toEqual([])
  })
})
