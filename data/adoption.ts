import type { SourceId } from './sources'
import { typeset } from './french.ts'

export interface Statistic {
  id: string
  value: number
  /** Printed right after the number: '%', ' points', ' millions'… */
  unit: string
  label: string
  /** Who was counted. */
  population: string
  /** Absent when the source gives none: the talk says « en 1 an » for 30 → 120, not which years. */
  year?: number
  sources: readonly SourceId[]
  /**
   * Set when the figure could not be verified: the slide then says whose figure it is
   * instead of presenting it as established.
   */
  attributedTo?: string
  /** Caveat printed under the figure. */
  note?: string
}

function stats<const T extends Record<string, Omit<Statistic, 'id'>>>(defs: T): { [K in keyof T]: Statistic } {
  return Object.fromEntries(Object.entries(defs).map(([id, s]) => [id, { id, ...s }])) as { [K in keyof T]: Statistic }
}

const adoptionSource = stats({
  chatgptUsers: {
    value: 100,
    unit: '\u00A0millions',
    label: 'd\'utilisateurs mensuels pour ChatGPT, deux mois après son lancement',
    population: 'utilisateurs dans le monde, janvier 2023 (estimation d\'analyste)',
    year: 2023,
    sources: ['reuters-ubs-2023', 'openai-2022'],
    note: 'Estimation UBS à partir de données Similarweb, pas un chiffre d\'OpenAI.',
  },
  categoryC: {
    value: 75,
    unit: '\u202F%',
    label: 'des agents territoriaux sont de catégorie C',
    population: 'agents de la fonction publique territoriale, fin 2021',
    year: 2021,
    sources: ['dgafp-etat-fp-2024', 'dgcl-chiffres-2024'],
    note: '71 % fin 2022, après le passage des auxiliaires de puériculture et aides-soignants en catégorie B.',
  },
  women: {
    value: 60,
    unit: '\u202F%',
    label: 'des agents territoriaux sont des femmes',
    population: 'fonctionnaires territoriaux, rapports sociaux uniques 2021',
    year: 2021,
    sources: ['dgcl-cnfpt-rsu-2024'],
    note: '61 % des agents de la FPT en 2022 selon la DGAFP.',
  },
  genderGap: {
    value: 20,
    unit: '\u00A0points',
    label: 'd\'écart d\'usage de ChatGPT entre femmes et hommes',
    population: '100 000 salariés danois de 11 métiers exposés invités, environ 18 000 répondants',
    year: 2024,
    sources: ['humlum-vestergaard-2024', 'humlum-vestergaard-2025'],
    note: 'L’atelier disait « 20 % moins susceptibles » ; l’étude mesure 20 points d’écart (16 points à métier égal dans la version publiée, PNAS, 2025).',
  },
  publicAgentsUsingAi: {
    value: 13,
    unit: '\u202F%',
    label: 'des agents publics utilisent déjà l\'IA au travail',
    population: 'agents publics (périmètre non précisé)',
    year: 2024,
    sources: ['krief-2024'],
    attributedTo: 'Ajout de cette édition : chiffre donné dans l’atelier par Steve Krief, dont cette édition n’a pas retrouvé la source.',
  },
  candidatesBefore: {
    value: 30,
    unit: '',
    label: 'candidats environ, avant',
    population: 'poste de chargé·e de recrutement, Ville de Villejuif',
    sources: ['krief-2024'],
  },
  candidatesAfter: {
    value: 120,
    unit: '',
    label: 'candidats et plus, un an après',
    population: 'poste de chargé·e de recrutement, Ville de Villejuif',
    sources: ['krief-2024'],
  },
  participatoryProposals: {
    value: 168,
    unit: '',
    label: 'propositions du budget participatif des agents classées par thème',
    population: 'agents de la Ville de Villejuif',
    year: 2024,
    sources: ['krief-2024'],
  },
})

export type StatisticId = keyof typeof adoption

export interface ProductivityBar {
  label: string
  /** Change in percent; negative means a reduction. */
  value: number
  group: string
}

export interface ProductivityStudy {
  id: string
  title: string
  population: string
  year: number
  source: SourceId
  bars: readonly ProductivityBar[]
  note: string
}

/** The evidence behind « les gains vont d'abord aux moins qualifiés ». */
const productivityStudiesSource: readonly ProductivityStudy[] = [
  {
    id: 'support',
    title: 'Service client : dossiers résolus par heure',
    population: '5 179 conseillers d\'un centre d\'appels',
    year: 2023,
    source: 'brynjolfsson-2023',
    bars: [
      { label: 'Moyenne', value: 14, group: 'tous' },
      { label: 'Novices et moins qualifiés', value: 34, group: 'novices' },
      { label: 'Plus expérimentés', value: 0, group: 'experts' },
    ],
    note: 'Effet minime pour les plus expérimentés. Version publiée (QJE, 2025) : +15 % en moyenne, +30 % pour les moins qualifiés.',
  },
  {
    id: 'writing',
    title: 'Rédaction professionnelle',
    population: '453 diplômés du supérieur',
    year: 2023,
    source: 'noy-zhang-2023',
    bars: [
      { label: 'Temps passé', value: -40, group: 'tous' },
      { label: 'Qualité', value: 18, group: 'tous' },
    ],
    note: 'Les écarts entre rédacteurs se réduisent : les moins bons gagnent le plus.',
  },
]

// French typography on every text above (data/french.ts).
export const adoption = typeset(adoptionSource)
export const productivityStudies: readonly ProductivityStudy[] = typeset(productivityStudiesSource)
