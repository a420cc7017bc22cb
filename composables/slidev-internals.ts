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

/**
 * Slidev's English labels on the speaker's screens, and what the speaker reads instead:
 * exact pieces of Slidev's sources, file by file (vite/french-presenter.ts applies them).
 */
export const SLIDEV_LABELS = {
  'pages/presenter.vue': [
    ['<span op50 px2>Current</span>', '<span op50 px2>En cours</span>'],
    ['          Next\n', '          Suivante\n'],
    ['            End of the presentation\n', '            Fin de la présentation\n'],
    ['{ label: \'Slides\', value: \'slides\' }', '{ label: \'Diapositives\', value: \'slides\' }'],
    ['{ label: \'Screen Mirror\', value: \'mirror\' }', '{ label: \'Miroir d’écran\', value: \'mirror\' }'],
    ['title="Resize notes panel height"', 'title="Hauteur des notes"'],
    ['title="Resize notes panel"', 'title="Largeur des notes"'],
    ['title="Increase font size"', 'title="Agrandir les notes"'],
    ['title="Decrease font size"', 'title="Réduire les notes"'],
  ],
  'internals/NavControls.vue': [
    ['\'Close fullscreen\' : \'Enter fullscreen\'', '\'Quitter le plein écran\' : \'Plein écran\''],
    ['title="Go to previous slide"', 'title="Diapositive précédente"'],
    ['title="Go to next slide"', 'title="Diapositive suivante"'],
    ['title="Show slide overview"', 'title="Vue d’ensemble"'],
    ['title="Play Mode"', 'title="Mode projection"'],
    ['title="Presenter Mode"', 'title="Vue présentateur"'],
    ['title="Toggle Presenter Layout"', 'title="Changer la disposition"'],
    ['title="More Options"', 'title="Plus d’options"'],
  ],
  'internals/NoteDisplay.vue': [
    ['\'No notes.\'', '\'Pas de notes.\''],
  ],
} as const satisfies Record<string, readonly (readonly [string, string])[]>
