import process from 'node:process'
import { definePreparserSetup } from '@slidev/types'

/** The slide that shows this room against the earlier ones (see scripts/export.ts). */
const COMPARISON_ALIAS = 'comparaison'

/**
 * In a PDF, the comparison slide is printed only when asked for (`npm run export --
 * --session ID --compare`, which sets ATELIER_COMPARE): a hidden slide leaves no page and
 * no gap in the page numbers. The live deck always has it.
 */
export default definePreparserSetup(({ mode }) => [
  {
    name: 'atelier:comparison-in-print',
    async transformSlide(content, frontmatter) {
      if (mode === 'export' && frontmatter.routeAlias === COMPARISON_ALIAS && process.env.ATELIER_COMPARE !== '1')
        frontmatter.hide = true
      return content
    },
  },
])
