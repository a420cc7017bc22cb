import { describe, expect, it } from 'vitest'
import { requestJoin, roomCodeFrom } from './join'

function answer(status: number, body: unknown) {
  return async () => new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  })
}

describe('requestJoin', () => {
  it('tells joined, code needed, registration closed and try again apart', async () => {
    expect(await requestJoin(undefined, answer(201, { status: 'joined' }))).toEqual({ kind: 'joined' })
    expect(await requestJoin(undefined, answer(200, { status: 'known' }))).toEqual({ kind: 'joined' })
    expect(await requestJoin('X', answer(403, { error: 'room_code', message: 'Code incorrect' }))).toEqual({ kind: 'code', message: 'Code incorrect' })
    expect((await requestJoin(undefined, answer(403, { error: 'registration_closed', message: 'Closes' }))).kind).toBe('closed')
    expect((await requestJoin(undefined, answer(429, { error: 'rate_limited', message: 'Trop' }))).kind).toBe('retry')
    expect((await requestJoin(undefined, async () => {
      throw new TypeError('offline')
    })).kind).toBe('retry')
  })

  it('sends the code when there is one', async () => {
    let body = ''
    await requestJoin('ABC234', async (_u, init) => {
      body = init!.body as string
      return new Response('{}', { status: 201 })
    })
    expect(JSON.parse(body)).toEqual({ code: 'ABC234' })
  })
})

describe('roomCodeFrom', () => {
  it('takes the QR code\'s address first, then the code typed earlier', () => {
    const stored = {
      getItem: () => 'OLD234',
    }
    expect(roomCodeFrom('?code=NEW234', stored)).toBe('NEW234')
    expect(roomCodeFrom('', stored)).toBe('OLD234')
    expect(roomCodeFrom('', {
      getItem: () => null,
    })).toBeUndefined()
  })
})
