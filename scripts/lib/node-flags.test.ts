import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SERVER_NODE_FLAGS } from './node-flags'

describe('the vote server\'s V8 flags', () => {
  it('are the same for npm start (one process, flags in package.json) and for the tests and the bench', () => {
    const start = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts.start!
    for (const flag of SERVER_NODE_FLAGS)
      expect(start).toContain(flag)
  })
})
