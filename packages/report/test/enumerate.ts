/**
 * An independent check, not the code under test: brute force over every non-negative integer table that agrees
 * with what is shown (shown cells, row and column totals). A hidden cell is protected when at least two such
 * tables give it different values, i.e. it cannot be derived by subtraction or any other arithmetic.
 */
export const protectedByEnumeration = (
  counts: ReadonlyArray<ReadonlyArray<number>>,
  hidden: ReadonlyArray<ReadonlyArray<boolean>>
) => {
  const r = counts.length
  const rowSum = counts.map((row) => row.reduce((a, b) => a + b, 0))
  const colSum = counts[0].map((_, j) => counts.reduce((a, row) => a + row[j], 0))
  const cells = counts.flatMap((row, i) => row.map((_, j) => [i, j] as const)).filter(([i, j]) => hidden[i][j])
  const seen = cells.map(() => new Set<number>())
  const table = counts.map((row, i) => row.map((v, j) => (hidden[i][j] ? 0 : v)))
  // Enumerate every hidden cell of a row but its last, which the row total then fixes.
  const lastOfRow = new Set(
    Array.from({ length: r }, (_, i) => cells.map(([a], n) => (a === i ? n : -1)).filter((n) => n >= 0).at(-1))
  )
  let visited = 0
  const go = (k: number) => {
    if (visited++ > 5_000_000) throw new Error("enumeration too large")
    if (k === cells.length) {
      if (colSum.every((s, j) => table.reduce((a, row) => a + row[j], 0) === s)) {
        cells.forEach(([i, j], n) => seen[n].add(table[i][j]))
      }
      return
    }
    const [i, j] = cells[k]
    if (lastOfRow.has(k)) {
      table[i][j] = 0
      const rest = rowSum[i] - table[i].reduce((a, b) => a + b, 0)
      if (rest < 0) return
      table[i][j] = rest
      go(k + 1)
      table[i][j] = 0
      return
    }
    for (let v = 0; v <= Math.min(rowSum[i], colSum[j]); v++) {
      table[i][j] = v
      if (table[i].reduce((a, b) => a + b, 0) > rowSum[i] || table.reduce((a, row) => a + row[j], 0) > colSum[j]) break
      go(k + 1)
    }
    table[i][j] = 0
  }
  go(0)
  return cells.map((_, n) => seen[n].size >= 2)
}
