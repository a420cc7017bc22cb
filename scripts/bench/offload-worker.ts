// The worker thread of `npm run bench -- --offload`: the same store and the same groups,
// committed off the main thread; each answer goes back as one message.
import type { Ballot } from './offload-batch'
import { parentPort, workerData } from 'node:worker_threads'
import { commit, openSeeded } from './offload-batch'

const { dir, phones } = workerData as { dir: string, phones: number }
const store = await openSeeded(dir, phones)
parentPort!.on('message', (message: { id: number, ballots: Ballot[] } | 'close') => {
  if (message === 'close') {
    void store.close().then(() => parentPort!.close())
    return
  }
  void commit(store, message.ballots).then(kinds => parentPort!.postMessage({ id: message.id, kinds }))
})
parentPort!.postMessage('ready')
