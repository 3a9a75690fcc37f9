import type { BilingualLabel, Codebook, Dataset } from "@danvan/domain"
import * as Stats from "@danvan/stats"
import * as Either from "effect/Either"
import { AnalysisError } from "./errors.js"
import { numericValues } from "./numericValues.js"
import type { AnalysisWarning } from "./results.js"
import { attempt } from "./table.js"
import { checkMissingNames } from "./variables.js"
import { analysisWeights } from "./weights.js"

export interface CorrelateOptions {
  /** Name of a numeric column of frequency weights (the caller resolves any default weight). */
  readonly weight?: string
  /** Unweighted even when the codebook names a weight variable. */
  readonly noWeight?: boolean
  readonly missing?: Readonly<Record<string, ReadonlyArray<number>>>
}

/** A coefficient with its t test (df = n − 2) and 95% interval. */
export interface CorrelationCoefficient {
  readonly r: number
  readonly statistic: number
  readonly df: number
  readonly p: number
  readonly ci95: readonly [number, number]
}

/** One pair of variables (pairwise deletion: the cases where both are valid). */
export interface CorrelationPair {
  readonly x: string
  readonly y: string
  /** (weighted) number of complete pairs */
  readonly n: number
  readonly pearson?: CorrelationCoefficient
  readonly spearman?: CorrelationCoefficient
  readonly reason?: string
}

/** Result of {@link correlate}. */
export interface CorrelateResult {
  readonly kind: "correlation"
  readonly variables: ReadonlyArray<{ readonly name: string; readonly label: BilingualLabel }>
  readonly weighted: boolean
  readonly weight?: { readonly variable: string; readonly sum: number }
  readonly pairs: ReadonlyArray<CorrelationPair>
  readonly warnings: ReadonlyArray<AnalysisWarning>
}

const coefficient = (c: Stats.CorrelationResult): CorrelationCoefficient => ({
  r: c.r,
  statistic: c.statistic,
  df: c.df,
  p: c.p,
  ci95: c.ci95
})

/**
 * Pearson and Spearman correlations of every pair of numeric variables (SPSS CORRELATIONS and NONPAR CORR, pairwise
 * deletion), each with its two-sided t test and a Fisher-z 95% interval (R's `cor.test`). Blanks and user-missing
 * codes are left out pair by pair; with `options.weight` the cases carry frequency weights.
 *
 * @example
 * const r = Either.getOrThrow(correlate(dataset, undefined, ["age", "tenure"]))
 * r.pairs[0].pearson?.r
 */
export const correlate = (
  dataset: Dataset,
  codebook: Codebook | undefined,
  names: ReadonlyArray<string>,
  options: CorrelateOptions = {}
): Either.Either<CorrelateResult, AnalysisError> =>
  Either.gen(function*() {
    if (names.length < 2) {
      return yield* Either.left(
        new AnalysisError({ code: "BAD_OPTION", message: `correlate needs at least 2 variables, got ${names.length}` })
      )
    }
    yield* checkMissingNames(dataset, options.missing)
    const vars = yield* Either.all(names.map((n) => numericValues(dataset, codebook, n, options.missing)))
    const resolvedWeight = yield* analysisWeights(dataset, codebook, options)
    const weights = resolvedWeight?.values
    const warnings: Array<AnalysisWarning> = []
    const pairs: Array<CorrelationPair> = []
    for (let a = 0; a < vars.length; a++) {
      for (let b = a + 1; b < vars.length; b++) {
        const x = vars[a].values
        const y = vars[b].values
        let n = 0
        for (let k = 0; k < x.length; k++) {
          if (Number.isFinite(x[k]) && Number.isFinite(y[k])) n += weights === undefined ? 1 : weights[k]
        }
        const p = attempt(() => Stats.pearsonCorrelation(x, y, weights))
        const s = attempt(() => Stats.spearmanCorrelation(x, y, weights))
        const pair = { x: vars[a].name, y: vars[b].name, n }
        if (Either.isLeft(p) || Either.isLeft(s)) {
          const reason = Either.isLeft(p) ? p.left.message : Either.isLeft(s) ? s.left.message : ""
          warnings.push({
            code: "TEST_NOT_COMPUTED",
            test: `${pair.x} x ${pair.y}`,
            message: `${pair.x} x ${pair.y}: ${reason}`
          })
          pairs.push({ ...pair, reason })
          continue
        }
        pairs.push({ ...pair, pearson: coefficient(p.right), spearman: coefficient(s.right) })
      }
    }
    const sum = weights === undefined ? 0 : weights.reduce((acc, w) => acc + w, 0)
    return {
      kind: "correlation" as const,
      variables: vars.map((v) => ({ name: v.name, label: v.label })),
      weighted: weights !== undefined,
      ...(resolvedWeight !== undefined ? { weight: { variable: resolvedWeight.variable, sum } } : {}),
      pairs,
      warnings
    }
  })
