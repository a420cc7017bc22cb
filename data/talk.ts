import { typeset } from './french.ts'
/** Who, where and when: shown on the title slide, the footer and the handout. */
const talkSource = {
  title: 'Une idée intelligente ou artificielle : quand mobiliser l\'IA pour mener ses projets ?',
  event: 'Ateliers | Grenoble 2024',
  atelier: {
    number: 5,
    title: 'Le manager, l’agent et la machine : dialectique des maîtres et des esclaves',
    /** Named under the atelier's heading in the talk; no speaking role. */
    named: { name: 'Pascal Fortoul', role: 'Ex-directeur général des services', organisation: 'Communauté d’agglomération du Pays Voironnais' },
  },
  speakers: [
    { name: 'Steve Krief', role: 'Directeur des ressources humaines', organisation: 'Ville de Villejuif' },
  ],
} as const

/** The icebreaker: the speaker's request and the assistant's answer, as in the talk. */
const icebreakerSource = [
  {
    from: 'user',
    author: 'Steve Krief',
    text: 'Bonjour, peux-tu me raconter une blague courte pour qu\'un DRH introduise une conférence sur l\'utilisation de l\'IA dans la conduite de ses projets à destination d\'un public de directeurs des finances et de contrôleurs de gestion ? Cela servira d\'icebreaker à la présentation !',
  },
  {
    from: 'assistant',
    author: 'L\'assistant',
    text: 'Bien sûr ! Voici une blague courte et adaptée : « Bonjour à tous, et bienvenue ! Avant de commencer, laissez-moi vous dire que l\'intelligence artificielle est comme un directeur des finances : elle est toujours à la recherche d\'une bonne optimisation… sauf que l’IA ne s’inquiète jamais des budgets serrés ! » J’espère que cela aidera à briser la glace et à mettre tout le monde à l’aise !',
  },
] as const satisfies readonly ChatMessage[]

export interface ChatMessage {
  from: 'user' | 'assistant'
  author: string
  text: string
}

// French typography on every text above (data/french.ts).
export const talk = typeset(talkSource)
export const icebreaker = typeset(icebreakerSource)
