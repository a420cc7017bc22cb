import type { RoomQuestions } from '../../poll/questions'
import type { Viewer } from '../../poll/snapshot'
import type { ResultsSnapshot } from '../../poll/types'
import type { Cluster } from '../cluster/cluster'
import type { ServerConfig } from '../config'
import type { PollService } from '../polls/poll-service'
import type { QuestionService } from '../questions/question-service'
import type { Room } from '../room/room'
import type { SessionArchive } from '../sessions/session-archive'
import type { Sessions } from '../sessions/sessions'
import type { Store } from '../storage/store'
import type { NavState } from './nav-sync'
import { handoutQuestions } from '../../poll/questions'
import { peersOf, sessionSnapshot, summaryOf } from '../../poll/session'
import { soloCluster } from '../cluster/cluster'
import { HttpError } from '../errors'
import { NavSync } from './nav-sync'
import { SseHub } from './sse-hub'

/** How often the presenter's join counts and another process's imports are looked at. */
const TICK_MS = 10_000
/** Where the presenter's navigation is kept, so that a restart comes back to it. */
const NAV_SETTING = 'presenter_nav'

export interface ScreensOptions {
  store: Store
  service: PollService
  questions: QuestionService
  room: Room
  sessions: Sessions
  archive: SessionArchive
  config: Pick<ServerConfig, 'broadcastIntervalMs' | 'streamsPerAddress' | 'maxStreams'>
  /** The other instances, when hosted (the laptop's is `soloCluster`). */
  cluster?: Cluster
}

/**
 * What every screen sees, in one place: the snapshot per viewer (phone, projection,
 * presenter), a session's results, the subscriptions that tell the stream hub that
 * something changed, and the presenter's navigation that screens follow. A ballot reaches
 * the screens through here: PollService commits it and calls back, the hub sends.
 */
export class Screens {
  readonly nav: NavSync
  readonly hub: SseHub
  private readonly ticker: NodeJS.Timeout
  /** The room's questions as last read, which every stream is sent; null while they cannot be read. */
  private roomQuestions: RoomQuestions | null = null
  private questionsRead: Promise<void> | null = null
  private questionsStale = false

  constructor(private readonly options: ScreensOptions) {
    const { service, questions, room, sessions, config, store } = options
    const cluster = options.cluster ?? soloCluster
    this.nav = new NavSync({
      load: async () => JSON.parse(await store.setting(NAV_SETTING) ?? '{}') as Record<string, NavState>,
      save: channels => store.saveSetting(NAV_SETTING, JSON.stringify(channels)),
    }, () => cluster.announce('nav'))
    this.hub = new SseHub({
      // A screen that connects (or reconnects) goes straight to the presenter's slide.
      greeting: viewer => viewer === 'phone'
        ? []
        : this.nav.frames(),
      snapshot: viewer => this.snapshot(viewer),
      // The room's questions, a whole list each time: phones and screens alike (never the moderation queue).
      topics: {
        questions: () => this.roomQuestions,
      },
      intervalMs: config.broadcastIntervalMs,
      anonymousPerAddress: config.streamsPerAddress,
      total: config.maxStreams,
    })
    service.onChange(() => this.hub.markDirty('snapshot'))
    questions.onChange(() => {
      this.refreshQuestions()
      cluster.announce('questions')
    })
    room.onChange(() => this.hub.markDirty())
    sessions.onChange((change) => {
      if (change === 'switch' || change === 'followed') {
        service.reload()
        // The instance that switched resets the room (registration open, no one in); the others read it.
        ;(change === 'switch'
          ? room.startSession()
          : room.reload()).catch(() => {})
        this.refreshQuestions()
      }
      this.hub.markDirty()
    })
    // Hosted: what another instance changed, read again; the tallies, as the publisher sends them.
    cluster.onAnnounce((topic) => {
      if (topic === 'room')
        room.reload().catch(() => {})
      else if (topic === 'session')
        void sessions.follow()
      else if (topic === 'questions')
        this.refreshQuestions()
      else if (topic === 'polls')
        void service.refresh()
      else if (topic === 'nav')
        void this.nav.reload().then(changed => changed.forEach(channel => this.hub.broadcast(this.nav.frame(channel)!, ['public', 'presenter'])))
    })
    cluster.onPublished((published) => {
      service.applyPublished(published)
      try {
        if (published.session === sessions.current().id)
          room.followJoined(published.joined)
      }
      catch {}
    })
    // Joins in the last minute fall as time passes: the presenter's count follows.
    // An archive imported by another process while the server runs changes the comparison.
    this.ticker = setInterval(() => {
      sessions.changedElsewhere().catch(() => {})
      this.hub.markDirty()
    }, TICK_MS).unref()
    this.refreshQuestions()
  }

