import type { IconifyJSON } from '@iconify/types'
import type { Plugin } from 'vite'
import type { IllustrationName } from '../data/illustrations.ts'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { getIconData, iconToHTML, iconToSVG } from '@iconify/utils'
import { illustrations } from '../data/illustrations.ts'

const PREFIX = '/illustrations/'

/** One figure of data/illustrations.ts as a standalone SVG file. */
export function illustrationSvg(name: IllustrationName, set: IconifyJSON = fluentEmojiFlat()): string {
  const data = getIconData(set, illustrations[name])
  if (!data)
    throw new Error(`Fluent Emoji has no icon « ${illustrations[name]} » (data/illustrations.ts: ${name})`)
  const { attributes, body } = iconToSVG(data, { height: 'auto' })
  return iconToHTML(body, { ...attributes, xmlns: 'http://www.w3.org/2000/svg' })
}

function fluentEmojiFlat(): IconifyJSON {
  const require = createRequire(import.meta.url)
  return JSON.parse(readFileSync(require.resolve('@iconify-json/fluent-emoji-flat/icons.json'), 'utf8')) as IconifyJSON
}

/**
 * Serves the deck's figures at /illustrations/<name>.svg, in `slidev dev` and in the build:
 * Mermaid's image nodes need a URL, and the figures come from the installed package, not
 * from copies kept in the repository.
 */
export function illustrationsPlugin(): Plugin {
  let set: IconifyJSON | undefined
  const svgOf = (name: string) => {
    if (!(name in illustrations))
      return undefined
    set ??= fluentEmojiFlat()
    return illustrationSvg(name as IllustrationName, set)
  }
  return {
    name: 'atelier-illustrations',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const name = req.url?.startsWith(PREFIX)
          ? req.url.slice(PREFIX.length).replace(/\.svg(\?.*)?$/, '')
          : undefined
        const svg = name && svgOf(name)
        if (!svg)
          return next()
        res.setHeader('content-type', 'image/svg+xml')
        res.end(svg)
      })
    },
    generateBundle() {
      for (const name of Object.keys(illustrations)) {
        this.emitFile({
          type: 'asset',
          fileName: `${PREFIX.slice(1)}${name}.svg`,
          source: svgOf(name)!,
        })
      }
    },
  }
}
