import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, describe, expect, it } from 'vitest'
import { initialPollState } from '../poll/state'
import { tempDataDir } from '../tests/helpers/test-server'
import { BallotStore } from './store'

const at = (iso: string) => new Date(iso)
const open = initialPollState(true)

let store: BallotStore | undefined
afterEach(() => store?.close())

function rows(file: string, sql: string): Record<string, unknown>[] {
  const db = new DatabaseSync(file, { readOnly: true })
  try {
    return db.prepare(sql).all() as Record<string, unknown>[]
  }
  finally {
    db.close()
  }
}

/** Every byte the database keeps on disk: the main file and its journal. */
function rawBytes(dir: string): string {
  return readdirSync(dir).map(f => readFileSync(join(dir, f)).toString('latin1')).join('')
}

describe('ballotStore', () => {
  it('purges old ballots with their receipts, and keeps recent ones with theirs', () => {
    const dir = tempDataDir()
    store = new BallotStore(dir)
    store.cast('warmup', 'participant-old-000001', 'key-old-0000000001', { option: 'often' }, at('2024-01-01T00:00:00Z'))
    store.cast('warmup', 'participant-new-000001', 'key-new-0000000001', { option: 'never' }, at('2024-06-01T00:00:00Z'))
    expect(store.purgeBefore(at('2024-03-01T00:00:00Z'))).toBe(1)
    expect(rows(store.file, 'SELECT participant_id FROM ballots')).toEqual([
      { participant_id: 'participant-new-000001' },
    ])
    expect(rows(store.file, 'SELECT idempotency_key FROM receipts')).toEqual([
      { idempotency_key: 'key-new-0000000001' },
    ])
    // The purged ballot's key is forgotten too: sent again, it is a new ballot.
    expect(store.cast('warmup', 'participant-old-000001', 'key-old-0000000001', { option: 'often' }, at('2024-06-02T00:00:00Z')).kind).toBe('accepted')
  })

  it('leaves no participant id or answer readable in the files after a reset', () => {
    const dir = tempDataDir()
    store = new BallotStore(dir)
    for (let i = 0; i < 10; i++)
      store.cast('placement', `erase-me-participant-${i}`, `erase-me-key-000000-${i}`, { option: 'large.simple' }, at('2024-06-01T00:00:00Z'))
    expect(rawBytes(dir)).toContain('erase-me-participant-3')
    store.reset('placement', open)
    const bytes = rawBytes(dir)
    expect(bytes).not.toContain('erase-me-participant')
    expect(bytes).not.toContain('erase-me-key')
    expect(bytes).not.toContain('large.simple')
  })

  it('leaves nothing readable after the retention purge either', () => {
    const dir = tempDataDir()
    store = new BallotStore(dir)
    store.cast('warmup', 'purge-me-participant-1', 'purge-me-key-00000001', { option: 'sometimes' }, at('2024-01-01T00:00:00Z'))
    store.purgeBefore(at('2024-03-01T00:00:00Z'))
    expect(rawBytes(dir)).not.toContain('purge-me')
  })

  it('keeps its files readable by their owner only', () => {
    const dir = tempDataDir()
    store = new BallotStore(dir)
    store.cast('warmup', 'participant-mode-00001', 'key-mode-0000000001', { option: 'often' }, at('2024-06-01T00:00:00Z'))
    expect(statSync(dir).mode & 0o777).toBe(0o700)
    for (const file of readdirSync(dir))
      expect(statSync(join(dir, file)).mode & 0o777, file).toBe(0o600)
  })
})
