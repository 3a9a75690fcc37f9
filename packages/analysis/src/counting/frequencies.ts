import type { Codebook } from "@danvan/domain"
import { plainLabel, SYSTEM_MISSING, valueLabel } from "@danvan/domain"
import * as Effect from "effect/Effect"
import type { AnalysisError } from "../errors.js"
import type { FrequenciesOptions } from "../options.js"
import type { AnalysisWarning, FrequenciesResult, FrequencyRow } from "../results.js"
import { validCategoriesFrom } from "../variables.js"
import { exclusionWarning } from "../weights.js"
import { exactSum } from "./exactSum.js"
import type { Counter } from "./port.js"
import { checkCountedMissing, countedVariable, countedWeight } from "./variables.js"

const pct = (x: number, base: number) => (base === 0 ? Number.NaN : (100 * x) / base)

/**
 * `frequencies` of a categorical variable through the counting port: the same result object from the engine's
 * cells (one per code, blanks and missing codes included). Sums of weights are exactly rounded, and the
 * cumulative percent adds the exactly rounded counts in category order, so every engine gives the same bits;
 * unweighted it equals `frequencies`. Numeric (decimal) columns are not counted through the port.
 *
 * @example
 * const result = yield* frequenciesCounted(memoryCounter(dataset), codebook, "level")
 */
export const frequenciesCounted = (
  counter: Counter,
  codebook: Codebook | undefined,
  name: string,
  options: FrequenciesOptions = {}
): Effect.Effect<FrequenciesResult, AnalysisError> =>
  Effect.gen(function*() {
    yield* checkCountedMissing(counter, options.missing)
    const v = yield* countedVariable(counter, codebook, name, options.missing)
    const weight = yield* countedWeight(counter, codebook, options)
    const { cells, excluded } = yield* counter.countCells([name], weight)
    const isMissing = (c: number) => c === SYSTEM_MISSING || v.isMissing(c)
    const { categories, unlabelled } = validCategoriesFrom(
      v,
      new Set(cells.map((c) => c.codes[0]).filter((c) => !isMissing(c)))
    )
    const counted = cells.filter((c) => c.count > 0)
    const countOf = new Map(counted.map((c) => [c.codes[0], c.weight]))
    const validCounts = categories.map((c) => countOf.get(c.code) ?? 0)
    const missingCells = counted.filter((c) => isMissing(c.codes[0]))
    const valid = exactSum(validCounts)
    const missing = exactSum(missingCells.map((c) => c.weight))
    const total = exactSum(counted.map((c) => c.weight))
    const rows: Array<FrequencyRow> = []
    let cumulative = 0
    categories.forEach((c, i) => {
      const count = validCounts[i]
      cumulative += count
      rows.push({
        code: c.code,
        label: c.label,
        missing: false,
        count,
        percent: pct(count, total),
        validPercent: pct(count, valid),
        cumulativePercent: pct(cumulative, valid)
      })
    })
    const systemLast = [
      ...missingCells.filter((c) => c.codes[0] !== SYSTEM_MISSING),
      ...missingCells.filter((c) => c.codes[0] === SYSTEM_MISSING)
    ]
    for (const c of systemLast) {
      const code = c.codes[0]
      const label = code === SYSTEM_MISSING
        ? { vi: "Hệ thống (ô trống)", en: "System (blank)" }
        : (v.variable !== undefined ? valueLabel(v.variable, code)?.label : undefined) ?? plainLabel(String(code))
      rows.push({
        code: code === SYSTEM_MISSING ? "system" : code,
        label,
        missing: true,
        count: c.weight,
        percent: pct(c.weight, total),
        validPercent: null,
        cumulativePercent: null
      })
    }
    const warnings: Array<AnalysisWarning> = [
      ...unlabelled.map((code): AnalysisWarning => ({
        code: "UNLABELLED_CODE",
        message: `code ${code} of "${name}" has no value label in the codebook`,
        variable: name,
        categoryCode: code
      })),
      ...(weight === undefined ? [] : exclusionWarning(weight, excluded.blank, excluded.zero, excluded.negative))
    ]
    return {
      kind: "frequencies",
      variable: { name, label: v.label },
      weighted: weight !== undefined,
      ...(weight !== undefined ? { weight: { variable: weight, sum: valid } } : {}),
      n: { valid, missing, total },
      rows,
      warnings
    } satisfies FrequenciesResult
  })
