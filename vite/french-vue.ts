import type { NodeTransform } from '@vue/compiler-core'
import { frenchTypography } from '../data/french.ts'

/** Vue's NodeTypes.TEXT: static text between tags (interpolations are other nodes). */
const TEXT = 2
const VERBATIM = new Set([
  'code',
  'pre',
  'script',
  'style',
  'kbd',
])

/** Slidev's own templates (its presenter view, its buttons) are not the deck's text. */
const DEPENDENCY = /[/\\]node_modules[/\\]/

/**
 * A Vue template compiler step that applies French typography to every static text of
 * the deck: the slides (Slidev compiles slides.md to Vue templates) and the components,
 * never the templates of a dependency.
 */
export const frenchText: NodeTransform = (node, context) => {
  if (node.type !== TEXT || DEPENDENCY.test(context.filename))
    return
  const parent = context.parent as { tag?: string } | null
  if (!VERBATIM.has(parent?.tag ?? ''))
    node.content = frenchTypography(node.content)
}
