import { defineConfig } from 'vitest/config'

import base from './vitest.config'

/**
 * `npm run test:slow`: the long reliability runs (process kills, long fuzz).
 * `npm test` runs them too, as a step of their own, so CI does.
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['tests/slow/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 300_000,
  },
})
