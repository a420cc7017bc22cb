import type { MaybeRefOrGetter, Ref } from 'vue'
import { usePreferredReducedMotion, useRafFn } from '@vueuse/core'
import { ref, toValue, watch } from 'vue'
import { countUpValue } from './count-up'

export interface UseCountUpOptions {
  /** Length of the animation in ms. */
  duration?: number
  /** When true (print, reduced motion), the final value shows at once. */
  immediate?: MaybeRefOrGetter<boolean>
}

/** A number that counts up to `target` each time `active` becomes true. */
export function useCountUp(target: MaybeRefOrGetter<number>, active: MaybeRefOrGetter<boolean>, options: UseCountUpOptions = {}): Ref<number> {
  const { duration = 1400, immediate = false } = options
  const motion = usePreferredReducedMotion()
  const shown = ref(0)
  let start = 0
  const { pause, resume } = useRafFn(({ timestamp }) => {
    start ||= timestamp
    shown.value = countUpValue(toValue(target), timestamp - start, duration)
    if (shown.value === toValue(target))
      pause()
  }, { immediate: false })

  watch(() => [toValue(active), toValue(immediate), motion.value, toValue(target)] as const, ([isActive, now, pref, value]) => {
    pause()
    if (now || pref === 'reduce') {
      shown.value = value
    }
    else if (isActive) {
      start = 0
      shown.value = 0
      resume()
    }
    else {
      shown.value = value
    }
  }, { immediate: true })
  return shown
}
