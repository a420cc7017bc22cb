import type { ResultsSnapshot } from '../poll/types'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { openResultsStream } from './results-stream'

/** A scripted EventSource: the test decides when it opens, sends or fails. */
class FakeSource extends EventTarget {
  static instances: FakeSource[] = []
  readyState = 0
  closed = false
  constructor(readonly url: string) {
    super()
    FakeSource.instances.push(this)
  }

  open() {
    this.readyState = 1
    this.dispatchEvent(new Event('open'))
  }

  send(snapshot: Partial<ResultsSnapshot>) {
    this.dispatchEvent(new MessageEvent('snapshot', {
      data: JSON.stringify(snapshot),
    }))
  }

  fail() {
    this.dispatchEvent(new Event('error'))
  }

  close() {
    this.closed = true
    this.readyState = 2
  }
}

const latest = () => FakeSource.instances.at(-1)!
const snapshot = (version: number) => ({ version, generatedAt: 't', polls: [] })

beforeEach(() => {
  FakeSource.instances = []
  vi.useFakeTimers()
})
afterEach(() => vi.useRealTimers())

function open(extra: Partial<Parameters<typeof openResultsStream>[0]> = {}) {
  const seen: number[] = []
  const statuses: string[] = []
  const stream = openResultsStream({
    url: () => '/api/stream',
    onSnapshot: s => seen.push(s.version),
    onStatus: s => statuses.push(s),
    EventSource: FakeSource as unknown as typeof EventSource,
    backoff: {
      random: () => 1,
    },
    ...extra,
  })
  return { stream, seen, statuses }
}

describe('openResultsStream', () => {
  it('hands each snapshot over and reports the stream live', () => {
    const { seen, statuses } = open()
    latest().open()
    latest().send(snapshot(3))
    expect(seen).toEqual([3])
    expect(statuses).toEqual(['connecting', 'live'])
  })

  it('reopens after a failure with a growing backoff that resets once data flows', async () => {
    const { statuses } = open()
    latest().fail()
    await vi.advanceTimersByTimeAsync(0)
    expect(statuses.at(-1)).toBe('offline')
    expect(FakeSource.instances).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(500)
    expect(FakeSource.instances).toHaveLength(2)
    latest().fail()
    await vi.advanceTimersByTimeAsync(999)
    expect(FakeSource.instances).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1)
    expect(FakeSource.instances).toHaveLength(3)
    latest().send(snapshot(1))
    latest().fail()
    await vi.advanceTimersByTimeAsync(500)
    expect(FakeSource.instances).toHaveLength(4)
  })

  it('closes the failed source itself, so the browser never retries on its own', async () => {
    open()
    const first = latest()
    first.fail()
    expect(first.closed).toBe(true)
  })

  it('calls onOpen at each reopening, the moment to resend pending ballots', async () => {
    const onOpen = vi.fn()
    open({ onOpen })
    latest().open()
    latest().fail()
    await vi.advanceTimersByTimeAsync(500)
    latest().open()
    expect(onOpen).toHaveBeenCalledTimes(2)
  })

  it('waits for onFailure before the next attempt, and reads the address again', async () => {
    let url = '/api/presenter/stream?token=x'
    const onFailure = vi.fn(async () => {
      url = '/api/stream'
    })
    open({
      url: () => url,
      onFailure,
    })
    latest().fail()
    await vi.advanceTimersByTimeAsync(500)
    expect(onFailure).toHaveBeenCalledOnce()
    expect(latest().url).toBe('/api/stream')
  })

  it('stops for good when closed', async () => {
    const { stream } = open()
    latest().fail()
    stream.close()
    await vi.advanceTimersByTimeAsync(10_000)
    expect(FakeSource.instances).toHaveLength(1)
  })
})
