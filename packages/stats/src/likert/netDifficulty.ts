import { percentOf } from "../cells/percents.js"
import { StatsInputError } from "../ContingencyTable.js"

/** Net difficulty of a 3-point (or longer) difficulty item. */
export interface NetDifficulty {
  /** total of the counts (the percent base: valid responses) */
  readonly n: number
  readonly percentDifficult: number
  readonly percentNotDifficult: number
  /** percentDifficult − percentNotDifficult, in percentage points, in [−100, 100] */
  readonly net: number
  /** present when n = 0 and every percent is NaN */
  readonly reason?: string
}

/**
 * Net difficulty: % of responses in the "difficult" categories minus % in the "not difficult" categories.
 *
 * Formula: with counts c_k of the response categories and N = Σ c_k (valid responses; missing codes must not be
 * in `distribution`), net = 100 (Σ_{k∈D} c_k − Σ_{k∈ND} c_k) / N. The middle category ("somewhat difficult")
 * counts in neither set but in the base. This is the "net score" / "percent difference" summary of survey
 * practice (e.g. the balance statistic of business surveys; Pesaran & Weale 2006, Survey Expectations,
 * doi:10.1016/S1574-0706(05)01014-1).
 *
 * @param distribution - counts per response category (index = category position)
 * @param difficult - indices of the categories that mean "difficult"
 * @param notDifficult - indices of the categories that mean "not difficult"
 * @throws StatsInputError("BAD_OPTION") for a negative or non-finite count, an index out of range, or an index
 *   in both sets
 * @example
 * netDifficulty([66, 209, 35], [0], [2]) // { n: 310, percentDifficult: 21.29…, percentNotDifficult: 11.29…, net: 10 }
 */
export const netDifficulty = (
  distribution: ArrayLike<number>,
  difficult: ReadonlyArray<number>,
  notDifficult: ReadonlyArray<number>
): NetDifficulty => {
  let n = 0
  for (let k = 0; k < distribution.length; k++) {
    const c = distribution[k]
    if (!Number.isFinite(c) || c < 0) {
      throw new StatsInputError(
        "BAD_OPTION",
        `the count of response category ${k + 1} must be a non-negative number, got ${c}`
      )
    }
    n += c
  }
  const sumOf = (idx: ReadonlyArray<number>, what: string): number => {
    let s = 0
    for (const k of idx) {
      if (!Number.isInteger(k) || k < 0 || k >= distribution.length) {
        throw new StatsInputError(
          "BAD_OPTION",
          `the ${what} category index ${k} is not one of the ${distribution.length} categories`
        )
      }
      s += distribution[k]
    }
    return s
  }
  for (const k of difficult) {
    if (notDifficult.includes(k)) {
      throw new StatsInputError("BAD_OPTION", `category index ${k} is listed both as difficult and as not difficult`)
    }
  }
  const d = sumOf(difficult, "difficult")
  const nd = sumOf(notDifficult, "not-difficult")
  if (n === 0) return { n, percentDifficult: NaN, percentNotDifficult: NaN, net: NaN, reason: "no responses" }
  return { n, percentDifficult: percentOf(d, n), percentNotDifficult: percentOf(nd, n), net: percentOf(d - nd, n) }
}
