// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, shallowRef } from 'vue'
import { useCountUp } from './useCountUp'

function countUp(active: boolean, immediate = false) {
  const scope = effectScope()
  const isActive = shallowRef(active)
  const shown = scope.run(() => useCountUp(75, isActive, { duration: 60, immediate }))!
  return {
    shown,
    isActive,
    stop: () => scope.stop(),
  }
}

describe('useCountUp', () => {
  it('shows the final value on a slide that is not on screen', () => {
    const { shown, stop } = countUp(false)
    expect(shown.value).toBe(75)
    stop()
  })

  it('counts up from zero to the exact target when the slide comes on screen', async () => {
    const { shown, isActive, stop } = countUp(false)
    isActive.value = true
    await nextTick()
    expect(shown.value).toBe(0)
    await vi.waitFor(() => expect(shown.value).toBe(75), { timeout: 2000 })
    stop()
  })

  it('does not animate when printing', async () => {
    const { shown, isActive, stop } = countUp(false, true)
    isActive.value = true
    await nextTick()
    expect(shown.value).toBe(75)
    stop()
  })
})
