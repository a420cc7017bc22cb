import { frenchTypography, typeset } from './french.ts'

/**
 * The talk's parts and the time each may take, shown at the top of every slide's notes
 * in the presenter view (setup/preparser.ts). A slide opens a part with `part: <id>` in
 * its frontmatter; the slides after it belong to that part until the next one.
 * The minutes add up to `talkMinutes` (checked by data/data.test.ts).
 */
export interface AgendaPart {
  id: string
  title: string
  minutes: number
}

/** The planned length of the atelier, in minutes. */
export const talkMinutes = 45

// The numbered parts are the talk's own (its « déroulé »), named as on their section slides;
// the minutes are this edition's plan. The talk ends on « Des questions ? »: it has its time.
const agendaSource = [
  { id: 'ouverture', title: 'Ouverture et connexion du public', minutes: 4 },
  { id: 'explosion', title: '1 · L’explosion', minutes: 6 },
  { id: 'travail', title: '2 · Le travail', minutes: 7 },
  { id: 'recherche', title: '3 · La recherche', minutes: 7 },
  { id: 'villejuif', title: '4 · Villejuif', minutes: 8 },
  { id: 'grille', title: '5 · Conclusion', minutes: 8 },
  { id: 'conclusion', title: 'Une avancée à ne pas manquer, merci', minutes: 1 },
  { id: 'questions', title: 'Des questions ?', minutes: 4 },
] as const satisfies readonly AgendaPart[]

export type PartId = typeof agendaSource[number]['id']

// French typography on every text above (data/french.ts).
export const agenda = typeset(agendaSource)

/** When each part starts and ends, in minutes from the start of the talk. */
export function schedule(parts: readonly AgendaPart[] = agenda): (AgendaPart & { from: number, to: number })[] {
  let clock = 0
  return parts.map((part) => {
    const from = clock
    clock += part.minutes
    return { ...part, from, to: clock }
  })
}

/** The line the presenter reads above a slide's notes: « Temps : 2 · Le travail — 8 min, de la 11e à la 19e minute sur 45 ». */
export function budgetLine(part: AgendaPart & { from: number, to: number }): string {
  return frenchTypography(`Temps : ${part.title} — ${part.minutes} min, de la ${part.from}e à la ${part.to}e minute sur ${talkMinutes}`)
}
