import { typeset } from './french.ts'
/**
 * The two Villejuif job descriptions shown in the talk, as structured documents
 * so that the slide can render them as paper and the PDF keeps their text.
 */
export interface JobField {
  label: string
  value: string
}

export interface JobSection {
  heading: string
  /**
   * The passage the slide highlights: for the advert, the words the talk's document sets in
   * bold (written `**…**` in its paragraphs); for the job sheet, this edition's choice, said
   * on the slide.
   */
  highlight?: boolean
  fields?: readonly JobField[]
  paragraphs?: readonly string[]
}

export interface JobDescription {
  id: string
  employer: string
  kind: string
  title: string
  sections: readonly JobSection[]
  footer?: string
}

const jobDescriptionsSource = {
  healthCentreReception: {
    id: 'healthCentreReception',
    employer: 'Ville de Villejuif',
    kind: 'Définition de fonction',
    title: 'Secrétaire d\'accueil sur les centres de santé et dentaire (H/F)',
    sections: [
      {
        heading: 'Statut',
        fields: [
          { label: 'Filière', value: 'Administrative' },
          { label: 'Catégorie', value: 'C' },
          { label: 'Cadre d\'emploi', value: 'Adjoint administratif territorial' },
          { label: 'Grades', value: 'Adjoint administratif de 2e classe ou grade d\'avancement' },
          { label: 'Temps de travail', value: 'Complet' },
          { label: 'Nature', value: 'Vacance d\'emploi' },
        ],
      },
      {
        heading: 'Rattachement',
        fields: [
          { label: 'Direction générale adjointe', value: 'Service à la population, citoyenneté et e-administration' },
          { label: 'Direction', value: 'Santé' },
          { label: 'Service', value: 'Centre de santé P. Rouquès' },
          { label: 'Agents rattachés au service', value: 'A : 26 (dont les 19 médecins) · B : 3 · C : 13 dont 2 en gestion' },
        ],
      },
      {
        heading: 'Missions et contexte',
        highlight: true,
        paragraphs: [
          'Au sein de la Direction de la Santé, et sous la responsabilité de la personne responsable du secteur accueil, vous assurez la prise en charge administrative des patients et la gestion administrative courante de l\'accueil sur ce type de structure.',
        ],
      },
    ],
  },
  unifiedDeskManager: {
    id: 'unifiedDeskManager',
    employer: 'Ville de Villejuif',
    kind: 'La ville de Villejuif recrute',
    title: 'Responsable de secteur guichet unifié (H/F)',
    sections: [
      {
        heading: 'Définition du poste',
        fields: [
          { label: 'Cadre d\'emploi', value: 'Rédacteur' },
          { label: 'Grades', value: 'Rédacteur, rédacteur principal de 2e classe, rédacteur principal de 1re classe' },
          { label: 'Type d\'emploi', value: 'Temps plein' },
          { label: 'Direction', value: 'Direction Accueils et Formalités, service Formalités administratives' },
        ],
      },
      {
        heading: 'Contexte',
        highlight: true,
        paragraphs: [
          'Au sein de la **Direction des Accueils et Formalités**, en tant que **responsable du guichet unifié**, vous intervenez en soutien du chef de service formalités administratives pour **organiser et superviser** le travail de l’équipe des agents instructeurs. Vous participez, avec le chef de service, à la **définition des orientations stratégiques** […] ainsi qu’à l’**élaboration et la mise en œuvre du projet de service**.',
          'Vos domaines de compétences : **l\'état civil, les affaires générales, les élections politiques et le recensement de la population.**',
        ],
      },
      {
        heading: 'Missions principales',
        paragraphs: [
          'Vous êtes chargé de réceptionner les déclarations et établir des actes d’état civil (naissances, décès, mariage…), d’effectuer la tenue administrative des registres d’état civil, d’assurer l’établissement des dossiers de mariage, PACS, changement de nom, changement de prénom […]. Vous participez aux certifications et légalisation de signature et à l’organisation matérielle des élections politiques en collaboration avec le chef de service.',
        ],
      },
    ],
    footer: 'CV et lettre de motivation : demarches.villejuif.fr/emploi/candidature',
  },
} as const satisfies Record<string, JobDescription>

export type JobDescriptionId = keyof typeof jobDescriptions

// French typography on every text above (data/french.ts).
export const jobDescriptions = typeset(jobDescriptionsSource)
