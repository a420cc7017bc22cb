import type { ComputedRef } from 'vue'
import { useIsSlideActive, useSlideContext } from '@slidev/client'
import { computed } from 'vue'
import { currentPrintMode } from './print-mode'

export interface DeckContext {
  /** True while Slidev renders for print or PDF export: show everything, animate nothing. */
  isPrint: ComputedRef<boolean>
  /** True when the export makes one page per click step (`--with-clicks`). */
  isPrintWithClicks: ComputedRef<boolean>
  /** True in the speaker's own view, where presenter-only controls belong. */
  isPresenter: ComputedRef<boolean>
  /** The slide's current click step. */
  clicks: ComputedRef<number>
  /** True while this slide is the one on screen (in print, each page's own slide). */
  isActive: ComputedRef<boolean>
}

/**
 * What a component inside a slide needs to know about where it is drawn, from
 * Slidev's public API. Print mode is read from the page address: a printed slide's
 * navigation object (`SlidevContextNav`) does not carry the print flags.
 */
export function useDeckContext(): DeckContext {
  const { $clicks, $renderContext } = useSlideContext()
  const printing = currentPrintMode()
  return {
    isActive: useIsSlideActive(),
    isPrint: computed(() => printing.print),
    isPrintWithClicks: computed(() => printing.withClicks),
    isPresenter: computed(() => $renderContext.value === 'presenter'),
    clicks: computed(() => $clicks.value),
  }
}
