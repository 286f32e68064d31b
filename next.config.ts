import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

import { PAGE_SEGMENTS } from './src/runtime/serverContract.mjs'

const nextConfig: NextConfig = {
  // One self-contained server (node .next/standalone/server.js) for `npm start` and Docker alike.
  output: 'standalone',
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm test` runs tsc over the whole project; checking again here only slows the build.
  typescript: { ignoreBuildErrors: true },
  // The Swedish dictionary is read from its package folder at run time: load it from node_modules, not a bundle.
  serverExternalPackages: ['dictionary-sv', 'nspell'],
  async headers() {
    // A draft preview is for the reviewer with the link: never cached, never indexed.
    const privatePage = [
      { key: 'Cache-Control', value: 'no-store' },
      { key: 'X-Robots-Tag', value: 'noindex, nofollow' },
      { key: 'Referrer-Policy', value: 'no-referrer' },
    ]
    return [{ source: `/${PAGE_SEGMENTS.preview}`, headers: privatePage }]
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
