import type { Plugin } from 'vite'
import { frenchTypography } from '../data/french.ts'

/** Text between two tags of an HTML page (the phone pages have no inline script or style). */
const TEXT = />([^<]+)</g

/** French typography on the static text of the phone pages (data/french.ts), as on the slides. */
export function frenchHtmlPlugin(): Plugin {
  return {
    name: 'atelier:french-html',
    transformIndexHtml: html => html.replace(TEXT, (_match, text: string) => `>${frenchTypography(text)}<`),
  }
}
