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
  /** Both sides have ballots to compare, and this room's results are showing. */
  ready: ComputedRef<boolean>
  /** Why there is nothing to compare yet, in French; null when `ready`. */
  waiting: ComputedRef<ComparisonWait | null>
}

/**
 * Why a comparison cannot be shown: the room's results are hidden, no earlier real room,
 * earlier rooms without a ballot on this question, or no ballot here yet. A difference
 * is never claimed against an empty side.
 */
export type ComparisonWait = 'hidden' | 'first' | 'no-others' | 'no-room'

/** One poll of this room next to the same poll in the earlier rooms: what the comparison slides share. */
export function usePeerComparison(poll: PollId): PeerComparison {
  const { snapshot } = useLiveResults()
  const results = usePollResults(poll)
  const peers = computed(() => snapshot.value?.peers ?? null)
  const roomCount = computed(() => results.view.value?.participants ?? 0)
  const othersCount = computed(() => peers.value?.polls.find(p => p.id === poll)?.participants ?? 0)
  const waiting = computed((): ComparisonWait | null => {
    if (!results.tally.value)
      return 'hidden'
    if ((peers.value?.sessions ?? 0) === 0)
      return 'first'
    if (othersCount.value === 0)
      return 'no-others'
    return roomCount.value === 0
      ? 'no-room'
      : null
  })
  return {
    results,
    peers,
    roomCount,
    othersCount,
    ready: computed(() => waiting.value === null),
    waiting,
  }
}
