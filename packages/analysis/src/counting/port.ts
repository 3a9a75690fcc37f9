import type { ColumnTyping } from "@danvan/domain"
import type * as Effect from "effect/Effect"
import { AnalysisError } from "../errors.js"
import { exactWeightedSum } from "./exactSum.js"

/**
 * The counting port: every analysis behind it needs only counts and weighted counts by combination of codes
 * (its sufficient statistics), never the cases themselves. An engine (`memoryCounter` over a Dataset's typed
 * arrays, `duckdbCounter` over a Parquet/CSV file or a table in DuckDB) produces a {@link CellTable}; the
 * statistics are computed from it in JavaScript, identically for every engine.
 */
export interface Counter {
  /** "memory" or "duckdb" (stated nowhere in results: results are identical across engines). */
  readonly engine: string
  /** What is counted, for messages: a file name or "the data". */
  readonly source: string
  /** The columns an analysis may name, with what they hold. */
  readonly columns: ReadonlyArray<CounterColumn>
  /** Why a reader typed some columns as numbers, text or dates (for messages), when it said so. */
  readonly typing?: ReadonlyArray<ColumnTyping>
  /**
   * The cases grouped by their codes in `variables` (blank = SYSTEM_MISSING), with counts and exactly rounded
   * weight sums. Fails with BAD_WEIGHT for an infinite weight. Weighted cells carry their runs of equal weights
   * (`Cell.weights`) when `options.weightRuns` asks for them (an engine may give them unasked).
   */
  readonly countCells: (
    variables: ReadonlyArray<string>,
    weight?: string,
    options?: CountOptions
  ) => Effect.Effect<CellTable, AnalysisError>
}

/** What a caller of `countCells` needs beyond counts and weight sums. */
export interface CountOptions {
  /** Each cell's distinct weights with their counts (to rebuild the cases: casesFromCells). */
  readonly weightRuns?: boolean
}

/** A column as the counter sees it: integer codes, other numbers, or something else (text, dates). */
export interface CounterColumn {
  readonly name: string
  readonly kind: "codes" | "numeric" | "other"
}

/** The cases sharing one combination of codes. */
export interface Cell {
  /** One code per counted variable, SYSTEM_MISSING for a blank. */
  readonly codes: ReadonlyArray<number>
  /** Cases counted (those with a positive weight when weighted); 0 when all were left out by their weight. */
  readonly count: number
  /** Exactly rounded sum of their weights (see exactSum.ts); equal to `count` unweighted. */
  readonly weight: number
  /**
   * Weighted, when asked for (CountOptions.weightRuns): each distinct weight of the cell's cases (blank as NaN,
   * zero and negative ones included) with its number of cases, blank first then ascending: the cases themselves,
   * up to their order.
   */
  readonly weights?: ReadonlyArray<readonly [number, number]>
}

/** Cases left out because of their weight, as SPSS WEIGHT BY leaves them out. */
export interface WeightExclusions {
  readonly blank: number
  readonly zero: number
  readonly negative: number
}

/** The sufficient statistics of one analysis: cells sorted by their codes (numerically, left to right). */
export interface CellTable {
  readonly variables: ReadonlyArray<string>
  readonly weight?: string
  readonly cells: ReadonlyArray<Cell>
  readonly excluded: WeightExclusions
}

interface Accumulated {
  readonly codes: ReadonlyArray<number>
  count: number
  readonly pairs: Map<number, number>
}

const byWeight = (a: number, b: number): number =>
  Number.isNaN(a) ? (Number.isNaN(b) ? 0 : -1) : Number.isNaN(b) ? 1 : a - b

/**
 * Lexicographic numeric order of code tuples: the canonical order of a CellTable's cells.
 *
 * @example
 * [[2, 1], [1, 3]].sort(compareCodes) // [[1, 3], [2, 1]]
 */
export const compareCodes = (a: ReadonlyArray<number>, b: ReadonlyArray<number>): number => {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k] - b[k]
  return 0
}

/**
 * Collects grouped rows `(codes, weight, n)` from any engine into a CellTable: blank (null or NaN), zero and
 * negative weights are left out and tallied, infinite weights fail, and each cell's weight is the exactly
 * rounded sum of weight x n over its distinct weights. Unweighted, `weight` is undefined.
 */
export class CellCollector {
  private readonly cells = new Map<string, Accumulated>()
  private blank = 0
  private zero = 0
  private negative = 0
  constructor(
    readonly variables: ReadonlyArray<string>,
    readonly weight: string | undefined,
    readonly source: string
  ) {}

  add(codes: ReadonlyArray<number>, weight: number | null | undefined, n: number): void {
    const key = codes.join(",")
    let cell = this.cells.get(key)
    if (cell === undefined) {
      cell = { codes, count: 0, pairs: new Map() }
      this.cells.set(key, cell)
    }
    if (this.weight === undefined) {
      cell.count += n
      return
    }
    const w = weight === null || weight === undefined ? Number.NaN : weight
    if (w === Infinity) throw infiniteWeight(this.weight, this.source)
    if (Number.isNaN(w)) this.blank += n
    else if (w === 0) this.zero += n
    else if (w < 0) this.negative += n
    else cell.count += n
    cell.pairs.set(w, (cell.pairs.get(w) ?? 0) + n)
  }

  table(): CellTable {
    const cells = [...this.cells.values()].sort((a, b) => compareCodes(a.codes, b.codes)).map((c): Cell =>
      this.weight === undefined ? { codes: c.codes, count: c.count, weight: c.count } : {
        codes: c.codes,
        count: c.count,
        weight: exactWeightedSum([...c.pairs].filter(([w]) => w > 0)),
        weights: [...c.pairs].sort((a, b) => byWeight(a[0], b[0]))
      }
    )
    return {
      variables: this.variables,
      ...(this.weight !== undefined ? { weight: this.weight } : {}),
      cells,
      excluded: { blank: this.blank, zero: this.zero, negative: this.negative }
    }
  }
}

/**
 * The BAD_WEIGHT error for an infinite weight (the engines do not all know the row).
 *
 * @example
 * infiniteWeight("w", "survey.parquet").message // 'weight "w" in survey.parquet holds an infinite value; …'
 */
export const infiniteWeight = (weight: string, source: string): AnalysisError =>
  new AnalysisError({
    code: "BAD_WEIGHT",
    message: `weight "${weight}" in ${source} holds an infinite value; expected finite numbers`
  })
