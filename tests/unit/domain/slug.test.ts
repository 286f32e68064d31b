import { describe, expect, it } from 'vitest'

import { isValidSlug, slugify } from '@/domain/slug'

describe('slugify', () => {
  it('turns the seed titles into slugs', () => {
    expect(slugify('Psykisk funktionsnedsättning - socialpsykiatri')).toBe('psykisk-funktionsnedsattning-socialpsykiatri')
    expect(slugify('Psykisk funktionsnedsättning – socialpsykiatri')).toBe('psykisk-funktionsnedsattning-socialpsykiatri')
    expect(slugify('Stöd till personer med funktionsnedsättning')).toBe('stod-till-personer-med-funktionsnedsattning')
    expect(slugify('Missbruk- och beroendevård')).toBe('missbruk-och-beroendevard')
    expect(slugify('Ekonomiskt bistånd')).toBe('ekonomiskt-bistand')
    expect(slugify('Jämförelser, service och kvalitet i verksamheter')).toBe('jamforelser-service-och-kvalitet-i-verksamheter')
    expect(slugify('SCB:s medborgarundersökning')).toBe('scb-s-medborgarundersokning')
  })

  it('transliterates Swedish and other Latin letters', () => {
    expect(slugify('ÅÄÖ åäö')).toBe('aao-aao')
    expect(slugify('Café Müller')).toBe('cafe-muller')
    expect(slugify('Ærø Øresund')).toBe('aero-oresund')
    expect(slugify('Straße Łódź Œuvre þorn')).toBe('strasse-lodz-oeuvre-thorn')
    expect(slugify('naïve façade señor')).toBe('naive-facade-senor')
  })

  it('handles decomposed input (NFD) like composed', () => {
    expect(slugify('Stöd'.normalize('NFD'))).toBe('stod')
  })

  it('collapses every run of other characters into one hyphen and trims hyphens', () => {
    expect(slugify('  --Hej!!  världen--  ')).toBe('hej-varlden')
    expect(slugify('Öppna jämförelser 2014: rapport #5')).toBe('oppna-jamforelser-2014-rapport-5')
    expect(slugify('a\u00a0b\tc\nd')).toBe('a-b-c-d')
    expect(slugify('100% (SKR)')).toBe('100-skr')
  })

  it('gives an empty string when nothing is left', () => {
    expect(slugify('')).toBe('')
    expect(slugify(' – !? ')).toBe('')
    expect(slugify('日本')).toBe('')
  })
})

describe('isValidSlug', () => {
  it('accepts lowercase a–z and digits joined by single hyphens', () => {
    expect(isValidSlug('ekonomiskt-bistand')).toBe(true)
    expect(isValidSlug('a')).toBe(true)
    expect(isValidSlug('2021')).toBe(true)
    expect(isValidSlug('oppna-jamforelser-2014')).toBe(true)
  })

  it('rejects everything else', () => {
    expect(isValidSlug('')).toBe(false)
    expect(isValidSlug('Ekonomiskt-bistand')).toBe(false)
    expect(isValidSlug('stöd')).toBe(false)
    expect(isValidSlug('-a')).toBe(false)
    expect(isValidSlug('a-')).toBe(false)
    expect(isValidSlug('a--b')).toBe(false)
    expect(isValidSlug('a b')).toBe(false)
    expect(isValidSlug('a_b')).toBe(false)
  })

  it('accepts whatever slugify produces from a non-empty title', () => {
    for (const title of ['Psykisk funktionsnedsättning - socialpsykiatri', 'Vård och omsorg om äldre', 'Ærø']) {
      expect(isValidSlug(slugify(title))).toBe(true)
    }
  })
})
