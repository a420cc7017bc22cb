import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ResultsSnapshot } from '../../poll/types'
import { EventEmitter } from 'node:events'
import { createServer, get } from 'node:http'
import { Socket } from 'node:net'
import process from 'node:process'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SseHub } from './sse-hub'

/** Just enough of a ServerResponse to count the snapshot messages a client gets. */
class FakeResponse extends EventEmitter {
  messages: number[] = []
  writableEnded = false
  writeHead() {
    return this
  }

  pings = 0
  write(data: string) {
    if (data === ': ping\n\n')
      this.pings++
    const version = /"version":(\d+)/.exec(data)
    if (version)
      this.messages.push(Number(version[1]))
    return true
  }

  end() {
    this.writableEnded = true
  }
}

let clock = 0
let version = 0
const snapshot = (): ResultsSnapshot => ({ version, generatedAt: 't', polls: [] })

beforeEach(() => {
  vi.useFakeTimers()
  clock = 1000
  version = 0
})
afterEach(() => vi.useRealTimers())

function hubWithClient() {
  const hub = new SseHub({
    snapshot,
    intervalMs: 100,
    now: () => clock,
    share: () => 1,
  })
  const res = new FakeResponse()
  hub.add(res as unknown as ServerResponse, 'public')
  res.messages = []
  return { hub, res }
}

/** A hub whose every message costs `costMs` to build, in a loop that lends messages `share` of itself. */
function costlyHub(costMs: number, share: number) {
  let spent = 0
  const hub = new SseHub({
    snapshot: () => {
      clock += costMs
      spent += costMs
      return snapshot()
    },
    intervalMs: 100,
    now: () => clock,
    share: () => share,
  })
  const res = new FakeResponse()
  hub.add(res as unknown as ServerResponse, 'public')
  res.messages = []
  spent = 0
  return {
    hub,
    res,
    spent: () => spent,
  }
}

function change(hub: SseHub) {
  version++
  hub.markDirty()
}

describe('sseHub', () => {
  it('pings every stream once per heartbeat, a slice of them at a time', async () => {
    const hub = new SseHub({
      snapshot,
      intervalMs: 100,
      heartbeatMs: 15_000,
      now: () => clock,
    })
    const clients = Array.from({ length: 60 }, () => new FakeResponse())
    for (const res of clients)
      hub.add(res as unknown as ServerResponse, 'phone')
    await vi.advanceTimersByTimeAsync(1000)
    // One tick: a fifteenth of the streams, not all of them at once.
    expect(clients.filter(c => c.pings > 0)).toHaveLength(4)
    await vi.advanceTimersByTimeAsync(14_000)
    expect(clients.map(c => c.pings)).toEqual(clients.map(() => 1))
    hub.close()
  })

  it('sends a change in a quiet room at once, not at the next tick of a timer', async () => {
    const { hub, res } = hubWithClient()
    change(hub)
    await vi.advanceTimersByTimeAsync(0)
    expect(res.messages).toEqual([1])
    hub.close()
  })

  it('coalesces under load: when messages are slow to write, changes wait up to the interval', async () => {
    // Each snapshot takes 20 ms to build: a busy loop lends messages a tenth of itself, so it waits 100 ms.
    const { hub, res } = costlyHub(20, 0.1)
    change(hub)
    await vi.advanceTimersByTimeAsync(0)
    for (let i = 0; i < 9; i++) {
      clock += 5
      change(hub)
    }
    await vi.advanceTimersByTimeAsync(50)
    expect(res.messages).toEqual([1])
    clock += 60
    await vi.advanceTimersByTimeAsync(60)
    expect(res.messages).toEqual([1, 10])
    hub.close()
  })

  it('sends every change of a quiet room on its own', async () => {
    const { hub, res } = hubWithClient()
    for (let i = 0; i < 5; i++) {
      clock += 20
      change(hub)
      await vi.advanceTimersByTimeAsync(0)
    }
    expect(res.messages).toEqual([1, 2, 3, 4, 5])
    hub.close()
  })

  it('sends a quiet room\'s burst at once: two ballots 2 ms apart both go', async () => {
    // Each message costs 4 ms (200 screens, their writes counted), in a loop that is mostly idle.
    const { hub, res } = costlyHub(4, 0.5)
    clock += 1000
    change(hub)
    await vi.advanceTimersByTimeAsync(0)
    clock += 2
    change(hub)
    await vi.advanceTimersByTimeAsync(0)
    expect(res.messages).toEqual([1, 2])
    hub.close()
  })

  it('keeps messages to a tenth of a busy loop under a steady stream of changes', async () => {
    // A change every millisecond for a second, each message costing 2 ms to build.
    const { hub, res, spent } = costlyHub(2, 0.1)
    const start = clock
    for (let ms = 0; ms < 1000; ms++) {
      clock += 1
      change(hub)
      await vi.advanceTimersByTimeAsync(1)
    }
    // The saved-up burst (20 ms) and one message in flight on top of a tenth of the time.
    expect(spent()).toBeLessThanOrEqual(0.1 * (clock - start) + 20 + 2)
    expect(res.messages.length).toBeGreaterThan(20)
    hub.close()
  })

  it('counts the socket writes that Node defers to the next tick in a message\'s cost', async () => {
    // 25 clients whose writes each take 1 ms when Node uncorks them, after the flush.
    const hub = new SseHub({
      snapshot,
      intervalMs: 100,
      now: () => clock,
      share: () => 0.1,
    })
    const clients = Array.from({ length: 25 }, () => new FakeResponse())
    for (const c of clients) {
      c.write = function (data: string) {
        process.nextTick(() => {
          clock += 1
        })
        return FakeResponse.prototype.write.call(this, data)
      }
      hub.add(c as unknown as ServerResponse, 'public')
      c.messages = []
    }
    await vi.advanceTimersByTimeAsync(0)
    clock += 1000
    change(hub)
    await vi.advanceTimersByTimeAsync(0)
    expect(clients[0]!.messages).toEqual([1])
    // That message cost 25 ms, more than the 20 ms saved up: the next change waits for it.
    change(hub)
    await vi.advanceTimersByTimeAsync(0)
    expect(clients[0]!.messages).toEqual([1])
    await vi.advanceTimersByTimeAsync(100)
    expect(clients[0]!.messages).toEqual([1, 2])
    hub.close()
  })

  it('sends a viewer nothing when its snapshot did not change', async () => {
    const hub = new SseHub({
      snapshot: () => ({ version: 7, generatedAt: 't', polls: [] }),
      intervalMs: 100,
      now: () => clock,
    })
    const phone = new FakeResponse()
    hub.add(phone as unknown as ServerResponse, 'phone')
    change(hub)
    await vi.advanceTimersByTimeAsync(0)
    clock += 200
    change(hub)
    await vi.advanceTimersByTimeAsync(0)
    expect(phone.messages).toEqual([7])
    hub.close()
  })

  it('serialises a snapshot once per change, however many clients', async () => {
    const spy = vi.fn(snapshot)
    const hub = new SseHub({
      snapshot: spy,
      intervalMs: 100,
      now: () => clock,
    })
    const clients = Array.from({ length: 50 }, () => new FakeResponse())
    for (const c of clients)
      hub.add(c as unknown as ServerResponse, 'public')
    expect(spy).toHaveBeenCalledTimes(1)
    change(hub)
    await vi.advanceTimersByTimeAsync(0)
    expect(spy).toHaveBeenCalledTimes(2)
    expect(clients.every(c => c.messages.at(-1) === 1)).toBe(true)
    hub.close()
  })
})

