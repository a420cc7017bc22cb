import type { ComputedRef } from 'vue'
import type { PeerRooms } from '../poll/session'
import type { PollId } from '../poll/types'
import type { PollResults } from './usePollResults'
import { computed } from 'vue'
import { useLiveResults } from './useLiveResults'
import { usePollResults } from './usePollResults'

export interface PeerComparison {
  results: PollResults
  /** The earlier real rooms combined, when the server (or the handout) sent them. */
  peers: ComputedRef<PeerRooms | null>
  /** Ballots behind this room's figures, and behind the others'. */
  roomCount: ComputedRef<number>
  othersCount: ComputedRef<number>
  /** This room's results are showing and there is at least one earlier room. */
  ready: ComputedRef<boolean>
}

/** One poll of this room next to the same poll in the earlier rooms: what the comparison slides share. */
export function usePeerComparison(poll: PollId): PeerComparison {
  const { snapshot } = useLiveResults()
  const results = usePollResults(poll)
  const peers = computed(() => snapshot.value?.peers ?? null)
  return {
    results,
    peers,
    roomCount: computed(() => results.view.value?.participants ?? 0),
    othersCount: computed(() => peers.value?.polls.find(p => p.id === poll)?.participants ?? 0),
    ready: computed(() => !!results.tally.value && (peers.value?.sessions ?? 0) > 0),
  }
}
