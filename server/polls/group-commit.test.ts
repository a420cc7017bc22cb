// The ballots of one event-loop turn are committed together (PollService.cast): on the
// real server and a real SQLite file, one transaction for the group, each ballot still
// answered on its own, and nothing acknowledged or counted when the commit fails.
import type { RunningServer } from '../../tests/helpers/test-server'
import type { BallotAck } from './poll-service'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cellIds } from '../../data/matrix'
import { command, freshId, newPhone, pollOf, results, startTestServer } from '../../tests/helpers/test-server'
import { HttpError, StoreUnavailableError } from '../errors'

let server: RunningServer | undefined
afterEach(async () => {
  vi.restoreAllMocks()
  await server?.app.close()
  server = undefined
})

const cell = cellIds[0]!
function ballot(participantId: string, verdict: 'N' | 'O' | 'Y', idempotencyKey = freshId('group')) {
  return {
    participantId,
    idempotencyKey,
    choice: {
      verdicts: { [cell]: verdict },
    },
  }
}

async function openRoom(phones: number) {
  server = await startTestServer()
  await command(server.url, 'verdict', 'open')
  return Promise.all(Array.from({ length: phones }, () => newPhone(server!.url)))
}

describe('the group commit of ballots', () => {
  it('commits the ballots of one turn in one transaction, and answers each on its own', async () => {
    const [a, b, c] = await openRoom(3)
    const transaction = vi.spyOn(server!.store, 'transaction')
    const repeated = freshId('same-key')
    const outcomes = await Promise.allSettled([
      server!.service.cast('verdict', ballot(a!.id, 'N')),
      server!.service.cast('verdict', ballot(b!.id, 'Y', repeated)),
      server!.service.cast('verdict', ballot(b!.id, 'Y', repeated)),
      // The same phone changes its mind within the turn: its last ballot counts.
      server!.service.cast('verdict', ballot(c!.id, 'N')),
      server!.service.cast('verdict', ballot(c!.id, 'O')),
      // Someone else's key: refused, alone.
      server!.service.cast('verdict', ballot(a!.id, 'O', repeated)),
    ])
    expect(transaction).toHaveBeenCalledTimes(1)
    const acks = outcomes.map(o => o.status === 'fulfilled'
      ? o.value
      : null)
    expect(acks.map(a => a?.duplicate)).toEqual([
      false,
      false,
      true,
      false,
      false,
      undefined,
    ])
    const refusal = outcomes[5]
    expect(refusal?.status === 'rejected' && refusal.reason instanceof HttpError && refusal.reason.code).toBe('key_reused')
    // One change of the results for the whole group: every ack names a version that includes it.
    const versions = new Set(acks.filter((a): a is BallotAck => a !== null).map(a => a.version))
    expect(versions.size).toBe(1)
    const view = pollOf(await results(server!.url), 'verdict')
    expect(view.participants).toBe(3)
    expect(view.tally).toMatchObject({
      kind: 'verdict',
      cells: {
        [cell]: { N: 1, O: 1, Y: 1 },
      },
    })
  })

  it('acknowledges nothing and counts nothing when the group\'s commit fails', async () => {
    const [a, b] = await openRoom(2)
    const before = pollOf(await results(server!.url), 'verdict')
    const store = server!.store
    const real = store.transaction.bind(store)
    // The commit fails after the group's statements ran (as a full disk would): the real
    // transaction is rolled back.
    vi.spyOn(store, 'transaction').mockImplementationOnce(fn => real(async (tx) => {
      await fn(tx)
      throw new StoreUnavailableError(new Error('disk I/O error'))
    }))
    const outcomes = await Promise.allSettled([
      server!.service.cast('verdict', ballot(a!.id, 'N')),
      server!.service.cast('verdict', ballot(b!.id, 'Y')),
    ])
    expect(outcomes.map(o => o.status)).toEqual(['rejected', 'rejected'])
    expect(outcomes.every(o => o.status === 'rejected' && o.reason instanceof StoreUnavailableError)).toBe(true)
    const after = pollOf(await results(server!.url), 'verdict')
    expect(after.participants).toBe(before.participants)
    expect(after.tally).toEqual(before.tally)
    expect((await store.load(server!.sessions.currentId())).ballots).toEqual([])
    // The next turn commits normally, on the same store.
    await expect(server!.service.cast('verdict', ballot(a!.id, 'O'))).resolves.toMatchObject({ duplicate: false })
    expect(pollOf(await results(server!.url), 'verdict').participants).toBe(1)
  })
})
