/**
 * N·f − r·c for one cell, the count's deviation from its expectation scaled by N, computed with one rounding.
 *
 * Near independence f ≈ r·c / N, so f − r·c / N cancels: the expectation's own rounding (about 1e-16 of
 * r·c / N) becomes an error of eps·N·f / |N·f − r·c| relative in the difference (1e-10 on a table with millions
 * of cases). Here both products are split exactly (Dekker 1971, doi:10.1007/BF01397083: a·b = p + e with p the
 * rounded product and e its error, exact for |a|, |b| < 2^996), so the difference of the products is exact up to
 * the final rounding whatever the cancellation. Internal to stats: the Pearson and likelihood-ratio tests, the
 * uncertainty coefficient and Goodman and Kruskal's tau use it.
 */

const SPLITTER = 134217729 // 2^27 + 1

/** The rounding error of a·b: a·b = fl(a·b) + productError(a, b, fl(a·b)) exactly. */
const productError = (a: number, b: number, p: number): number => {
  let t = SPLITTER * a
  const ah = t - (t - a)
  const al = a - ah
  t = SPLITTER * b
  const bh = t - (t - b)
  const bl = b - bh
  return ((ah * bh - p) + ah * bl + al * bh) + al * bl
}

/**
 * a·b − c·d with the products' rounding errors kept, so the result is the exact value rounded (to within an ulp)
 * even when a·b ≈ c·d.
 *
 * @example
 * productDifference(26213414, 3255748, 17613683, 4845149) // N·f − r·c of a nearly independent 2 × 2 cell
 */
export const productDifference = (a: number, b: number, c: number, d: number): number => {
  const p = a * b
  const q = c * d
  return (p - q) + (productError(a, b, p) - productError(c, d, q))
}
