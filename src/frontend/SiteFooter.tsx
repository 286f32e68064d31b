import { SITE_NAME } from './text'

export function SiteFooter({ municipality, contactEmail }: { municipality: string; contactEmail: string }) {
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p>
          {SITE_NAME} inom socialtjänsten – {municipality}, socialförvaltningen
        </p>
        <ul className="site-footer__links">
          <li>
            <a href="/tillganglighet">Tillgänglighetsredogörelse</a>
          </li>
          <li>
            <a href={`mailto:${contactEmail}`}>Kontakt: {contactEmail}</a>
          </li>
        </ul>
      </div>
    </footer>
  )
}
