import { frenchTypography } from '../data/french.ts'

/**
 * Tiny element builder: text goes through textContent, never innerHTML, and gets the
 * deck's French typography (data/french.ts).
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean> = {},
  ...children: (Node | string | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false)
      continue
    el.setAttribute(name, value === true
      ? ''
      : value)
  }
  for (const child of children) {
    if (typeof child === 'string')
      el.append(frenchTypography(child))
    else if (child !== null && child !== undefined)
      el.append(child)
  }
  return el
}

/** Sets an element's text, in the deck's French typography: every message a phone shows goes through here. */
export function setText(el: HTMLElement, text: string): void {
  el.textContent = frenchTypography(text)
}
