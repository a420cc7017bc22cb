import type { ResultsSnapshot } from '../poll/types'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startPostgres } from '../tests/helpers/postgres'
import { command, presenterHeaders, send, tempDataDir, testApp, vote } from '../tests/helpers/test-server'
import { sessionsCommand } from './sessions'

const closers: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const close of closers.splice(0))
    await close()
})

const json = { 'content-type': 'application/json', ...presenterHeaders }

/** A laptop that gave the talk to two rooms (a rehearsal in between); returns its data directory. */
async function laptopWithTwoRooms(): Promise<string> {
  const dataDir = tempDataDir()
  const server = await testApp({}, dataDir)
  for (const [title, kind, date, choice] of [
    [
      'Grenoble 2024',
      'real',
      '2024-11-21',
      'Y',
    ],
    [
      'Répétition',
      'rehearsal',
      '2025-01-05',
      'N',
    ],
    ['Lyon 2025', 'real', '2025-03-14', 'O'],
  ] as const) {
    await send(server.target, '/api/sessions', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ title, kind, date }),
    })
    await command(server.target, 'verdict', 'open')
    for (let i = 0; i < 3; i++) {
      await vote(server.target, 'verdict', {
        verdicts: { 'large.simple': choice },
      })
    }
  }
  await server.app.close()
  return dataDir
}

/** The comparison the deck would show on `laptop` for a new room dated after the others. */
async function comparisonOn(dataDir: string, env: Record<string, string> = {}): Promise<ResultsSnapshot['peers']> {
  const server = await testApp(env, dataDir)
  closers.push(() => server.app.close())
  await send(server.target, '/api/sessions', {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ title: 'Nantes 2026', date: '2026-06-01' }),
  })
  const res = await send(server.target, '/api/sessions/courante/results.json', { headers: presenterHeaders })
  return (await res.json() as ResultsSnapshot).peers
}

describe('npm run sessions', () => {
  it('moves sessions from a laptop to the hosted database (DATABASE_URL) and back: the same comparison everywhere', async () => {
    const postgres = await startPostgres()
    closers.push(async () => postgres.destroy())
    const url = await postgres.database()
    const source = await laptopWithTwoRooms()
    const file = join(tempDataDir(), 'laptop.json')
    await sessionsCommand(['export', file], source)
    process.env.DATABASE_URL = url
    try {
      expect(await sessionsCommand(['import', file], tempDataDir())).toMatch(/Ajoutées \(3\)/)
      expect(await sessionsCommand(['import', file], tempDataDir())).toMatch(/Déjà présentes, inchangées \(3\)/)
    }
    finally {
      delete process.env.DATABASE_URL
    }
    // And back, before anything else happens there: exported from the hosted database, imported on another laptop.
    const back = join(tempDataDir(), 'hosted.json')
    process.env.DATABASE_URL = url
    try {
      await sessionsCommand(['export', back], tempDataDir())
    }
    finally {
      delete process.env.DATABASE_URL
    }
    const laptop = tempDataDir()
    expect(await sessionsCommand(['import', back], laptop)).toMatch(/Ajoutées \(3\)/)
    const here = await comparisonOn(source)
    expect(await comparisonOn(tempDataDir(), { DATABASE_URL: url })).toEqual(here)
    expect(await comparisonOn(laptop)).toEqual(here)
  }, 60_000)

  it('moves the archive to another laptop: imported twice, the same comparison', async () => {
    const source = await laptopWithTwoRooms()
    const file = join(tempDataDir(), 'archive.json')
    expect(await sessionsCommand(['export', file], source)).toMatch(/3\sséances/)
    const text = readFileSync(file, 'utf8')
    // Aggregates only: no participant id, no idempotency key.
    expect(text).not.toMatch(/participant_id|idempotency|"k-/)

    const target = tempDataDir()
    const first = await sessionsCommand(['import', file], target)
    expect(first).toMatch(/Ajoutées \(3\)/)
    const second = await sessionsCommand(['import', file], target)
    expect(second).toMatch(/Déjà présentes, inchangées \(3\)/)
    expect(second).not.toMatch(/Ajoutées/)
    expect(await sessionsCommand(['list'], target)).toMatch(/Lyon 2025[\s\S]*séance réelle · 3\sparticipants · importée/)

    const here = await comparisonOn(source)
    const there = await comparisonOn(target)
    expect(there).toEqual(here)
    expect(there).toMatchObject({
      sessions: 2,
      titles: ['Grenoble 2024', 'Lyon 2025'],
      participants: 6,
    })
  })

  it('refuses a corrupt or foreign file with a French message, and changes nothing', async () => {
    const target = await laptopWithTwoRooms()
    const before = await sessionsCommand(['list'], target)
    const dir = tempDataDir()
    const good = join(dir, 'good.json')
    await sessionsCommand(['export', good], target)
    const archive = JSON.parse(readFileSync(good, 'utf8'))
    const cases: [string, string, RegExp][] = [
      [
        'truncated',
        readFileSync(good, 'utf8').slice(0, 200),
        /pas du JSON valide/,
      ],
      [
        'foreign',
        JSON.stringify({ name: 'some other tool', sessions: [] }),
        /n'est pas une archive de séances/,
      ],
      [
        'newer',
        JSON.stringify({ ...archive, version: 99 }),
        /version plus récente/,
      ],
      [
        'unknown cell',
        JSON.stringify({
          ...archive,
          sessions: [
            {
              ...archive.sessions[0],
              id: 'other-laptop-0001',
              polls: [
                {
                  id: 'verdict',
                  participants: 1,
                  tally: {
                    kind: 'verdict',
                    cells: {
                      'huge.simple': { N: 1, O: 0, Y: 0 },
                    },
                  },
                },
              ],
            },
          ],
        }),
        /ne correspondent pas/,
      ],
      [
        'negative count',
        JSON.stringify({
          ...archive,
          sessions: [
            { ...archive.sessions[0], id: 'other-laptop-0002', participants: -4 },
          ],
        }),
        /participants/,
      ],
      [
        'twice',
        JSON.stringify({
          ...archive,
          sessions: [
            { ...archive.sessions[0], id: 'twin-0001' },
            { ...archive.sessions[1], id: 'twin-0001' },
          ],
        }),
        /deux fois/,
      ],
    ]
    for (const [name, text, message] of cases) {
      const file = join(dir, `${name}.json`)
      writeFileSync(file, text)
      await expect(sessionsCommand(['import', file], target), name).rejects.toThrow(message)
    }
    await expect(sessionsCommand([
      'import',
      join(dir, 'missing.json'),
    ], target)).rejects.toThrow(/introuvable/)
    await expect(sessionsCommand(['frobnicate'], target)).rejects.toThrow(/Usage/)
    expect(await sessionsCommand(['list'], target)).toBe(before)
  })
})
