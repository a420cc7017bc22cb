import type { FastifyBaseLogger } from 'fastify'
import type { PollService } from '../polls/poll-service'

const HOUR_MS = 3_600_000

/**
 * The retention purge (RGPD: the phone page promises it): at start, then every hour.
 * Ballots past `days` go, their counts stay in the session's archive.
 */
export function startRetentionPurge(service: PollService, days: number, log: FastifyBaseLogger): { stop: () => void } {
  const purge = async () => {
    try {
      const deleted = await service.purgeOlderThan(days)
      if (deleted > 0)
        log.info({ deleted }, 'purged ballots past the retention period')
    }
    catch (error) {
      log.warn({ err: error }, 'retention purge failed; will retry')
    }
  }
  void purge()
  const timer = setInterval(() => void purge(), HOUR_MS).unref()
  return {
    stop: () => clearInterval(timer),
  }
}
