import type { RoomView } from '../../poll/types'
import type { Sessions } from '../sessions/sessions'
import type { Store } from '../storage/store'
import { randomBytes, randomInt } from 'node:crypto'
import { StoreUnavailableError } from '../errors'

/** Letters and digits that cannot be mistaken for one another when read off a screen. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
const CODE_LENGTH = 6
const MINUTE_MS = 60_000

export type JoinRefusal = 'registration_closed' | 'room_code'

export interface RoomOptions {
  /** How many people the speaker expects: more participants than that raises the alarm. */
  expectedSize: number
  /** A code set by configuration, required to join from the start. */
  initialCode?: string
  now?: () => number
  /** After a setting is saved: the other instances read the room again (hosted). */
  saved?: () => void
}

/** A fresh room code: 32^6, about a billion, against joins limited to a few hundred a minute. */
export function newRoomCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')
}

/** Codes are read aloud and typed on phones: case, spaces and dashes do not count. */
export const normaliseCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '')

/**
 * Who may join the room: the speaker closes registration once everyone is in, and may
 * require a room code (for a session whose address is public). Keeps the counts the
 * presenter sees: participants, joins in the last minute, and the alarm.
 */
export class Room {
  private registrationOpen = false
  private code: string | null = null
  private participants = 0
  /** False while the settings could not be read: joining waits for them (never fail open). */
  private loaded = false
  private loading: Promise<boolean> | null = null
  private readonly joins: number[] = []
  /** When joins were refused for going too fast (a shared address at its budget). */
  private readonly refusals: number[] = []
  private readonly listeners = new Set<() => void>()
  private readonly now: () => number

  constructor(private readonly store: Store, private readonly sessions: Sessions, private readonly options: RoomOptions) {
    this.now = options.now ?? Date.now
  }

  /** Reads the settings; false while the database cannot be read (then nothing is assumed). */
  load(): Promise<boolean> {
    if (this.loaded)
      return Promise.resolve(true)
    this.loading ??= this.read().finally(() => {
      this.loading = null
    })
    return this.loading
  }

  private async read(): Promise<boolean> {
    try {
      this.registrationOpen = (await this.store.setting('registration') ?? 'open') === 'open'
      const saved = await this.store.setting('room_code')
      this.code = saved === undefined
        ? (this.options.initialCode
            ? normaliseCode(this.options.initialCode)
            : null)
        : (saved || null)
      this.participants = (await this.sessions.ready()).participants
      this.loaded = true
    }
    catch {}
    return this.loaded
  }

  /** Issues a new participant id, or says why not. The caller has checked the rate limit. */
  async join(presentedCode: string | undefined): Promise<{ ok: true, id: string } | { ok: false, reason: JoinRefusal }> {
    if (!await this.load())
      throw new StoreUnavailableError(new Error('room settings unavailable'))
    if (!this.registrationOpen)
      return { ok: false, reason: 'registration_closed' }
    if (this.code && normaliseCode(presentedCode ?? '') !== this.code)
      return { ok: false, reason: 'room_code' }
    const id = randomBytes(16).toString('base64url')
    await this.store.addParticipant((await this.sessions.ready()).id, id, new Date(this.now()))
    this.sessions.countJoin()
    this.participants++
    this.joins.push(this.now())
    this.joinsLastMinute()
    this.changed()
    return { ok: true, id }
  }

  async setRegistration(open: boolean): Promise<void> {
    await this.store.saveSetting('registration', open ? 'open' : 'closed')
    this.registrationOpen = open
    this.changed()
    this.options.saved?.()
  }

  /** Requires a new code to join (`true`), or none (`false`). Phones already in stay in. */
  async requireCode(required: boolean): Promise<void> {
    const code = required
      ? newRoomCode()
      : null
    await this.store.saveSetting('room_code', code ?? '')
    this.code = code
    this.changed()
    this.options.saved?.()
  }

  /** Whether this phone joined the session in progress (one from an earlier session joins again). */
  async isMember(participantId: string): Promise<boolean> {
    return this.store.isMember((await this.sessions.ready()).id, participantId)
  }

  /**
   * A new session starts as a new room: registration open, the configured code (if any),
   * nobody in yet. Phones of the previous session have to join again.
   */
  async startSession(): Promise<void> {
    await this.store.saveSetting('registration', 'open')
    await this.store.saveSetting('room_code', this.options.initialCode
      ? normaliseCode(this.options.initialCode)
      : '')
    this.joins.length = 0
    await this.reload()
    this.options.saved?.()
  }

  /** Hosted: how many joined the session on every instance, as the publisher counted them. */
  followJoined(joined: number): void {
    if (!this.loaded || joined === this.participants)
      return
    this.participants = joined
    this.changed()
  }

  /** Reads the settings again: another instance changed them, or a new session began. */
  async reload(): Promise<void> {
    this.loaded = false
    await this.load()
    this.changed()
  }

  /** A join refused by the per-address budget: the presenter sees it (a venue behind one address). */
  countRefusal(): void {
    const first = this.lastMinute(this.refusals) === 0
    this.refusals.push(this.now())
    if (first)
      this.changed()
  }

  /** Drops the times older than a minute from `times`; how many are left. */
  private lastMinute(times: number[]): number {
    const since = this.now() - MINUTE_MS
    while (times.length && times[0]! < since)
      times.shift()
    return times.length
  }

  private joinsLastMinute(): number {
    return this.lastMinute(this.joins)
  }

  /**
   * What a screen sees. The code goes only to the presenter's signed-in browsers (the
   * presenter view, the projector window beside it, a room PC signed in for projection):
   * anyone can open the public stream, and the code is there to keep out whoever is not
   * in the room.
   */
  view(viewer: 'public' | 'presenter'): RoomView {
    if (viewer === 'public')
      return { code: null }
    // Settings not read yet (a database that was away): read them, and tell the screens when done.
    if (!this.loaded)
      void this.load().then(loaded => loaded && this.changed())
    return {
      code: this.code,
      registrationOpen: this.registrationOpen,
      participants: this.participants,
      joinsLastMinute: this.joinsLastMinute(),
      joinsRefusedLastMinute: this.lastMinute(this.refusals),
      expectedSize: this.expectedSize(),
      alarm: this.participants > this.expectedSize(),
    }
  }

  /** The session's expected size when it can be read, else the configured one. */
  private expectedSize(): number {
    try {
      return this.sessions.current().expectedSize
    }
    catch {
      return this.options.expectedSize
    }
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private changed(): void {
    for (const listener of this.listeners)
      listener()
  }
}
