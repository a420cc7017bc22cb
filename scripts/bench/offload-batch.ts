// The store's half of `npm run bench -- --offload`: seeds a session with its phones, then
// commits groups of ballots exactly as the poll service does (one transaction, one `cast`
// per ballot). Used on the main thread and, unchanged, inside the worker thread.
import type { Store } from '../../server/storage/store'
import { sqliteStore } from '../../server/storage/sqlite-store'

export const SESSION = 'offload-bench'
const OPTIONS = ['often', 'sometimes', 'never'] as const

export interface Ballot { participant: string, key: string, option: string }

export async function openSeeded(dir: string, phones: number): Promise<Store> {
  const store = sqliteStore(dir)
  await store.createSession({
    id: SESSION,
    title: 'Banc',
    date: '2026-12-05',
    kind: 'rehearsal',
    expectedSize: phones,
    createdAt: new Date().toISOString(),
    participants: 0,
    imported: false,
  })
  for (let i = 0; i < phones; i++)
    await store.addParticipant(SESSION, phoneId(i), new Date())
  return store
}

export function phoneId(i: number): string {
  return `phone-${String(i).padStart(12, '0')}`
}

/** Group `g` of `size` ballots, spread over the phones, 20 % of them changing an earlier vote. */
export function group(g: number, size: number, phones: number): Ballot[] {
  return Array.from({ length: size }, (_, i) => {
    const n = g * size + i
    return {
      participant: phoneId(n % phones),
      key: `key-${String(n).padStart(14, '0')}`,
      option: OPTIONS[n % 3]!,
    }
  })
}

/** One group in one transaction, as PollService.commitGroup does; returns what each cast said. */
export async function commit(store: Store, ballots: Ballot[]): Promise<string[]> {
  return store.transaction(async (tx) => {
    const kinds: string[] = []
    for (const b of ballots)
      kinds.push((await tx.cast(SESSION, 'warmup', b.participant, b.key, { option: b.option }, new Date())).kind)
    return kinds
  })
}
