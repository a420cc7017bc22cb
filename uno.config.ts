import { defineConfig } from 'unocss'
import { timeline } from './data/timeline'
import { categories } from './data/top50'

// Icon classes named in data/ are only known at run time, so UnoCSS is told about them.
export default defineConfig({
  safelist: [
    ...Object.values(categories).map(c => c.icon),
    ...timeline.map(m => m.icon),
  ],
  shortcuts: {
    kicker: 'text-sm uppercase tracking-widest font-600 text-[var(--atelier-accent)]',
  },
})
