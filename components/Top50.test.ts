// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { top50 } from '../data/top50'
import { resetSlide, slide } from '../tests/helpers/slidev-client'
import { categoryCounts, categoryForClick, categoryIds, rankColumns } from './top50-logic'
import Top50 from './Top50.vue'

vi.mock('@slidev/client', () => import('../tests/helpers/slidev-client'))
afterEach(resetSlide)

describe('top-50 logic', () => {
  it('counts 50 products across the categories', () => {
    const counts = categoryCounts(top50)
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(50)
  })

  it('maps click steps to categories, none before and after', () => {
    expect(categoryForClick(0)).toBeNull()
    expect(categoryForClick(1)).toBe(categoryIds[0])
    expect(categoryForClick(categoryIds.length)).toBe(categoryIds.at(-1))
    expect(categoryForClick(categoryIds.length + 1)).toBeNull()
  })

  it('lays out ranks in columns of ten', () => {
    const columns = rankColumns(top50, 10)
    expect(columns.map(c => c[0]!.rank)).toEqual([1, 11, 21, 31, 41])
  })
})

describe('top50', () => {
  it('lists all 50 products in rank order', () => {
    const w = mount(Top50)
    const names = w.findAll('.product .name').map(n => n.text())
    expect(names).toEqual([...top50].sort((a, b) => a.rank - b.rank).map(p => p.name))
  })

  it('highlights a category and shows its count when its legend is clicked', async () => {
    const w = mount(Top50)
    await w.get('button[data-category="companion"]').trigger('click')
    const expected = top50.filter(p => p.category === 'companion').length
    expect(w.get('[data-testid="top50-summary"]').text()).toContain(`${expected} produits sur 50`)
    expect(w.findAll('.product--on')).toHaveLength(expected)
    expect(w.findAll('.product--dim')).toHaveLength(50 - expected)
    expect(w.get('button[data-category="companion"]').attributes('aria-pressed')).toBe('true')
    await w.get('button[data-category="companion"]').trigger('click')
    expect(w.findAll('.product--dim')).toHaveLength(0)
  })

  it('follows the slide\'s click steps', async () => {
    slide.clicks = 3
    const w = mount(Top50)
    const third = categoryIds[2]!
    expect(w.findAll('.product--on')).toHaveLength(top50.filter(p => p.category === third).length)
    slide.clicks = 0
    await w.vm.$nextTick()
    expect(w.findAll('.product--on')).toHaveLength(0)
  })
})
