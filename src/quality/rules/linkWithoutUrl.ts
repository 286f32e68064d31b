/**
 * An entry of "Övriga länkar", or a page outside the comparisons in the
 * page's section ("Fler sidor inom …"), without an address: the page shows
 * its title as plain text, not as a link.
 */
import type { Finding } from '../types'
import { finding, type Rule } from './rule'

export const linkWithoutUrl: Rule = {
  id: 'link-without-url',
  name: 'Länk utan adress',
  severity: 'warning',
  check(view, context) {
    const found: Finding[] = []
    for (const title of context.sectionLinksWithoutUrl ?? []) {
      found.push(
        finding(
          linkWithoutUrl,
          { field: 'section', path: 'section' },
          `Sidan "${title}" i sidans avsnitt saknar adress (URL). Den visas som vanlig text under "Fler sidor inom …", inte som en länk. Fyll i adressen under Sidor utanför jämförelserna, eller ta bort sidan ur avsnittet.`,
        ),
      )
    }
    for (const link of view.otherLinks) {
      if (link.url) continue
      const name = link.title ? `"${link.title}"` : `nummer ${link.index + 1}`
      found.push(
        finding(
          linkWithoutUrl,
          { linkIndex: link.index, field: 'otherLinks.url', path: `otherLinks.${link.index}.url` },
          `Länken ${name} under Övriga länkar saknar adress (URL). Den visas som vanlig text på sidan, inte som en länk. Fyll i adressen eller ta bort länken.`,
        ),
      )
    }
    return found
  },
}
