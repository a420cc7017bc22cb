import { typeset } from './french.ts'
/**
 * Every reference the deck cites. Slides and other data files point here by id,
 * and `data.test.ts` checks that each id is known and each source is cited.
 */
export interface Source {
  /** Citation used in footnotes: « Autor, 2024 ». */
  short: string
  /** Authors or institution, as they should appear in a citation. */
  author: string
  title: string
  year: number
  /** Where a reader can check it. Absent when no stable address could be verified. */
  url?: string
  /** Publisher, journal or series. */
  publisher?: string
  /** How it was read, when only through a secondary source. */
  via?: string
  /**
   * What vouches for it: a phrase of the verified research (../shared/research/sources.md),
   * or `talk` for what the speaker himself said in the talk. The editor's test checks it.
   */
  vouchedBy: string
}

const sourcesSource = {
  'moore-2024': {
    vouchedBy: 'https://a16z.com/100-gen-ai-apps-3/',
    short: 'a16z (Moore), 2024',
    author: 'Olivia Moore (Andreessen Horowitz)',
    title: 'The Top 100 Gen AI Consumer Apps — 3rd Edition (classement web par visites mensuelles uniques, données Similarweb)',
    year: 2024,
    url: 'https://a16z.com/100-gen-ai-apps-3/',
    publisher: 'a16z',
  },
  'autor-2024': {
    vouchedBy: 'NBER WP 32140',
    short: 'Autor, 2024',
    author: 'David H. Autor',
    title: 'Applying AI to Rebuild Middle Class Jobs',
    year: 2024,
    url: 'https://www.nber.org/papers/w32140',
    publisher: 'NBER Working Paper n° 32140',
  },
  'brynjolfsson-2023': {
    vouchedBy: 'Generative AI at Work',
    short: 'Brynjolfsson, Li & Raymond, 2023',
    author: 'Erik Brynjolfsson, Danielle Li, Lindsey R. Raymond',
    title: 'Generative AI at Work',
    year: 2023,
    url: 'https://www.nber.org/papers/w31161',
    publisher: 'NBER Working Paper n° 31161 (version publiée : QJE 140(2), 2025)',
  },
  'noy-zhang-2023': {
    vouchedBy: 'doi:10.1126/science.adh2586',
    short: 'Noy & Zhang, 2023',
    author: 'Shakked Noy, Whitney Zhang',
    title: 'Experimental evidence on the productivity effects of generative artificial intelligence',
    year: 2023,
    url: 'https://doi.org/10.1126/science.adh2586',
    publisher: 'Science 381(6654), p. 187-192',
  },
  'humlum-vestergaard-2024': {
    vouchedBy: 'https://docs.iza.org/dp16992.pdf',
    short: 'Humlum & Vestergaard, 2024',
    author: 'Anders Humlum, Emilie Vestergaard',
    title: 'The Adoption of ChatGPT',
    year: 2024,
    url: 'https://docs.iza.org/dp16992.pdf',
    publisher: 'IZA Discussion Paper n° 16992',
  },
  'humlum-vestergaard-2025': {
    vouchedBy: 'doi:10.1073/pnas.2414972121',
    short: 'Humlum & Vestergaard, 2025',
    author: 'Anders Humlum, Emilie Vestergaard',
    title: 'The unequal adoption of ChatGPT exacerbates existing inequalities among workers',
    year: 2025,
    url: 'https://doi.org/10.1073/pnas.2414972121',
    publisher: 'PNAS 122(1)',
  },
  'dgafp-etat-fp-2024': {
    vouchedBy: 'Rapport annuel sur l',
    short: 'DGAFP, 2024',
    author: 'DGAFP',
    title: 'Rapport annuel sur l\'état de la fonction publique, édition 2024',
    year: 2024,
    publisher: 'Direction générale de l\'administration et de la fonction publique',
    via: 'La Gazette des communes',
  },
  'dgcl-cnfpt-rsu-2024': {
    vouchedBy: 'rapports sociaux uniques',
    short: 'DGCL & CNFPT, 2024',
    author: 'DGCL, CNFPT',
    title: 'Synthèse nationale des rapports sociaux uniques 2021',
    year: 2024,
    publisher: 'Direction générale des collectivités locales',
    via: 'synthèse secondaire',
  },
  'dgcl-chiffres-2024': {
    vouchedBy: 'Les collectivités locales en chiffres 2024',
    short: 'DGCL, 2024',
    author: 'DGCL',
    title: 'Les collectivités locales en chiffres 2024',
    year: 2024,
    publisher: 'Direction générale des collectivités locales',
    via: 'Weka',
  },
  'dgafp-ia-rh-2024': {
    vouchedBy: 'la-fonction-rh-lere-de-lintelligence-artificielle',
    short: 'DGAFP, juin 2024',
    author: 'DGAFP',
    title: 'Stratégie d\'usage de l\'intelligence artificielle en matière de gestion des ressources humaines dans la fonction publique d\'État',
    year: 2024,
    url: 'https://www.fonction-publique.gouv.fr/la-dgafp/nos-espaces-pour-sinspirer-et-innover/veille-et-prospective-rh/la-fonction-rh-lere-de-lintelligence-artificielle',
  },
  'gesnouin-2024': {
    vouchedBy: 'arXiv:2401.16182',
    short: 'Gesnouin et al., 2024',
    author: 'Joseph Gesnouin et al. (DGFiP, DILA, DINUM)',
    title: 'LLaMandement: Large Language Models for Summarization of French Legislative Proposals',
    year: 2024,
    url: 'https://arxiv.org/abs/2401.16182',
    publisher: 'arXiv:2401.16182',
  },
  'delibia': {
    vouchedBy: 'delibia.fr',
    short: 'Delibia',
    author: 'Delibia',
    title: 'Delibia, plateforme de recherche et de rédaction sur les actes des collectivités',
    year: 2021,
    url: 'https://delibia.fr',
  },
  'callon-1986': {
    vouchedBy: 'La domestication des coquilles Saint-Jacques',
    short: 'Callon, 1986',
    author: 'Michel Callon',
    title: 'Éléments pour une sociologie de la traduction. La domestication des coquilles Saint-Jacques et des marins-pêcheurs dans la baie de Saint-Brieuc',
    year: 1986,
    publisher: 'L\'Année sociologique, 36, p. 169-208',
  },
  'openai-2022': {
    vouchedBy: 'Introducing ChatGPT',
    short: 'OpenAI, 2022',
    author: 'OpenAI',
    title: 'Introducing ChatGPT',
    year: 2022,
    url: 'https://openai.com/index/chatgpt/',
  },
  'reuters-ubs-2023': {
    vouchedBy: 'A UBS note of 1 Feb 2023',
    short: 'Reuters / UBS, 2023',
    author: 'Reuters, d\'après une note d\'UBS (données Similarweb)',
    title: 'ChatGPT sets record for fastest-growing user base',
    year: 2023,
    publisher: 'Reuters, 2 février 2023',
  },
  'apple-2007': {
    vouchedBy: 'iPhone announced 9 Jan 2007',
    short: 'Apple, 2007',
    author: 'Apple',
    title: 'Apple Reinvents the Phone with iPhone',
    year: 2007,
    publisher: 'Communiqué de presse, 9 janvier 2007',
  },
  'facebook-s1-2012': {
    vouchedBy: 'Facebook Form S-1',
    short: 'Facebook S-1, 2012',
    author: 'Facebook, Inc.',
    title: 'Form S-1 Registration Statement',
    year: 2012,
    publisher: 'U.S. SEC, 1er février 2012',
  },
  'slack-2015': {
    vouchedBy: 'Slack blog',
    short: 'Slack, 2015',
    author: 'Slack',
    title: 'Slack passe 1,1 million d\'utilisateurs actifs quotidiens',
    year: 2015,
    publisher: 'Blog de Slack, juin 2015',
  },
  'zoom-2020': {
    vouchedBy: 'Eric Yuan, Zoom blog',
    short: 'Zoom, 2020',
    author: 'Eric S. Yuan (Zoom)',
    title: 'A Message to Our Users',
    year: 2020,
    publisher: 'Blog de Zoom, 1er avril 2020 ; Reuters',
  },
  'krief-2024': {
    vouchedBy: 'talk',
    short: 'S. Krief, 2024',
    author: 'Steve Krief',
    title: 'Une idée intelligente ou artificielle : quand mobiliser l\'IA pour mener ses projets ? (Ateliers, Grenoble)',
    year: 2024,
  },
} as const satisfies Record<string, Source>

export type SourceId = keyof typeof sources

// French typography on every text above (data/french.ts).
export const sources = typeset(sourcesSource)
