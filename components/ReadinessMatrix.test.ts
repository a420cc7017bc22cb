// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { matrixCells } from '../data/matrix'
import { nextCellIndex } from './matrix-navigation'
import ReadinessMatrix from './ReadinessMatrix.vue'

vi.mock('@slidev/client', () => import('../tests/helpers/slidev-client'))

const detail = (w: ReturnType<typeof mount>) => w.get('[data-testid="matrix-detail"]').text()

describe('nextCellIndex', () => {
  it('moves with arrows and stops at the edges', () => {
    expect(nextCellIndex(0, 'ArrowRight', 3, 3)).toBe(1)
    expect(nextCellIndex(2, 'ArrowRight', 3, 3)).toBe(2)
    expect(nextCellIndex(0, 'ArrowUp', 3, 3)).toBe(0)
    expect(nextCellIndex(4, 'ArrowDown', 3, 3)).toBe(7)
    expect(nextCellIndex(8, 'ArrowDown', 3, 3)).toBe(8)
    expect(nextCellIndex(5, 'Home', 3, 3)).toBe(3)
    expect(nextCellIndex(3, 'End', 3, 3)).toBe(5)
    expect(nextCellIndex(3, 'a', 3, 3)).toBeNull()
  })
})

describe('readinessMatrix', () => {
  it('shows the 9 cells with a letter for each verdict, not a colour alone', () => {
    const w = mount(ReadinessMatrix)
    const cells = w.findAll('button.cell')
    expect(cells).toHaveLength(9)
    cells.forEach((cell, i) => {
      expect(cell.get('[data-verdict]').text()).toContain(matrixCells[i]!.verdict)
    })
    expect(w.text()).toContain('Pas encore efficace')
    expect(w.text()).toContain('Déploiement à envisager')
  })

  it('opens a cell\'s examples and rationale on click, and closes it on a second click', async () => {
    const w = mount(ReadinessMatrix)
    const cell = w.get('[data-cell="moderate.elaborate"]')
    await cell.trigger('click')
    expect(detail(w)).toContain('budget participatif')
    expect(detail(w)).toContain('entretiens professionnels')
    expect(cell.attributes('aria-expanded')).toBe('true')
    await cell.trigger('click')
    expect(detail(w)).not.toContain('budget participatif')
  })

  it('moves between cells with the arrow keys and opens one with Enter or Space', async () => {
    const w = mount(ReadinessMatrix, { attachTo: document.body })
    const table = w.get('table')
    await w.get('[data-cell="none.distinct"]').trigger('focus')
    await table.trigger('keydown', { key: 'ArrowRight' })
    await table.trigger('keydown', { key: 'ArrowDown' })
    expect(w.get('[data-cell="moderate.elaborate"]').attributes('tabindex')).toBe('0')
    expect(w.get('[data-cell="none.distinct"]').attributes('tabindex')).toBe('-1')
    await table.trigger('keydown', { key: 'Enter' })
    expect(detail(w)).toContain('Catégorisation des propositions')
    await table.trigger('keydown', { key: 'ArrowDown' })
    await table.trigger('keydown', { key: ' ' })
    expect(detail(w)).toContain('LLaMandement')
    await table.trigger('keydown', { key: 'Escape' })
    expect(detail(w)).not.toContain('LLaMandement')
    w.unmount()
  })

  it('keeps arrow keys from reaching the deck\'s slide navigation', async () => {
    const w = mount(ReadinessMatrix, { attachTo: document.body })
    let reachedWindow = false
    const spy = () => {
      reachedWindow = true
    }
    window.addEventListener('keydown', spy)
    w.get('[data-cell="none.distinct"]').element.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }))
    window.removeEventListener('keydown', spy)
    expect(reachedWindow).toBe(false)
    w.unmount()
  })

  it('prints every example of every cell when expanded', () => {
    const w = mount(ReadinessMatrix, {
      props: { expanded: true },
    })
    for (const cell of matrixCells) {
      for (const example of cell.examples)
        expect(w.text()).toContain(example)
    }
  })
})
