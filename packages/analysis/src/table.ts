import type { ContingencyTable } from "@danvan/stats"
import * as Stats from "@danvan/stats"
import * as Either from "effect/Either"
import { columnProportionLetters } from "./columnProportions.js"
import { AnalysisError } from "./errors.js"
import type { FisherOptions } from "./options.js"
import type {
  AnalysisWarning,
  CategoryInfo,
  CrosstabResult,
  DirectionalMeasure,
  FisherResult,
  GoodmanKruskalTauResult,
  VariableInfo
} from "./results.js"

/** Maps the stats kernel's input errors onto the analysis error codes. */
const fromStatsError = (e: unknown, reword: (message: string) => string): AnalysisError => {
  if (e instanceof Stats.StatsInputError) {
    const code = e.code === "ZERO_MARGIN" ?
      "ZERO_MARGIN"
      : e.code === "EMPTY_TABLE" || e.code === "BAD_DIMENSIONS" ?
      "EMPTY_TABLE"
      : e.code === "BAD_OPTION" ?
      "BAD_OPTION"
      : "BAD_COUNTS"
    return new AnalysisError({ code, message: reword(e.message) })
  }
  throw e
}

/**
 * Runs stats code, turning its input errors into AnalysisError (other exceptions are bugs and propagate).
 * `reword` lets a caller replace the kernel's positional wording ("item 2") with variable names.
 */
export const attempt = <A>(
  f: () => A,
  reword: (message: string) => string = (m) => m
): Either.Either<A, AnalysisError> => {
  try {
    return Either.right(f())
  } catch (e) {
    return Either.left(fromStatsError(e, reword))
  }
}

/** A validated table from typed counts: at least 2x2, no negative counts, not all zero (empty rows and columns
 * are dropped later, with a warning, by `dropEmpty`). */
export const tableFromMatrix = (
  counts: ReadonlyArray<ReadonlyArray<number>>
): Either.Either<ContingencyTable, AnalysisError> =>
  attempt(() => {
    const table = Stats.fromMatrix(counts)
    if (table.rows < 2 || table.cols < 2) {
      throw new Stats.StatsInputError(
        "BAD_DIMENSIONS",
        `the table is ${table.rows}x${table.cols}; a crosstab needs at least 2 rows and 2 columns`
      )
    }
    if (Stats.total(table) === 0) {
      throw new Stats.StatsInputError("EMPTY_TABLE", "the table is empty: every count is zero")
    }
    return table
  })

/**
 * Removes categories whose margin is zero (SPSS and PSPP print no empty rows or columns and test the rest) and
 * says so with an EMPTY_CATEGORY warning per category; `what` words the warning (data: no valid cases; a typed
 * table: a total of zero).
 */
export const dropEmpty = (
  table: Stats.ContingencyTable,
  rowCats: ReadonlyArray<CategoryInfo>,
  colCats: ReadonlyArray<CategoryInfo>,
  rowName: string,
  colName: string,
  what: (name: string, cat: CategoryInfo) => string = (name, cat) =>
    `category ${cat.code} (${cat.label.en}) of "${name}" has no valid cases and is left out of the table`
) => {
  const r = Stats.rowTotals(table)
  const c = Stats.colTotals(table)
  const keepRows = rowCats.map((_, i) => i).filter((i) => r[i] > 0)
  const keepCols = colCats.map((_, j) => j).filter((j) => c[j] > 0)
  const warnings: Array<AnalysisWarning> = []
  const warn = (name: string, cat: CategoryInfo) =>
    warnings.push({ code: "EMPTY_CATEGORY", variable: name, categoryCode: cat.code, message: what(name, cat) })
  rowCats.forEach((cat, i) => r[i] === 0 && warn(rowName, cat))
  colCats.forEach((cat, j) => c[j] === 0 && warn(colName, cat))
  const counts = new Float64Array(keepRows.length * keepCols.length)
  keepRows.forEach((i, a) =>
    keepCols.forEach((j, b) => (counts[a * keepCols.length + b] = table.counts[i * table.cols + j]))
  )
  return {
    table: { rows: keepRows.length, cols: keepCols.length, counts },
    rowCats: keepRows.map((i) => rowCats[i]),
    colCats: keepCols.map((j) => colCats[j]),
    warnings
  }
}

const matrix = (values: ArrayLike<number>, rows: number, cols: number): Array<Array<number>> =>
  Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => values[i * cols + j]))

const directional = (m: Stats.DirectionalMeasure): DirectionalMeasure => ({
  ...m.symmetric,
  rowDependent: m.rowsDependent,
  colDependent: m.colsDependent
})

/** SPSS's Directional Measures rows for Goodman and Kruskal's tau, with its chi-square-based Approx. Sig. */
const gkTau = (t: Stats.GoodmanKruskalTau): GoodmanKruskalTauResult => ({
  rowDependent: t.rowsDependent,
  colDependent: t.colsDependent
})

