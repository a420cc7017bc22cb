import type { SyncWrite } from '@slidev/client'
import type { ShallowRef } from 'vue'
import { shallowRef } from 'vue'
import { MATRIX_CHANNEL } from './deck-sync'
import { deckSync } from './useLiveResults'

/** Which cell is open, on which slide (several slides draw the matrix). */
export interface SharedMatrixCell {
  slide: number
  cell: string | null
}

const shared = shallowRef<SharedMatrixCell>({ slide: 0, cell: null })
let write: SyncWrite<SharedMatrixCell> | undefined

/**
 * The matrix cell the presenter opens, on every screen: the presenter view sends it (the
 * same path as its slide and click), the projection and the other windows open it too.
 * Other windows' own clicks stay theirs.
 */
export function useSharedMatrixCell(): { shared: ShallowRef<SharedMatrixCell>, share: (next: SharedMatrixCell) => void } {
  write ??= deckSync.method.init(MATRIX_CHANNEL, (state: Partial<SharedMatrixCell>) => {
    shared.value = { slide: state.slide ?? 0, cell: state.cell ?? null }
  }, shared.value) ?? (() => {})
  return {
    shared,
    share: (next) => {
      shared.value = next
      write!(next)
    },
  }
}
