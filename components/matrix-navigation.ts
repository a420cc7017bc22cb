/**
 * Where focus goes in a rows × columns grid when a key is pressed, following
 * the WAI-ARIA grid pattern: arrows move one cell and stop at the edges, Home
 * and End go to the row's ends. Returns null for keys the grid does not handle.
 */
export function nextCellIndex(index: number, key: string, rows: number, columns: number): number | null {
  const row = Math.floor(index / columns)
  const column = index % columns
  switch (key) {
    case 'ArrowRight':
      return row * columns + Math.min(columns - 1, column + 1)
    case 'ArrowLeft':
      return row * columns + Math.max(0, column - 1)
    case 'ArrowDown':
      return Math.min(rows - 1, row + 1) * columns + column
    case 'ArrowUp':
      return Math.max(0, row - 1) * columns + column
    case 'Home':
      return row * columns
    case 'End':
      return row * columns + columns - 1
    default:
      return null
  }
}
