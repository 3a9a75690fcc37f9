import type { DataProblem } from "./errors.js"

/**
 * The default number of problems kept in a `DataFileError`.
 *
 * @example
 * new ProblemCollector(undefined) // keeps DEFAULT_MAX_PROBLEMS (20)
 */
export const DEFAULT_MAX_PROBLEMS = 20

/**
 * Collects problems in file order, keeping the first `max` and counting all of them.
 *
 * @example
 * const problems = new ProblemCollector(2)
 * problems.add({ row: 2, column: "level", value: "x", expected: "an integer code" })
 * problems.total // 1
 */
export class ProblemCollector {
  readonly kept: Array<DataProblem> = []
  total = 0
  private readonly max: number

  constructor(max: number | undefined) {
    this.max = max === undefined || !Number.isFinite(max) ? DEFAULT_MAX_PROBLEMS : Math.max(0, Math.floor(max))
  }

  /** True once `max` problems are kept: later ones need only be counted (see `countOnly`). */
  get full(): boolean {
    return this.kept.length >= this.max
  }

  /** Counts a problem without building it, for when `full` is true. */
  countOnly(): void {
    this.total++
  }

  add(problem: DataProblem): void {
    this.total++
    if (this.kept.length < this.max) this.kept.push(problem)
  }
}
