/** Content-Security-Policy of the phone page and the API: no inline script, nothing from another origin. */
export const STRICT_CSP = [
  'default-src \'self\'',
  'script-src \'self\'',
  'style-src \'self\'',
  'img-src \'self\' data:',
  'font-src \'self\'',
  'connect-src \'self\'',
  'object-src \'none\'',
  'base-uri \'none\'',
  'form-action \'self\'',
  'frame-ancestors \'none\'',
].join('; ')

/**
 * The deck's policy. Vue and Mermaid set inline style attributes, so styles may be
 * inline; scripts still come only from the deck's own files.
 */
export const DECK_CSP = [
  'default-src \'self\'',
  'script-src \'self\'',
  'style-src \'self\' \'unsafe-inline\'',
  'img-src \'self\' data: blob:',
  'font-src \'self\' data:',
  'connect-src \'self\'',
  'object-src \'none\'',
  'base-uri \'self\'',
  'frame-ancestors \'self\'',
].join('; ')

export function cspFor(url: string): string {
  return url.startsWith('/vote') || url.startsWith('/remote') || url.startsWith('/api')
    ? STRICT_CSP
    : DECK_CSP
}
