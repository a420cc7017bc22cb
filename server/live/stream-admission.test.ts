import { describe, expect, it } from 'vitest'
import { StreamAdmission } from './stream-admission'

const anonymous = (address: string) => ({ kind: 'anonymous' as const, address })
const participant = (address: string, id: string) => ({ kind: 'participant' as const, address, participant: id })
const presenter = { kind: 'presenter' as const, address: '10.0.0.1' }

describe('streamAdmission', () => {
  it('replaces a participant\'s old stream with the new one', () => {
    const admission = new StreamAdmission<string>({ anonymousPerAddress: 5, total: 100 })
    expect(admission.admit('old', participant('a', 'p1'))).toEqual([])
    expect(admission.admit('new', participant('a', 'p1'))).toEqual(['old'])
    expect(admission.admit('other', participant('a', 'p2'))).toEqual([])
  })

  it('caps anonymous streams per address by closing that address\'s oldest', () => {
    const admission = new StreamAdmission<string>({ anonymousPerAddress: 2, total: 100 })
    admission.admit('a1', anonymous('a'))
    admission.admit('a2', anonymous('a'))
    admission.admit('b1', anonymous('b'))
    expect(admission.admit('a3', anonymous('a'))).toEqual(['a1'])
    expect(admission.countAt('b')).toBe(1)
  })

  it('when full, closes the oldest stream of the address that holds the most: the hog loses', () => {
    const admission = new StreamAdmission<string>({ anonymousPerAddress: 100, total: 4 })
    admission.admit('projector', anonymous('room-pc'))
    admission.admit('hog1', anonymous('attacker'))
    admission.admit('hog2', anonymous('attacker'))
    admission.admit('hog3', anonymous('attacker'))
    expect(admission.admit('phone', participant('wifi', 'p1'))).toEqual(['hog1'])
    expect(admission.admit('phone2', participant('wifi', 'p2'))).toEqual(['hog2'])
    expect(admission.countAt('room-pc')).toBe(1)
  })

  it('when full, an address that holds as many as any other makes room itself: a venue keeps its share', () => {
    const admission = new StreamAdmission<string>({ anonymousPerAddress: 100, total: 4 })
    admission.admit('venue1', participant('venue', 'v1'))
    admission.admit('venue2', participant('venue', 'v2'))
    admission.admit('hog1', participant('hog', 'h1'))
    admission.admit('hog2', participant('hog', 'h2'))
    expect(admission.admit('hog3', participant('hog', 'h3'))).toEqual(['hog1'])
    expect(admission.admit('hog4', participant('hog', 'h4'))).toEqual(['hog2'])
    expect(admission.countAt('venue')).toBe(2)
  })

  it('never counts nor closes the presenter\'s streams', () => {
    const admission = new StreamAdmission<string>({ anonymousPerAddress: 1, total: 1 })
    admission.admit('speaker', presenter)
    admission.admit('speaker2', presenter)
    expect(admission.admit('x', anonymous('a'))).toEqual([])
    expect(admission.admit('y', anonymous('b'))).toEqual(['x'])
    expect(admission.size).toBe(3)
  })

  it('forgets closed streams', () => {
    const admission = new StreamAdmission<string>({ anonymousPerAddress: 1, total: 10 })
    admission.admit('a1', anonymous('a'))
    admission.remove('a1')
    expect(admission.admit('a2', anonymous('a'))).toEqual([])
    admission.remove('nothing')
    expect(admission.countAt('a')).toBe(1)
  })
})
