import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'
import { resultsSnapshotPlugin } from './vite/results-plugin.ts'

// Two projects: fast unit tests next to the code, and end-to-end tests in tests/
// that drive the built deck, the real server and Debian's Chromium (one at a time:
// the machine has two cores).
export default defineConfig({
  plugins: [
    vue(),
    resultsSnapshotPlugin(undefined),
  ],
  test: {
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{data,poll,client,components,composables,server,audience,scripts,vite}/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
})
