/** A paragraph cut into runs of plain and bold text, from its `**…**` markers. */
export interface TextRun {
  text: string
  bold: boolean
}

const BOLD = /\*\*(.+?)\*\*/g

export function boldRuns(paragraph: string): TextRun[] {
  const runs: TextRun[] = []
  let last = 0
  for (const match of paragraph.matchAll(BOLD)) {
    if (match.index > last) {
      runs.push({
        text: paragraph.slice(last, match.index),
        bold: false,
      })
    }
    runs.push({ text: match[1]!, bold: true })
    last = match.index + match[0].length
  }
  if (last < paragraph.length) {
    runs.push({
      text: paragraph.slice(last),
      bold: false,
    })
  }
  return runs
}
