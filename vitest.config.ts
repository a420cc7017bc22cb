import vue from '@vitejs/plugin-vue'
import icons from 'unplugin-icons/vite'
import { defineConfig } from 'vitest/config'
import { resultsSnapshotPlugin } from './vite/results-plugin.ts'

// Two projects: fast unit tests next to the code, and end-to-end tests in tests/
// that drive the built deck, the real server and Debian's Chromium (one at a time:
// the machine has two cores).
export default defineConfig({
  plugins: [
    vue(),
    // The deck's line pictograms (components/line-icons.ts) come from `~icons/…`, as in Slidev.
    icons({ compiler: 'vue3' }),
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
