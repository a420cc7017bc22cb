import type { z } from 'zod'
import type { PollDefinition } from '../data/polls'
import { describe, expect, it } from 'vitest'
import { pollById } from '../data/polls'
import { ballotSchema, choiceSchema, firstMessage, unknownPollMessage } from './ballot'
import { parseResultsSnapshot, viewOf } from './snapshot'
import { applyCommand, initialPollState } from './state'
import { agreement, comparison, emptyTally, leadingVerdicts, replaceInTally, tallyOf } from './tally'

const warmup = pollById('warmup')!
const verdict = pollById('verdict')!
const ids = {
  idempotencyKey: 'k'.repeat(20),
}

/** A parse as the route sees it: the value, or the first French message. */
function outcome<T>(result: z.ZodSafeParseResult<T>): { ok: true, value: T } | { ok: false, error: string } {
  return result.success
    ? { ok: true, value: result.data }
    : {
        ok: false,
        error: firstMessage(result.error),
      }
}
const parseBallot = (poll: PollDefinition, body: unknown) => outcome(ballotSchema(poll).safeParse(body))
const validateChoice = (poll: PollDefinition, raw: unknown) => outcome(choiceSchema(poll).safeParse(raw))

describe('tallies', () => {
  it('counts choice ballots per option', () => {
    const tally = tallyOf(warmup, [
      { option: 'often' },
      { option: 'often' },
      { option: 'never' },
    ])
    expect(tally).toEqual({
      kind: 'choice',
      counts: { often: 2, sometimes: 0, never: 1 },
    })
  })

  it('counts verdicts per cell', () => {
    const tally = tallyOf(verdict, [
      {
        verdicts: { 'none.distinct': 'N', 'large.simple': 'Y' },
      },
      {
        verdicts: { 'large.simple': 'O' },
      },
    ])
    expect(tally.kind === 'verdict' && tally.cells['large.simple']).toEqual({ N: 0, O: 1, Y: 1 })
    expect(tally.kind === 'verdict' && tally.cells['none.distinct']).toEqual({ N: 1, O: 0, Y: 0 })
  })

  it('moves a changed ballot instead of counting it twice', () => {
    const tally = emptyTally(verdict)
    replaceInTally(tally, undefined, {
      verdicts: { 'none.simple': 'N', 'large.distinct': 'Y' },
    })
    replaceInTally(tally, {
      verdicts: { 'none.simple': 'N', 'large.distinct': 'Y' },
    }, {
      verdicts: { 'none.simple': 'Y' },
    })
    expect(tally.kind === 'verdict' && tally.cells['none.simple']).toEqual({ N: 0, O: 0, Y: 1 })
    expect(tally.kind === 'verdict' && tally.cells['large.distinct']).toEqual({ N: 0, O: 0, Y: 0 })
  })

  it('compares the room with the speaker: agreement, a split that includes the speaker, or disagreement', () => {
    expect(comparison({ N: 1, O: 3, Y: 0 }, 'O')).toBe('agree')
    expect(comparison({ N: 3, O: 0, Y: 3 }, 'N')).toBe('split')
    expect(comparison({ N: 0, O: 2, Y: 2 }, 'N')).toBe('disagree')
    expect(comparison({ N: 0, O: 0, Y: 1 }, 'O')).toBe('disagree')
    expect(comparison({ N: 0, O: 0, Y: 0 }, 'O')).toBe('none')
  })

  it('finds the leading verdicts: one, several on a tie, none without votes', () => {
    expect(leadingVerdicts({ N: 1, O: 3, Y: 2 })).toEqual(['O'])
    expect(leadingVerdicts({ N: 2, O: 2, Y: 0 })).toEqual(['N', 'O'])
    expect(leadingVerdicts({ N: 0, O: 0, Y: 0 })).toEqual([])
    expect(agreement({ N: 1, O: 3, Y: 0 }, 'O')).toBe(0.75)
    expect(agreement({ N: 0, O: 0, Y: 0 }, 'O')).toBe(0)
  })
})

