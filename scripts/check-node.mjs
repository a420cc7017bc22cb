// First step of `npm test` and `npm run build`: a French message on a Node too old,
// before any tool fails with an error about something else.
import { requireSupportedNode } from './lib/node-version.mjs'

requireSupportedNode()
