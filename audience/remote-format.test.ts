import { describe, expect, it } from 'vitest'
import { formatElapsed, noteText } from './remote-format'

describe('formatElapsed', () => {
  it('shows minutes and seconds', () => {
    expect(formatElapsed(0)).toBe('0:00')
    expect(formatElapsed(725_000)).toBe('12:05')
  })
})

describe('the remote\'s notes', () => {
  it('shows the poll cue first, without the presenter view\'s markdown', () => {
    expect(noteText('**Vote\u00A0: ouvrez le vote.**\n\n**Temps\u00A0: 3\u00A0min**\n\nLe texte.')).toBe('Vote\u00A0: ouvrez le vote.\nTemps\u00A0: 3\u00A0min\nLe texte.')
    expect(noteText(undefined)).toBe('Pas de notes pour cette diapositive.')
  })
})
