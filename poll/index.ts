// The voting domain: pure functions and types, shared by the server, the deck and the phone page.
export * from './ballot'
export * from './snapshot'
export * from './state'
export * from './tally'
export * from './types'
