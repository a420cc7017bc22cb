// Plain JavaScript (typed by JSDoc): `npm start` runs it before anything is built, with no TypeScript loader.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'

/** What the built deck and phone page are made from. */
export const BUILD_INPUTS = [
  'slides.md',
  'client',
  'components',
  'composables',
  'types',
  'data',
  'poll',
  'styles',
  'public',
  'setup',
  'audience',
  'server',
  'slide-bottom.vue',
  'vite.config.ts',
  'uno.config.ts',
  'package.json',
]

/** @param {string} path @returns {number} */
function newestMtime(path) {
  if (!existsSync(path))
    return 0
  const stat = statSync(path)
  if (!stat.isDirectory())
    return stat.mtimeMs
  return readdirSync(path).reduce((max, entry) => Math.max(max, newestMtime(join(path, entry))), stat.mtimeMs)
}

/**
 * True when an output is missing or older than any of the inputs.
 * @param {string[]} outputs
 * @param {string[]} [inputs]
 * @param {string} [root]
 * @returns {boolean} whether to build again
 */
export function isStale(outputs, inputs = BUILD_INPUTS, root = process.cwd()) {
  const outputTimes = outputs.map(o => join(root, o)).map(o => (existsSync(o)
    ? statSync(o).mtimeMs
    : 0))
  const oldest = Math.min(...outputTimes)
  return oldest === 0 || inputs.some(i => newestMtime(join(root, i)) > oldest)
}
