import { describe, expect, it } from 'vitest'
import { unreachableReason } from './main'

describe('unreachableReason', () => {
  it('warns when the server listens on loopback only, or the laptop has no network', () => {
    expect(unreachableReason({ host: '127.0.0.1', publicUrl: undefined }, 'http://192.168.1.20:3030/vote')).toMatch(/HOST=127\.0\.0\.1/)
    expect(unreachableReason({ host: '0.0.0.0', publicUrl: undefined }, 'http://localhost:3030/vote')).toMatch(/aucun réseau/)
  })

  it('stays quiet when phones can reach the address, or when PUBLIC_URL says where to go', () => {
    expect(unreachableReason({ host: '0.0.0.0', publicUrl: undefined }, 'http://192.168.1.20:3030/vote')).toBeNull()
    expect(unreachableReason({ host: '127.0.0.1', publicUrl: 'https://vote.example.fr' }, 'https://vote.example.fr/vote')).toBeNull()
  })
})
