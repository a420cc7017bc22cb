import type { Browser, Page } from 'playwright-chromium'
import type { SlideOutline } from '../../scripts/lib/deck-outline'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { chromium } from 'playwright-chromium'
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from '../../scripts/lib/chromium'

export async function launchBrowser(): Promise<Browser> {
  const executablePath = await findChromium()
  if (!executablePath)
    throw new Error(INSTALL_HINT)
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS })
}

/**
 * Signs `page`'s browser context in as the presenter, as the terminal's link does, and
 * returns the address it lands on (which must not carry the token).
 */
export async function signIn(page: Page, serverUrl: string, token: string): Promise<string> {
  await page.goto(`${serverUrl}/api/presenter/login?token=${encodeURIComponent(token)}`, { waitUntil: 'networkidle' })
  return page.url()
}

/** The slide a deck page shows, from its address (Slidev names a slide by its alias when it has one). */
export function slideOf(page: Page, outline: SlideOutline[]): number {
  const last = new URL(page.url()).pathname.split('/').filter(Boolean).at(-1) ?? '1'
  return outline.find(s => s.alias === last)?.no ?? Number(last)
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** The page's axe-core violations (WCAG 2.1 A/AA and best practices), as `rule (count)`; `within` narrows it to a part. */
export async function axeViolations(page: Page, within?: string): Promise<string[]> {
  await page.addScriptTag({ content: axeSource })
  return page.evaluate(async (selector) => {
    const result = await (window as unknown as { axe: { run: (context: unknown, o: unknown) => Promise<{ violations: { id: string, nodes: unknown[] }[] }> } }).axe.run(selector ?? document, {
      runOnly: [
        'wcag2a',
        'wcag2aa',
        'wcag21a',
        'wcag21aa',
        'best-practice',
      ],
    })
    return result.violations.map(v => `${v.id} (${v.nodes.length})`)
  }, within)
}
