import type { ContingencyTable } from "@danvan/stats"
import * as Stats from "@danvan/stats"
import * as Either from "effect/Either"
import { columnProportionLetters } from "./columnProportions.js"
import { AnalysisError } from "./errors.js"
import type { FisherOptions } from "./options.js"
import type { AnalysisWarning, CrosstabResult, DirectionalMeasure, FisherResult, VariableInfo } from "./results.js"

/** Maps the stats kernel's input errors onto the analysis error codes. */
const fromStatsError = (e: unknown, reword: (message: string) => string): AnalysisError => {
  if (e instanceof Stats.StatsInputError) {
    const code = e.code === "ZERO_MARGIN" ? "ZERO_MARGIN" : e.code === "EMPTY_TABLE" || e.code === "BAD_DIMENSIONS" ? "EMPTY_TABLE" : "BAD_COUNTS"
    return new AnalysisError({ code, message: reword(e.message) })
  }
  throw e
}

/**
 * Runs stats code, turning its input errors into AnalysisError (other exceptions are bugs and propagate).
 * `reword` lets a caller replace the kernel's positional wording ("item 2") with variable names.
 */
export const attempt = <A>(f: () => A, reword: (message: string) => string = (m) => m): Either.Either<A, AnalysisError> => {
  try {
    return Either.right(f())
  } catch (e) {
    return Either.left(fromStatsError(e, reword))
  }
}

/** A validated table from typed counts: at least 2x2, no negative counts, no all-zero row or column. */
export const tableFromMatrix = (counts: ReadonlyArray<ReadonlyArray<number>>): Either.Either<ContingencyTable, AnalysisError> =>
  attempt(() => {
    const table = Stats.fromMatrix(counts)
    if (table.rows < 2 || table.cols < 2) {
      throw new Stats.StatsInputError("BAD_DIMENSIONS", `the table is ${table.rows}x${table.cols}; a crosstab needs at least 2 rows and 2 columns`)
    }
    Stats.assertNoZeroMargins(table)
    return table
  })

const matrix = (values: ArrayLike<number>, rows: number, cols: number): Array<Array<number>> =>
  Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => values[i * cols + j]))

const directional = (m: Stats.DirectionalMeasure): DirectionalMeasure => ({
  ...m.symmetric,
  rowDependent: m.rowsDependent,
  colDependent: m.colsDependent
})

const isIntegerTable = (table: ContingencyTable) => table.counts.every((x) => Number.isInteger(x))

export interface TableContext {
  readonly row: VariableInfo
  readonly col: VariableInfo
  readonly weighted: boolean
  readonly n: CrosstabResult["n"]
  readonly missingByCode: CrosstabResult["missingByCode"]
  readonly warnings: ReadonlyArray<AnalysisWarning>
  readonly fisher?: FisherOptions
}

/**
 * Everything SPSS CROSSTABS prints for a table, plus exact p-values: expected counts, percents, residuals,
 * Pearson, likelihood-ratio, linear-by-linear, Yates (2x2), Fisher/Freeman-Halton, and the measures of
 * association. The table must already be free of empty rows and columns.
 */
export const analyzeTable = (table: ContingencyTable, ctx: TableContext): Either.Either<CrosstabResult, AnalysisError> =>
  attempt(() => {
    const { rows, cols } = table
    const warnings: Array<AnalysisWarning> = [...ctx.warnings]
    const low = Stats.lowExpectedCounts(table)
    const lowExpected = { cells: low.cells, percent: low.percent, minExpected: low.minExpected, message: Stats.lowExpectedMessage(low) }
    if (low.cells > 0) warnings.push({ code: "LOW_EXPECTED", ...lowExpected })
    const res = Stats.residuals(table)
    const fisherMethod = ctx.fisher?.method ?? "auto"
    let fisherExact: FisherResult | undefined
    if (fisherMethod !== "none") {
      if (isIntegerTable(table)) {
        const f = Stats.fisherFreemanHalton(table, {
          method: fisherMethod,
          ...(ctx.fisher?.B !== undefined ? { B: ctx.fisher.B } : {}),
          ...(ctx.fisher?.seed !== undefined ? { seed: ctx.fisher.seed } : {})
        })
        fisherExact = {
          p: f.p,
          method: f.method,
          ...(f.B !== undefined ? { B: f.B } : {}),
          ...(f.seed !== undefined ? { seed: f.seed } : {}),
          ...(f.standardError !== undefined ? { standardError: f.standardError } : {})
        }
      } else {
        warnings.push({ code: "TEST_NOT_COMPUTED", test: "fisherExact", message: "Fisher's exact test needs whole-number counts; the weighted table has fractional counts" })
      }
    }
    const m = Stats.associationMeasures(table)
    return {
      kind: "crosstab",
      row: ctx.row,
      col: ctx.col,
      weighted: ctx.weighted,
      n: ctx.n,
      missingByCode: ctx.missingByCode,
      counts: matrix(table.counts, rows, cols),
      expected: matrix(Stats.expectedCounts(table), rows, cols),
      rowTotals: Array.from(Stats.rowTotals(table)),
      colTotals: Array.from(Stats.colTotals(table)),
      percents: {
        row: matrix(Stats.rowPercents(table), rows, cols),
        col: matrix(Stats.colPercents(table), rows, cols),
        total: matrix(Stats.totalPercents(table), rows, cols)
      },
      residuals: {
        raw: matrix(res.raw, rows, cols),
        standardized: matrix(res.standardized, rows, cols),
        adjusted: matrix(res.adjusted, rows, cols),
        adjustedP: matrix(res.adjustedP, rows, cols)
      },
      tests: {
        pearson: Stats.pearsonChiSquare(table),
        likelihoodRatio: Stats.likelihoodRatio(table),
        linearByLinear: Stats.linearByLinear(table),
        ...(rows === 2 && cols === 2 ? { yates: Stats.yatesChiSquare(table) } : {}),
        ...(fisherExact !== undefined ? { fisherExact } : {})
      },
      measures: {
        phi: m.phi.value,
        cramersV: m.cramersV.value,
        contingencyCoefficient: m.contingencyCoefficient.value,
        lambda: directional(m.lambda),
        uncertaintyCoefficient: directional(m.uncertaintyCoefficient),
        gamma: m.gamma,
        kendallTauB: m.kendallTauB,
        kendallTauC: m.kendallTauC,
        somersD: directional(m.somersD)
      },
      lowExpected,
      columnProportions: columnProportionLetters(table),
      warnings
    } satisfies CrosstabResult
  })
