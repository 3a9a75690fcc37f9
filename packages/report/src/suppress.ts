/**
 * Disclosure control: primary suppression of small counts and secondary suppression so that no hidden count can
 * be recovered from the published totals.
 *
 * A table is a list of counts and a list of published "lines": sets of cells whose sum the table shows (a row
 * total, a column total, an item's total). Knowing the shown cells and the line sums, a reader can solve the
 * linear system for the hidden cells; a hidden cell is *determined* when every solution gives it the same value.
 * We suppress until no hidden cell is determined, checking exactly (Gauss-Jordan elimination), which also
 * catches the cases a rule of thumb ("two hidden cells in every row and column") misses.
 */

/** The sum of these cells is published (e.g. a row's Total). */
export type Line = ReadonlyArray<number>

const EPS = 1e-9

/**
 * Which hidden cells a reader can work out exactly from the shown cells and the published line sums.
 * A hidden cell is determined iff its unit vector lies in the row space of the lines restricted to the hidden
 * cells: after Gauss-Jordan elimination it is a pivot whose row has no free (undetermined) column.
 *
 * @example
 * determinedCells([[0, 1]], [true, false]) // [true, false]: the row total minus the shown cell
 */
export const determinedCells = (lines: ReadonlyArray<Line>, hidden: ReadonlyArray<boolean>): Array<boolean> => {
  const unknowns = hidden.flatMap((h, i) => (h ? [i] : []))
  const col = new Map(unknowns.map((cell, j) => [cell, j]))
  const m = lines
    .map((line) => {
      const row = new Array<number>(unknowns.length).fill(0)
      for (const cell of line) if (col.has(cell)) row[col.get(cell)!] += 1
      return row
    })
    .filter((row) => row.some((x) => x !== 0))
  const pivotOf: Array<number> = [] // pivot column of each reduced row
  let r = 0
  for (let c = 0; c < unknowns.length && r < m.length; c++) {
    let best = r
    for (let i = r + 1; i < m.length; i++) if (Math.abs(m[i][c]) > Math.abs(m[best][c])) best = i
    if (Math.abs(m[best][c]) < EPS) continue
    ;[m[r], m[best]] = [m[best], m[r]]
    const pv = m[r][c]
    for (let j = 0; j < unknowns.length; j++) m[r][j] /= pv
    for (let i = 0; i < m.length; i++) {
      if (i === r || Math.abs(m[i][c]) < EPS) continue
      const f = m[i][c]
      for (let j = 0; j < unknowns.length; j++) m[i][j] -= f * m[r][j]
    }
    pivotOf[r] = c
    r++
  }
  const pivots = new Set(pivotOf)
  const out = hidden.map(() => false)
  for (let i = 0; i < r; i++) {
    const c = pivotOf[i]
    const free = m[i].some((x, j) => j !== c && !pivots.has(j) && Math.abs(x) > EPS)
    if (!free) out[unknowns[c]] = true
  }
  return out
}

/**
 * Hides every count below `k` (and the cells flagged in `alsoPrimary`), then hides further cells, smallest
 * first, from the lines of a determined cell until no hidden count can be derived from the shown cells and
 * line sums. Returns the hidden flags; `k` must be at least 1.
 *
 * @example
 * // a 2 x 2 table with row and column totals: one small cell forces the whole table hidden
 * suppressCells([3, 40, 50, 60], [[0, 1], [2, 3], [0, 2], [1, 3]], 5) // [true, true, true, true]
 */
export const suppressCells = (
  values: ReadonlyArray<number>,
  lines: ReadonlyArray<Line>,
  k: number,
  alsoPrimary: ReadonlyArray<boolean> = []
): Array<boolean> => {
  const hidden = values.map((v, i) => v < k || alsoPrimary[i] === true)
  if (!hidden.some((h) => h)) return hidden
  // Each round hides one more cell, so at most values.length rounds. The cell chosen is the one that leaves
  // the fewest determined cells, then the one in the most lines that hold a single hidden cell (those leak it by
  // subtraction), then the smallest count (the least information lost).
  for (let round = 0; round < values.length; round++) {
    const determined = determinedCells(lines, hidden)
    if (!determined.some((d) => d)) break
    const touching = lines.filter((line) => line.some((c) => determined[c]))
    let pool = [...new Set(touching.flatMap((line) => line.filter((c) => !hidden[c])))]
    if (pool.length === 0) {
      pool = [
        ...new Set(
          lines.filter((line) => line.some((c) => hidden[c])).flatMap((line) => line.filter((c) => !hidden[c]))
        )
      ]
    }
    if (pool.length === 0) break
    const score = (cell: number) => {
      hidden[cell] = true
      const left = determinedCells(lines, hidden).filter(Boolean).length
      hidden[cell] = false
      // lines with exactly one hidden cell leak it by subtraction; a cell in two of them mends both
      const mends = lines.filter((line) => line.includes(cell) && line.filter((c) => hidden[c]).length === 1).length
      return [left, -mends, values[cell], cell] as const
    }
    const better = (a: ReadonlyArray<number>, b: ReadonlyArray<number>) => {
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i]
      return false
    }
    let best = pool[0]
    let bestScore = score(best)
    for (const cell of pool.slice(1)) {
      const sc = score(cell)
      if (better(sc, bestScore)) [best, bestScore] = [cell, sc]
    }
    hidden[best] = true
  }
  return hidden
}

/**
 * The published lines of an r x c matrix stored by rows: each row total and each column total.
 *
 * @example
 * matrixLines(2, 2) // [[0, 1], [2, 3], [0, 2], [1, 3]]
 */
export const matrixLines = (
  rows: number,
  cols: number,
  options: { readonly rowTotals?: boolean; readonly colTotals?: boolean } = {}
): Array<Line> => [
  ...(options.rowTotals === false
    ? []
    : Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => i * cols + j))),
  ...(options.colTotals === false
    ? []
    : Array.from({ length: cols }, (_, j) => Array.from({ length: rows }, (_, i) => i * cols + j)))
]

/**
 * `suppressCells` for an r x c table of counts with its row and column totals shown.
 *
 * @example
 * suppressMatrix([[66, 209, 3], [158, 177, 41]], 5)
 */
export const suppressMatrix = (
  counts: ReadonlyArray<ReadonlyArray<number>>,
  k: number,
  options: {
    readonly rowTotals?: boolean
    readonly colTotals?: boolean
    readonly alsoPrimary?: ReadonlyArray<ReadonlyArray<boolean>>
  } = {}
): Array<Array<boolean>> => {
  const r = counts.length
  const c = counts[0]?.length ?? 0
  const flat = suppressCells(counts.flat(), matrixLines(r, c, options), k, options.alsoPrimary?.flat() ?? [])
  return Array.from({ length: r }, (_, i) => flat.slice(i * c, (i + 1) * c))
}
