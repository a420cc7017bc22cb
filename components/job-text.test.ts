import { describe, expect, it } from 'vitest'
import { boldRuns } from './job-text'

describe('a job description\'s paragraph', () => {
  it('is cut into plain and bold runs at its ** markers', () => {
    expect(boldRuns('Au sein de la **Direction** pour **organiser**.')).toEqual([
      { text: 'Au sein de la ', bold: false },
      { text: 'Direction', bold: true },
      { text: ' pour ', bold: false },
      { text: 'organiser', bold: true },
      { text: '.', bold: false },
    ])
    expect(boldRuns('Sans gras.')).toEqual([
      { text: 'Sans gras.', bold: false },
    ])
  })
})
