import type { SourceId } from './sources'
import { typeset } from './french.ts'

export interface Milestone {
  year: number
  label: string
  /** A fact that shows the wave's scale. */
  marker: string
  icon: string
  source: SourceId
}

const timelineSource: readonly Milestone[] = [
  { year: 2007, label: 'Smartphones', marker: 'L\'iPhone est présenté le 9 janvier 2007', icon: 'i-fluent-emoji-flat-mobile-phone', source: 'apple-2007' },
  { year: 2011, label: 'Réseaux sociaux', marker: 'Facebook : 845 millions d\'utilisateurs mensuels fin 2011', icon: 'i-fluent-emoji-flat-busts-in-silhouette', source: 'facebook-s1-2012' },
  { year: 2015, label: 'Outils collaboratifs (essor de drive / notion / Slack)', marker: 'Slack : 1,1 million d\'utilisateurs quotidiens en juin 2015', icon: 'i-fluent-emoji-flat-handshake', source: 'slack-2015' },
  { year: 2019, label: 'Outils de visio et télétravail', marker: 'Zoom : de 10 à 300 millions de participants quotidiens (déc. 2019 → avril 2020)', icon: 'i-fluent-emoji-flat-video-camera', source: 'zoom-2020' },
  { year: 2023, label: 'IA', marker: 'ChatGPT : 100 millions d\'utilisateurs mensuels estimés en janvier 2023', icon: 'i-fluent-emoji-flat-robot', source: 'reuters-ubs-2023' },
]

// French typography on every text above (data/french.ts).
export const timeline: readonly Milestone[] = typeset(timelineSource)
