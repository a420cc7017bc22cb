import type { FastifyInstance } from 'fastify'
import type { PollService } from '../poll-service'
import { isPresenter } from '../auth'
import { resultsCsv } from '../results-csv'

/**
 * Aggregated results as JSON (the snapshot the PDF export bakes in) and CSV.
 * Blind polls stay hidden unless the presenter's token is given.
 */
export async function resultsApi(app: FastifyInstance, { service, token }: { service: PollService, token: string }): Promise<void> {
  const snapshotFor = (req: Parameters<typeof isPresenter>[0]) => service.snapshot(isPresenter(req, token)
    ? 'presenter'
    : 'public')

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
