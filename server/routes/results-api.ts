import type { FastifyInstance } from 'fastify'
import type { ResultsSnapshot } from '../../poll/types'
import type { PollService } from '../poll-service'
import type { Sessions } from '../sessions'
import { summaryOf } from '../../poll/session'
import { isPresenter } from '../auth'
import { resultsCsv } from '../results-csv'

/**
 * Aggregated results as JSON (the snapshot the PDF export bakes in) and CSV.
 * Blind polls stay hidden unless the presenter's token is given.
 */
export async function resultsApi(app: FastifyInstance, { service, sessions, token }: { service: PollService, sessions: Sessions, token: string }): Promise<void> {
  // The presenter's copy names the session and carries the earlier rooms: `npm run export
  // -- --results URL` bakes in the comparison with it.
  const snapshotFor = (req: Parameters<typeof isPresenter>[0]): ResultsSnapshot => isPresenter(req, token)
    ? {
        ...service.snapshot('presenter'),
        session: summaryOf(sessions.current()),
        peers: sessions.peers(),
      }
    : service.snapshot('public')

  app.get('/api/results.json', async (req, reply) => {
    reply.header('cache-control', 'no-store')
    return {
      ...snapshotFor(req),
      generatedAt: new Date().toISOString(),
    }
  })

  app.get('/api/results.csv', async (req, reply) => {
    reply.header('cache-control', 'no-store')
    reply.header('content-disposition', 'attachment; filename="resultats-atelier.csv"')
    reply.type('text/csv; charset=utf-8')
    return `\uFEFF${resultsCsv(snapshotFor(req))}`
  })
}
