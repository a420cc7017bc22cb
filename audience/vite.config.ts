import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import { frenchHtmlPlugin } from '../vite/french-html.ts'
import { palettePlugin } from '../vite/palette-plugin.ts'

// The phone page: a small separate entry, not the Slidev bundle.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/vote/',
  plugins: [
    palettePlugin(),
    frenchHtmlPlugin(),
  ],
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('../dist/audience', import.meta.url)),
    emptyOutDir: true,
    target: 'es2020',
    modulePreload: false,
    // The audience's page, the presenter's phone remote, and the presenter's sessions page.
    rollupOptions: {
      input: {
        vote: fileURLToPath(new URL('./index.html', import.meta.url)),
        remote: fileURLToPath(new URL('./remote.html', import.meta.url)),
        sessions: fileURLToPath(new URL('./sessions.html', import.meta.url)),
        moderation: fileURLToPath(new URL('./moderation.html', import.meta.url)),
      },
    },
  },
})
