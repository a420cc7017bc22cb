import type { ComputedRef } from 'vue'
import type { PollId, PollView, Tally } from '../poll/types'
import { computed } from 'vue'
import { pollIn, shownTally } from './live-snapshot'
import { useDeckContext } from './useDeckContext'
import { useLiveResults } from './useLiveResults'

export interface PollResults {
  view: ComputedRef<PollView | null>
  /** Null while the results are hidden from this view (blind poll, not revealed). */
  tally: ComputedRef<Tally | null>
}

/** One poll's live state and the results this view may show. */
export function usePollResults(poll: PollId): PollResults {
  const { snapshot } = useLiveResults()
  const { isPresenter, isPrint } = useDeckContext()
  const view = computed(() => pollIn(snapshot.value, poll))
  const tally = computed(() => shownTally(view.value, isPrint.value
    ? 'print'
    : isPresenter.value ? 'presenter' : 'room'))
  return { view, tally }
}