describe('sseHub on a real HTTP server', () => {
  it('counts in a message\'s cost the socket writes that Node makes after the flush', async () => {
    vi.useRealTimers()
    // The hub's clock moves only when Node uncorks one of the server's sockets: 10 ms each.
    let now = 0
    let counting = false
    let version = 1
    const hub = new SseHub({
      snapshot: () => ({ version, generatedAt: 't', polls: [] }),
      intervalMs: 300,
      now: () => now,
      share: () => 0.1,
    })
    const server = createServer((_req, res) => hub.add(res, 'public'))
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    const seen: number[] = []
    const clients = await Promise.all([0, 1, 2].map(() => new Promise<IncomingMessage>((resolve) => {
      get({ host: '127.0.0.1', port, path: '/' }, (res) => {
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          for (const m of chunk.matchAll(/"version":(\d+)/g))
            seen.push(Number(m[1]))
        })
        resolve(res)
      })
    })))
    const until = async (done: () => boolean) => {
      const deadline = performance.now() + 5000
      while (!done() && performance.now() < deadline)
        await new Promise(r => setTimeout(r, 5))
    }
    const count = (v: number) => seen.filter(s => s === v).length
    await until(() => count(1) === 3)
    const uncork = Socket.prototype.uncork
    Socket.prototype.uncork = function (this: Socket) {
      if (counting)
        now += 10
      return uncork.call(this)
    }
    try {
      counting = true
      now += 1000
      version = 2
      hub.markDirty()
      await until(() => count(2) === 3)
      // That message cost 30 ms with its three writes, more than the 20 ms saved up: at a
      // tenth of the loop, the next one waits for the budget (300 ms, the ceiling here).
      version = 3
      const sentAt = performance.now()
      hub.markDirty()
      await until(() => count(3) === 3)
      expect(count(3)).toBe(3)
      expect(performance.now() - sentAt).toBeGreaterThan(150)
    }
    finally {
      Socket.prototype.uncork = uncork
      hub.close()
      for (const c of clients)
        c.destroy()
      await new Promise(resolve => server.close(resolve))
    }
  })
})
