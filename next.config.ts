import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // One self-contained server (node .next/standalone/server.js) for `npm start` and Docker alike.
  output: 'standalone',
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm test` runs tsc over the whole project; checking again here only slows the build.
  typescript: { ignoreBuildErrors: true },
  // The Swedish dictionary is read from its package folder at run time: load it from node_modules, not a bundle.
  serverExternalPackages: ['dictionary-sv', 'nspell'],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
