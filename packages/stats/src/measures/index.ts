import type { ContingencyTable } from "../ContingencyTable.js"
import { contingencyCoefficient } from "./contingencyCoefficient.js"
import { cramersV } from "./cramersV.js"
import { gamma } from "./gamma.js"
import { goodmanKruskalTau } from "./goodmanKruskalTau.js"
import { kendallTauB } from "./kendallTauB.js"
import { kendallTauC } from "./kendallTauC.js"
import { lambda } from "./lambda.js"
import { phi } from "./phi.js"
import { somersD } from "./somersD.js"
import type { AssociationMeasures, PearsonInput } from "./types.js"
import { uncertaintyCoefficient } from "./uncertaintyCoefficient.js"

export { contingencyCoefficient } from "./contingencyCoefficient.js"
export { cramersV } from "./cramersV.js"
export { gamma } from "./gamma.js"
export { goodmanKruskalTau } from "./goodmanKruskalTau.js"
export { kendallTauB } from "./kendallTauB.js"
export { kendallTauC } from "./kendallTauC.js"
export { lambda } from "./lambda.js"
export { phi } from "./phi.js"
export { somersD } from "./somersD.js"
export { uncertaintyCoefficient } from "./uncertaintyCoefficient.js"
export type {
  AssociationMeasures,
  DirectionalMeasure,
  GoodmanKruskalTau,
  GoodmanKruskalTauMeasure,
  Measure,
  PearsonInput,
  ScalarMeasure
} from "./types.js"

/**
 * Every measure of association SPSS CROSSTABS reports for a two-way table, in one object: phi, Cramér's V and
 * the contingency coefficient (p = Pearson chi-square p), lambda, Goodman and Kruskal's tau, the uncertainty
 * coefficient, gamma, Kendall's tau-b and tau-c and Somers' d, each with ASE1, approximate T and p as documented
 * on its own function. Ordinal measures use the row and column category order of the table.
 * References: Agresti 2002 "Categorical Data Analysis" 2nd ed., doi:10.1002/0471249688, ch. 2-3; Goodman &
 * Kruskal 1954, doi:10.1080/01621459.1954.10501231; Brown & Benedetti 1977, doi:10.1080/01621459.1977.10479910.
 *
 * @param pearson optional { statistic, p } of the table's Pearson test, reused for phi, V and C.
 * @throws StatsInputError for an empty table or a zero row or column total (drop empty categories first).
 * @example
 * const m = associationMeasures(fromMatrix([[66, 209, 35], [158, 177, 41], [163, 216, 31]]))
 * m.cramersV.value // 0.1368
 * m.gamma.p        // two-sided p of gamma's approximate T
 */
export const associationMeasures = (table: ContingencyTable, pearson?: PearsonInput): AssociationMeasures => ({
  phi: phi(table, pearson),
  cramersV: cramersV(table, pearson),
  contingencyCoefficient: contingencyCoefficient(table, pearson),
  lambda: lambda(table),
  goodmanKruskalTau: goodmanKruskalTau(table),
  uncertaintyCoefficient: uncertaintyCoefficient(table),
  gamma: gamma(table),
  kendallTauB: kendallTauB(table),
  kendallTauC: kendallTauC(table),
  somersD: somersD(table)
})
