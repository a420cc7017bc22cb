import type { Browser } from 'playwright-chromium'
import { chromium } from 'playwright-chromium'
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from '../../scripts/lib/chromium'

export async function launchBrowser(): Promise<Browser> {
  const executablePath = await findChromium()
  if (!executablePath)
    throw new Error(INSTALL_HINT)
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS })
}
