import type { PeerRooms, SessionInfo, SessionKind } from '../../poll/session'
import type { Store } from '../storage/store'
import type { SessionArchive, SessionPatch } from './session-archive'

import { randomBytes } from 'node:crypto'
import { defaultSessionTitle, peersOf, todayInParis } from '../../poll/session'
import { HttpError, StoreUnavailableError } from '../errors'

const CURRENT = 'current_session'
const DIACRITICS = /\p{Diacritic}/gu
const NOT_SLUG = /[^a-z0-9]+/g
const EDGE_DASHES = /^-+|-+$/g

export interface NewSession {
  title?: string
  date?: string
  kind?: SessionKind
  expectedSize?: number
}

/** `switch`: this instance started or resumed another session; `followed`: another instance did; `edit`: names or the comparison changed. */
export type SessionChange = 'switch' | 'followed' | 'edit'

export interface SessionsOptions {
  /** The room size a session gets when none is given (EXPECTED_ROOM_SIZE). */
  expectedSize: number
  now?: () => Date
  /** After the sessions changed here: the other instances read them again (hosted). */
  saved?: () => void
}

/** « 2027-03-14-lyon-mars-2027-k3f9 »: readable on a command line, unique across laptops. */
export function sessionId(title: string, date: string): string {
  const slug = title.normalize('NFD').replace(DIACRITICS, '').toLowerCase().replace(NOT_SLUG, '-').replace(EDGE_DASHES, '').slice(0, 32).replace(EDGE_DASHES, '')
  const suffix = randomBytes(3).toString('hex')
  return [date, slug, suffix].filter(Boolean).join('-')
}

/**
 * Which delivery of the talk is going on. The current session survives restarts (it is a
 * setting in the database); a new one starts from the presenter view, or with
 * `npm start -- --session "…"`. Switching tells the polls and the room to reload.
 */
export class Sessions {
  private currentCache: SessionInfo | null = null
  private reading: Promise<SessionInfo> | null = null
  private peersCache: PeerRooms | null = null
  private peersRead: Promise<void> | null = null
  /** Grows each time the sessions change: a comparison computed before is not kept. */
  private peersGeneration = 0
  private seenDataVersion: number | undefined
  private readonly listeners = new Set<(change: SessionChange) => void>()
  private readonly now: () => Date

  constructor(private readonly archive: SessionArchive, private readonly store: Store, private readonly options: SessionsOptions) {
    this.now = options.now ?? (() => new Date())
  }

  /**
   * The session in progress, as last read (`ready()`). Until it has been read once it throws
   * StoreUnavailableError (an HTTP 503) and starts reading it.
   */
  current(): SessionInfo {
    if (this.currentCache)
      return this.currentCache
    this.ready().catch(() => {})
    throw new StoreUnavailableError(new Error('the current session has not been read yet'))
  }

  /** The current session's id (see `current()`). */
  currentId(): string {
    return this.current().id
  }

  /** Reads the session in progress once; on the very first start, makes one named after today. */
  ready(): Promise<SessionInfo> {
    if (this.currentCache)
      return Promise.resolve(this.currentCache)
    this.reading ??= this.read().finally(() => {
      this.reading = null
    })
    return this.reading
  }

  private async read(): Promise<SessionInfo> {
    const saved = await this.store.setting(CURRENT)
    const session = (saved && await this.archive.get(saved)) || await this.make({})
    this.currentCache = session
    return session
  }

  list(): Promise<SessionInfo[]> {
    return this.archive.list()
  }

  /**
   * Starts a new session and makes it the current one. The previous one is deleted if
   * nothing ever happened in it (the session made on a first start, before the real one).
   */
  async create(input: NewSession): Promise<SessionInfo> {
    const previous = await this.ready()
    const session = await this.make(input)
    if (await this.untouched(previous))
      await this.archive.remove(previous.id)
    this.switched()
    return session
  }

  private async untouched(session: SessionInfo): Promise<boolean> {
    if (session.participants > 0 || session.imported)
      return false
    const { ballots, archived, states } = await this.store.load(session.id)
    return ballots.length === 0 && archived.length === 0 && states.size === 0
  }

  /**
   * `npm start -- --session "Lyon, mars 2027"`: goes on with the session of that title
   * when there is one (a restart during the talk), or starts it.
   */
  async resume(title: string, kind: SessionKind = 'real'): Promise<SessionInfo> {
    const existing = (await this.list()).filter(s => s.title === title.trim() && !s.imported).at(-1)
    if (!existing)
      return this.create({ title, kind })
    if (existing.id !== (await this.ready()).id)
      await this.activate(existing.id)
    return existing
  }

