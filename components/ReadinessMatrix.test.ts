// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { matrixCells } from '../data/matrix'
import ReadinessMatrix from './ReadinessMatrix.vue'

vi.mock('@slidev/client', () => import('../tests/helpers/slidev-client'))

const detail = (w: ReturnType<typeof mount>) => w.get('[data-testid="matrix-detail"]').text()

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

  it('puts every cell in the tab order, and closes an open cell with Escape', async () => {
    const w = mount(ReadinessMatrix, { attachTo: document.body })
    expect(w.findAll('button.cell').every(c => c.attributes('tabindex') === undefined)).toBe(true)
    // Enter on a focused button is a click (detail 0: no pointer).
    await w.get('[data-cell="large.elaborate"]').trigger('click', { detail: 0 })
    expect(detail(w)).toContain('LLaMandement')
    await w.get('table').trigger('keydown', { key: 'Escape' })
    expect(detail(w)).not.toContain('LLaMandement')
    w.unmount()
  })

  it.each([
    'ArrowRight',
    'ArrowLeft',
    'PageDown',
    'PageUp',
    ' ',
  ])('lets %j reach the deck\'s slide navigation, even from a cell', (key) => {
    const w = mount(ReadinessMatrix, { attachTo: document.body })
    let reached: KeyboardEvent | null = null
    const spy = (event: KeyboardEvent) => {
      reached = event
    }
    window.addEventListener('keydown', spy)
    w.get('[data-cell="none.distinct"]').element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))
    window.removeEventListener('keydown', spy)
    expect(reached).not.toBeNull()
    expect(reached!.defaultPrevented).toBe(false)
    w.unmount()
  })

  it('leaves no focus on a cell clicked with the pointer, so the clicker keeps the slide', async () => {
    const w = mount(ReadinessMatrix, { attachTo: document.body })
    const cell = w.get('[data-cell="moderate.elaborate"]').element as HTMLButtonElement
    cell.focus()
    cell.dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 1 }))
    expect(document.activeElement).not.toBe(cell)
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
