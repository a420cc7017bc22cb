import { describe, expect, it } from 'vitest'
import { barGeometry, barWidths } from './chart-scale'

describe('barWidths', () => {
  it('puts every bar on one scale, the largest at `longest`', () => {
    expect(barWidths([30, 120])).toEqual([19.5, 78])
    expect(barWidths([30, 120], 100)).toEqual([25, 100])
  })

  it('draws nothing for nothing, and never a negative bar', () => {
    expect(barWidths([0, 0])).toEqual([0, 0])
    expect(barWidths([-5, 10], 100)).toEqual([0, 100])
  })
})

describe('barGeometry', () => {
  it('grows gains to the right of the middle and reductions to its left', () => {
    expect(barGeometry(50, 100)).toEqual({ left: '50%', width: '25%' })
    expect(barGeometry(-50, 100)).toEqual({ left: '25%', width: '25%' })
  })
})
