import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SessionArchive } from '../server/sessions/session-archive'
import { Sessions } from '../server/sessions/sessions'
import { withStore } from '../server/storage/open'
import { tempDataDir } from '../tests/helpers/test-server'
import { exportCommand, outputPath } from './export'

let dataDir: string
beforeEach(() => {
  dataDir = tempDataDir()
  process.env.DATA_DIR = dataDir
})
afterEach(() => {
  delete process.env.DATA_DIR
})

/** Starts a session as the presenter would, and returns its id. */
function startSession(title: string) {
  return withStore({ dataDir }, async (store) => {
    const sessions = new Sessions(new SessionArchive(store), store, { expectedSize: 200 })
    await sessions.ready()
    return (await sessions.create({ title })).id
  })
}

describe('npm run export', () => {
  it('names each handout after its session, so that two sessions never share a file', async () => {
    const lyon = await startSession('Lyon, congrès des DRH')
    const first = await outputPath({ session: 'courante', dataDir })
    const nantes = await startSession('Nantes, journée RH')
    const second = await outputPath({ session: 'courante', dataDir })
    expect(first).toContain(lyon)
    expect(second).toContain(nantes)
    expect(first).not.toBe(second)
  })

  it('never replaces an existing handout without --force, and says how to choose another name', async () => {
    await startSession('Lyon, congrès des DRH')
    const target = await outputPath({ session: 'courante', dataDir })
    mkdirSync(dirname(target), { recursive: true })
    writeFileSync(target, 'the Lyon handout')
    try {
      await expect(exportCommand(['--session', 'courante'])).rejects.toThrow(/existe déjà\. Ajoutez --force pour le remplacer, ou choisissez un autre nom avec --out FICHIER/)
      expect(readFileSync(target, 'utf8')).toBe('the Lyon handout')
    }
    finally {
      rmSync(target)
    }
    const other = join(dataDir, 'autre.pdf')
    writeFileSync(other, 'x')
    await expect(exportCommand(['--out', other])).rejects.toThrow(/autre\.pdf existe déjà/)
  })

  it('explains, in French, options given without « -- »', async () => {
    await expect(exportCommand(['Lyon'])).rejects.toThrow(/argument inattendu : « Lyon »/)
  })
})
