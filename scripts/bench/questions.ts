// The questions scenario of `npm run bench`: 500 phones, 100 questions asked and published,
// 5,000 upvotes, over a minute, against a real server process. Measures the acks of both,
// the time from a publish to the projection's stream, and checks the tallies exactly.
import { Agent } from 'node:http'
import { startServerProcess, TEST_TOKEN } from '../lib/server-process'
import { joinPhones } from './load'
import { serverMetrics } from './metrics'
import { summarize } from './stats'

export interface QuestionsReport {
  scenario: 'questions'
  phones: number
  questions: number
  upvotes: number
  askAckMs: ReturnType<typeof summarize>
  voteAckMs: ReturnType<typeof summarize>
  publishToScreenMs: ReturnType<typeof summarize>
  /** Every upvote acknowledged is counted once, and the questions' totals match. */
  tallyExact: boolean
  errors: Record<string, number>
  rssMB: number
}

const presenter = { authorization: `Bearer ${TEST_TOKEN}` }

/** A projection: reads the stream and notes when each question first appears in a `questions` event. */
function watchScreen(url: string, seen: Map<string, number>): AbortController {
  const controller = new AbortController()
  void (async () => {
    const res = await fetch(`${url}/api/stream`, { signal: controller.signal })
    const decoder = new TextDecoder()
    let buffer = ''
    for await (const chunk of res.body!) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true })
      let end = buffer.indexOf('\n\n')
      while (end >= 0) {
        const message = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        if (message.startsWith('event: questions')) {
          const now = performance.now()
          const data = JSON.parse(message.slice(message.indexOf('data: ') + 6)) as { questions: { id: string }[] }
          for (const q of data.questions) {
            if (!seen.has(q.id))
              seen.set(q.id, now)
          }
        }
        end = buffer.indexOf('\n\n')
      }
    }
  })().catch(() => {})
  return controller
}

export async function runQuestions({ phones = 500, questions = 100, upvotes = 5000, seconds = 60 } = {}): Promise<QuestionsReport> {
  const server = await startServerProcess({
    RATE_LIMIT_PER_ADDRESS: '100000000',
    RATE_LIMIT_PER_PARTICIPANT: '1000000',
    JOIN_LIMIT_PER_ADDRESS: '100000000',
    STREAMS_PER_ADDRESS: '100000',
  })
  const errors = new Map<string, number>()
  const fail = (what: string) => errors.set(what, (errors.get(what) ?? 0) + 1)
  try {
    const cookies = await joinPhones(new Agent({ keepAlive: true, maxSockets: 64 }), new URL(server.url), phones)
    const seen = new Map<string, number>()
    const screen = watchScreen(server.url, seen)
    const askAcks: number[] = []
    const voteAcks: number[] = []
    const publishedAt = new Map<string, number>()
    const ids: string[] = []
    const start = performance.now()
    const at = (ms: number) => new Promise(r => setTimeout(r, Math.max(0, ms - (performance.now() - start))))
    // The first third of the minute: the questions, each published by the presenter on arrival.
    const asking = Array.from({ length: questions }, async (_, i) => {
      await at(i * (seconds * 1000 / 3) / questions)
      const t0 = performance.now()
      const res = await fetch(`${server.url}/api/questions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'cookie': cookies[i % phones]! },
        body: JSON.stringify({ text: `Question numéro ${i} du banc d’essai ?`, idempotencyKey: `bench-question-${String(i).padStart(8, '0')}` }),
      })
      if (!res.ok)
        return fail(`ask ${res.status}`)
      askAcks.push(performance.now() - t0)
      const { id } = await res.json() as { id: string }
      ids.push(id)
      publishedAt.set(id, performance.now())
      const published = await fetch(`${server.url}/api/presenter/questions/${id}/publish`, { method: 'POST', headers: presenter })
      if (!published.ok)
        fail(`publish ${published.status}`)
    })
    await Promise.all(asking)
    // The rest of the minute: the upvotes, each phone on different questions (no duplicates:
    // phone p's k-th upvote goes to question p + 7k, and 7 is prime to the 100 questions).
    const voting = Array.from({ length: upvotes }, async (_, n) => {
      await at(seconds * 1000 / 3 + n * (seconds * 1000 * 2 / 3) / upvotes)
      const phone = n % phones
      const question = ids[(phone + Math.floor(n / phones) * 7) % ids.length]!
      const t0 = performance.now()
      const res = await fetch(`${server.url}/api/questions/${question}/votes`, {
        method: 'POST',
        headers: { cookie: cookies[phone]! },
      })
      await res.arrayBuffer()
      if (res.ok)
        voteAcks.push(performance.now() - t0)
      else
        fail(`vote ${res.status}`)
    })
    await Promise.all(voting)
    await new Promise(r => setTimeout(r, 500))
    screen.abort()
    const final = await (await fetch(`${server.url}/api/questions`)).json() as { questions: { votes: number }[] }
    const counted = final.questions.reduce((a, q) => a + q.votes, 0)
    const metrics = await serverMetrics(server.url)
    return {
      scenario: 'questions',
      phones,
      questions: ids.length,
      upvotes: voteAcks.length,
      askAckMs: summarize(askAcks),
      voteAckMs: summarize(voteAcks),
      publishToScreenMs: summarize([...publishedAt].map(([id, t]) => (seen.get(id) ?? Number.POSITIVE_INFINITY) - t)),
      tallyExact: counted === voteAcks.length,
      errors: Object.fromEntries(errors),
      rssMB: metrics.rssMB,
    }
  }
  finally {
    await server.stop()
  }
}
