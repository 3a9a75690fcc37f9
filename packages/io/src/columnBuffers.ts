import { type Column, SYSTEM_MISSING } from "@danvan/domain"
import type { ColumnPlan } from "./columnPlan.js"

/**
 * Growable typed-array storage for the columns of a file: an Int32Array per code column and a Float64Array
 * per numeric column, all with the same capacity, doubled when full. Cells are written in place, so reading
 * allocates nothing per row.
 *
 * @example
 * const buffers = new ColumnBuffers([{ name: "level", type: "codes", expected: "an integer code" }])
 * buffers.codes[0]![0] = 1
 * buffers.columns(1) // [{ name: "level", type: "codes", values: Int32Array [1] }]
 */
export class ColumnBuffers {
  /** Per column index: the code buffer, or undefined for numeric and ignored columns. */
  readonly codes: Array<Int32Array | undefined>
  /** Per column index: the number buffer, or undefined for code and ignored columns. */
  readonly numbers: Array<Float64Array | undefined>
  capacity: number

  constructor(private readonly plan: ReadonlyArray<ColumnPlan>, initialCapacity = 1024) {
    this.capacity = Math.max(1, initialCapacity)
    this.codes = plan.map((c) => (c.type === "codes" || c.type === "auto" ? new Int32Array(this.capacity) : undefined))
    this.numbers = plan.map((c) => (c.type === "numeric" ? new Float64Array(this.capacity) : undefined))
  }

  /**
   * Makes room for at least `rows` rows: doubling, or exactly `rows` when `exact` (a reader that knows, or
   * has estimated, the row count up front, so the buffers are not grown and copied again and again).
   */
  ensure(rows: number, exact = false): void {
    if (rows <= this.capacity) return
    let capacity = this.capacity
    if (exact) capacity = rows
    while (capacity < rows) capacity *= 2
    for (let k = 0; k < this.plan.length; k++) {
      const codes = this.codes[k]
      if (codes !== undefined) {
        const grown = new Int32Array(capacity)
        grown.set(codes)
        this.codes[k] = grown
      }
      const numbers = this.numbers[k]
      if (numbers !== undefined) {
        const grown = new Float64Array(capacity)
        grown.set(numbers)
        this.numbers[k] = grown
      }
    }
    this.capacity = capacity
  }

  /** Turns code column `k` into a numeric one (a blank becomes NaN), when a cell turns out to be a decimal. */
  promote(k: number): void {
    const codes = this.codes[k]
    if (codes === undefined) return
    const numbers = new Float64Array(this.capacity)
    for (let i = 0; i < codes.length; i++) numbers[i] = codes[i] === SYSTEM_MISSING ? Number.NaN : codes[i]
    this.codes[k] = undefined
    this.numbers[k] = numbers
  }

  /** Drops column `k` (a text or date column, left out of the dataset). */
  drop(k: number): void {
    this.codes[k] = undefined
    this.numbers[k] = undefined
  }

  /**
   * The first `rowCount` rows as dataset columns, ignored columns left out: the buffers themselves when
   * they hold exactly `rowCount` rows (a reader that reserved the right size up front), views of their first
   * rows when at most 1/8 of them are spare (a reader that estimated the size: untouched spare rows take no
   * memory), else exact-length copies. Copying every column at the end took ~10% of a 50 MB read and
   * doubled its peak memory.
   */
  columns(rowCount: number): Array<Column> {
    const out: Array<Column> = []
    const exact = this.capacity === rowCount
    const view = this.capacity - rowCount <= this.capacity / 8
    this.plan.forEach((c, k) => {
      const codes = this.codes[k]
      const numbers = this.numbers[k]
      if (codes !== undefined) {
        out.push({
          name: c.name,
          type: "codes",
          values: exact ? codes : view ? codes.subarray(0, rowCount) : codes.slice(0, rowCount)
        })
      } else if (numbers !== undefined) {
        out.push({
          name: c.name,
          type: "numeric",
          values: exact ? numbers : view ? numbers.subarray(0, rowCount) : numbers.slice(0, rowCount)
        })
      }
    })
    return out
  }
}
