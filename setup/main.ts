import { addSyncMethod, disableBuiltinSync } from '@slidev/client'
import { defineAppSetup } from '@slidev/types'
import { SLIDEV_INTERNALS } from '../composables/slidev-internals'
import { deckSync, useLiveResults } from '../composables/useLiveResults'

/**
 * Navigation sync: Slidev's own lets every window of the browser send its slide, and a
 * projector that echoes a late one can pull the presenter back (fast arrow keys). Ours
 * lets only the presenter view lead, and reaches screens on other machines through the
 * vote server. The results stream, which carries it, opens at once.
 */
export default defineAppSetup(() => {
  disableBuiltinSync()
  addSyncMethod(deckSync.method)
  if (typeof window !== 'undefined') {
    roomForNotes(window)
    useLiveResults()
  }
})

/** Slidev's presenter view keeps the notes' row height here (its own default is 280 px). */
const NOTES_ROW_KEY = SLIDEV_INTERNALS.notesRowKey

/**
 * On a laptop screen (1366×768), Slidev's default gives the notes a third of the height and
 * the next slide the rest: the notes of a normal slide would need scrolling. Until the
 * speaker drags the divider, the notes get three fifths of the height.
 */
function roomForNotes(win: Window): void {
  try {
    if (win.localStorage.getItem(NOTES_ROW_KEY) === null)
      win.localStorage.setItem(NOTES_ROW_KEY, String(Math.round(win.innerHeight * 0.6)))
  }
  catch {}
}
