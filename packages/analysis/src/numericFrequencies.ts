import { plainLabel, valueLabel } from "@danvan/domain"
import { percentOf } from "@danvan/stats"
import type { NumericVariable } from "./numericVariable.js"
import type { AnalysisWarning, FrequenciesResult, FrequencyRow } from "./results.js"

const pct = percentOf

/**
 * SPSS FREQUENCIES of a numeric variable: one row per distinct valid value in ascending order (labelled by
 * the codebook's value label when it has one, else by the value itself), then user-missing values and
 * system-missing, each with frequency, percent, valid percent and cumulative percent.
 *
 * @example
 * numericFrequencies(Either.getOrThrow(numericVariable(dataset, undefined, "age")), undefined).rows[0]
 * // { code: 18.5, label: { vi: "18.5", en: "18.5" }, missing: false, count: 3, … }
 */
export const numericFrequencies = (v: NumericVariable, weights: Float64Array | undefined): FrequenciesResult => {
  const validCount = new Map<number, number>()
  const missingCount = new Map<number | "system", number>()
  let valid = 0
  let missing = 0
  for (let k = 0; k < v.values.length; k++) {
    const w = weights === undefined ? 1 : weights[k]
    if (w === 0) continue
    const x = v.values[k]
    if (Number.isNaN(x) || v.isMissing(x)) {
      const key = Number.isNaN(x) ? "system" : x
      missingCount.set(key, (missingCount.get(key) ?? 0) + w)
      missing += w
    } else {
      validCount.set(x, (validCount.get(x) ?? 0) + w)
      valid += w
    }
  }
  const total = valid + missing
  const labelOf = (x: number) =>
    (v.variable !== undefined ? valueLabel(v.variable, x)?.label : undefined) ?? plainLabel(String(x))
  const rows: Array<FrequencyRow> = []
  let cumulative = 0
  for (const x of [...validCount.keys()].sort((a, b) => a - b)) {
    const count = validCount.get(x)!
    cumulative += count
    rows.push({
      code: x,
      label: labelOf(x),
      missing: false,
      count,
      percent: pct(count, total),
      validPercent: pct(count, valid),
      cumulativePercent: pct(cumulative, valid)
    })
  }
  const missingKeys = [...missingCount.keys()].sort((a, b) => (a === "system" ? 1 : b === "system" ? -1 : a - b))
  for (const key of missingKeys) {
    const label = key === "system" ? { vi: "Hệ thống (ô trống)", en: "System (blank)" } : labelOf(key)
    const count = missingCount.get(key)!
    rows.push({
      code: key,
      label,
      missing: true,
      count,
      percent: pct(count, total),
      validPercent: null,
      cumulativePercent: null
    })
  }
  const warnings: Array<AnalysisWarning> = []
  return {
    kind: "frequencies",
    variable: { name: v.name, label: v.label ?? plainLabel(v.name) },
    weighted: weights !== undefined,
    n: { valid, missing, total },
    rows,
    warnings
  }
}
