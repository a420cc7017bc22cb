import type { SessionInfo } from '../poll/session'
import type { ServerConfig } from './config'
import type { SecretSource, ServerSecrets } from './guard/secret'
import type { PublicUrls } from './network'
import type { Sessions } from './sessions/sessions'
import { renderUnicodeCompact } from 'uqr'
import { buildApp } from './app'
import { loadConfig } from './config'
import { isEntry } from './entry'
import { lockDataFolder } from './storage/folder-lock'

const LOOPBACK_HOST = /^(?:127\.|localhost$|::1$)/

/** Why phones will not reach the address in the QR code, in French; null when they should. */
export function unreachableReason(config: Pick<ServerConfig, 'host' | 'publicUrl'>, audienceUrl: string): string | null {
  if (config.publicUrl)
    return null
  if (LOOPBACK_HOST.test(config.host))
    return `le serveur n'écoute que sur ce portable (HOST=${config.host}) : lancez-le sans HOST, ou avec HOST=0.0.0.0.`
  if (new URL(audienceUrl).hostname === 'localhost')
    return 'ce portable n\'est relié à aucun réseau : connectez-le au Wi-Fi de la salle, puis relancez npm start.'
  return null
}

/** Where the presenter token comes from, and what survives a restart. */
function tokenLine(source: SecretSource): string {
  switch (source) {
    case 'env': return '  Jeton présentateur : celui de PRESENTER_TOKEN.'
    case 'database': return '  Le lien présentateur vaut pour toutes les instances (jeton gardé dans la base).'
    case 'memory': return '  ATTENTION : le dossier de données n’est pas accessible en écriture : le jeton présentateur changera au prochain démarrage.'
    default: return '  Le lien présentateur reste valable après un redémarrage (jeton gardé dans le dossier de données).'
  }
}

function banner(config: ServerConfig, urls: PublicUrls, session: SessionInfo | null, secrets: ServerSecrets): string {
  const unreachable = unreachableReason(config, urls.audience)
  const qr = renderUnicodeCompact(urls.audience, { border: 2 })
  return [
    '',
    '  Atelier IA — serveur de vote prêt',
    '',
    session
      ? `  Séance en cours : ${session.title} (${session.kind === 'rehearsal'
        ? 'répétition'
        : 'séance réelle'}) — changer : npm start -- --session "Lieu, date", ou la page Séances`
      : '  Séance en cours : base de données illisible pour l\'instant (voir ci-dessous).',
    '',
    `  Présentateur : ouvrez ce lien une fois, sur ce portable (il vous connecte, puis disparaît de la barre d'adresse)`,
    `                ${urls.presenter}`,
    `  Télécommande (le téléphone de l'intervenant, une fois) : ${urls.remote}`,
    `  Séances (nouvelle séance, résultats, sur ce portable) : ${urls.sessions}`,
    `  Projection (ce portable, ou tout ordinateur de la salle) : http://localhost:${config.deckPort}/`,
    `  Public (téléphones)                   : ${urls.audience}`,
    '',
    qr.split('\n').map(l => `  ${l}`).join('\n'),
    '',
    ...(unreachable
      ? [`  ATTENTION : les téléphones ne pourront pas ouvrir l'adresse du QR code : ${unreachable}`, '']
      : []),
    tokenLine(secrets.presenter.source),
    '  Ctrl+C pour arrêter.',
    '',
  ].join('\n')
}

function currentSession(sessions: Sessions): SessionInfo | null {
  try {
    return sessions.current()
  }
  catch {
    return null
  }
}

/** Starts the vote server: the API, the built deck and the phone page on one origin. */
export async function startServer(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const config = loadConfig(env)
  // Before the store is opened: a second server on the same data would disagree with this one.
  const lock = lockDataFolder(config.dataDir, `http://localhost:${config.port}`)
  const { app, store, sessions, urls, secrets } = await buildApp(config, { requestTimeoutMs: Number(env.REQUEST_TIMEOUT_MS) || undefined })
  // A room that cannot vote is not served: the speaker learns why now, not from the phones.
  const problem = await store.check()
  if (problem) {
    await app.close()
    lock.release()
    throw new Error(problem.message)
  }
  try {
    const address = await app.listen({ host: config.host, port: config.port })
    lock.update(address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost'))
  }
  catch (error) {
    await app.close()
    lock.release()
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
      throw new Error(`le port ${config.port} est déjà utilisé. Un serveur de vote tourne peut-être déjà dans un autre terminal ; sinon, choisissez un autre port : PORT=${config.port + 1} npm start`)
    throw error
  }
  process.stdout.write(banner(config, urls, currentSession(sessions), secrets))
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping)
      return
    stopping = true
    app.log.info({ signal }, 'shutting down')
    await app.close()
    lock.release()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

if (isEntry(import.meta.url)) {
  startServer().catch((error: Error) => {
    console.error(`Le serveur de vote n’a pas pu démarrer : ${error.message}`)
    process.exit(1)
  })
}
