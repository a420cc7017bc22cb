import type { SendOutcome } from './outbox'
import { describe, expect, it, vi } from 'vitest'
import { Outbox, sendBallot } from './outbox'

/** An in-memory Storage, enough for the outbox. */
function memoryStorage(): Storage {
  const data = new Map<string, string>()
  return {
    get length() { return data.size },
    clear: () => data.clear(),
    getItem: k => data.get(k) ?? null,
    key: i => [
      ...data.keys(),
    ][i] ?? null,
    removeItem: (k) => { data.delete(k) },
    setItem: (k, v) => { data.set(k, v) },
  }
}

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  })
}

describe('sendBallot', () => {
  it('classifies answers: recorded, refused for good, or to retry', async () => {
    const ballot = {
      pollId: 'warmup',
      choice: { option: 'often' },
      idempotencyKey: 'k'.repeat(20),
    }
    expect(await sendBallot(ballot, async () => json(200, {}))).toEqual({ kind: 'recorded' })
    expect(await sendBallot(ballot, async () => json(409, { message: 'Ce vote est clos.' }))).toEqual({ kind: 'refused', message: 'Ce vote est clos.' })
    expect((await sendBallot(ballot, async () => json(503, { message: 'indisponible' }))).kind).toBe('retry')
    expect((await sendBallot(ballot, async () => json(429, { message: 'trop' }))).kind).toBe('retry')
    const offline = async (): Promise<Response> => {
      throw new TypeError('offline')
    }
    expect((await sendBallot(ballot, offline)).kind).toBe('retry')
    expect((await sendBallot(ballot, async () => json(401, { message: 'inconnu' }))).kind).toBe('rejoin')
  })

  it('never names a participant: the server knows the phone from its cookie', async () => {
    let sent: RequestInit | undefined
    await sendBallot({
      pollId: 'warmup',
      choice: { option: 'often' },
      idempotencyKey: 'k'.repeat(20),
    }, async (_u, init) => {
      sent = init
      return json(200, {})
    })
    expect(JSON.parse(sent!.body as string)).toEqual({
      idempotencyKey: 'k'.repeat(20),
      choice: { option: 'often' },
    })
    expect(sent!.credentials).toBe('same-origin')
  })
})

describe('outbox', () => {
  it('retries with the same idempotency key until the server acknowledges', async () => {
    vi.useFakeTimers()
    const keys: string[] = []
    let calls = 0
    const fetchFn = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      keys.push(JSON.parse(init!.body as string).idempotencyKey)
      calls++
      if (calls === 1)
        throw new TypeError('network down')
      return calls === 2
        ? json(503, { message: 'indisponible' })
        : json(200, {})
    }) as unknown as typeof fetch
    const outcomes: SendOutcome[] = []
    const outbox = new Outbox({
      onOutcome: (_id, o) => outcomes.push(o),
    }, memoryStorage(), fetchFn)
    outbox.submit('warmup', { option: 'often' })
    await vi.runAllTimersAsync()
    expect(outcomes.map(o => o.kind)).toEqual(['retry', 'retry', 'recorded'])
    expect(new Set(keys).size).toBe(1)
    expect(outbox.has('warmup')).toBe(false)
    vi.useRealTimers()
  })

  it('keeps an unsent ballot across a reload and sends it on resume', async () => {
    const storage = memoryStorage()
    const offline = vi.fn(async () => {
      throw new TypeError('offline')
    }) as unknown as typeof fetch
    new Outbox({
      onOutcome: () => {},
    }, storage, offline).submit('warmup', { option: 'never' })
    await Promise.resolve()
    const sent: unknown[] = []
    const online = vi.fn(async (_u: RequestInfo | URL, init?: RequestInit) => {
      sent.push(JSON.parse(init!.body as string).choice)
      return json(200, {})
    }) as unknown as typeof fetch
    const reloaded = new Outbox({
      onOutcome: () => {},
    }, storage, online)
    expect(reloaded.has('warmup')).toBe(true)
    reloaded.resume()
    await vi.waitFor(() => expect(sent).toEqual([
      { option: 'never' },
    ]))
  })

  it('drops a refused ballot instead of retrying it forever', async () => {
    const fetchFn = vi.fn(async () => json(400, { message: 'Case inconnue.' })) as unknown as typeof fetch
    const outcomes: SendOutcome[] = []
    const outbox = new Outbox({
      onOutcome: (_id, o) => outcomes.push(o),
    }, memoryStorage(), fetchFn)
    outbox.submit('verdict', {
      verdicts: { 'large.simple': 'Y' },
    })
    await vi.waitFor(() => expect(outcomes).toEqual([
      { kind: 'refused', message: 'Case inconnue.' },
    ]))
    expect(outbox.has('verdict')).toBe(false)
    expect(fetchFn).toHaveBeenCalledTimes(1)
  })

  it('sends a waiting ballot at once when asked, without its backoff, with the same key', async () => {
    vi.useFakeTimers()
    let up = false
    const keys: string[] = []
    const fetchFn = vi.fn(async (_u: RequestInfo | URL, init?: RequestInit) => {
      keys.push(JSON.parse(init!.body as string).idempotencyKey)
      if (!up)
        throw new TypeError('offline')
      return json(200, {})
    })
    const outcomes: SendOutcome[] = []
    const outbox = new Outbox({
      onOutcome: (_id, o) => outcomes.push(o),
    }, memoryStorage(), fetchFn as unknown as typeof fetch)
    outbox.submit('warmup', { option: 'often' })
    // Several failures: the next automatic try is now seconds away.
    for (let i = 0; i < 4; i++)
      await vi.advanceTimersToNextTimerAsync()
    const before = fetchFn.mock.calls.length
    up = true
    outbox.retryNow()
    await vi.advanceTimersByTimeAsync(0)
    expect(fetchFn.mock.calls.length).toBe(before + 1)
    expect(outcomes.at(-1)).toEqual({ kind: 'recorded' })
    expect(new Set(keys).size).toBe(1)
    expect(outbox.has('warmup')).toBe(false)
    vi.useRealTimers()
  })

  it('joins again once when the server no longer knows the phone, then sends the same ballot', async () => {
    const answers = [
      json(401, { message: 'inconnu' }),
      json(200, {}),
    ]
    const fetchFn = vi.fn(async () => answers.shift()!)
    const rejoin = vi.fn(async () => true)
    const outcomes: SendOutcome[] = []
    const outbox = new Outbox({
      onOutcome: (_id, o) => outcomes.push(o),
      rejoin,
    }, memoryStorage(), fetchFn as unknown as typeof fetch)
    outbox.submit('warmup', { option: 'often' })
    await vi.waitFor(() => expect(outcomes).toEqual([
      { kind: 'recorded' },
    ]))
    expect(rejoin).toHaveBeenCalledOnce()
    expect(fetchFn).toHaveBeenCalledTimes(2)
  })
})
