import { StatsInputError } from "../ContingencyTable.js"
import { normalTwoSidedP } from "../distributions/normal.js"
import { countMultipleResponse, type MultipleResponseData } from "./MultipleResponseData.js"

/** One pairwise comparison of two groups' proportions for an item. */
export interface ProportionPair {
  /** 0-based group indices, a < b */
  readonly a: number
  readonly b: number
  /** z = (p_a − p_b) / SE with the pooled SE; NaN when both groups are all 0 or all 1 (not tested) */
  readonly z: number
  /** two-sided p = 2·P(Z > |z|), unadjusted */
  readonly p: number
  /** min(1, k·p) with k = r(r−1)/2 comparisons per item */
  readonly pBonferroni: number
  /** pBonferroni < alpha */
  readonly significant: boolean
}

/** Column-proportion comparisons of one item. */
export interface ItemProportionComparison {
  readonly item: number
  /** s_ij / n_i per group */
  readonly proportions: Float64Array
  readonly pairs: ReadonlyArray<ProportionPair>
  /**
   * SPSS convention, per group: the letters of the groups whose proportion is significantly SMALLER than
   * this group's (the letter of the smaller column is printed in the larger column); "" when none.
   */
  readonly largerThan: ReadonlyArray<string>
  /** per group: the letters of all groups significantly different from it (either direction), e.g. "AC" */
  readonly differentFrom: ReadonlyArray<string>
  /**
   * APA-style subscripts (SPSS CROSSTABS /CELLS BPROP, CTABLES "APA-style" significance): per group a set of
   * lowercase letters such that two groups share a letter exactly when they do NOT differ significantly.
   */
  readonly subscripts: ReadonlyArray<string>
}

export interface ColumnProportionTests {
  readonly alpha: number
  /** the letter of each group: A, B, ..., Z, AA, AB, ... */
  readonly letters: ReadonlyArray<string>
  /** comparisons per item after Bonferroni, r(r−1)/2 */
  readonly comparisons: number
  readonly items: ReadonlyArray<ItemProportionComparison>
}

/**
 * Spreadsheet-style column letter of a 0-based index: 0 -> A, 25 -> Z, 26 -> AA.
 *
 * @example
 * letterOf(27) // "AB"
 */
export const letterOf = (index: number): string => {
  let s = ""
  let k = index + 1
  while (k > 0) {
    const m = (k - 1) % 26
    s = String.fromCharCode(65 + m) + s
    k = Math.floor((k - 1) / 26)
  }
  return s
}

/**
 * Compact letter display by Piepho's insert-and-absorb algorithm (Piepho 2004, "An algorithm for a letter-based
 * representation of all-pairwise comparisons", J. Comput. Graph. Statist. 13(2):456-466,
 * doi:10.1198/1061860043515): start with one letter held by all groups; for each significant pair (a, b)
 * split every letter held by both into a copy without a and a copy without b; drop letters whose holders are a
 * subset of another letter's. Letters are then named a, b, c, ... in the order of their first group. *
 * @example
 * compactLetters(3, [[0, 2]]) // ["a", "ab", "b"]: groups 1 and 3 differ, group 2 differs from neither
 */
export const compactLetters = (
  groups: number,
  significant: ReadonlyArray<readonly [number, number]>
): Array<string> => {
  let sets: Array<Array<boolean>> = [Array.from({ length: groups }, () => true)]
  const subset = (x: Array<boolean>, y: Array<boolean>): boolean => x.every((v, i) => !v || y[i])
  for (const [a, b] of significant) {
    const next: Array<Array<boolean>> = []
    for (const set of sets) {
      if (set[a] && set[b]) {
        next.push(set.map((v, i) => v && i !== a))
        next.push(set.map((v, i) => v && i !== b))
      } else next.push(set)
    }
    sets = next.filter((x, k) => !next.some((y, l) => l !== k && subset(x, y) && (!subset(y, x) || l < k)))
  }
  const first = (x: Array<boolean>): number => x.indexOf(true)
  sets.sort((x, y) => first(x) - first(y) || x.map(Number).join("").localeCompare(y.map(Number).join("")) * -1)
  return Array.from({ length: groups }, (_, i) => sets.map((x, k) => (x[i] ? letterOf(k).toLowerCase() : "")).join(""))
}

