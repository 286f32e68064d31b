import path from 'node:path'
import { defineConfig } from 'vitest/config'

import { testTrustBundle } from './tests/helpers/oidcCertificate.mjs'

const root = import.meta.dirname

// The test OpenID provider's self-signed certificate (tests/helpers/oidcProvider.ts). Node reads
// NODE_EXTRA_CA_CERTS only at start, so it is set here, before the test processes are forked.
process.env.NODE_EXTRA_CA_CERTS = testTrustBundle(path.join(root, 'data', 'test-oidc'))

export default defineConfig({
  resolve: {
    alias: {
      '@payload-config': path.join(root, 'payload.config.ts'),
      '@collections': path.join(root, 'collections'),
      '@': path.join(root, 'src'),
    },
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/int/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/helpers/testEnv.ts'],
    pool: 'forks',
    // As scripts/node-task.mjs explains: Lexical's top-level-await entry points can leave Node 20 with exit code 13.
    execArgv: ['--conditions=development'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
