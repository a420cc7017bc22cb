// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { resetSlide, slide } from '../tests/helpers/slidev-client'
import StatFigure from './StatFigure.vue'

vi.mock('@slidev/client', () => import('../tests/helpers/slidev-client'))
afterEach(() => {
  resetSlide()
  window.history.replaceState(null, '', '/')
})

describe('statFigure', () => {
  it('prints the final value, label, population, year and source when printing', () => {
    // An inactive slide of a printed deck: the count-up must not leave it at zero.
    window.history.replaceState(null, '', '/print?print=true')
    Object.assign(slide, { page: 2, currentSlideNo: 1 })
    const w = mount(StatFigure, {
      props: { id: 'categoryC' },
    })
    expect(w.get('.stat__value').text()).toMatch(/^75/)
    expect(w.text()).toContain('catégorie C')
    expect(w.text()).toContain('2021')
    expect(w.text()).toContain('DGAFP')
  })

  it('says whose figure an unverified statistic is', () => {
    const w = mount(StatFigure, {
      props: { id: 'publicAgentsUsingAi' },
    })
    expect(w.text()).toContain('chiffre donné dans l’atelier par Steve Krief, dont cette édition n’a pas retrouvé la source')
  })
})
