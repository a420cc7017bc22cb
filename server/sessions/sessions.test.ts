import type { PeerRooms, SessionInfo } from '../../poll/session'
import type { ResultsSnapshot } from '../../poll/types'
import type { Target, TestServer } from '../../tests/helpers/test-server'
import { afterEach, describe, expect, it } from 'vitest'
import { compareVerdicts } from '../../poll/compare'
import { command, newPhone, presenterHeaders, results, send, tempDataDir, testApp, vote } from '../../tests/helpers/test-server'

let server: TestServer
afterEach(async () => {
  await server?.app.close()
})

const json = { 'content-type': 'application/json', ...presenterHeaders }

async function newSession(target: Target, body: Record<string, unknown>): Promise<SessionInfo> {
  const res = await send(target, '/api/sessions', {
    method: 'POST',
    headers: json,
    body: JSON.stringify(body),
  })
  expect(res.status).toBe(201)
  return await res.json() as SessionInfo
}

async function sessionList(target: Target): Promise<{ current: string, sessions: SessionInfo[] }> {
  return await (await send(target, '/api/sessions', { headers: presenterHeaders })).json() as { current: string, sessions: SessionInfo[] }
}

/** Votes N/O/Y on the matrix from `count` phones, each with the same verdicts. */
async function verdicts(target: Target, count: number, choice: Record<string, 'N' | 'O' | 'Y'>): Promise<void> {
  for (let i = 0; i < count; i++)
    expect((await vote(target, 'verdict', { verdicts: choice })).status).toBe(200)
}

async function sessionResults(target: Target, id: string): Promise<ResultsSnapshot> {
  const res = await send(target, `/api/sessions/${id}/results.json`, { headers: presenterHeaders })
  expect(res.status).toBe(200)
  return await res.json() as ResultsSnapshot
}

