import type { PollDefinition } from '../data/polls'
import type { CellId, Choice, Verdict } from './types'
import { z } from 'zod'
import { verdictIds } from '../data/matrix'
import { pollById } from '../data/polls'

/** Ids made on the phone: long enough to be unguessable, short and plain enough to log safely. */
export const CLIENT_ID_PATTERN = /^[\w-]{16,64}$/

export interface BallotRequest {
  participantId: string
  idempotencyKey: string
  choice: Choice
}

export type Validation<T> = { ok: true, value: T } | { ok: false, error: string }

const fail = (error: string): { ok: false, error: string } => ({ ok: false, error })

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Looks a poll up by the id in a URL, with the message the audience sees when it is unknown. */
export function findPoll(pollId: string): Validation<PollDefinition> {
  const poll = pollById(pollId)
  return poll ? { ok: true, value: poll } : fail(`Sondage inconnu : « ${pollId.slice(0, 40)} ».`)
}

/**
 * Checks a choice against the poll's definition (the matrix data). Every message
 * is in French because the phone page shows it as it is.
 */
export function validateChoice(poll: PollDefinition, raw: unknown): Validation<Choice> {
  if (!isRecord(raw))
    return fail('Le choix doit être un objet.')
  if (poll.kind === 'choice') {
    const keys = Object.keys(raw)
    if (keys.length !== 1 || typeof raw.option !== 'string')
      return fail('Ce sondage attend un seul champ « option » (texte).')
    if (!poll.options.some(o => o.id === raw.option))
      return fail(`Réponse inconnue pour ce sondage : « ${raw.option.slice(0, 40)} ».`)
    return { ok: true, value: { option: raw.option } }
  }
  if (Object.keys(raw).length !== 1 || !isRecord(raw.verdicts))
    return fail('Ce sondage attend un seul champ « verdicts » (objet case → N, O ou Y).')
  const entries = Object.entries(raw.verdicts)
  if (entries.length === 0)
    return fail('Donnez un verdict pour au moins une case.')
  const out: Partial<Record<CellId, Verdict>> = {}
  for (const [cell, verdict] of entries) {
    if (!(poll.cells as readonly string[]).includes(cell))
      return fail(`Case inconnue : « ${cell.slice(0, 40)} ».`)
    if (typeof verdict !== 'string' || !(verdictIds as string[]).includes(verdict))
      return fail(`Verdict inconnu pour la case « ${cell} » : ${verdictIds.join(', ')} attendu.`)
    out[cell as CellId] = verdict as Verdict
  }
  return { ok: true, value: { verdicts: out } }
}

const ballotEnvelope = z.strictObject({
  participantId: z.string({ error: 'Identifiant de participant manquant.' })
    .regex(CLIENT_ID_PATTERN, { error: 'Identifiant de participant invalide.' }),
  idempotencyKey: z.string({ error: 'Clé d\'envoi manquante.' })
    .regex(CLIENT_ID_PATTERN, { error: 'Clé d\'envoi invalide.' }),
  choice: z.unknown(),
}, { error: issue => issue.code === 'unrecognized_keys' ? `Champ inattendu : « ${String(issue.keys[0]).slice(0, 40)} ».` : 'Le bulletin doit être un objet JSON.' })

/** Validates a whole ballot body, as received from the network. */
export function parseBallot(poll: PollDefinition, body: unknown): Validation<BallotRequest> {
  const envelope = ballotEnvelope.safeParse(body)
  if (!envelope.success)
    return fail(envelope.error.issues[0]?.message ?? 'Bulletin invalide.')
  const valid = validateChoice(poll, envelope.data.choice)
  if (!valid.ok)
    return valid
  return { ok: true, value: { participantId: envelope.data.participantId, idempotencyKey: envelope.data.idempotencyKey, choice: valid.value } }
}