/**
 * Pairwise comparisons of column (group) proportions for each item of a multiple-response set, as SPSS
 * CTABLES' "Compare column proportions" (z-test, Bonferroni within each item).
 *
 * Formula: for groups a, b with p_a = s_a / n_a, p_b = s_b / n_b and pooled p̄ = (s_a + s_b)/(n_a + n_b),
 * z = (p_a − p_b) / √(p̄(1 − p̄)(1/n_a + 1/n_b)); p = 2·P(Z > |z|) (upper tail computed directly);
 * z² equals Pearson's X² of the 2 x 2 table, i.e. R's `prop.test(correct = FALSE)`. Within an item the
 * k = r(r−1)/2 p-values are Bonferroni adjusted, p̃ = min(1, k·p), and a pair differs when p̃ < alpha.
 * Reference: Agresti (2002), Categorical Data Analysis, 2nd ed., ch. 2-3, doi:10.1002/0471249688; IBM SPSS Statistics
 * CTABLES algorithms, "Comparing column proportions".
 *
 * Letters: group i gets letter A, B, C, ... in group order. Two conventions are returned per item:
 * `largerThan[i]` (SPSS's: group i lists the letters of groups with a significantly smaller proportion) and
 * `differentFrom[i]` (letters of every group significantly different from i). A pair where both groups
 * `subscripts[i]` is the APA / SPSS-BPROP display: groups sharing a subscript letter do not differ (see
 * `compactLetters`). A pair where both groups
 * are 0 % or both 100 % cannot be tested (SE = 0): its z and p are NaN and it is never significant; it still
 * counts in k. Unlike SPSS, groups with a proportion of 0 or 1 are not dropped from the comparisons.
 *
 * @param data - the set: at least 2 non-empty groups, items 0/1
 * @param alpha - significance level for the adjusted p-values, in (0, 1); default 0.05
 * @returns per item the proportions, all pairs and the letters
 * @throws StatsInputError `BAD_OPTION` for alpha outside (0, 1); as `perItemTests` for bad data (but items
 *   nobody selected are allowed: their pairs are just not tested)
 * @example
 * // 300 respondents, groups A, B, C of 100; item selected by 75 %, 20 %, 20 %
 * const res = columnProportionTests(data)
 * res.items[0].largerThan    // ["BC", "", ""]   (SPSS: A is larger than B and than C)
 * res.items[0].differentFrom // ["BC", "A", "A"]
 * res.items[0].subscripts    // ["a", "b", "b"]  (B and C share "b": they do not differ)
 * res.items[0].pairs[0]      // { a: 0, b: 1, z: 7.787915579452676, p: 6.812367150314352e-15,
 *                            //   pBonferroni: 2.0437101450943057e-14, significant: true }
 */
export const columnProportionTests = (data: MultipleResponseData, alpha = 0.05): ColumnProportionTests => {
  if (!(alpha > 0 && alpha < 1)) {
    throw new StatsInputError("BAD_OPTION", `alpha must be between 0 and 1 (exclusive); got ${alpha}`)
  }
  const { r, c, groupN, selected } = countMultipleResponse(data, "column-proportion tests", 2)
  const letters = Array.from({ length: r }, (_, i) => letterOf(i))
  const k = (r * (r - 1)) / 2
  const items: Array<ItemProportionComparison> = []
  for (let j = 0; j < c; j++) {
    const prop = new Float64Array(r)
    for (let i = 0; i < r; i++) prop[i] = selected[i * c + j] / groupN[i]
    const pairs: Array<ProportionPair> = []
    const sigPairs: Array<readonly [number, number]> = []
    const larger: Array<Array<string>> = Array.from({ length: r }, () => [])
    const different: Array<Array<string>> = Array.from({ length: r }, () => [])
    for (let a = 0; a < r; a++) {
      for (let b = a + 1; b < r; b++) {
        const sa = selected[a * c + j]
        const sb = selected[b * c + j]
        const na = groupN[a]
        const nb = groupN[b]
        const pooled = (sa + sb) / (na + nb)
        const se = Math.sqrt(pooled * (1 - pooled) * (1 / na + 1 / nb))
        const z = se > 0 ? (prop[a] - prop[b]) / se : NaN
        const p = normalTwoSidedP(z)
        const pBonferroni = Number.isNaN(p) ? NaN : Math.min(1, k * p)
        const significant = pBonferroni < alpha
        pairs.push({ a, b, z, p, pBonferroni, significant })
        if (significant) {
          sigPairs.push([a, b])
          different[a].push(letters[b])
          different[b].push(letters[a])
          if (prop[a] > prop[b]) larger[a].push(letters[b])
          else larger[b].push(letters[a])
        }
      }
    }
    const byLetter = (xs: Array<string>): string => xs.sort((x, y) => letters.indexOf(x) - letters.indexOf(y)).join("")
    items.push({
      item: j,
      proportions: prop,
      pairs,
      largerThan: larger.map(byLetter),
      differentFrom: different.map(byLetter),
      subscripts: compactLetters(r, sigPairs)
    })
  }
  return { alpha, letters, comparisons: k, items }
}
