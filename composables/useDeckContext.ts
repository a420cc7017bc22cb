import type { ComputedRef, Ref } from 'vue'
import { computed, inject, ref } from 'vue'
import { currentPrintMode } from './print-mode'

// Slidev provides these under stable string keys (see @slidev/client/constants.ts).
// Injecting them directly, rather than importing @slidev/client, keeps our
// components mountable in unit tests, where they fall back to a plain slide.
const SLIDEV_CONTEXT = '$$slidev-context'
const RENDER_CONTEXT = '$$slidev-render-context'
const CLICKS_CONTEXT = '$$slidev-clicks-context'
const CURRENT_PAGE = '$$slidev-page'

interface SlidevNavLike {
  isPrintMode?: boolean
  isPrintWithClicks?: boolean
  currentSlideNo?: number
}

export interface DeckContext {
  /** True while Slidev renders for print or PDF export: show everything, animate nothing. */
  isPrint: ComputedRef<boolean>
  /** True when the export makes one page per click step (`--with-clicks`). */
  isPrintWithClicks: ComputedRef<boolean>
  /** True in the speaker's own view, where presenter-only controls belong. */
  isPresenter: ComputedRef<boolean>
  /** The slide's current click step (0 outside Slidev). */
  clicks: ComputedRef<number>
  /** True while this slide is the one on screen (always true outside Slidev). */
  isActive: ComputedRef<boolean>
}

export function useDeckContext(): DeckContext {
  const slidev = inject<{ nav?: SlidevNavLike } | null>(SLIDEV_CONTEXT, null)
  const renderContext = inject<Ref<string>>(RENDER_CONTEXT, ref('none'))
  const clicksContext = inject<Ref<{ current: number }> | null>(CLICKS_CONTEXT, null)
  const page = inject<Ref<number> | null>(CURRENT_PAGE, null)
  const printing = currentPrintMode()
  return {
    isActive: computed(() => !slidev?.nav || !page || slidev.nav.currentSlideNo === page.value),
    isPrint: computed(() => !!slidev?.nav?.isPrintMode || printing.print),
    isPrintWithClicks: computed(() => !!slidev?.nav?.isPrintWithClicks || printing.withClicks),
    isPresenter: computed(() => renderContext.value === 'presenter'),
    clicks: computed(() => clicksContext?.value.current ?? 0),
  }
}
