import type { LonelyPsu } from "@danvan/stats"
import * as Stats from "@danvan/stats"
import type { AnalysisDesign, ResolvedDesign } from "./design.js"

/**
 * How a multiple-response analysis used its weights, as its JSON states it: `"unweighted"`, SPSS `"frequency"`
 * weights (tests of the replicated data), or a `"sampling"` design (design-based Rao-Scott tests); for a
 * sampling design the weight (absent for equal weights), strata, cluster and fpc variables, the lonely-PSU rule,
 * and the design's degrees of freedom (PSUs − strata among the analysed cases). Besides `degreesOfFreedom` it
 * carries the fields of every other result's `DesignInfo`: `psus`, `strataCount`, `df` (the same number as
 * `degreesOfFreedom`) and `method`.
 */
export interface MrDesignStatement {
  readonly mode: "unweighted" | "frequency" | "sampling"
  readonly weight?: string
  readonly strata?: string
  readonly cluster?: string
  readonly fpc?: string
  readonly lonelyPsu?: LonelyPsu
  readonly degreesOfFreedom?: number
  /** PSUs and strata among the analysed cases with a non-zero weight, and PSUs − strata (as DesignInfo). */
  readonly psus?: number
  readonly strataCount?: number
  readonly df?: number
  /** "Taylor linearization" in sampling mode. */
  readonly method?: string
}

/**
 * One item's design-based test, F form: the MMI statistic of the item alone ("mmi"), or, for an item whose domain
 * proportions have no design variance (every group ticks it all or none), R survey's `svychisq` of the item by
 * the group ("svychisq", `Stats.raoScott`), where the MMI correction is 0/0.
 */
export interface ItemDesignTest {
  readonly f: { readonly statistic: number; readonly df1: number; readonly df2: number; readonly p: number }
  readonly method: "mmi" | "svychisq"
}

/** The design-based test of one item (F form) and the overall MMI test, computed on every case of the file. */
export interface MrDesignTests {
  readonly overall: Stats.MmiDesignRaoScott
  readonly items: ReadonlyArray<ItemDesignTest>
  /** Per item, per group: the letters of the groups with a significantly smaller proportion (design-based t). */
  readonly largerThan: ReadonlyArray<ReadonlyArray<string>>
  /** PSUs, strata and PSUs − strata among the analysed cases with a non-zero weight. */
  readonly dof: Stats.DesignDegreesOfFreedom
}

/**
 * The JSON `design` statement of an analysis design; `dof` is the design's degrees of freedom, or (better) its
 * PSUs, strata and degrees of freedom, which also fill the `DesignInfo` fields.
 *
 * @example
 * mrDesignStatement({ mode: "unweighted" }) // { mode: "unweighted" }
 */
export const mrDesignStatement = (
  design: AnalysisDesign,
  dof?: number | Stats.DesignDegreesOfFreedom
): MrDesignStatement => {
  if (design.mode === "unweighted") return { mode: "unweighted" }
  if (design.mode === "frequency") return { mode: "frequency", weight: design.weights.variable }
  return {
    mode: "sampling",
    ...(design.weights === undefined ? {} : { weight: design.weights.variable }),
    ...(design.strata === undefined ? {} : { strata: design.strata.variable }),
    ...(design.cluster === undefined ? {} : { cluster: design.cluster.variable }),
    ...(design.fpc === undefined ? {} : { fpc: design.fpc.variable }),
    lonelyPsu: design.lonelyPsu,
    ...(dof === undefined ? {} : typeof dof === "number"
      ? { degreesOfFreedom: dof, df: dof }
      : {
        degreesOfFreedom: dof.degreesOfFreedom,
        psus: dof.psus,
        strataCount: dof.strata,
        df: dof.degreesOfFreedom
      }),
    method: "Taylor linearization"
  }
}

/**
 * Design-based pairwise comparisons of the group proportions of item j: t = (p̂_a − p̂_b)/SE from the linearized
 * covariance, on the design's degrees of freedom, Bonferroni over the r(r − 1)/2 pairs, α = .05.
 */
const pairLetters = (res: Stats.MmiDesignRaoScott, r: number, c: number, j: number): Array<string> => {
  const rc = r * c
  const p = (i: number) => res.proportions[r + i * c + j]!
  const v = (a: number, b: number) => res.covariance[(a * c + j) * rc + b * c + j]!
  const pairs = (r * (r - 1)) / 2
  const larger = Array.from({ length: r }, () => "")
  for (let a = 0; a < r; a++) {
    for (let b = 0; b < r; b++) {
      if (a === b) continue
      const se = Math.sqrt(v(a, a) + v(b, b) - 2 * v(a, b))
      const t = (p(a) - p(b)) / se
      if (!(se > 0) || !(t > 0)) continue
      const pValue = Math.min(1, pairs * Stats.studentTTwoSidedP(t, Math.max(res.designDf, 1)))
      if (pValue < 0.05) larger[a] += Stats.letterOf(b)
    }
  }
  return larger
}

/**
 * The design-based tests of a multiple-response set: every case of the file enters (a case left out of the
 * analysis has weight 0 and stays in its PSU, as R survey's subset), `keep` lists the analysed rows and
 * `groupOf(k)` their 0-based group.
 *
 * @example
 * designTests(design, rowCount, keep, groupOf, itemColumns, 3).overall.f.p
 */
export const designTests = (
  design: ResolvedDesign,
  rowCount: number,
  keep: ReadonlyArray<number>,
  groupOf: (k: number) => number,
  selectedOf: ReadonlyArray<(k: number) => boolean>,
  groupCount: number
): MrDesignTests => {
  const groups = new Int32Array(rowCount)
  const weights = new Float64Array(rowCount)
  const items = selectedOf.map(() => new Uint8Array(rowCount))
  for (const k of keep) {
    groups[k] = groupOf(k)
    weights[k] = design.weights === undefined ? 1 : design.weights.values[k]!
    selectedOf.forEach((selected, j) => (items[j]![k] = selected(k) ? 1 : 0))
  }
  const data: Stats.MultipleResponseData = { groups, groupCount, items }
  const overall = Stats.mmiDesignRaoScott(data, weights, design.survey)
  const kept = new Uint8Array(rowCount)
  for (const k of keep) kept[k] = 1
  const perItem = items.map((y): ItemDesignTest => {
    const mmi = Stats.mmiDesignRaoScott({ groups, groupCount, items: [y] }, weights, design.survey)
    if (Number.isFinite(mmi.f.p)) return { f: mmi.f, method: "mmi" }
    const rows = Int32Array.from(y, (v, k) => (kept[k] === 1 ? v : -1))
    const cols = Int32Array.from(groups, (g, k) => (kept[k] === 1 ? g : -1))
    return { f: Stats.raoScott(rows, cols, 2, groupCount, { weights, design: design.survey }).f, method: "svychisq" }
  })
  return {
    overall,
    dof: Stats.designDegreesOfFreedom(design.survey, rowCount, weights),
    items: perItem,
    largerThan: items.map((_, j) => pairLetters(overall, groupCount, items.length, j))
  }
}
