import type { Verdict } from './matrix.ts'
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
  /** Royal blue: apart from the three verdicts (red, amber, green), so a call-out is never read as one. */
  'accent': '#1d4ed8',
  'blue': '#1d4ed8',
  'blue-soft': '#e6edfd',
  /** The footer's small print, on the light slides and on the dark (section) ones: both ≥ 4.5:1. */
  'footer': '#5d6470',
  'footer-on-ink': '#b8c0d3',
} as const

/**
 * A verdict's fill as a CSS background: its colour with its hatch, so N, O and Y stay
 * apart for a colour-blind viewer and on a projector that has lost its hues.
 */
export function verdictFill(v: Verdict): string {
  const { color, pattern } = verdicts[v]
  const line = 'rgb(255 255 255 / 0.22)'
  const stripes = (angle: number) => `repeating-linear-gradient(${angle}deg, ${line} 0 3px, transparent 3px 10px)`
  if (pattern === 'cross')
    return `${stripes(45)}, ${stripes(-45)}, ${color}`
  if (pattern === 'stripes')
    return `repeating-linear-gradient(45deg, rgb(19 32 59 / 0.14) 0 3px, transparent 3px 10px), ${color}`
  return color
}

/** Every palette colour and verdict colour as CSS custom properties on :root. */
export function paletteCss(): string {
  const lines = [
    ...Object.entries(palette).map(([name, color]) => `--atelier-${name}: ${color};`),
    ...verdictIds.flatMap(v => [
      `--verdict-${v}: ${verdicts[v].color};`,
      `--verdict-${v}-on: ${verdicts[v].on};`,
      `--verdict-${v}-text: ${verdicts[v].text};`,
      `--verdict-${v}-fill: ${verdictFill(v)};`,
    ]),
  ]
  return `:root {\n${lines.map(l => `  ${l}`).join('\n')}\n}\n`
}
