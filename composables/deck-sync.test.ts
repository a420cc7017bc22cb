import { afterEach, describe, expect, it, vi } from 'vitest'
import { createDeckSync } from './deck-sync'

const CHANNEL = 'Atelier - Slidev - shared'
afterEach(() => vi.useRealTimers())

function setup(presenter: boolean) {
  const posted: unknown[] = []
  const sync = createDeckSync({
    isPresenterView: () => presenter,
    isSignedIn: () => true,
    post: m => posted.push(m),
  })
  const received: Record<string, unknown>[] = []
  const write = sync.method.init(CHANNEL, s => received.push(s as Record<string, unknown>), {})
  return {
    sync,
    write: write!,
    posted,
    received,
  }
}

describe('createDeckSync', () => {
  it('lets only the presenter view send, including a change it was told of (the phone remote)', () => {
    const viewer = setup(false)
    viewer.write({ page: 3 })
    viewer.write({ page: 3 }, true)
    expect(viewer.posted).toEqual([])
    const speaker = setup(true)
    speaker.write({ page: 4 })
    speaker.write({ page: 5 }, true)
    expect(speaker.posted).toEqual([
      expect.objectContaining({
        channel: CHANNEL,
        state: { page: 4 },
      }),
      expect.objectContaining({
        channel: CHANNEL,
        state: { page: 5 },
      }),
    ])
  })

  it('never sends the presenter\'s mouse: the projection shows no pointer over the vote buttons', () => {
    const speaker = setup(true)
    speaker.write({
      page: 7,
      clicks: 1,
      cursor: { x: 40, y: 80, style: 'default' },
    })
    expect(speaker.posted).toEqual([
      expect.objectContaining({
        state: { page: 7, clicks: 1 },
      }),
    ])
  })

  it('drops a message older than one already applied: a screen never moves back', () => {
    vi.useFakeTimers()
    const screen = setup(false)
    screen.sync.receive(JSON.stringify({
      channel: CHANNEL,
      seq: 20,
      state: { page: 7 },
    }))
    screen.sync.receive(JSON.stringify({
      channel: CHANNEL,
      seq: 10,
      state: { page: 6 },
    }))
    screen.sync.receive(JSON.stringify({
      channel: CHANNEL,
      seq: 30,
      state: { page: 8 },
    }))
    expect(screen.received.map(s => s.page)).toEqual([7, 8])
  })

  it('keeps what arrives before Slidev sets the channel up, and gives it once it has', () => {
    vi.useFakeTimers()
    const sync = createDeckSync({
      isPresenterView: () => false,
      isSignedIn: () => false,
      post: () => {},
    })
    sync.receive(JSON.stringify({
      channel: CHANNEL,
      seq: 5,
      state: { page: 12 },
    }))
    const received: unknown[] = []
    sync.method.init(CHANNEL, s => received.push(s), {})
    vi.advanceTimersByTime(1000)
    expect(received).toEqual([
      { page: 12 },
    ])
  })

  it('ignores Slidev\'s other channels', () => {
    const sync = createDeckSync({
      isPresenterView: () => true,
      isSignedIn: () => true,
      post: () => {},
    })
    expect(sync.method.init('Atelier - Slidev - drawings', () => {}, {})).toBeUndefined()
  })
})
