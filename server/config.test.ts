import { describe, expect, it } from 'vitest'
import { loadConfig, tokenWeakness } from './config'

describe('presenter token', () => {
  it.each([
    ['short', /16 caractères/],
    ['aaaaaaaaaaaaaaaaaaaa', /6 caractères différents/],
    ['abababababababababab', /6 caractères différents/],
    ['une-longue-phrase-secrete', /exemple publié/],
  ])('refuses %j', (token, reason) => {
    expect(tokenWeakness(token)).toMatch(reason)
    expect(() => loadConfig({ PRESENTER_TOKEN: token })).toThrow(/PRESENTER_TOKEN refusé/)
  })

  it('takes a long, varied phrase', () => {
    expect(tokenWeakness('la-salle-7-vote-en-mars-2027')).toBeNull()
    expect(loadConfig({ PRESENTER_TOKEN: 'la-salle-7-vote-en-mars-2027' }).presenterToken).toBe('la-salle-7-vote-en-mars-2027')
  })

  it('refuses the README\'s own example', () => {
    expect(() => loadConfig({ PRESENTER_TOKEN: 'la-salle-7-vote-en-mars' })).toThrow(/exemple publié/)
  })

  it('leaves the token to the data folder when none is given', () => {
    expect(loadConfig({}).presenterToken).toBeUndefined()
  })

  it('refuses a room code shorter than 6 characters', () => {
    expect(() => loadConfig({ ROOM_CODE: 'ABCD' })).toThrow(/6 à 32/)
    expect(loadConfig({ ROOM_CODE: 'ABCDEF' }).roomCode).toBe('ABCDEF')
  })
})
