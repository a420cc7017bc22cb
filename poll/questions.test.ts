import type { PublicQuestion } from './questions'
import { describe, expect, it } from 'vitest'
import { questionBodySchema } from './question-schemas'
import { flagReason, moderate, normalizeQuestion, roomOrder } from './questions'

function q(id: string, votes: number, createdAt: string, pinned = false): PublicQuestion {
  return {
    id,
    text: id,
    status: 'published',
    pinned,
    votes,
    createdAt,
  }
}

describe('the audience\'s questions', () => {
  it('trims a question and refuses one too short or too long, in French', () => {
    expect(questionBodySchema.parse({
      text: '  Et  la   RGPD ?  ',
      idempotencyKey: 'k'.repeat(16),
    }).text).toBe('Et la RGPD ?')
    expect(questionBodySchema.safeParse({
      text: ' ok ',
      idempotencyKey: 'k'.repeat(16),
    }).error?.issues[0]?.message).toMatch(/trop courte/)
    expect(questionBodySchema.safeParse({
      text: 'x'.repeat(281),
      idempotencyKey: 'k'.repeat(16),
    }).error?.issues[0]?.message).toMatch(/trop longue/)
    expect(questionBodySchema.safeParse({
      text: 'Une question',
      name: 'x'.repeat(41),
      idempotencyKey: 'k'.repeat(16),
    }).error?.issues[0]?.message).toMatch(/prénom est trop long/)
    expect(questionBodySchema.parse({
      text: 'Une question',
      name: '  ',
      idempotencyKey: 'k'.repeat(16),
    }).name).toBeUndefined()
  })

  it('sees the same question in another case, spacing or apostrophe', () => {
    expect(normalizeQuestion('Et l’IA  au  travail ?')).toBe(normalizeQuestion('et l\'ia au travail?'))
    expect(normalizeQuestion('Et l’IA ?')).not.toBe(normalizeQuestion('Et l’IA au travail ?'))
  })

  it('flags personal data and insults, and lets ordinary questions through', () => {
    expect(flagReason('Appelez-moi au 06 12 34 56 78')).toBe('numéro de téléphone')
    expect(flagReason('écrivez à jean.dupont@ville.fr')).toBe('adresse électronique')
    expect(flagReason('Quel connard a écrit ça ?')).toBe('mot injurieux')
    expect(flagReason('Combien coûte une licence par agent en 2024 ?')).toBeNull()
    expect(flagReason('Comment concilier l’IA et la conduite du changement ?')).toBeNull()
  })

  it('moves a question through moderation, each step undone', () => {
    const pending = { status: 'pending', pinned: false } as const
    const shown = moderate(pending, 'publish')
    expect(shown).toEqual({ status: 'published', pinned: false })
    expect(moderate(shown as never, 'pin')).toEqual({ status: 'published', pinned: true })
    expect(moderate({ status: 'published', pinned: true }, 'unpin')).toEqual({ status: 'published', pinned: false })
    expect(moderate(shown as never, 'answer')).toEqual({ status: 'answered', pinned: false })
    expect(moderate({ status: 'answered', pinned: false }, 'restore')).toEqual({ status: 'published', pinned: false })
    expect(moderate(shown as never, 'hide')).toEqual({ status: 'hidden', pinned: false })
    expect(moderate({ status: 'hidden', pinned: false }, 'restore')).toEqual(pending)
    expect(moderate(pending, 'answer')).toMatch(/affichée/)
    expect(moderate(pending, 'pin')).toMatch(/affichée/)
  })

  it('orders the room\'s questions: pinned first, then votes, ties to the oldest', () => {
    const order = roomOrder([
      q('a', 3, '2024-11-21T10:00:00Z'),
      q('b', 5, '2024-11-21T10:01:00Z'),
      q('c', 3, '2024-11-21T09:59:00Z'),
      q('d', 0, '2024-11-21T10:02:00Z', true),
    ])
    expect(order.map(x => x.id)).toEqual(['d', 'b', 'c', 'a'])
  })
})
