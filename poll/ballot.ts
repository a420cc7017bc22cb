import type { PollDefinition } from '../data/polls'
import type { CellId, Choice, Verdict } from './types'
import { z } from 'zod'
import { verdictIds } from '../data/matrix'
import { firstIssue } from './schemas'

/** Idempotency keys made on the phone: long enough to be unique, short and plain enough to log safely. */
export const CLIENT_ID_PATTERN = /^[\w-]{16,64}$/

/** What a phone sends: its choice, a key that makes a retry harmless, and the session it was cast in. */
export interface BallotBody {
  idempotencyKey: string
  choice: Choice
  /** The session the phone saw when the person chose: a ballot never counts in another. */
  session?: string
}

/** A ballot with its author, whom the server knows from the phone's credential. */
export interface BallotRequest extends BallotBody {
  participantId: string
}

/** A value from the network, quoted and cut short for a message shown to the audience. */
export const quoted = (value: unknown) => `« ${String(value).slice(0, 40)} »`

/** What the audience reads when an address names a poll that does not exist. */
export const unknownPollMessage = (pollId: unknown) => `Sondage inconnu : ${quoted(pollId)}.`

/**
 * The choice a poll accepts, built from its definition (the matrix and polls data).
 * Every message is in French because the phone page shows it as it is.
 */
export function choiceSchema(poll: PollDefinition): z.ZodType<Choice> {
  const onlyField = (field: string, what: string) => (issue: { code: string }) => issue.code === 'unrecognized_keys'
    ? `Ce sondage attend un seul champ « ${field} » (${what}).`
    : 'Le choix doit être un objet.'
  if (poll.kind === 'choice') {
    const options = poll.options.map(o => o.id) as [string, ...string[]]
    return z.strictObject({
      option: z.enum(options, {
        error: issue => typeof issue.input === 'string'
          ? `Réponse inconnue pour ce sondage : ${quoted(issue.input)}.`
          : 'Ce sondage attend un champ « option » (texte).',
      }),
    }, {
      error: onlyField('option', 'texte'),
    })
  }
  // One optional field per cell: an unknown cell (or `__proto__`) is an unexpected key.
  const cells = Object.fromEntries(poll.cells.map(cell => [
    cell,
    z.enum(verdictIds, { error: `Verdict inconnu pour la case « ${cell} » : ${verdictIds.join(', ')} attendu.` }).optional(),
  ]))
  const verdicts = z.strictObject(cells, {
    error: issue => issue.code === 'unrecognized_keys'
      ? `Case inconnue : ${quoted(issue.keys[0])}.`
      : 'Ce sondage attend un champ « verdicts » (objet case → N, O ou Y).',
  })
    .refine(v => Object.values(v).some(Boolean), { error: 'Donnez un verdict pour au moins une case.' })
  return z.strictObject({ verdicts }, {
    error: onlyField('verdicts', 'objet case → N, O ou Y'),
  })
    .transform(({ verdicts }) => ({
      verdicts: Object.fromEntries(Object.entries(verdicts).filter(([, v]) => v)) as Partial<Record<CellId, Verdict>>,
    }))
}

/** A whole ballot for one poll, as the phone sends it. */
export function ballotSchema(poll: PollDefinition): z.ZodType<BallotBody> {
  return z.strictObject({
    idempotencyKey: z.string({ error: 'Clé d’envoi manquante.' })
      .regex(CLIENT_ID_PATTERN, { error: 'Clé d’envoi invalide.' }),
    choice: choiceSchema(poll),
    session: z.string().regex(/^[\w-]{1,100}$/, { error: 'Séance invalide.' }).optional(),
  }, {
    error: issue => issue.code === 'unrecognized_keys'
      ? `Champ inattendu : ${quoted(issue.keys[0])}.`
      : 'Le bulletin doit être un objet JSON.',
  })
}

/** The first problem of a failed ballot, in French, as the phone shows it. */
export const firstMessage = (error: z.ZodError): string => firstIssue(error, { fallback: 'Bulletin invalide.', withField: false })
