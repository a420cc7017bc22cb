import type { SourceId } from './sources'
import { typeset } from './french.ts'

/**
 * The deck's process diagrams, drawn by components/StepFlow.vue (Mermaid could not be made
 * to fit the slide, the deck's fonts and the type floor). The Villejuif method's words are the
 * talk's; Callon's four moments are this edition's addition, marked as such on the slide.
 */
export interface FlowStep {
  title: string
  detail: string
  /** An icon of the deck's illustration set (Fluent Emoji, MIT). */
  icon: string
}

export interface Flow {
  steps: readonly FlowStep[]
  /** A return arrow from the last step to the one at `to` (0-based), with its label. */
  loop?: { to: number, label: string }
  source?: SourceId
}

/** Callon's four moments of translation (Saint-Brieuc, 1986). */
const callonTranslationSource: Flow = {
  steps: [
    { title: 'Problématisation', detail: 'Les chercheurs se rendent indispensables ; point de passage obligé : « Pecten maximus se fixe-t-elle ? »', icon: 'i-fluent-emoji-flat-magnifying-glass-tilted-left' },
    { title: 'Intéressement', detail: 'Des dispositifs fixent les rôles des coquilles, des marins, des collègues', icon: 'i-fluent-emoji-flat-spiral-shell' },
    { title: 'Enrôlement', detail: 'Les rôles sont définis et ajustés les uns aux autres', icon: 'i-fluent-emoji-flat-handshake' },
    { title: 'Mobilisation', detail: 'Des porte-parole parlent au nom de leur groupe ; la mobilisation peut échouer, par dissidence ou par trahison', icon: 'i-fluent-emoji-flat-megaphone' },
  ],
  source: 'callon-1986',
}

/** How Villejuif goes about it: learn by doing, in a loop. */
const adoptionMethodSource: Flow = {
  steps: [
    { title: 'Sensibiliser', detail: 'Données personnelles, environnement, art de la requête', icon: 'i-fluent-emoji-flat-light-bulb' },
    { title: 'Tester ensemble', detail: 'Des temps collectifs de test', icon: 'i-fluent-emoji-flat-busts-in-silhouette' },
    { title: 'Partager', detail: 'Les succès et les échecs', icon: 'i-fluent-emoji-flat-speech-balloon' },
    { title: 'Structurer', detail: 'Une stratégie d\'usage', icon: 'i-fluent-emoji-flat-clipboard' },
  ],
  loop: { to: 1, label: 'on apprend en marchant' },
}

// French typography on every text above (data/french.ts).
export const callonTranslation: Flow = typeset(callonTranslationSource)
export const adoptionMethod: Flow = typeset(adoptionMethodSource)
