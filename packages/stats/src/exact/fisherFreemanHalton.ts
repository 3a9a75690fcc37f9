import { type ContingencyTable, StatsInputError } from "../ContingencyTable.js"
import { logFactorialTable } from "../distributions/logFactorial.js"
import { fisherExact2x2 } from "./fisher2x2.js"
import { assertIntegerTable } from "./integerTable.js"
import { networkRatioSum, WorkLimitReached } from "./network.js"
import { ModeProbabilityCache, patefieldTable } from "./patefield.js"
import { xoshiro128ss } from "./random.js"
import { estimateNetworkWork } from "./workEstimate.js"

/** Options of `fisherFreemanHalton`. */
export interface FisherFreemanHaltonOptions {
  /**
   * "exact": full enumeration (throws `TOO_LARGE` past `workLimit`); "monte-carlo": B random tables;
   * "auto" (default): exact when the enumeration finishes within `workLimit`, otherwise Monte Carlo; when
   * the up-front estimate of the work (`estimateNetworkWork`) exceeds HOPELESS_FACTOR (4) times
   * `workLimit`, straight to Monte Carlo without starting the enumeration.
   */
  readonly method?: "auto" | "exact" | "monte-carlo"
  /** Monte Carlo: number of random tables, a positive integer; default 10000 (as SPSS Exact Tests). */
  readonly B?: number
  /** Monte Carlo: seed of the generator, a safe integer; default 2000000 (SPSS's default seed). */
  readonly seed?: number
  /**
   * Exact: bound on the enumeration's elementary steps (network arcs, partial tables and future-list
   * entries; ~20-60 ns each). Default for "exact" 5e8 (~30 s); "auto" without a workLimit gives a table
   * 150 times its estimated work, between 2e7 (well under a second) and 1e8 (a few seconds); with a workLimit,
   * exactly that.
   */
  readonly workLimit?: number
}

/** Result of `fisherFreemanHalton`. */
export interface FisherFreemanHaltonResult {
  readonly p: number
  readonly method: "exact" | "monte-carlo"
  /** Monte Carlo: the number of random tables */
  readonly B?: number
  /** Monte Carlo: the seed used */
  readonly seed?: number
  /** Monte Carlo: sqrt(p (1 − p) / B) */
  readonly standardError?: number
  /** exact: elementary enumeration steps (network arcs, partial tables, future-list entries) */
  readonly tables?: number
}

export const DEFAULT_B = 10_000
export const DEFAULT_SEED = 2_000_000
const AUTO_WORK_LIMIT = 2e7
const EXACT_WORK_LIMIT = 5e8
/** "auto" skips the enumeration when the estimate exceeds this many work limits (see workEstimate.ts). */
const HOPELESS_FACTOR = 4
/**
 * The measured work of the enumeration was at most ~120 times the up-front estimate on every R fixture table
 * (random-3x6-85: 50, sparse-5x6-94: 121; the 6 x 6 table of issue 22, exact p 1.45e-17 in ~1.4 s: 42), so
 * "auto" gives a table AUTO_WORK_FACTOR times its estimate, at least AUTO_WORK_LIMIT and at most
 * AUTO_WORK_CAP (~3 s): a table the estimate calls feasible is then computed exactly, and a table it misjudges
 * costs at most a few seconds before Monte Carlo.
 */
const AUTO_WORK_FACTOR = 150
const AUTO_WORK_CAP = 1e8
const autoBudget = (estimate: number): number =>
  Math.min(AUTO_WORK_CAP, Math.max(AUTO_WORK_LIMIT, AUTO_WORK_FACTOR * estimate))
const TIE = Math.log1p(1e-7)

const checkOptions = (o: FisherFreemanHaltonOptions): void => {
  const bad = (msg: string): never => {
    throw new StatsInputError("BAD_OPTION", msg)
  }
  if (o.method !== undefined && o.method !== "auto" && o.method !== "exact" && o.method !== "monte-carlo") {
    bad(`method must be "auto", "exact" or "monte-carlo", not ${JSON.stringify(o.method)}`)
  }
  if (o.B !== undefined && !(Number.isInteger(o.B) && o.B >= 1 && o.B <= 1e9)) {
    bad(`B (the number of Monte Carlo tables) must be a whole number from 1 to 1e9, not ${o.B}`)
  }
  if (o.seed !== undefined && !Number.isSafeInteger(o.seed)) bad(`seed must be a whole number, not ${o.seed}`)
  if (o.workLimit !== undefined && !(o.workLimit > 0)) bad(`workLimit must be a positive number, not ${o.workLimit}`)
}