describe('ballot validation', () => {
  it('accepts a valid ballot', () => {
    expect(parseBallot(warmup, {
      ...ids,
      choice: { option: 'often' },
    })).toEqual({
      ok: true,
      value: {
        ...ids,
        choice: { option: 'often' },
      },
    })
  })

  it.each([
    [null, /objet JSON/],
    [[], /objet JSON/],
    [
      {
        ...ids,
        choice: { option: 'often' },
        admin: true,
      },
      /Champ inattendu : « admin »/,
    ],
    // The server knows the participant from its credential: a phone cannot name one.
    [
      {
        ...ids,
        participantId: 'someone-else-000001',
        choice: { option: 'often' },
      },
      /Champ inattendu : « participantId »/,
    ],
    [
      {
        choice: { option: 'often' },
      },
      /Clé d’envoi manquante/,
    ],
    [
      {
        idempotencyKey: 'short',
        choice: { option: 'often' },
      },
      /Clé d’envoi invalide/,
    ],
    [
      {
        idempotencyKey: 'x\r\nSet-Cookie: a=b'.padEnd(20, 'x'),
        choice: { option: 'often' },
      },
      /Clé d’envoi invalide/,
    ],
    [
      {
        idempotencyKey: 42,
        choice: { option: 'often' },
      },
      /Clé d’envoi/,
    ],
    [
      {
        ...ids,
        choice: { option: 'maybe' },
      },
      /Réponse inconnue/,
    ],
    [
      { ...ids, choice: 'often' },
      /objet/,
    ],
    [
      {
        ...ids,
        choice: { option: 'often', extra: 1 },
      },
      /un seul champ/,
    ],
  ])('refuses %j with a French message', (body, message) => {
    const result = parseBallot(warmup, body)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error).toMatch(message)
  })

  it('refuses unknown cells and verdicts, and an empty verdict ballot', () => {
    expect(validateChoice(verdict, {
      verdicts: { 'nowhere.x': 'N' },
    })).toEqual({ ok: false, error: 'Case inconnue : « nowhere.x ».' })
    expect(validateChoice(verdict, {
      verdicts: { 'none.simple': 'Z' },
    })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Verdict inconnu/),
    })
    expect(validateChoice(verdict, { verdicts: {} })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/au moins une case/),
    })
    for (const inherited of [
      'toString',
      'constructor',
      'hasOwnProperty',
      '__proto__',
    ]) {
      expect(validateChoice(verdict, {
        verdicts: { 'none.simple': inherited },
      }), inherited).toMatchObject({ ok: false })
    }
    expect(validateChoice(verdict, { option: 'often' })).toMatchObject({ ok: false })
  })

  it('refuses an unknown poll', () => {
    expect(unknownPollMessage('nope')).toBe('Sondage inconnu : « nope ».')
  })
})

describe('poll states', () => {
  const t0 = new Date('2024-06-01T10:00:00Z')

  it('goes closed → open → closed', () => {
    const open = applyCommand(initialPollState(true), 'open', t0, true)
    expect(open).toMatchObject({
      status: 'open',
      openedAt: t0.toISOString(),
    })
    expect(applyCommand(open, 'close', t0, true)).toMatchObject({
      status: 'closed',
      closedAt: t0.toISOString(),
    })
  })

  it('treats a repeated command as a no-op', () => {
    const open = applyCommand(initialPollState(true), 'open', t0, true)
    expect(applyCommand(open, 'open', new Date(), true)).toBe(open)
  })

  it('reveals, hides and resets to the default visibility', () => {
    const hidden = initialPollState(false)
    expect(applyCommand(hidden, 'reveal', t0, false).resultsVisible).toBe(true)
    expect(applyCommand(applyCommand(hidden, 'reveal', t0, false), 'reset', t0, false)).toEqual(initialPollState(false))
  })
})

describe('snapshots', () => {
  const record = {
    definition: verdict,
    state: initialPollState(false),
    participants: 2,
    tally: emptyTally(verdict),
  }

  it('hides a blind poll\'s tally from the audience but not from the presenter', () => {
    expect(viewOf(record, 'public').tally).toBeNull()
    expect(viewOf(record, 'public').participants).toBe(2)
    expect(viewOf(record, 'presenter').tally).not.toBeNull()
  })

  it('parses a valid snapshot and says where an invalid one is wrong', () => {
    const snap = {
      version: 1,
      generatedAt: '2024-06-01T10:00:00.000Z',
      polls: [
        viewOf(record, 'presenter'),
      ],
    }
    expect(parseResultsSnapshot(snap).polls[0]!.participants).toBe(2)
    expect(() => parseResultsSnapshot({
      ...snap,
      polls: [
        { ...snap.polls[0], id: 'nope' },
      ],
    })).toThrow(/polls\.0\.id/)
  })
})
