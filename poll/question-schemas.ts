import { z } from 'zod'
import { CLIENT_ID_PATTERN } from './ballot'
import { NAME_MAX, QUESTION_MAX, QUESTION_MIN, questionStatuses } from './questions'

/** What a phone may send when it asks a question, with the French messages it shows. */
export const questionBodySchema = z.strictObject({
  text: z.string({ error: 'Écrivez votre question.' })
    .transform(t => t.trim().replace(/\s+/g, ' '))
    .pipe(z.string()
      .min(QUESTION_MIN, { error: `Votre question est trop courte (${QUESTION_MIN} caractères au moins).` })
      .max(QUESTION_MAX, { error: `Votre question est trop longue (${QUESTION_MAX} caractères au plus).` })),
  name: z.string({ error: 'Le prénom doit être un texte.' })
    .transform(n => n.trim())
    .pipe(z.string().max(NAME_MAX, { error: `Le prénom est trop long (${NAME_MAX} caractères au plus).` }))
    .optional()
    .transform(n => n || undefined),
  idempotencyKey: z.string().regex(CLIENT_ID_PATTERN, { error: 'Clé d’envoi invalide : rechargez la page.' }),
})
export type QuestionBody = z.infer<typeof questionBodySchema>

/** A question in a results file (the handout's): what the room saw, nothing of its author. */
export const publicQuestionSchema = z.object({
  id: z.string().max(64),
  text: z.string().max(QUESTION_MAX),
  name: z.string().max(NAME_MAX).optional(),
  status: z.enum(questionStatuses),
  pinned: z.boolean(),
  votes: z.number().int().nonnegative(),
  createdAt: z.string(),
})
