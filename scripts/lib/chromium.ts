import { existsSync } from 'node:fs'
import process from 'node:process'

/** Flags for a headless Chromium run as root on a machine with no outside network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

const USUAL_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
]

/**
 * A browser that is already installed: CHROMIUM_PATH, then the usual Chrome or
 * Chromium paths (also when CHROMIUM_PATH names nothing: a typo must not stop an
 * export on a machine that has a browser), then Playwright's own download if there is
 * one. Never downloads.
 */
export async function findChromium(env: NodeJS.ProcessEnv = process.env, usual: readonly string[] = USUAL_PATHS): Promise<string | null> {
  if (env.CHROMIUM_PATH) {
    if (existsSync(env.CHROMIUM_PATH))
      return env.CHROMIUM_PATH
    const fallback = usual.find(p => existsSync(p))
    if (fallback)
      console.warn(`CHROMIUM_PATH=${env.CHROMIUM_PATH} n’existe pas : le navigateur ${fallback} est utilisé à la place.`)
    return fallback ?? null
  }
  const found = usual.find(p => existsSync(p))
  if (found)
    return found
  try {
    const { chromium } = await import('playwright-chromium')
    const own = chromium.executablePath()
    return own && existsSync(own)
      ? own
      : null
  }
  catch {
    return null
  }
}

// Shown to the speaker or the organisers in their terminal, hence in French.
export const INSTALL_HINT = [
  'Aucun navigateur Chrome ou Chromium n’a été trouvé (ni à CHROMIUM_PATH, ni aux emplacements habituels).',
  '  Debian/Ubuntu : sudo apt-get install -y chromium',
  '  macOS : installez Google Chrome, ou brew install --cask chromium',
  '  Windows : installez Google Chrome',
  '  Ou indiquez le chemin du navigateur dans la variable CHROMIUM_PATH.',
].join('\n')

/** The browser's path, or exits with a message saying how to install one. */
export async function requireChromium(): Promise<string> {
  const path = await findChromium()
  if (!path) {
    console.error(INSTALL_HINT)
    process.exit(2)
  }
  return path
}
