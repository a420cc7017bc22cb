import type { CategoryId, Product } from '../data/top50'
import { categories } from '../data/top50'

export const categoryIds = Object.keys(categories) as CategoryId[]

/** How many products each category has, in legend order. */
export function categoryCounts(products: readonly Product[]): Record<CategoryId, number> {
  const counts = Object.fromEntries(categoryIds.map(id => [id, 0])) as Record<CategoryId, number>
  for (const p of products)
    counts[p.category]++
  return counts
}

/**
 * The category a click step highlights: step 0 highlights nothing, step k the
 * k-th category; past the last one, nothing again.
 */
export function categoryForClick(step: number): CategoryId | null {
  return step >= 1 && step <= categoryIds.length
    ? categoryIds[step - 1]!
    : null
}

/** Products sorted by rank, in columns of `perColumn` like the original chart. */
export function rankColumns(products: readonly Product[], perColumn: number): Product[][] {
  const sorted = [...products].sort((a, b) => a.rank - b.rank)
  const columns: Product[][] = []
  for (let i = 0; i < sorted.length; i += perColumn)
    columns.push(sorted.slice(i, i + perColumn))
  return columns
}
