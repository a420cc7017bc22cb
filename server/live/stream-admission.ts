/** Who holds a results stream, as far as the server can tell. */
export type StreamOwner
  = | { kind: 'presenter', address: string }
    | { kind: 'participant', address: string, participant: string }
    | { kind: 'anonymous', address: string }

export interface AdmissionOptions {
  /** Streams without a credential (projectors, curious laptops) from one address. */
  anonymousPerAddress: number
  /** Streams in all, the presenter's aside. */
  total: number
}

const first = <T>(set: Set<T> | undefined): T | undefined => set?.values().next().value

function addTo<K, T>(map: Map<K, Set<T>>, key: K, item: T): void {
  let set = map.get(key)
  if (!set)
    map.set(key, set = new Set())
  set.add(item)
}

function removeFrom<K, T>(map: Map<K, Set<T>>, key: K, item: T): void {
  const set = map.get(key)
  set?.delete(item)
  if (set?.size === 0)
    map.delete(key)
}

/**
 * Decides which streams make room for a new one; nobody is ever refused. The presenter's
 * streams are never counted nor closed. A participant holds one stream: a new one replaces
 * the old. Anonymous streams are capped per address, and the address's own oldest makes
 * room. When the whole server is full, the oldest stream of the address that holds the
 * most goes, unless the newcomer's own address holds as many: then its own oldest goes.
 * So a hog that reconnects takes from itself, and a venue behind one address keeps its
 * fair share of the streams (all of them, up to MAX_STREAMS / addresses in the room).
 */
export class StreamAdmission<T> {
  private readonly owners = new Map<T, StreamOwner>()
  private readonly byAddress = new Map<string, Set<T>>()
  private readonly anonymousByAddress = new Map<string, Set<T>>()
  private readonly byParticipant = new Map<string, T>()
  private counted = 0

  constructor(private readonly options: AdmissionOptions) {}

  /** Registers `item` and returns the streams to close to make room for it. */
  admit(item: T, owner: StreamOwner): T[] {
    const evicted: T[] = []
    const evict = (victim: T | undefined) => {
      if (victim !== undefined) {
        this.remove(victim)
        evicted.push(victim)
      }
    }
    if (owner.kind === 'participant')
      evict(this.byParticipant.get(owner.participant))
    if (owner.kind === 'anonymous' && (this.anonymousByAddress.get(owner.address)?.size ?? 0) >= this.options.anonymousPerAddress)
      evict(first(this.anonymousByAddress.get(owner.address)))
    if (owner.kind !== 'presenter' && this.counted >= this.options.total) {
      // The newcomer's own address makes room when it already holds as many as any other:
      // no address grows past another's share by taking from it.
      const own = this.byAddress.get(owner.address)
      const biggest = this.biggestHolder()
      evict(first((own?.size ?? 0) >= (biggest?.size ?? 0)
        ? own
        : biggest))
    }
    this.owners.set(item, owner)
    if (owner.kind !== 'presenter') {
      this.counted++
      addTo(this.byAddress, owner.address, item)
    }
    if (owner.kind === 'anonymous')
      addTo(this.anonymousByAddress, owner.address, item)
    if (owner.kind === 'participant')
      this.byParticipant.set(owner.participant, item)
    return evicted
  }

  /** Forgets a stream (closed by either side); harmless when already gone. */
  remove(item: T): void {
    const owner = this.owners.get(item)
    if (!owner)
      return
    this.owners.delete(item)
    if (owner.kind === 'presenter')
      return
    this.counted--
    removeFrom(this.byAddress, owner.address, item)
    if (owner.kind === 'anonymous')
      removeFrom(this.anonymousByAddress, owner.address, item)
    if (owner.kind === 'participant' && this.byParticipant.get(owner.participant) === item)
      this.byParticipant.delete(owner.participant)
  }

  private biggestHolder(): Set<T> | undefined {
    let biggest: Set<T> | undefined
    for (const set of this.byAddress.values()) {
      if (!biggest || set.size > biggest.size)
        biggest = set
    }
    return biggest
  }

  /** Streams from this address, the presenter's aside. */
  countAt(address: string): number {
    return this.byAddress.get(address)?.size ?? 0
  }

  get size(): number {
    return this.owners.size
  }
}
