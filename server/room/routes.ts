import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Cluster } from '../cluster/cluster'
import type { ServerConfig } from '../config'
import type { JoinRefusal, Room } from './room'
import { z } from 'zod'
import { HttpError, StoreUnavailableError } from '../errors'
import { issueParticipant, participantOf } from '../guard/credentials'
import { presenterOnly } from '../guard/presenter'
import { TokenBucket } from '../guard/token-bucket'

const REFUSALS: Record<JoinRefusal, string> = {
  registration_closed: 'Les inscriptions à ce vote sont closes : l’intervenant les a fermées.',
  room_code: 'Code de salle manquant ou incorrect : il est affiché à l’écran.',
}

const joinBody = z.strictObject({
  code: z.string().max(64).optional(),
}, { error: 'Attendu : { code?: texte }.' })

const roomChange = z.strictObject({
  registrationOpen: z.boolean().optional(),
  requireCode: z.boolean().optional(),
}, { error: 'Attendu : { registrationOpen?: booléen, requireCode?: booléen }.' })

export interface RoomRoutesOptions {
  room: Room
  /** The other instances, when hosted: the join budget is then theirs too. */
  cluster: Cluster
  config: Pick<ServerConfig, 'joinLimitPerAddress' | 'joinWindowSeconds'>
}

/** Joining the room (a phone's credential) and the presenter's room settings. */
export const roomRoutes: FastifyPluginAsyncZod<RoomRoutesOptions> = async (app, { room, config, cluster }) => {
  // A whole room behind one address may join at once; past that, one more every
  // window / limit, continuously: a burst never locks newcomers out for minutes.
  const refillMs = config.joinWindowSeconds * 1000 / config.joinLimitPerAddress
  const joins = new TokenBucket({
    burst: config.joinLimitPerAddress,
    refillMs,
  })

  // The phone's credential: issued here, once, kept by the browser as an HttpOnly cookie.
  app.post('/api/participants', {
    schema: { body: joinBody },
  }, async (req, reply) => {
    const known = participantOf(req)
    // A phone from an earlier session (the same talk given again) joins this one anew.
    if (known && await room.isMember(known))
      return { status: 'known' }
    // Hosted, every instance spends from the same budget (the database's); a laptop keeps it in memory.
    const key = `join:${req.ip}`
    const shared = cluster.take(key, config.joinLimitPerAddress, refillMs)
    const spent = shared
      ? await shared.catch((error: unknown) => {
          throw new StoreUnavailableError(error)
        })
      : {
          ok: joins.take(key),
          retryAfterS: joins.retryAfterS(key),
        }
    if (!spent.ok) {
      room.countRefusal()
      const wait = spent.retryAfterS
      throw new HttpError(429, `Trop de nouvelles inscriptions depuis ce réseau : réessayez dans ${wait} s.`, 'rate_limited', wait)
    }
    const joined = await room.join(req.body.code)
    if (!joined.ok)
      throw new HttpError(403, REFUSALS[joined.reason], joined.reason)
    issueParticipant(reply, joined.id)
    return reply.code(201).send({ status: 'joined' })
  })

  app.post('/api/presenter/room', {
    onRequest: presenterOnly,
    schema: { body: roomChange },
  }, async (req) => {
    if (req.body.registrationOpen !== undefined)
      await room.setRegistration(req.body.registrationOpen)
    if (req.body.requireCode !== undefined)
      await room.requireCode(req.body.requireCode)
    return room.view('presenter')
  })
}
