/// <reference types="vite/client" />
/// <reference types="unplugin-icons/types/vue" />

declare module 'virtual:atelier-results' {
  import type { ResultsSnapshot } from './poll/types'
  /** The results baked in by `npm run export --results`, or null for a live or plain deck. */
  const snapshot: ResultsSnapshot | null
  export default snapshot
}

declare module 'virtual:atelier-palette.css'
