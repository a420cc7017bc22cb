import { defineMermaidSetup } from '@slidev/types'
import { palette } from '../data/palette'

const FONT = 'Inter, system-ui, sans-serif'

/**
 * The deck's diagrams are written in Mermaid (slides.md) and drawn in the deck's look:
 * theme `base` with the palette of data/palette.ts and the deck's font, sized so that
 * their labels stay above the type floor once the diagram is fitted to its slide.
 */
export default defineMermaidSetup(() => ({
  theme: 'base',
  fontFamily: FONT,
  themeVariables: {
    fontFamily: FONT,
    fontSize: '20px',
    background: palette.paper,
    primaryColor: palette.card,
    primaryTextColor: palette.ink,
    primaryBorderColor: palette.ink,
    secondaryColor: palette['blue-soft'],
    secondaryTextColor: palette.ink,
    secondaryBorderColor: palette.accent,
    tertiaryColor: palette.paper,
    tertiaryTextColor: palette.ink,
    tertiaryBorderColor: palette.line,
    lineColor: palette.ink,
    textColor: palette.ink,
    edgeLabelBackground: palette.paper,
  },
  flowchart: {
    htmlLabels: true,
    curve: 'basis',
    padding: 14,
    nodeSpacing: 36,
    rankSpacing: 44,
    wrappingWidth: 230,
    // A subgraph's title (« hors du réseau ») otherwise touches its dashed border.
    subGraphTitleMargin: { top: 8, bottom: 6 },
  },
}))
