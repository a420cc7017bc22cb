// The questions' API on the real server (in process, real SQLite file): the life of a
// question, the duplicate, the word list, one upvote per participant, the presenter's
// locks, the limits, and the stream's `questions` event.
import type { RunningServer } from '../../tests/helpers/test-server'
import { afterEach, describe, expect, it } from 'vitest'
import { eventually, freshId, newPhone, presenterHeaders, send, startTestServer } from '../../tests/helpers/test-server'

let server: RunningServer | undefined
afterEach(async () => {
  await server?.app.close()
  server = undefined
})

const json = { 'content-type': 'application/json' }
const presenter = {
  ...json,
  ...presenterHeaders,
}

async function ask(url: string, cookie: string, text: string, name?: string) {
  const res = await send(url, '/api/questions', {
    method: 'POST',
    headers: { ...json, cookie },
    body: JSON.stringify({
      text,
      ...(name
        ? { name }
        : {}),
      idempotencyKey: freshId('question-key'),
    }),
  })
  return { status: res.status, body: await res.json() as Record<string, unknown> }
}

async function moderateQ(url: string, id: string, action: string) {
  return send(url, `/api/presenter/questions/${id}/${action}`, { method: 'POST', headers: presenterHeaders })
}

async function roomList(url: string, cookie?: string) {
  return await (await send(url, '/api/questions', cookie
    ? {
        headers: { cookie },
      }
    : {})).json() as { questions: { id: string, votes: number, status: string, pinned: boolean }[], received: number, shown: number, mine?: { id: string, label: string }[], voted?: string[] }
}

