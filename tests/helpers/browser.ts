import type { Browser, Page } from 'playwright-chromium'
import type { SlideOutline } from '../../scripts/lib/deck-outline'
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
