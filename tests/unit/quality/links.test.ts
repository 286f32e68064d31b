import { describe, expect, it } from 'vitest'

import { parsePage } from '@/pageImport/parse'
import { checkPage, describeLocation, formatFinding, fromAreaDocument, fromParsedPage } from '@/quality'
import { linkWithoutUrl } from '@/quality/rules/linkWithoutUrl'
import type { QualityPage } from '@/quality/types'
import { toView } from '@/quality/view'

const PAGE_FILE = `Föräldrastöd

Öppna jämförelser av föräldrastöd bygger på enkäter till landets kommuner.

Årets resultat visar att:

 • 40 procent av kommunerna erbjuder föräldrastöd i grupp.
  Kalmar erbjuder föräldrastöd i grupp.

Övriga länkar

Vårdguiden

Senast uppdaterad: 1 juli 2024
Publicerad: 1 juli 2020
`

const context = { now: new Date('2024-10-01T12:00:00Z') }
const run = (otherLinks: QualityPage['otherLinks']) => linkWithoutUrl.check(toView({ title: 'Sida', otherLinks }), context)

describe('link-without-url', () => {
  it('warns about each "Övriga länkar" entry without an address, at its address field, naming the link', () => {
    const findings = run([
      { title: 'Socialstyrelsen', url: 'https://www.socialstyrelsen.se/' },
      { title: 'Kalmar kommuns handlingsplan', url: null },
      { title: 'Barn- och ungdomsvård', url: '  ' },
      { title: 'Egen sida', url: '/jamforelser/ekonomiskt-bistand' },
    ])
    expect(findings.map((finding) => [finding.rule, finding.severity, finding.location.path, finding.location.linkIndex])).toEqual([
      ['link-without-url', 'warning', 'otherLinks.1.url', 1],
      ['link-without-url', 'warning', 'otherLinks.2.url', 2],
    ])
    expect(findings[0]!.message).toBe(
      'Länken "Kalmar kommuns handlingsplan" under Övriga länkar saknar adress (URL). Den visas som vanlig text på sidan, inte som en länk. Fyll i adressen eller ta bort länken.',
    )
    expect(describeLocation(findings[0]!.location)).toBe('Övriga länkar, länk 2, adress')
    expect(formatFinding(findings[1]!)).toMatch(/^link-without-url {2}otherLinks\.2\.url \(Övriga länkar, länk 3, adress\) {2}Länken "Barn- och ungdomsvård"/)
  })

  it('names an untitled entry by its number, and is silent when every link has an address or there are none', () => {
    expect(run([{ title: '', url: undefined }])[0]!.message).toMatch(/^Länken nummer 1 under Övriga länkar saknar adress/)
    expect(run([{ title: 'A', url: 'https://a.se/' }])).toEqual([])
    expect(run(null)).toEqual([])
    expect(run(undefined)).toEqual([])
  })

  it('runs in the page check on a stored document and on a page file, with the same finding', () => {
    const doc = { title: 'Sida', body: [], otherLinks: [{ title: 'Vårdguiden', url: null }] }
    expect(checkPage(fromAreaDocument(doc), context).filter((finding) => finding.rule === 'link-without-url').map((finding) => finding.location.path)).toEqual([
      'otherLinks.0.url',
    ])
    const parsed = parsePage(PAGE_FILE, 'sida.txt')
    const fromFile = checkPage(fromParsedPage(parsed), context).filter((finding) => finding.rule === 'link-without-url')
    expect(parsed.otherLinks.map((link) => link.url)).toEqual([null])
    expect(fromFile.map((finding) => finding.location.path)).toEqual(['otherLinks.0.url'])
  })
})
