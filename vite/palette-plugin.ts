import type { Plugin } from 'vite'
import { paletteCss } from '../data/palette.ts'

const ID = 'virtual:atelier-palette.css'
const RESOLVED = `\0${ID}`

/**
 * `import 'virtual:atelier-palette.css'` gives the deck and the phone page the same
 * colours, written once in data/ (verdict colours in matrix.ts, the rest in palette.ts).
 * Built into the CSS, so nothing flashes in the wrong colour before a script runs.
 */
export function palettePlugin(): Plugin {
  return {
    name: 'atelier-palette',
    resolveId: id => (id === ID
      ? RESOLVED
      : undefined),
    load: id => (id === RESOLVED
      ? paletteCss()
      : undefined),
  }
}
