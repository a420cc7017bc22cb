import { frenchTypography } from './french.ts'

/**
 * The deck's one illustration family: Fluent Emoji, flat style (Microsoft, MIT licence),
 * from `@iconify-json/fluent-emoji-flat`. Each figure the slides and diagrams draw, by the
 * name they use, served as `/illustrations/<name>.svg` (vite/illustrations-plugin.ts) so
 * that Mermaid diagrams can show people instead of circles.
 */
export const illustrations = {
  agent: 'woman-office-worker',
  manager: 'man-office-worker',
  ia: 'robot',
  collectivite: 'classical-building',
  usagers: 'busts-in-silhouette',
} as const

export type IllustrationName = keyof typeof illustrations

export const illustrationCredit = frenchTypography('Illustrations : Fluent Emoji (Microsoft), licence MIT. Pictogrammes au trait : Carbon (IBM), licence Apache 2.0.')

/** Where the deck finds a figure: one origin, no request elsewhere. */
export function illustrationUrl(name: IllustrationName): string {
  return `/illustrations/${name}.svg`
}
