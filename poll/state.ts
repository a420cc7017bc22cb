import type { PollCommand, PollState } from './types'

export const pollCommands: readonly PollCommand[] = [
  'open',
  'close',
  'reveal',
  'hide',
  'reset',
]

export function initialPollState(resultsVisible: boolean): PollState {
  return {
    status: 'closed',
    resultsVisible,
    openedAt: null,
    closedAt: null,
  }
}

/**
 * Applies a presenter command. Commands are idempotent (opening an open poll
 * changes nothing) so that a presenter can safely retry on a flaky network.
 * `reset` is handled here for the state only; the caller also drops the ballots.
 */
export function applyCommand(state: PollState, command: PollCommand, now: Date, defaultVisible: boolean): PollState {
  const at = now.toISOString()
  switch (command) {
    case 'open':
      return state.status === 'open'
        ? state
        : {
            ...state,
            status: 'open',
            openedAt: at,
            closedAt: null,
          }
    case 'close':
      return state.status === 'closed'
        ? state
        : { ...state, status: 'closed', closedAt: at }
    case 'reveal':
      return { ...state, resultsVisible: true }
    case 'hide':
      return { ...state, resultsVisible: false }
    case 'reset':
      return initialPollState(defaultVisible)
  }
}

export function isPollCommand(value: string): value is PollCommand {
  return (pollCommands as readonly string[]).includes(value)
}
