import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const PAGES = /^Pages:\s+(\d+)/m
// Binary PGM: "P5\n<w> <h>\n<max>\n" then one byte per pixel.
const PGM_HEADER = /^P5\s+\d+\s+\d+\s+\d+\s/

/** Page count, from poppler's pdfinfo. */
export function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  return Number(PAGES.exec(info)![1])
}

/** The PDF's text with all white space folded, so that wrapped lines still match. */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .replace(/[\u2019\u2018]/g, '\'')
    .replace(/\s+/g, ' ')
}

export { folded } from '../../scripts/lib/pdf-check'

/**
 * Renders every page in grey at low resolution and returns, per page, the share of
 * pixels that differ from the page's most common shade: near 0 means a blank page.
 */
export function inkPerPage(file: string): number[] {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-pdf-'))
  execFileSync('pdftoppm', [
    '-gray',
    '-r',
    '24',
    file,
    join(dir, 'p'),
  ])
  return readdirSync(dir).filter(f => f.endsWith('.pgm')).sort().map((f) => {
    const data = readFileSync(join(dir, f))
    const header = PGM_HEADER.exec(data.subarray(0, 50).toString('latin1'))!
    const pixels = data.subarray(header[0].length)
    const histogram = Array.from<number>({ length: 256 }).fill(0)
    for (const p of pixels)
      histogram[p]!++
    const background = histogram.indexOf(Math.max(...histogram))
    let ink = 0
    for (const p of pixels) {
      if (Math.abs(p - background) > 24)
        ink++
    }
    return ink / pixels.length
  })
}
