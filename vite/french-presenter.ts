import type { Plugin } from 'vite'
import { SLIDEV_LABELS } from '../composables/slidev-internals.ts'

/**
 * The speaker's screen in French: Slidev's presenter view and navigation bar are written
 * in English, with no setting for another language. This step rewrites their visible labels
 * (the list is in composables/slidev-internals.ts, and `npm run typecheck` checks that each
 * English label is still in Slidev's sources) before Vue compiles them.
 */
export function frenchPresenter(): Plugin {
  return {
    name: 'atelier:french-presenter',
    enforce: 'pre',
    transform(code, id) {
      const file = Object.keys(SLIDEV_LABELS).find(f => id.split('?')[0]!.endsWith(`@slidev/client/${f}`))
      if (!file)
        return null
      let out = code
      for (const [english, french] of SLIDEV_LABELS[file as keyof typeof SLIDEV_LABELS])
        out = out.split(english).join(french)
      return { code: out, map: null }
    },
  }
}
