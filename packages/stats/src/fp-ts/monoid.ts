import * as E from "fp-ts/lib/Either.js"
import type { Monoid } from "fp-ts/lib/Monoid.js"
import { type ContingencyTable, StatsInputError } from "../ContingencyTable.js"

const checkShape = (what: string) => (rows: number, cols: number): void => {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1) {
    throw new StatsInputError(
      "BAD_DIMENSIONS",
      `${what}: a table needs at least one row and one column, got ${rows} x ${cols}`
    )
  }
}

/**
 * The fp-ts `Monoid` of r x c contingency tables under cell-by-cell addition: merge the tables counted on
 * separate shards of a dataset (files, workers, months) into the table of the whole. `empty` is the
 * all-zero r x c table; `concat` returns a new table and never mutates its arguments.
 *
 * The laws hold exactly for whole-number counts below 2^53 (every sum is exact); weighted (fractional) counts
 * are associative only up to floating-point rounding.
 *
 * @param rows - the number of rows every merged table has
 * @param cols - the number of columns every merged table has
 * @throws StatsInputError `BAD_DIMENSIONS` for a shape below 1 x 1, and from `concat` when a table is not
 *   `rows` x `cols` (merging tables of different categories is a bug; use `mergeShards` to get an `Either`)
 * @example
 * import { concatAll } from "fp-ts/lib/Monoid.js"
 * const M = contingencyTableMonoid(2, 2)
 * concatAll(M)([fromMatrix([[1, 2], [3, 4]]), fromMatrix([[10, 0], [0, 10]])])
 * // { rows: 2, cols: 2, counts: Float64Array [11, 2, 3, 14] }
 */
export const contingencyTableMonoid = (rows: number, cols: number): Monoid<ContingencyTable> => {
  checkShape("contingencyTableMonoid")(rows, cols)
  const assertShape = (t: ContingencyTable): void => {
    if (t.rows !== rows || t.cols !== cols) {
      throw new StatsInputError(
        "BAD_DIMENSIONS",
        `cannot merge a ${t.rows} x ${t.cols} table into ${rows} x ${cols} tables`
      )
    }
  }
  return {
    empty: { rows, cols, counts: new Float64Array(rows * cols) },
    concat: (x, y) => {
      assertShape(x)
      assertShape(y)
      const counts = new Float64Array(rows * cols)
      for (let k = 0; k < counts.length; k++) counts[k] = x.counts[k] + y.counts[k]
      return { rows, cols, counts }
    }
  }
}

/**
 * Merges the tables counted on separate shards into one, checking first that every table has the same shape
 * (the same categories in the same order are the caller's business): `Left` with `BAD_DIMENSIONS` naming the
 * first table that differs, or for an empty list.
 *
 * @param tables - one table per shard, at least one
 * @example
 * mergeShards([fromMatrix([[1, 2], [3, 4]]), fromMatrix([[5, 6], [7, 8]])])
 * // Right({ rows: 2, cols: 2, counts: Float64Array [6, 8, 10, 12] })
 */
export const mergeShards = (tables: ReadonlyArray<ContingencyTable>): E.Either<StatsInputError, ContingencyTable> => {
  if (tables.length === 0) return E.left(new StatsInputError("EMPTY_TABLE", "there are no shard tables to merge"))
  const { rows, cols } = tables[0]
  const odd = tables.findIndex((t) => t.rows !== rows || t.cols !== cols)
  if (odd >= 0) {
    const t = tables[odd]
    return E.left(
      new StatsInputError(
        "BAD_DIMENSIONS",
        `shard ${odd + 1} is a ${t.rows} x ${t.cols} table but shard 1 is ${rows} x ${cols}`
      )
    )
  }
  const M = contingencyTableMonoid(rows, cols)
  return E.right(tables.reduce(M.concat, M.empty))
}
