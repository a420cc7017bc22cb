/** « 12:05 », from milliseconds. */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000))
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}

/**
 * A slide's notes as the remote shows them: plain text, one paragraph per line, without
 * the markdown marks of the presenter view (« **Vote : …** » becomes « Vote : … »), so
 * that the poll cue reads first, as it does on the laptop.
 */
export function noteText(note: string | undefined): string {
  const text = (note ?? '')
    .replace(/<[^>]+>/g, '')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/\n{2,}/g, '\n')
    .trim()
  return text || 'Pas de notes pour cette diapositive.'
}
