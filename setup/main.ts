import { addSyncMethod, disableBuiltinSync } from '@slidev/client'
import { defineAppSetup } from '@slidev/types'
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
  if (typeof window !== 'undefined')
    useLiveResults()
})
