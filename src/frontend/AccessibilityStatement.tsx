import { formatSwedishDate } from '@/domain/swedishDate'

import { DIGG_REPORT_URL, hyphenate, SITE_NAME } from './text'

/** When the statement was last reviewed (and the site last assessed). Update both with the text. */
export const STATEMENT_DATE = '2026-11-23'

/**
 * The accessibility statement required by lag (2018:1937) om tillgänglighet
 * till digital offentlig service, following DIGG's model statement.
 */
export function AccessibilityStatement({ municipality, contactEmail }: { municipality: string; contactEmail: string }) {
  const date = formatSwedishDate(STATEMENT_DATE)
  return (
    <article className="statement">
      <h1>{hyphenate('Tillgänglighetsredogörelse')}</h1>
      <p className="lead">
        {municipality} står bakom webbplatsen {SITE_NAME}. Vi vill att så många som möjligt ska kunna använda
        webbplatsen. Här beskriver vi hur webbplatsen uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig
        service, vilka kända tillgänglighetsproblem som finns och hur du kan rapportera brister till oss så att vi kan
        åtgärda dem.
      </p>

      <h2>Hur tillgänglig är webbplatsen?</h2>
      <p>
        Webbplatsen ska gå att använda med bara tangentbord, med skärmläsare, i smala fönster (320 pixlar) och med
        inzoomning till 400 procent utan att du behöver skrolla i sidled. Vi är medvetna om att delar av innehållet inte
        är helt tillgängliga. Se avsnittet <a href="#inte-tillgangligt">Innehåll som inte är tillgängligt</a> nedan.
      </p>

      <h2>Vad kan du göra om du inte kan använda delar av webbplatsen?</h2>
      <p>
        Om du behöver innehållet i ett annat format, till exempel uppläst, i punktskrift, i lättläst version eller som
        vanlig text i ett e-postmeddelande, kan du kontakta socialförvaltningen på{' '}
        <a href={`mailto:${contactEmail}`}>{contactEmail}</a>. Skriv vilken sida det gäller och hur du vill få
        innehållet.
      </p>

      <h2>{hyphenate('Rapportera brister i webbplatsens tillgänglighet')}</h2>
      <p>
        Vi strävar hela tiden efter att förbättra webbplatsens tillgänglighet. Om du upptäcker problem som inte beskrivs
        på den här sidan, eller om du anser att vi inte uppfyller lagens krav, meddela oss på{' '}
        <a href={`mailto:${contactEmail}`}>{contactEmail}</a> så att vi får veta att problemet finns.
      </p>

      <h2>Tillsyn</h2>
      <p>
        Myndigheten för digital förvaltning (DIGG) har ansvaret för tillsyn över lagen om tillgänglighet till digital
        offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta DIGG och påtala det:{' '}
        <a href={DIGG_REPORT_URL}>anmäl brister i digital offentlig service till DIGG</a>.
      </p>

      <h2>{hyphenate('Teknisk information om webbplatsens tillgänglighet')}</h2>
      <p>
        Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på grund av de brister
        som beskrivs nedan. Kraven är nivå AA i Web Content Accessibility Guidelines (WCAG) 2.1, enligt standarden EN 301
        549.
      </p>

      <h3 id="inte-tillgangligt">{hyphenate('Innehåll som inte är tillgängligt')}</h3>
      <ul>
        <li>
          Texterna på jämförelsesidorna är överförda från kommunens tidigare webbplats. En del av dem innehåller
          kvarvarande avstavningar mitt i ord och stavfel, vilket kan göra dem svårare att läsa och göra att en skärmläsare
          uttalar orden fel. Vi rättar texterna när sidorna uppdateras.
        </li>
        <li>
          Resultaten redovisas som text. Jämförelser med andra kommuner i tabeller och diagram finns hos Socialstyrelsen
          och Sveriges Kommuner och Regioner; deras webbplatser omfattas inte av den här redogörelsen.
        </li>
        <li>
          Vi har ännu inte granskat alla kriterier i WCAG 2.1 manuellt och inte testat webbplatsen tillsammans med
          användare med funktionsnedsättning.
        </li>
      </ul>

      <h3>Oskäligt betungande anpassning</h3>
      <p>Vi åberopar inte undantaget för oskäligt betungande anpassning för något innehåll på webbplatsen.</p>

      <h3>{hyphenate('Innehåll som inte omfattas av lagstiftningen')}</h3>
      <p>
        Länkade webbplatser som andra organisationer ansvarar för omfattas inte av den här redogörelsen. Inte heller
        redaktörernas inloggade verktyg för att skriva sidorna.
      </p>

      <h2>Hur vi testat webbplatsen</h2>
      <p>Vi har gjort en självskattning (intern testning) av webbplatsen:</p>
      <ul>
        <li>
          Automatiska tester med verktyget axe mot kriterierna i WCAG 2.0 och 2.1 på nivå A och AA, på startsidan, en
          jämförelsesida, den här sidan, felsidan och förhandsgranskningen. Testerna körs vid varje ändring av
          webbplatsens kod.
        </li>
        <li>
          Tangentbordstester: att hoppa till huvudinnehållet, att alla länkar nås med tabbtangenten i den ordning de står
          och att fokus syns.
        </li>
        <li>Att sidorna går att läsa i ett 320 pixlar brett fönster utan att skrolla i sidled.</li>
      </ul>
      <p>
        Senaste bedömningen gjordes den <time dateTime={STATEMENT_DATE}>{date}</time>.
      </p>
      <p>
        Redogörelsen uppdaterades senast den <time dateTime={STATEMENT_DATE}>{date}</time>.
      </p>
    </article>
  )
}