describe('sessions', () => {
  it('go on across restarts, each with its own ballots and poll states', async () => {
    const dataDir = tempDataDir()
    server = await testApp({}, dataDir)
    const grenoble = await newSession(server.target, { title: 'Grenoble 2024', date: '2024-11-21' })
    await command(server.target, 'warmup', 'open')
    await vote(server.target, 'warmup', { option: 'often' })
    await server.app.close()

    server = await testApp({}, dataDir)
    expect((await sessionList(server.target)).current).toBe(grenoble.id)
    const carried = await results(server.target)
    expect(carried.polls.find(p => p.id === 'warmup')).toMatchObject({ status: 'open', participants: 1 })

    const lyon = await newSession(server.target, { title: 'Lyon, mars 2027', date: '2027-03-14' })
    const fresh = await results(server.target)
    expect(fresh.polls.find(p => p.id === 'warmup')).toMatchObject({ status: 'closed', participants: 0 })
    // The session made on the first start was never used: the new one replaced it.
    expect((await sessionList(server.target)).sessions.map(s => s.title)).toEqual(['Grenoble 2024', 'Lyon, mars 2027'])
    expect(lyon.id).toMatch(/^2027-03-14-lyon-mars-2027-[0-9a-f]{6}$/)
  })

  it('make a phone of the previous session join again before it votes', async () => {
    server = await testApp()
    const phone = await newPhone(server.target)
    await newSession(server.target, { title: 'Deuxième salle' })
    await command(server.target, 'warmup', 'open')
    const stale = await vote(server.target, 'warmup', { option: 'often' }, phone)
    expect(stale.status).toBe(401)
    expect((await stale.json()).message).toMatch(/séance précédente/)
    const rejoined = await send(server.target, '/api/participants', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cookie': phone.cookie },
      body: '{}',
    })
    expect(rejoined.status).toBe(201)
  })

  it('are the presenter\'s only: phones and the projection never see the list', async () => {
    server = await testApp()
    expect((await send(server.target, '/api/sessions')).status).toBe(401)
    expect((await send(server.target, '/api/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"title":"x"}',
    })).status).toBe(401)
    const { current } = await sessionList(server.target)
    expect((await send(server.target, `/api/sessions/${current}/results.json`)).status).toBe(401)
    expect((await send(server.target, `/api/sessions/${current}`, { method: 'DELETE' })).status).toBe(401)
  })

  it('refuse bad input in French, and never delete the session in progress', async () => {
    server = await testApp()
    const bad = await send(server.target, '/api/sessions', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ title: 'X', date: '2027-02-30' }),
    })
    expect(bad.status).toBe(400)
    expect((await bad.json()).message).toMatch(/AAAA-MM-JJ/)
    const { current } = await sessionList(server.target)
    const refused = await send(server.target, `/api/sessions/${current}`, { method: 'DELETE', headers: presenterHeaders })
    expect(refused.status).toBe(409)
    expect((await refused.json()).message).toMatch(/séance en cours/)
    const unknown = await send(server.target, '/api/sessions/nope-nope/results.json', { headers: presenterHeaders })
    expect(unknown.status).toBe(404)
  })

  it('rename, switch back and delete, and the room follows the switch', async () => {
    server = await testApp()
    const first = await newSession(server.target, { title: 'Première' })
    await newPhone(server.target)
    await send(server.target, '/api/presenter/room', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ registrationOpen: false }),
    })
    const second = await newSession(server.target, { title: 'Seconde', kind: 'rehearsal' })
    // A new session is a new room: registration open again.
    expect((await send(server.target, '/api/participants', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })).status).toBe(201)
    const renamed = await send(server.target, `/api/sessions/${first.id}`, {
      method: 'PATCH',
      headers: json,
      body: JSON.stringify({ title: 'Première (Grenoble)' }),
    })
    expect((await renamed.json()).title).toBe('Première (Grenoble)')
    expect((await send(server.target, `/api/sessions/${first.id}/activate`, { method: 'POST', headers: presenterHeaders })).status).toBe(200)
    expect((await sessionList(server.target)).current).toBe(first.id)
    expect((await send(server.target, `/api/sessions/${second.id}`, { method: 'DELETE', headers: presenterHeaders })).status).toBe(204)
    expect((await sessionList(server.target)).sessions.map(s => s.id)).not.toContain(second.id)
  })

  it('compare this room with the earlier real rooms only, with the figures computed by hand', async () => {
    server = await testApp()
    await newSession(server.target, { title: 'Salle A', date: '2025-01-10' })
    await command(server.target, 'verdict', 'open')
    await verdicts(server.target, 3, { 'large.simple': 'Y', 'none.distinct': 'N' })
    await verdicts(server.target, 1, { 'large.simple': 'O' })

    await newSession(server.target, { title: 'Répétition', date: '2025-02-01', kind: 'rehearsal' })
    await command(server.target, 'verdict', 'open')
    await verdicts(server.target, 5, { 'large.simple': 'N' })

    await newSession(server.target, { title: 'Salle B', date: '2025-03-10' })
    await command(server.target, 'verdict', 'open')
    await verdicts(server.target, 4, { 'large.simple': 'Y' })
    await verdicts(server.target, 2, { 'large.simple': 'N', 'none.distinct': 'Y' })

    const third = await newSession(server.target, { title: 'Salle C', date: '2025-04-10' })
    await command(server.target, 'verdict', 'open')
    await verdicts(server.target, 1, { 'large.simple': 'Y' })
    await verdicts(server.target, 3, { 'large.simple': 'N' })

    const snapshot = await sessionResults(server.target, third.id)
    const peers = snapshot.peers as PeerRooms
    // A (3 Y + 1 O) + B (4 Y + 2 N): the rehearsal's 5 N are nowhere.
    expect(peers.sessions).toBe(2)
    expect(peers.titles).toEqual(['Salle A', 'Salle B'])
    expect(peers.participants).toBe(10)
    const others = peers.polls.find(p => p.id === 'verdict')!
    expect(others.participants).toBe(10)
    expect(others.tally.kind === 'verdict' && others.tally.cells['large.simple']).toEqual({ N: 2, O: 1, Y: 7 })
    expect(others.tally.kind === 'verdict' && others.tally.cells['none.distinct']).toEqual({ N: 3, O: 0, Y: 2 })

    const room = snapshot.polls.find(p => p.id === 'verdict')!.tally
    const cell = compareVerdicts(room, peers).find(c => c.cell === 'large.simple')!
    // This room: 1 Y, 3 N of 4 = 25 % / 75 %. The others: 7 Y, 1 O, 2 N of 10 = 70 % / 10 % / 20 %.
    expect(cell.roomPercent).toEqual({ N: 75, O: 0, Y: 25 })
    expect(cell.othersPercent).toEqual({ N: 20, O: 10, Y: 70 })
    expect(cell.standsOut).toEqual({ verdict: 'N', points: 55 })

    // The deck's stream carries the same comparison.
    const live = await results(server.target)
    expect(live.session?.title).toBe('Salle C')
    // Results files and CSV per session.
    const csv = await (await send(server.target, `/api/sessions/${third.id}/results.csv`, { headers: presenterHeaders })).text()
    expect(csv).toContain('Salle C')
    expect(csv.split('\r\n').find(l => l.startsWith('verdict,') && l.includes('large.simple') && l.includes(',N,'))).toMatch(/,N,3,/)
  })

  it('start or resume the one named on the command line', async () => {
    const dataDir = tempDataDir()
    server = await testApp({ ATELIER_SESSION: 'Lyon, mars 2027' }, dataDir)
    const { current, sessions } = await sessionList(server.target)
    expect(sessions.find(s => s.id === current)?.title).toBe('Lyon, mars 2027')
    await server.app.close()
    server = await testApp({ ATELIER_SESSION: 'Lyon, mars 2027' }, dataDir)
    const again = await sessionList(server.target)
    expect(again.current).toBe(current)
    expect(again.sessions.filter(s => s.title === 'Lyon, mars 2027')).toHaveLength(1)
    await server.app.close()
    server = await testApp({ ATELIER_SESSION: 'Répétition du 3 mars', ATELIER_SESSION_KIND: 'rehearsal' }, dataDir)
    const rehearsal = await sessionList(server.target)
    expect(rehearsal.sessions.find(s => s.id === rehearsal.current)?.kind).toBe('rehearsal')
  })
})
