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
        paragraphs: [
          'En tant que responsable du guichet unifié, vous intervenez en soutien du chef de service pour organiser et superviser le travail de l\'équipe des agents instructeurs, et vous participez à la définition des orientations stratégiques et à l\'élaboration du projet de service.',
          'Vos domaines de compétences : l\'état civil, les affaires générales, les élections politiques et le recensement de la population.',
        ],
      },
      {
        heading: 'Missions principales',
        paragraphs: [
          'Réceptionner les déclarations et établir les actes d\'état civil ; tenir les registres ; établir les dossiers de mariage, PACS, changement de nom et de prénom ; participer aux certifications et légalisations de signature et à l\'organisation des élections.',
        ],
      },
    ],
    footer: 'CV et lettre de motivation : demarches.villejuif.fr/emploi/candidature',
  },
} as const satisfies Record<string, JobDescription>

export type JobDescriptionId = keyof typeof jobDescriptions

// French typography on every text above (data/french.ts).
export const jobDescriptions = typeset(jobDescriptionsSource)
