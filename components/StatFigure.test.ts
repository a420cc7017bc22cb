// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { ref } from 'vue'
import StatFigure from './StatFigure.vue'

describe('statFigure', () => {
  it('prints the final value, label, population, year and source when printing', () => {
    const w = mount(StatFigure, { props: { id: 'categoryC' }, global: { provide: { '$$slidev-context': { nav: { isPrintMode: true, currentSlideNo: 1 } }, '$$slidev-page': ref(2) } } })
    expect(w.get('.stat__value').text()).toMatch(/^75/)
    expect(w.text()).toContain('catégorie C')
    expect(w.text()).toContain('2021')
    expect(w.text()).toContain('DGAFP')
  })

  it('says whose figure an unverified statistic is', () => {
    const w = mount(StatFigure, { props: { id: 'publicAgentsUsingAi' } })
    expect(w.text()).toContain('Chiffre cité par Steve Krief')
  })
})
