import type { ReactNode } from 'react'

/** What a page says about itself in `<head>`. */
export type PageHead = {
  /** The whole document title (see documentTitle). */
  title: string
  description?: string | null
  /** `noindex` for old versions and the preview; absent: indexable. */
  robots?: string | null
}

/**
 * The whole HTML document of a public page: no script of any kind, the
 * stylesheet inline (one request per page; its hash is in the
 * Content-Security-Policy), and the site's icon.
 */
export function Document({ head, css, children }: { head: PageHead; css: string; children: ReactNode }) {
  return (
    <html lang="sv">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{head.title}</title>
        {head.description && <meta name="description" content={head.description} />}
        {head.robots && <meta name="robots" content={head.robots} />}
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <style dangerouslySetInnerHTML={{ __html: css }} />
      </head>
      <body>{children}</body>
    </html>
  )
}
