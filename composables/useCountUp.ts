import type { ComputedRef, MaybeRefOrGetter } from 'vue'
import { TransitionPresets, usePreferredReducedMotion, useTransition } from '@vueuse/core'
import { computed, nextTick, shallowRef, toValue, watch } from 'vue'

export interface UseCountUpOptions {
  /** Length of the animation in ms. */
  duration?: number
  /** When true (print), the final value shows at once. */
  immediate?: MaybeRefOrGetter<boolean>
}

/**
 * A number that counts up from zero to `target` each time `active` becomes true,
 * easing out so that the final value is easy to read. Anywhere else (an inactive
 * slide in the overview, print, reduced motion) it shows the final value.
 */
export function useCountUp(target: MaybeRefOrGetter<number>, active: MaybeRefOrGetter<boolean>, options: UseCountUpOptions = {}): ComputedRef<number> {
  const { duration = 1400, immediate = false } = options
  const motion = usePreferredReducedMotion()
  const still = computed(() => toValue(immediate) || motion.value === 'reduce')
  // 'reset' shows 0 for one tick, so that 'run' has somewhere to count up from.
  const phase = shallowRef<'rest' | 'reset' | 'run'>('rest')
  const source = computed(() => phase.value === 'reset'
    ? 0
    : toValue(target))
  const shown = useTransition(source, {
    duration,
    transition: TransitionPresets.easeOutCubic,
    disabled: computed(() => still.value || phase.value !== 'run'),
  })
  watch(() => toValue(active) && !still.value, async (run) => {
    if (!run) {
      phase.value = 'rest'
      return
    }
    phase.value = 'reset'
    await nextTick()
    phase.value = 'run'
  }, { immediate: true })
  return computed(() => Math.round(shown.value))
}
