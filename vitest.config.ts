import path from 'node:path'
import { defineConfig } from 'vitest/config'

const root = import.meta.dirname

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
