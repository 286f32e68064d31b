/** An entry of "Övriga länkar" without an address: the page shows its title as plain text, not as a link. */
import type { Finding } from '../types'
import { finding, type Rule } from './rule'

export const linkWithoutUrl: Rule = {
  id: 'link-without-url',
  name: 'Länk utan adress',
  severity: 'warning',
  check(view) {
    const found: Finding[] = []
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
