/// <reference types="@slidev/types" />
import process from 'node:process'
import { defineConfig } from 'vite'
import { frenchPresenter } from './vite/french-presenter.ts'
import { frenchText } from './vite/french-vue.ts'
import { illustrationsPlugin } from './vite/illustrations-plugin.ts'
import { palettePlugin } from './vite/palette-plugin.ts'
import { resultsSnapshotPlugin } from './vite/results-plugin.ts'

// Merged by Slidev into its own config. The API lives in the vote server: in
// `npm run dev` Slidev's dev server forwards /api to it.
export default defineConfig({
  slidev: {
    // French typography on every static text of the slides and components (data/french.ts).
    vue: {
      template: {
        compilerOptions: {
          nodeTransforms: [frenchText],
        },
      },
    },
  },
  plugins: [
    frenchPresenter(),
    palettePlugin(),
    illustrationsPlugin(),
    resultsSnapshotPlugin(process.env.ATELIER_RESULTS_FILE),
  ],
  // Known up front, so that a first export on a fresh clone does not discover it
  // half-way and reload the page under the PDF printer.
  optimizeDeps: {
    include: ['uqr'],
  },
  // Only `npm run dev` has a vote server beside Slidev's (it sets ATELIER_API_PORT): an
  // export's own Slidev server has none, and a proxy there would log an error per request.
  server: process.env.ATELIER_API_PORT
    ? {
        proxy: {
          // xfwd: the vote server learns each client's own address (X-Forwarded-For).
          '/api': { target: `http://127.0.0.1:${process.env.ATELIER_API_PORT}`, changeOrigin: false, xfwd: true },
          '/vote': { target: `http://127.0.0.1:${process.env.ATELIER_API_PORT}`, changeOrigin: false, xfwd: true },
        },
      }
    : {},
})