/** Margins, log factorials and the observed path length S_obs = Σ ln x_ij!. */
const prepare = (table: ContingencyTable) => {
  const { rows: r, cols: c, counts } = table
  const rowT = new Int32Array(r)
  const colT = new Int32Array(c)
  let n = 0
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) {
      rowT[i] += counts[i * c + j]
      colT[j] += counts[i * c + j]
    }
    n += rowT[i]
  }
  const lf = logFactorialTable(n)
  let sObs = 0
  for (let k = 0; k < counts.length; k++) sObs += lf[counts[k]]
  let logK = -lf[n] // ln P(table) = logK − S
  for (const x of rowT) logK += lf[x]
  for (const x of colT) logK += lf[x]
  return { rowT, colT, n, lf, sObs, logK }
}

/**
 * Fisher–Freeman–Halton exact test of independence for an r x c table (Freeman & Halton 1951,
 * doi:10.1093/biomet/38.1-2.141), SPSS's "Fisher's Exact Test" for tables larger than 2 x 2.
 *
 * Formula: with both margins fixed, P(T) = Π r_i! Π c_j! / (n! Π x_ij!); p = Σ P(T) over the tables T with
 * P(T) <= P(observed) (1 + 1e-7) (R's relative tie tolerance).
 *
 * Exact method: a network algorithm (Mehta & Patel 1983, doi:10.1080/01621459.1983.10477990) over the larger
 * dimension, keyed by the sorted remaining totals of the smaller one, with merged past path lengths, bounds
 * that settle whole sub-networks, and sorted future lists for the last two columns (see network.ts). Results
 * agree with R's FEXACT (`fisher.test`) to ~1e-12 relative, and to ~1e-9 where FEXACT itself merges path
 * lengths within its 3.45e-7 tolerance.
 *
 * Monte Carlo method: B tables drawn with the observed margins by Patefield's algorithm (AS 159,
 * doi:10.2307/2346669) from a seeded xoshiro128** generator; p = (1 + #{P_sim <= P_obs (1 + 1e-7)}) / (B + 1)
 * as R's `fisher.test(simulate.p.value = TRUE)` (R's tie tolerance there is 64 machine epsilons on
 * ln P; here it is the exact test's 1e-7, so both methods estimate the same p), never 0, with standard
 * error sqrt(p (1 − p) / B). The same seed gives the same p.
 *
 * A 2 x 2 table goes to `fisherExact2x2` (two-sided p).
 *
 * @param table - whole-number counts, at least 2 x 2, no zero row or column total
 * @param options - method, B, seed, workLimit (see FisherFreemanHaltonOptions)
 * @returns `{ p, method, tables }` (exact) or `{ p, method, B, seed, standardError }` (Monte Carlo)
 * @throws StatsInputError `BAD_OPTION` for invalid options; `NON_INTEGER_COUNT` for weighted counts;
 *   `TOO_LARGE` when method "exact" exceeds workLimit; and the table errors of the chi-square tests
 * @example
 * fisherFreemanHalton(fromMatrix([[3, 1, 0, 2, 5, 4], [2, 6, 1, 0, 3, 2], [0, 2, 7, 3, 1, 5]]))
 * // { p: 0.004927844379628..., method: "exact", tables: ... }
 * fisherFreemanHalton(table, { method: "monte-carlo", B: 10000, seed: 1 })
 * // { p: ..., method: "monte-carlo", B: 10000, seed: 1, standardError: ... }
 */
