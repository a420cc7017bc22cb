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

  it('generates a strong one when none is given', () => {
    const config = loadConfig({})
    expect(config.generatedToken).toBe(true)
    expect(tokenWeakness(config.presenterToken)).toBeNull()
  })
})