  /**
   * Reads the room's questions again (after a change), then tells the streams. Reads that
   * overlap are merged: one more after the one in flight, never a queue of them.
   */
  private refreshQuestions(): void {
    if (this.questionsRead) {
      this.questionsStale = true
      return
    }
    this.questionsRead = this.options.questions.room()
      .then((room) => {
        this.roomQuestions = room
      }, () => {
        this.roomQuestions = null
      })
      .then(() => {
        this.questionsRead = null
        this.hub.markDirty('questions')
        if (this.questionsStale) {
          this.questionsStale = false
          this.refreshQuestions()
        }
      })
  }

  /** Resolves once the room's questions in memory are those of the store (tests, start-up). */
  async questionsSettled(): Promise<void> {
    while (this.questionsRead)
      await this.questionsRead
  }

  /**
   * What this viewer may see now. Phones get the polls' states only, and the session they
   * vote in: a phone that sees it change drops what it had chosen in the previous one.
   */
  snapshot(viewer: Viewer): ResultsSnapshot {
    const polls = this.options.service.snapshot(viewer)
    if (viewer === 'phone') {
      return {
        ...polls,
        ...this.sessionView(false),
      }
    }
    const problem = viewer === 'presenter'
      ? this.options.store.problem()
      : null
    return {
      ...polls,
      room: this.options.room.view(viewer),
      ...this.sessionView(),
      ...(problem
        ? { storeProblem: problem.message }
        : {}),
    }
  }

  /** The session (and for the deck's screens, the earlier rooms); nothing while the database is unavailable. */
  private sessionView(withPeers = true): Pick<ResultsSnapshot, 'session' | 'peers'> {
    try {
      return {
        session: summaryOf(this.options.sessions.current()),
        ...(withPeers
          ? {
              peers: this.options.sessions.peersNow(),
            }
          : {}),
      }
    }
    catch {
      return {}
    }
  }

  /** The results a script or a handout asks for: the presenter's view, or the public one. */
  results(presenter: boolean): ResultsSnapshot {
    if (!presenter)
      return this.options.service.snapshot('public')
    const { room: _room, ...snapshot } = this.snapshot('presenter')
    return snapshot
  }

  /** A session's results as the deck draws them, with the earlier rooms it is compared with. */
  async sessionResults(id: string): Promise<ResultsSnapshot> {
    const { archive, sessions, service } = this.options
    const results = await archive.results(id)
    if (!results)
      throw new HttpError(404, `Séance inconnue : « ${id.slice(0, 80)} ».`, 'unknown_session')
    const questions = handoutQuestions(await this.options.store.questions(id))
    const snapshot = {
      ...sessionSnapshot(results, peersOf(results.session, await archive.allResults())),
      ...(questions.length
        ? { questions }
        : {}),
    }
    // The session in progress: the live tallies (same figures, and no second read of the rows).
    return results.session.id === (await sessions.ready()).id
      ? { ...snapshot, polls: service.snapshot('presenter').polls }
      : snapshot
  }

  /** Navigation from the presenter view: kept, and sent to every screen when newer. */
  navigate(channel: string, seq: number, state: Record<string, unknown>): void {
    if (this.nav.update(channel, seq, state))
      this.hub.broadcast(this.nav.frame(channel)!, ['public', 'presenter'])
  }

  /** Where the sign-in link takes the presenter view: the slide and click the talk is at. */
  presenterLanding(): string {
    const at = this.nav.position()
    return at
      ? `/presenter/${at.page}${at.clicks
        ? `?clicks=${at.clicks}`
        : ''}`
      : '/presenter/1'
  }

  /** The phone remote's Previous / Next: the presenter view carries them out, as a clicker's. */
  remote(action: 'next' | 'prev'): void {
    this.hub.broadcast(`event: remote\ndata: ${JSON.stringify({ action })}\n\n`, ['presenter'])
  }

  close(): void {
    clearInterval(this.ticker)
    this.hub.close()
  }
}
