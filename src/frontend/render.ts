/**
 * React's own server renderer, for the public pages (src/frontend/http.ts).
 *
 * Why loaded at run time from node_modules: Next bundles every server module
 * (route handlers, instrumentation, and so this one) with React's
 * server-components build, in which `react-dom/server` refuses to load. The
 * public pages are plain markup (no hooks, no client components), so the
 * elements they build render the same with the node build of react-dom,
 * which Next's standalone output carries.
 */
import { createRequire } from 'node:module'
import path from 'node:path'
import type { ReactElement } from 'react'

type ReactDomServer = { renderToStaticMarkup: (element: ReactElement) => string }

let server: ReactDomServer | undefined

function reactDomServer(): ReactDomServer {
  // A name the bundler does not follow: resolved by Node from the project's (or standalone build's) node_modules.
  const specifier = ['react-dom', 'server.node'].join('/')
  server ??= createRequire(path.join(process.cwd(), 'package.json'))(specifier) as ReactDomServer
  return server
}

/** A whole HTML document: the doctype, then React's static markup of `<html>…</html>`. */
export function renderDocument(document: ReactElement): string {
  return `<!DOCTYPE html>${reactDomServer().renderToStaticMarkup(document)}`
}