export const fisherFreemanHalton = (
  table: ContingencyTable,
  options: FisherFreemanHaltonOptions = {}
): FisherFreemanHaltonResult => {
  checkOptions(options)
  assertIntegerTable(table, "The Fisher-Freeman-Halton test", false)
  const method = options.method ?? "auto"
  if (table.rows === 2 && table.cols === 2 && method !== "monte-carlo") {
    const { p } = fisherExact2x2(table)
    return { p, method: "exact", tables: 1 }
  }
  const prep = prepare(table)
  if (method !== "monte-carlo") {
    const limit = options.workLimit ?? (method === "exact" ? EXACT_WORK_LIMIT : AUTO_WORK_LIMIT)
    const { keys, stages } = networkLayout(prep.rowT, prep.colT)
    const estimate = method === "auto" ? estimateNetworkWork(keys, stages, HOPELESS_FACTOR * limit) : 0
    const hopeless = method === "auto" && estimate > HOPELESS_FACTOR * limit
    if (!hopeless) {
      const budget = method === "auto" && options.workLimit === undefined ? autoBudget(estimate) : limit
      try {
        const { sum, work } = networkRatioSum(keys, stages, prep.sObs, prep.lf, budget)
        const p = Math.min(1, Math.exp(prep.logK - prep.sObs + Math.log(sum)))
        return { p, method: "exact", tables: work }
      } catch (e) {
        if (!(e instanceof WorkLimitReached)) throw e
        if (method === "exact") {
          throw new StatsInputError(
            "TOO_LARGE",
            `the exact enumeration for this ${table.rows} x ${table.cols} table with ${prep.n} cases needs more than ` +
              `${limit} steps (workLimit); use method "monte-carlo" (a p-value with its standard error) or raise ` +
              "workLimit"
          )
        }
      }
    }
  }
  return monteCarlo(prep, options.B ?? DEFAULT_B, options.seed ?? DEFAULT_SEED)
}

/**
 * The network's orientation and stage order: stages run over the larger dimension, keyed by the other's
 * totals. Below 5 stages the largest column comes first. From 5 on, the largest comes first and the others
 * follow ascending: FEXACT's smallest-first order, but with the largest column out of the leaves (ascending,
 * the last two columns are the largest and each leaf's sorted list of futures enumerates the second largest).
 * Measured on the R fixture tables with 5+ stages: 4.8 s -> 3.5 s in all, the easy 4 x 5 (n = 150) 158 ->
 * 12 ms, the sparse 4 x 5 (n = 130) 1.4 -> 0.8 s.
 *
 * @example
 * networkLayout(Int32Array.of(40, 30, 20, 10), Int32Array.of(2, 93, 4, 12, 39)).stages // [93, 2, 4, 12, 39]
 */
export const networkLayout = (rowT: Int32Array, colT: Int32Array): { keys: Int32Array; stages: Int32Array } => {
  const transpose = rowT.length > colT.length
  const stages = Int32Array.from(transpose ? rowT : colT).sort()
  if (stages.length <= 4) stages.reverse()
  else {
    const largest = stages[stages.length - 1]
    stages.copyWithin(1, 0, stages.length - 1)
    stages[0] = largest
  }
  return { keys: transpose ? colT : rowT, stages }
}

const monteCarlo = (prep: ReturnType<typeof prepare>, B: number, seed: number): FisherFreemanHaltonResult => {
  const { lf, sObs } = prep
  // Σ ln x_ij! does not depend on the order of rows and columns; with the largest row and column last, the
  // cells Patefield's algorithm draws (all but the last row and column) are the ones of smallest variance,
  // and each draw walks about that many standard deviations from the mode
  const rowT = prep.rowT.slice().sort()
  const colT = prep.colT.slice().sort()
  const rng = xoshiro128ss(seed)
  const out = new Int32Array(rowT.length * colT.length)
  const scratch = new Int32Array(colT.length)
  const thr = sObs - TIE
  const cache = new ModeProbabilityCache()
  let hits = 0
  for (let b = 0; b < B; b++) {
    patefieldTable(rowT, colT, lf, rng, out, scratch, cache)
    let s = 0
    for (let k = 0; k < out.length; k++) s += lf[out[k]]
    if (s >= thr) hits++
  }
  const p = (1 + hits) / (B + 1)
  return { p, method: "monte-carlo", B, seed, standardError: Math.sqrt((p * (1 - p)) / B) }
}
