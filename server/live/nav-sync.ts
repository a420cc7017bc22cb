/** The navigation state of one Slidev channel, as the presenter last sent it. */
export interface NavState {
  seq: number
  state: Record<string, unknown>
}

export interface NavStorage {
  load: () => Promise<Record<string, NavState>>
  save: (channels: Record<string, NavState>) => Promise<void>
}

/**
 * The presenter's navigation, held by the server so that a projector on another machine
 * (or one that joins late) follows it. Only the presenter writes; a state older than the
 * last one (requests can overtake each other when the keys go fast) is dropped, so every
 * screen ends on the presenter's last slide and click. Kept in the store: after a restart,
 * every screen that connects, and the sign-in link, come back to where the talk was.
 */
export class NavSync {
  private readonly channels = new Map<string, NavState>()
  /** One save at a time, each writing the latest state: an older one never lands last. */
  private saving: Promise<void> = Promise.resolve()
  /** Resolves once what the store kept has been read (or could not be). */
  readonly restored: Promise<void>

  constructor(private readonly storage?: NavStorage, private readonly saved?: () => void) {
    this.restored = this.restore()
  }

  /** Reads what the store keeps again (another instance's presenter moved); the channels that changed. */
  async reload(): Promise<string[]> {
    const before = new Map(this.channels)
    await this.restore()
    return [
      ...this.channels.keys(),
    ].filter(channel => before.get(channel)?.seq !== this.channels.get(channel)?.seq)
  }

  private async restore(): Promise<void> {
    try {
      for (const [channel, saved] of Object.entries(await this.storage?.load() ?? {})) {
        // The presenter may already have moved while the store was being read.
        if ((this.channels.get(channel)?.seq ?? -1) < saved.seq)
          this.channels.set(channel, saved)
      }
    }
    catch {}
  }

  /** Keeps `state` when it is newer than what the channel holds; true when kept. */
  update(channel: string, seq: number, state: Record<string, unknown>): boolean {
    const current = this.channels.get(channel)
    if (current && current.seq >= seq)
      return false
    this.channels.set(channel, { seq, state })
    const storage = this.storage
    if (storage)
      this.saving = this.saving.then(() => storage.save(Object.fromEntries(this.channels))).then(() => this.saved?.(), () => {})
    return true
  }

  /** The message a screen gets for this channel, on connection and on each change. */
  frame(channel: string): string | null {
    const current = this.channels.get(channel)
    return current
      ? `event: nav\ndata: ${JSON.stringify({ channel, ...current })}\n\n`
      : null
  }

  /** Every channel's message: what a screen that connects is greeted with. */
  frames(): string[] {
    return [
      ...this.channels.keys(),
    ].map(channel => this.frame(channel)!)
  }

  /** The presenter's slide and click (Slidev's shared state has `page` and `clicks`), if known. */
  position(): { page: number, clicks: number } | null {
    for (const { state } of this.channels.values()) {
      if (typeof state.page === 'number' && Number.isInteger(state.page) && state.page > 0) {
        return {
          page: state.page,
          clicks: typeof state.clicks === 'number'
            ? Math.max(0, Math.floor(state.clicks))
            : 0,
        }
      }
    }
    return null
  }
}
