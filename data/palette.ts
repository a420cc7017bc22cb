import { verdictIds, verdicts } from './matrix.ts'

/**
 * The deck's colours, shared by the slides and the phone page. One dark, one light,
 * one accent for the point; the N/O/Y trio (in matrix.ts) is kept for verdicts only.
 * Each becomes a CSS variable `--atelier-<name>`.
 */
export const palette = {
  'ink': '#13203b',
  'muted': '#4b5565',
  'paper': '#fbfaf6',
  'card': '#ffffff',
  'line': '#d9d6cc',
  'accent': '#b4400b',
  'blue': '#1e4fd8',
  'blue-soft': '#e6edfd',
  /** The footer's small print, on the light slides and on the dark (section) ones: both ≥ 4.5:1. */
  'footer': '#5d6470',
  'footer-on-ink': '#b8c0d3',
} as const

/** Every palette colour and verdict colour as CSS custom properties on :root. */
export function paletteCss(): string {
  const lines = [
    ...Object.entries(palette).map(([name, color]) => `--atelier-${name}: ${color};`),
    ...verdictIds.map(v => `--verdict-${v}: ${verdicts[v].color};`),
  ]
  return `:root {\n${lines.map(l => `  ${l}`).join('\n')}\n}\n`
}
