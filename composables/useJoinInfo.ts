import type { Ref } from 'vue'
import { createSharedComposable } from '@vueuse/core'
import { shallowRef } from 'vue'

export interface JoinInfo {
  /** Full URL of the phone page, with the machine's LAN address. */
  audienceUrl: string
}

/** Asks the vote server once where the audience should go; null when it cannot be reached. */
function useJoinInfoOnce(): Ref<JoinInfo | null> {
  const info = shallowRef<JoinInfo | null>(null)
  if (typeof fetch !== 'undefined') {
    fetch('/api/info')
      .then(res => (res.ok
        ? res.json() as Promise<JoinInfo>
        : null))
      .then((value) => { info.value = value })
      .catch(() => { info.value = null })
  }
  return info
}

export const useJoinInfo = createSharedComposable(useJoinInfoOnce)
