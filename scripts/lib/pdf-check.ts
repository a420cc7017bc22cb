import type { SlideOutline } from './deck-outline'
import { readFile } from 'node:fs/promises'
import { extractText, getDocumentProxy } from 'unpdf'

/**
 * Folds white space and apostrophes (’, ‘ and the ʼ that PDF text extraction may return),
 * so that wrapped lines and French typography still match.
 */
export const folded = (text: string) => text.replace(/[\u2019\u2018\u02BC]/g, '\'').replace(/\s+/g, ' ').trim()

/**
 * What is wrong with an exported handout, in French (empty when nothing): a page with
 * no text at all (a blank render), the wrong number of pages, or a slide title missing.
 * Read with pdf.js (unpdf), so it needs nothing installed beside the project.
 */
export async function handoutProblems(file: string, slides: SlideOutline[], options: { withClicks?: boolean } = {}): Promise<string[]> {
  const pdf = await getDocumentProxy(new Uint8Array(await readFile(file)))
  const { totalPages, text } = await extractText(pdf, { mergePages: false })
  const problems: string[] = []
  const blank = text.map((page, i) => (folded(page) === ''
    ? i + 1
    : 0)).filter(Boolean)
  if (blank.length) {
    problems.push(`page${blank.length > 1
      ? 's'
      : ''} vide${blank.length > 1
      ? 's'
      : ''} : ${blank.join(', ')}`)
  }
  if (options.withClicks
    ? totalPages < slides.length
    : totalPages !== slides.length) {
    problems.push(`${totalPages} pages pour ${slides.length} diapositives`)
  }
  // Without spaces or hyphens: a title that wraps at « acteur-réseau » reads « acteurréseau ».
  const squeezed = (t: string) => folded(t).replace(/[\s\-\u2010\u2011]/g, '')
  const all = squeezed(text.join(' '))
  const missing = slides.filter(s => s.title && !all.includes(squeezed(s.title)))
  if (missing.length) {
    problems.push(`titre${missing.length > 1
      ? 's'
      : ''} absent${missing.length > 1
      ? 's'
      : ''} : ${missing.slice(0, 3).map(s => `« ${s.title} » (diapositive ${s.no})`).join(', ')}${missing.length > 3
      ? '…'
      : ''}`)
  }
  return problems
}
