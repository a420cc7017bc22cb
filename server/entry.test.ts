import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { isEntry } from './entry'

describe('isEntry', () => {
  it('recognises a script under a folder with a space and an accent, and through a symlink', () => {
    const root = mkdtempSync(join(tmpdir(), 'entry-'))
    const dir = join(root, 'Mes présentations', 'atelier')
    mkdirSync(dir, { recursive: true })
    const script = join(dir, 'start.ts')
    writeFileSync(script, '')
    symlinkSync(dir, join(root, 'lien'))
    expect(isEntry(pathToFileURL(script).href, script)).toBe(true)
    expect(isEntry(pathToFileURL(script).href, join(root, 'lien', 'start.ts'))).toBe(true)
    expect(isEntry(pathToFileURL(script).href, join(root, 'other.ts'))).toBe(false)
    expect(isEntry(pathToFileURL(script).href, undefined)).toBe(false)
  })
})