  async activate(id: string): Promise<SessionInfo> {
    const session = await this.archive.get(id)
    if (!session)
      throw unknownSession(id)
    if (session.imported)
      throw new HttpError(409, 'Une séance importée d\'un autre portable ne peut pas reprendre : elle ne garde que ses résultats agrégés.', 'imported_session')
    await this.store.saveSetting(CURRENT, id)
    this.currentCache = session
    this.switched()
    return session
  }

  async update(id: string, patch: SessionPatch): Promise<SessionInfo> {
    const session = await this.archive.update(id, patch)
    if (!session)
      throw unknownSession(id)
    await this.changed()
    this.options.saved?.()
    return session
  }

  /** Deletes a session and its results; the one in progress cannot be deleted. */
  async remove(id: string): Promise<void> {
    if (id === (await this.ready()).id)
      throw new HttpError(409, 'C\'est la séance en cours : commencez-en une autre avant de supprimer celle-ci.', 'current_session')
    if (!await this.archive.remove(id))
      throw unknownSession(id)
    await this.changed()
    this.options.saved?.()
  }

  /** The earlier real rooms this session is compared with (cached: they change with the sessions only). */
  async peers(): Promise<PeerRooms> {
    if (!this.peersCache) {
      const generation = this.peersGeneration
      const current = await this.ready()
      const peers = peersOf(current, (await this.archive.allResults()).filter(r => r.session.id !== current.id))
      // Kept only if nothing changed meanwhile (a change clears the cache and tells the screens).
      if (generation === this.peersGeneration)
        this.peersCache = peers
      return peers
    }
    return this.peersCache
  }

  /**
   * The earlier rooms as last computed, for a screen's snapshot (which cannot wait): undefined
   * while they are being read, and the screens are told (an `edit`) once they are.
   */
  peersNow(): PeerRooms | undefined {
    if (this.peersCache)
      return this.peersCache
    if (!this.peersRead) {
      this.peersRead = this.peers()
        .then(() => this.notify('edit'), () => {})
        .finally(() => {
          this.peersRead = null
        })
    }
    return undefined
  }

  /**
   * Whether another process changed the database since the last look (`npm run sessions --
   * import` while the server runs): then the comparison is recomputed.
   */
  async changedElsewhere(): Promise<boolean> {
    const version = await this.store.dataVersion()
    const changed = this.seenDataVersion !== undefined && version !== this.seenDataVersion
    this.seenDataVersion = version
    if (changed)
      await this.changed()
    return changed
  }

  /** The session's participant count grew (a join): the cached copy follows. */
  countJoin(): void {
    if (this.currentCache)
      this.currentCache = { ...this.currentCache, participants: this.currentCache.participants + 1 }
  }

  /** `switch`: another session is now current (polls and room reload); `edit`: only names or the comparison changed. */
  onChange(listener: (change: SessionChange) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private async make(input: NewSession): Promise<SessionInfo> {
    const date = input.date ?? todayInParis(this.now())
    const title = input.title?.trim() || defaultSessionTitle(date)
    const session: SessionInfo = {
      id: sessionId(title, date),
      title,
      date,
      kind: input.kind ?? 'real',
      expectedSize: input.expectedSize ?? this.options.expectedSize,
      createdAt: this.now().toISOString(),
      participants: 0,
      imported: false,
    }
    await this.archive.create(session)
    await this.store.saveSetting(CURRENT, session.id)
    this.currentCache = session
    return session
  }

  private switched(): void {
    this.peersCache = null
    this.peersGeneration++
    this.notify('switch')
    this.options.saved?.()
  }

  /**
   * A session was renamed, re-dated or deleted: the comparison may change, the room does not.
   * The session in progress is read again before anyone is told.
   */
  private async changed(): Promise<void> {
    this.currentCache = null
    this.peersCache = null
    this.peersGeneration++
    await this.ready().catch(() => {})
    this.notify('edit')
  }

  /**
   * Another instance changed the sessions: read the session in progress again, and follow
   * it if it is another one (the polls and the room reload; nothing is written here).
   */
  async follow(): Promise<void> {
    const before = this.currentCache?.id
    this.currentCache = null
    this.peersCache = null
    this.peersGeneration++
    const now = await this.ready().catch(() => null)
    this.notify(now && now.id !== before
      ? 'followed'
      : 'edit')
  }

  private notify(change: SessionChange): void {
    for (const listener of this.listeners)
      listener(change)
  }
}

function unknownSession(id: string): HttpError {
  return new HttpError(404, `Séance inconnue : « ${id.slice(0, 80)} ».`, 'unknown_session')
}
