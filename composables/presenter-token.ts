const STORAGE_KEY = 'atelier-presenter-token'

/**
 * The presenter token arrives once, in the presenter URL (`?token=…`). It is kept
 * in this tab's sessionStorage and removed from the address bar, so that it is not
 * shown on the projector or copied with the URL.
 */
export function takePresenterToken(location: Location = window.location, storage: Storage = window.sessionStorage, history: History = window.history): string | null {
  const url = new URL(location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    storage.setItem(STORAGE_KEY, fromUrl)
    url.searchParams.delete('token')
    history.replaceState(history.state, '', url.pathname + url.search + url.hash)
    return fromUrl
  }
  return storage.getItem(STORAGE_KEY)
}
