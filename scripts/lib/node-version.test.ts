import process from 'node:process'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { requireSupportedNode } from './node-version.mjs'

afterEach(() => vi.restoreAllMocks())

describe('requireSupportedNode', () => {
  it('lets Node 22.12, 24 and 26 through', () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation(() => undefined as never)
    for (const version of [
      '22.12.0',
      '22.20.1',
      '24.21.0',
      '26.0.0',
    ])
      requireSupportedNode(version)
    expect(exit).not.toHaveBeenCalled()
  })

  it('stops on Node 20 with a French explanation of what to install', () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation(() => undefined as never)
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    requireSupportedNode('20.20.2')
    requireSupportedNode('22.11.0')
    expect(exit).toHaveBeenCalledTimes(2)
    expect(error.mock.calls[0]![0]).toMatch(/trop ancien.*Node 24/s)
  })
})
