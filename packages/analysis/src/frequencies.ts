import type { Codebook, Dataset } from "@danvan/domain"
import { getColumn, plainLabel, SYSTEM_MISSING, valueLabel } from "@danvan/domain"
import { percentOf } from "@danvan/stats"
import * as Either from "effect/Either"
import { analysisDesign } from "./design.js"
import { designInfo, designPercents, designWeights } from "./designEstimates.js"
import type { AnalysisError } from "./errors.js"
import { numericFrequencies } from "./numericFrequencies.js"
import { numericVariable } from "./numericVariable.js"
import type { FrequenciesOptions } from "./options.js"
import type { AnalysisWarning, FrequenciesResult, FrequencyRow } from "./results.js"
import { categoricalVariable, checkMissingNames, validCategoriesOf } from "./variables.js"
import { weightField } from "./weights.js"

/**
 * SPSS FREQUENCIES for one variable: each valid category (codebook order, zero counts included) with
 * frequency, percent of all cases, valid percent and cumulative valid percent; then each user-missing code
 * and system-missing (blank) with its frequency and percent. Weighted by `options.weight`, else by the
 * codebook's `weightVariable` unless `options.noWeight` (see {@link resolveWeight}). A numeric column is
 * tabulated by its distinct values in ascending order.
 *
 * @example
 * const result = Either.getOrThrow(frequencies(dataset, codebook, "level"))
 * result.rows.map((r) => [r.label.en, r.count, r.validPercent])
 */
export const frequencies = (
  dataset: Dataset,
  codebook: Codebook | undefined,
  name: string,
  options: FrequenciesOptions = {}
): Either.Either<FrequenciesResult, AnalysisError> =>
  Either.gen(function*() {
    yield* checkMissingNames(dataset, options.missing)
    if (getColumn(dataset, name)?.type === "numeric") {
      // A numeric column (decimals): its distinct values, as SPSS tabulates any numeric variable.
      const numeric = yield* numericVariable(dataset, codebook, name, options.missing)
      const design = yield* analysisDesign(dataset, codebook, options)
      const w = designWeights(design)
      const result = numericFrequencies(numeric, w?.values)
      const at = new Map(
        result.rows.flatMap((r, i) => (r.missing || r.code === "system" ? [] : [[r.code, i] as const]))
      )
      const codes = Int32Array.from(
        numeric.values,
        (x) => (Number.isNaN(x) || numeric.isMissing(x) ? -1 : at.get(x) ?? -1)
      )
      const byDesign = design.mode === "sampling" && result.n.valid > 0
        ? yield* designPercents(design, codes, at.size)
        : undefined
      return {
        ...result,
        ...(byDesign !== undefined
          ? { rows: result.rows.map((r, i) => (r.missing ? r : { ...r, design: byDesign[i]! })) }
          : {}),
        ...weightField(w, result.n.valid),
        ...(design.mode === "unweighted"
          ? {}
          : { design: designInfo(design, dataset.rowCount, (k) => codes[k]! >= 0)! }),
        warnings: [...result.warnings, ...(w?.warnings ?? [])]
      }
    }
    const v = yield* categoricalVariable(dataset, codebook, name, options.missing)
    const design = yield* analysisDesign(dataset, codebook, options)
    const caseWeights = designWeights(design)
    const weights = caseWeights?.values
    const { categories, unlabelled } = validCategoriesOf(v)
    const validCount = new Map<number, number>(categories.map((c) => [c.code, 0]))
    const missingCount = new Map<number | "system", number>()
    let valid = 0
    let missing = 0
    for (let k = 0; k < v.codes.length; k++) {
      const w = weights === undefined ? 1 : weights[k]
      if (w === 0) continue
      const c = v.codes[k]
      if (c === SYSTEM_MISSING || v.isMissing(c)) {
        const key = c === SYSTEM_MISSING ? "system" : c
        missingCount.set(key, (missingCount.get(key) ?? 0) + w)
        missing += w
      } else {
        validCount.set(c, (validCount.get(c) ?? 0) + w)
        valid += w
      }
    }
    const total = valid + missing
    const at = new Map(categories.map((c, i) => [c.code, i]))
    const codes = Int32Array.from(v.codes, (c) => (c === SYSTEM_MISSING || v.isMissing(c) ? -1 : at.get(c) ?? -1))
    const byDesign = design.mode === "sampling" && valid > 0
      ? yield* designPercents(design, codes, categories.length)
      : undefined
    const pct = percentOf
    const rows: Array<FrequencyRow> = []
    let cumulative = 0
    for (const c of categories) {
      const count = validCount.get(c.code) ?? 0
      cumulative += count
      rows.push({
        code: c.code,
        label: c.label,
        missing: false,
        count,
        percent: pct(count, total),
        validPercent: pct(count, valid),
        cumulativePercent: pct(cumulative, valid),
        ...(byDesign !== undefined ? { design: byDesign[rows.length]! } : {})
      })
    }
    const missingKeys = [...missingCount.keys()].sort((a, b) => (a === "system" ? 1 : b === "system" ? -1 : a - b))
    for (const key of missingKeys) {
      const label = key === "system"
        ? { vi: "Hệ thống (ô trống)", en: "System (blank)" }
        : (v.variable !== undefined ? valueLabel(v.variable, key)?.label : undefined) ?? plainLabel(String(key))
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
    const warnings: Array<AnalysisWarning> = [
      ...unlabelled.map((code): AnalysisWarning => ({
        code: "UNLABELLED_CODE",
        message: `code ${code} of "${name}" has no value label in the codebook`,
        variable: name,
        categoryCode: code
      })),
      ...(caseWeights?.warnings ?? [])
    ]
    return {
      kind: "frequencies",
      variable: { name, label: v.label },
      weighted: weights !== undefined,
      ...weightField(caseWeights, valid),
      n: { valid, missing, total },
      rows,
      ...(design.mode === "unweighted" ? {} : { design: designInfo(design, dataset.rowCount, (i) => codes[i]! >= 0)! }),
      warnings
    } satisfies FrequenciesResult
  })
