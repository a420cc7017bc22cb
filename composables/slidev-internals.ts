/**
 * Every Slidev internal this deck relies on beyond `@slidev/client`'s typed exports, in one
 * place. `npm run typecheck` checks each against Slidev's own sources (scripts/check-slidev.ts),
 * so an upgrade that moves one fails there, not on stage.
 */
export const SLIDEV_INTERNALS = {
  /** Slidev's navigation channel is named `${title} - shared` (setup/root.ts). */
  navChannelSuffix: ' - shared',
  /** Where the presenter view keeps the notes' row height (pages/presenter.vue). */
  notesRowKey: 'slidev-presenter-notes-row-size',
  /** The presenter view's routes: `/presenter/12` (setup/routes.ts). */
  presenterPath: '/presenter',
  /** The presenter's mouse, which Slidev shares with the projection (state/shared.ts). */
  sharedCursorField: 'cursor',
} as const

/** Matches Slidev's navigation channel, whatever the deck's title. */
export const NAV_CHANNEL = new RegExp(`${SLIDEV_INTERNALS.navChannelSuffix.replace(/[-\s]/g, m => `\\${m}`)}$`)
