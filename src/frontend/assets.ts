/**
 * The public site's files: its stylesheet (inlined into every page, so a page
 * is one request) and its icons. Read once from src/frontend/assets, which
 * scripts/lib/build.ts copies into the standalone build at the same path.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export type SiteAsset = { body: Buffer; contentType: string; etag: string }

const ASSET_DIR = ['src', 'frontend', 'assets']

/** The files served at the root, by path. */
export const ICON_FILES = Object.freeze({
  '/favicon.ico': { file: 'favicon.ico', contentType: 'image/x-icon' },
  '/favicon.svg': { file: 'favicon.svg', contentType: 'image/svg+xml' },
})

const read = (file: string) => fs.readFileSync(path.join(process.cwd(), ...ASSET_DIR, file))

const hash = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('base64')

/**
 * The stylesheet as it goes into every page (it travels with each one):
 * without comments, and without the white space around braces, semicolons,
 * commas, child combinators and after colons. Space before a colon is kept
 * (`.a :focus` is not `.a:focus`), and the stylesheet's few strings (font
 * names) hold none of these.
 */
export function compactCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
}

let stylesheet: { css: string; hashSource: string } | undefined

/** The stylesheet's text, and its CSP hash source (`'sha256-…'`) for `style-src`. */
export function siteStylesheet(): { css: string; hashSource: string } {
  if (stylesheet) return stylesheet
  const css = compactCss(read('styles.css').toString('utf8'))
  return (stylesheet = { css, hashSource: `'sha256-${hash(css)}'` })
}

const icons = new Map<string, SiteAsset>()

/** An icon by its path (`/favicon.ico`), or null for any other path. */
export function siteIcon(pathname: string): SiteAsset | null {
  const entry = ICON_FILES[pathname as keyof typeof ICON_FILES]
  if (!entry) return null
  let icon = icons.get(pathname)
  if (!icon) {
    const body = read(entry.file)
    icon = { body, contentType: entry.contentType, etag: `"${hash(body).slice(0, 32)}"` }
    icons.set(pathname, icon)
  }
  return icon
}
