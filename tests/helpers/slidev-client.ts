import { computed, reactive, ref } from 'vue'

/**
 * A stand-in for `@slidev/client` in component unit tests, where no Slidev app
 * exists. Use it as `vi.mock('@slidev/client', () => import('../tests/helpers/slidev-client'))`
 * and drive the slide through `slide`. Print mode is the page's address, as in the deck:
 * `history.replaceState(null, '', '/print?print=true')`.
 */
export const slide = reactive({
  page: 1,
  currentSlideNo: 1,
  clicks: 0,
  renderContext: 'slide' as 'slide' | 'presenter' | 'overview' | 'previewNext' | 'none',
  frontmatter: {} as Record<string, unknown>,
})

/** Puts the stand-in back to a plain, active slide. */
export function resetSlide(): void {
  Object.assign(slide, {
    page: 1,
    currentSlideNo: 1,
    clicks: 0,
    renderContext: 'slide',
    frontmatter: {},
  })
}

export function useSlideContext() {
  return {
    $nav: computed(() => ({ currentSlideNo: slide.currentSlideNo, total: 1, clicks: slide.clicks })),
    $clicks: computed(() => slide.clicks),
    $page: computed(() => slide.page),
    $renderContext: computed(() => slide.renderContext),
    $frontmatter: slide.frontmatter,
    $scale: ref(1),
  }
}

export function useIsSlideActive() {
  return computed(() => slide.page === slide.currentSlideNo)
}
