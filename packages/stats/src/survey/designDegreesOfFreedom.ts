import type { SurveyDesign } from "./designCovariance.js"

/** PSUs and strata of a domain and the design degrees of freedom they give. */
export interface DesignDegreesOfFreedom {
  readonly psus: number
  readonly strata: number
  /** PSUs − strata (R survey's `degf`). */
  readonly degreesOfFreedom: number
}

/**
 * The degrees of freedom of a design for the estimates of a domain: the number of PSUs minus the number of
 * strata among the domain's cases with a non-zero weight, as R survey's `degf(subset(design, domain))` (whose
 * `inset` is `weights(design) != 0`). Each case is its own PSU when the design has no clusters, so a weighted
 * simple random sample of n cases has n − 1.
 *
 * Formula: df = #{distinct (stratum, PSU)} − #{distinct stratum} over {i : inDomain(i), w_i ≠ 0}.
 * Reference: Lumley (2010), Complex Surveys, §2.3 (degrees of freedom of a design); Korn & Graubard (1999),
 * Analysis of Health Surveys, §5.2.
 *
 * @param design - strata and PSUs per case
 * @param n - number of cases
 * @param weights - weight per case (all 1 when undefined)
 * @param inDomain - whether case i belongs to the domain (all cases when undefined)
 * @example
 * designDegreesOfFreedom({ strata: [0, 0, 1, 1], clusters: [0, 1, 0, 1] }, 4).degreesOfFreedom // 4 − 2 = 2
 */
export const designDegreesOfFreedom = (
  design: SurveyDesign,
  n: number,
  weights?: ArrayLike<number>,
  inDomain?: (i: number) => boolean
): DesignDegreesOfFreedom => {
  // PSUs per stratum: without clusters each case is its own PSU, so a count is enough (no set of cases)
  const psusOf = new Map<number, Set<number> | { size: number }>()
  for (let i = 0; i < n; i++) {
    if (inDomain !== undefined && !inDomain(i)) continue
    if (weights !== undefined && weights[i] === 0) continue
    const h = design.strata === undefined ? 0 : design.strata[i]!
    let set = psusOf.get(h)
    if (set === undefined) psusOf.set(h, set = design.clusters === undefined ? { size: 0 } : new Set<number>())
    if (set instanceof Set) set.add(design.clusters![i]!)
    else set.size++
  }
  let psus = 0
  for (const set of psusOf.values()) psus += set.size
  return { psus, strata: psusOf.size, degreesOfFreedom: psus - psusOf.size }
}
