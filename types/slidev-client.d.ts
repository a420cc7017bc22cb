// The type-checker's view of `@slidev/client`, Slidev 53's public API (its index.ts).
// The package ships TypeScript sources, not declarations, and they do not compile
// under this project's flags (they need Slidev's build-time globals such as __DEV__),
// so tsconfig's `paths` points vue-tsc here. Vite still bundles the real package.
// Only what the deck uses is declared, with the signatures of the sources.
import type { ClicksContext, RenderContext } from '@slidev/types'
import type { ComputedRef, Ref } from 'vue'

/**
 * The part of Slidev's navigation state (`SlidevContextNav`) that the deck reads. Print
 * and presenter flags are not in it (they are in `SlidevContextNavState`, which a printed
 * slide's context lacks): the deck reads them from the address (print-mode.ts) and the
 * render context. `npm run typecheck` checks this file against Slidev's sources.
 */
export interface SlidevNav {
  currentSlideNo: number
  total: number
  clicks: number
}

export interface SlideContext {
  $nav: Ref<SlidevNav>
  $clicksContext: ClicksContext
  $clicks: Ref<number>
  $page: Ref<number>
  $renderContext: Ref<RenderContext>
  $frontmatter: Record<string, unknown>
  $scale: Ref<number>
}

/** Slide context; call it in the setup of a component rendered inside a slide. */
export function useSlideContext(): SlideContext
/** True while the slide that holds the calling component is the current one. */
export function useIsSlideActive(): ComputedRef<boolean>

/** Writes a channel's state out; `updating` is true when the change came from another window. */
export type SyncWrite<State extends object> = (state: State, updating?: boolean) => void

/** A way for Slidev's windows to share state (its own is a BroadcastChannel). */
export interface SyncMethod {
  enabled?: boolean
  init: <State extends object>(channelKey: string, onUpdate: (data: Partial<State>) => void, state: State, persist?: boolean) => SyncWrite<State> | undefined
}

/** Adds a sync method beside (or instead of) Slidev's own. */
export function addSyncMethod(sync: SyncMethod): void
/** Turns Slidev's own same-browser sync off. */
export function disableBuiltinSync(): void

/** Slidev's navigation (the part the deck calls). */
export interface SlidevNavControls {
  next: () => Promise<void>
  prev: () => Promise<void>
}
/** Slidev's navigation; usable outside a component's setup. */
export function useNav(): SlidevNavControls
