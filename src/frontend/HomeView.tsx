import type { HomeSection } from './home'
import { ItemList, type ListedItem } from './ItemList'
import { hyphenate, SITE_NAME } from './text'

/** The start page: every section with its published pages, then pages outside any section. */
export function HomeView({
  municipality,
  sections,
  unsectioned,
}: {
  municipality: string
  sections: readonly HomeSection[]
  unsectioned: readonly ListedItem[]
}) {
  const empty = sections.length === 0 && unsectioned.length === 0
  return (
    <>
      <h1>{SITE_NAME}</h1>
      <p className="lead">
        Öppna jämförelser görs i samverkan mellan Socialstyrelsen och Sveriges Kommuner och Regioner (SKR) och bygger på
        enkäter till landets samtliga kommuner. Här redovisar {municipality} sina resultat inom socialtjänsten.
      </p>
      {empty && <p>Det finns inga publicerade jämförelser just nu.</p>}
      {sections.map((section) => (
        <section className="home-section" key={section.slug}>
          <h2>{hyphenate(section.title)}</h2>
          <ItemList items={section.items} />
        </section>
      ))}
      {unsectioned.length > 0 && (
        <section className="home-section">
          <h2>{sections.length > 0 ? 'Övriga jämförelser' : 'Jämförelser'}</h2>
          <ItemList items={unsectioned} />
        </section>
      )}
    </>
  )
}