/**
 * Runs Fisher's test; when a forced exact enumeration is over its budget, the error advises the options the CLI
 * and the API really have (the stats message names `workLimit`, which neither exposes).
 */
export const exactOrAdvice = <A>(
  run: () => A,
  table: ContingencyTable,
  method: FisherOptions["method"] = "exact"
): A => {
  try {
    return run()
  } catch (e) {
    // Only a forced full enumeration gets the advice; under "auto" the caller marks Fisher not computed instead.
    if (!(e instanceof Stats.StatsInputError) || e.code !== "TOO_LARGE" || method !== "exact") throw e
    throw new Stats.StatsInputError(
      "BAD_OPTION",
      `Fisher's exact test by full enumeration is too large for this ${table.rows} x ${table.cols} table with ` +
        `${Stats.total(table)} cases (it would take minutes); use --exact auto (exact when feasible, otherwise ` +
        `Monte Carlo) or --exact monte-carlo --resamples 100000 for a tighter Monte Carlo p (API: fisher.method ` +
        `"auto" or "monte-carlo" with fisher.B)`
    )
  }
}

const isIntegerTable = (table: ContingencyTable) => table.counts.every((x) => Number.isInteger(x))

const fisherResult = (f: Stats.FisherFreemanHaltonResult): FisherResult => ({
  p: f.p,
  method: f.method,
  ...(f.B !== undefined ? { B: f.B } : {}),
  ...(f.seed !== undefined ? { seed: f.seed } : {}),
  ...(f.standardError !== undefined ? { standardError: f.standardError } : {})
})

const notComputed = (reasonCode: "FRACTIONAL_COUNTS" | "TOO_LARGE" | "OTHER", reason: string): AnalysisWarning => ({
  code: "TEST_NOT_COMPUTED",
  test: "fisherExact",
  reason,
  reasonCode,
  message: `Fisher's exact test not computed: ${reason}`
})

/**
 * Fisher's exact test as asked. A table it cannot handle (fractional weighted counts; a table too large for the
 * exact algorithm and Monte Carlo) is marked not computed, with the reason: with the default setting ("auto") a
 * valid table never becomes an error, the chi-square tests are reported as usual. An explicit `exact` or
 * `monte-carlo` that cannot run is an error, since the user asked for that test.
 */
const fisherTest = (
  table: ContingencyTable,
  options: FisherOptions | undefined
): { result?: FisherResult; notComputed?: AnalysisWarning } => {
  const method = options?.method ?? "auto"
  if (method === "none") return {}
  if (!isIntegerTable(table)) {
    return {
      notComputed: notComputed(
        "FRACTIONAL_COUNTS",
        "it needs whole-number counts; the weighted table has fractional counts"
      )
    }
  }
  try {
    return {
      result: fisherResult(exactOrAdvice(
        () =>
          Stats.fisherFreemanHalton(table, {
            method,
            ...(options?.B !== undefined ? { B: options.B } : {}),
            ...(options?.seed !== undefined ? { seed: options.seed } : {})
          }),
        table,
        method
      ))
    }
  } catch (e) {
    if (method !== "auto" || !(e instanceof Stats.StatsInputError)) throw e
    const message = e.message.replace(/\s*\(the chi-square tests are accurate at this size\)/, "")
    const reason = `${message.charAt(0).toLowerCase()}${
      message.slice(1)
    }; the chi-square tests are accurate at this size`
    return { notComputed: notComputed(e.code === "TOO_LARGE" ? "TOO_LARGE" : "OTHER", reason) }
  }
}

export interface TableContext {
  readonly row: VariableInfo
  readonly col: VariableInfo
  readonly weighted: boolean
  readonly weight?: CrosstabResult["weight"]
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
export const analyzeTable = (
  table: ContingencyTable,
  ctx: TableContext
): Either.Either<CrosstabResult, AnalysisError> =>
  attempt(() => {
    const { rows, cols } = table
    const warnings: Array<AnalysisWarning> = [...ctx.warnings]
    const low = Stats.lowExpectedCounts(table)
    const lowExpected = {
      cells: low.cells,
      percent: low.percent,
      minExpected: low.minExpected,
      message: Stats.lowExpectedMessage(low)
    }
    if (low.cells > 0) warnings.push({ code: "LOW_EXPECTED", ...lowExpected })
    const res = Stats.residuals(table)
    const fisher = fisherTest(table, ctx.fisher)
    if (fisher.notComputed !== undefined) warnings.push(fisher.notComputed)
    const fisherExact = fisher.result
    const m = Stats.associationMeasures(table)
    return {
      kind: "crosstab",
      row: ctx.row,
      col: ctx.col,
      weighted: ctx.weighted,
      ...(ctx.weight !== undefined ? { weight: ctx.weight } : {}),
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
        goodmanKruskalTau: gkTau(m.goodmanKruskalTau),
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
