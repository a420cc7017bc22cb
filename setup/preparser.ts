import process from 'node:process'
import { definePreparserSetup } from '@slidev/types'

/**
 * In a PDF, the comparison slides (`comparison: true`) are printed only when asked for
 * (`npm run export -- --session ID --compare`, which sets ATELIER_COMPARE): a hidden slide
 * leaves no page and no gap in the page numbers. The live deck always has them.
 */
export default definePreparserSetup(({ mode }) => [
  {
    name: 'atelier:comparison-in-print',
    async transformSlide(content, frontmatter) {
      if (mode === 'export' && frontmatter.comparison === true && process.env.ATELIER_COMPARE !== '1')
        frontmatter.hide = true
      return content
    },
  },
])