describe('the audience\'s questions', () => {
  it('go from pending to published, upvoted, pinned, answered, exported and reset', async () => {
    server = await startTestServer()
    const { url } = server
    const author = await newPhone(url)
    const asked = await ask(url, author.cookie, 'Comment former les agents de catégorie C ?', 'Nadia')
    expect(asked).toMatchObject({
      status: 201,
      body: { status: 'pending' },
    })
    const id = asked.body.id as string
    // Pending: not on the room's list, but on its author's, with where it stands.
    expect((await roomList(url)).questions).toEqual([])
    expect((await roomList(url, author.cookie)).mine).toEqual([
      expect.objectContaining({ id, label: 'en attente de validation' }),
    ])
    expect((await moderateQ(url, id, 'publish')).status).toBe(200)
    const phones = await Promise.all(Array.from({ length: 20 }, () => newPhone(url)))
    await Promise.all(phones.map(p => send(url, `/api/questions/${id}/votes`, {
      method: 'POST',
      headers: { cookie: p.cookie },
    })))
    // One participant's second upvote adds nothing; a withdrawal takes one away.
    await send(url, `/api/questions/${id}/votes`, {
      method: 'POST',
      headers: { cookie: phones[0]!.cookie },
    })
    expect((await roomList(url)).questions[0]).toMatchObject({ id, votes: 20 })
    const withdrawn = await (await send(url, `/api/questions/${id}/votes`, {
      method: 'DELETE',
      headers: { cookie: phones[0]!.cookie },
    })).json()
    expect(withdrawn).toEqual({ votes: 19, voted: false })
    const other = await ask(url, phones[1]!.cookie, 'Quel budget pour les licences ?')
    await moderateQ(url, other.body.id as string, 'publish')
    await moderateQ(url, other.body.id as string, 'pin')
    expect((await roomList(url)).questions.map(q => q.id)).toEqual([other.body.id, id])
    await moderateQ(url, id, 'answer')
    expect((await roomList(url)).questions.find(q => q.id === id)?.status).toBe('answered')
    expect((await roomList(url, author.cookie)).mine?.[0]?.label).toBe('répondue')
    const csv = await (await send(url, '/api/presenter/questions/export.csv', { headers: presenterHeaders })).text()
    expect(csv).toContain('Comment former les agents de catégorie C ?,Nadia,répondue,19,')
    expect(csv).not.toContain(author.id)
    const exported = await (await send(url, '/api/presenter/questions/export.json', { headers: presenterHeaders })).json() as { questions: Record<string, unknown>[] }
    expect(Object.keys(exported.questions[0]!).sort()).toEqual([
      'askedAt',
      'name',
      'state',
      'status',
      'text',
      'votes',
    ])
    expect((await send(url, '/api/presenter/questions/reset', { method: 'POST', headers: presenterHeaders })).status).toBe(200)
    expect(await roomList(url)).toMatchObject({ questions: [], received: 0 })
  })

  it('points a duplicate to the question already asked, so that the person votes for it', async () => {
    server = await startTestServer()
    const [a, b] = [await newPhone(server.url), await newPhone(server.url)]
    const first = await ask(server.url, a.cookie, 'Et la protection des données ?')
    await moderateQ(server.url, first.body.id as string, 'publish')
    const again = await ask(server.url, b.cookie, 'et la  protection des données?')
    expect(again.status).toBe(409)
    expect(again.body).toMatchObject({
      error: 'duplicate_question',
      existing: { id: first.body.id },
    })
    expect(again.body.message).toMatch(/votez pour elle/)
  })

  it('publishes at once when approval is off, but holds back what the word list flags', async () => {
    server = await startTestServer()
    const phone = await newPhone(server.url)
    expect((await send(server.url, '/api/presenter/questions/settings', {
      method: 'POST',
      headers: presenter,
      body: JSON.stringify({ approval: false }),
    })).status).toBe(200)
    expect((await ask(server.url, phone.cookie, 'Quelles premières expérimentations ?')).body.status).toBe('published')
    expect((await ask(server.url, phone.cookie, 'Rappelez-moi au 06 12 34 56 78')).body.status).toBe('pending')
    const all = await (await send(server.url, '/api/presenter/questions', { headers: presenterHeaders })).json() as { questions: { flag: string | null }[] }
    expect(all.questions.map(q => q.flag)).toEqual([null, 'numéro de téléphone'])
  })

  it('refuses bad input in French and keeps the moderation queue to the presenter', async () => {
    server = await startTestServer()
    const phone = await newPhone(server.url)
    expect((await ask(server.url, phone.cookie, 'ok')).body.message).toMatch(/trop courte/)
    expect((await ask(server.url, phone.cookie, 'x'.repeat(300))).body.message).toMatch(/trop longue/)
    expect((await send(server.url, '/api/questions', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({
        text: 'Une question ?',
        idempotencyKey: freshId('question-key'),
      }),
    })).status).toBe(401)
    for (const path of ['/api/presenter/questions', '/api/presenter/questions/export.csv']) {
      expect([401, 403]).toContain((await send(server.url, path, {
        headers: { cookie: phone.cookie },
      })).status)
    }
    expect([401, 403]).toContain((await send(server.url, '/api/presenter/questions/x/publish', {
      method: 'POST',
      headers: { cookie: phone.cookie },
    })).status)
  })

  it('holds a script to its own vote: no upvote from a phone minted after registration closed, and 30 a minute at most', async () => {
    server = await startTestServer()
    const author = await newPhone(server.url)
    const { body } = await ask(server.url, author.cookie, 'Une question à pousser ?')
    await moderateQ(server.url, body.id as string, 'publish')
    await send(server.url, '/api/presenter/room', {
      method: 'POST',
      headers: presenter,
      body: JSON.stringify({ registrationOpen: false }),
    })
    const minted = await send(server.url, '/api/participants', { method: 'POST', headers: json, body: '{}' })
    expect(minted.ok).toBe(false)
    expect((await send(server.url, `/api/questions/${body.id}/votes`, { method: 'POST' })).status).toBe(401)
    const statuses: number[] = []
    for (let i = 0; i < 32; i++) {
      statuses.push((await send(server.url, `/api/questions/${body.id}/votes`, {
        method: i % 2
          ? 'DELETE'
          : 'POST',
        headers: { cookie: author.cookie },
      })).status)
    }
    expect(statuses.filter(s => s === 429).length).toBeGreaterThan(0)
    expect((await roomList(server.url)).questions[0]!.votes).toBeLessThanOrEqual(1)
  })

  it('takes its per-phone limits from the settings, and says so in French when one is reached', async () => {
    server = await startTestServer({ QUESTIONS_PER_PARTICIPANT: '2', QUESTION_VOTES_PER_PARTICIPANT: '3' })
    const phone = await newPhone(server.url)
    const asked = [
      await ask(server.url, phone.cookie, 'Première question de la salle ?'),
      await ask(server.url, phone.cookie, 'Deuxième question de la salle ?'),
      await ask(server.url, phone.cookie, 'Troisième question de la salle ?'),
    ]
    expect(asked.map(a => a.status)).toEqual([201, 201, 429])
    expect(String(asked[2]!.body.message)).toMatch(/^Trop de questions depuis ce téléphone\u00A0: patientez/)
    const id = asked[0]!.body.id as string
    expect((await moderateQ(server.url, id, 'publish')).ok).toBe(true)
    const voter = await newPhone(server.url)
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) {
      statuses.push((await send(server.url, `/api/questions/${id}/votes`, {
        method: i % 2
          ? 'DELETE'
          : 'POST',
        headers: { cookie: voter.cookie },
      })).status)
    }
    expect(statuses.slice(0, 3).every(s => s < 300)).toBe(true)
    expect(statuses[3]).toBe(429)
  })

  it('sends the room\'s list on the stream as a `questions` event when a question is published', async () => {
    server = await startTestServer()
    const phone = await newPhone(server.url)
    const { body } = await ask(server.url, phone.cookie, 'Une question pour l’écran ?')
    const controller = new AbortController()
    const res = await fetch(`${server.url}/api/stream`, { signal: controller.signal })
    const reader = res.body!.getReader()
    let text = ''
    const read = (async () => {
      for (;;) {
        const { value, done } = await reader.read()
        if (done)
          return
        text += new TextDecoder().decode(value)
      }
    })()
    await moderateQ(server.url, body.id as string, 'publish')
    await eventually(() => expect(text).toMatch(/event: questions\ndata: .*Une question pour l’écran/))
    controller.abort()
    await read.catch(() => {})
  })
})
