import type { CronbachAlphaResult } from "./cronbachAlpha.js"

/**
 * Cronbach's alpha, alpha if an item is deleted and the corrected item-rest correlations from the k x k
 * covariance matrix `S` (row-major) of the items: alpha = k/(k-1) (1 - tr S / 1'S1). Shared by the unweighted
 * and the frequency-weighted alpha, which differ only in how `S` is estimated; `n` is the (weighted) number of
 * complete cases reported with the result.
 */
export const alphaFromCovariance = (S: Float64Array, k: number, n: number): CronbachAlphaResult => {
  let total = 0
  let diag = 0
  const rowSum = new Float64Array(k)
  for (let i = 0; i < k; i++) {
    diag += S[i * k + i]
    for (let j = 0; j < k; j++) {
      rowSum[i] += S[i * k + j]
      total += S[i * k + j]
    }
  }
  const reasons: Array<string> = []
  const alphaOf = (m: number, d: number, t: number): number => (t > 0 ? (m / (m - 1)) * (1 - d / t) : NaN)
  const alpha = alphaOf(k, diag, total)
  if (Number.isNaN(alpha)) reasons.push("the total score has zero variance")
  const alphaIfDeleted: Array<number> = []
  const itemRestCorrelation: Array<number> = []
  for (let j = 0; j < k; j++) {
    const sjj = S[j * k + j]
    const restVar = total - 2 * rowSum[j] + sjj
    alphaIfDeleted.push(k === 2 ? NaN : alphaOf(k - 1, diag - sjj, restVar))
    const r = sjj > 0 && restVar > 0 ? (rowSum[j] - sjj) / Math.sqrt(sjj * restVar) : NaN
    if (Number.isNaN(r)) reasons.push(`item ${j + 1} or the sum of the other items is constant`)
    itemRestCorrelation.push(r)
  }
  if (k === 2) reasons.push("with 2 items, alpha if an item is deleted is undefined (one item left)")
  const base = { alpha, n, k, alphaIfDeleted, itemRestCorrelation }
  return reasons.length > 0 ? { ...base, reason: reasons.join("; ") } : base
}
