// Either versions of the measures of association.
import * as core from "../index.js"
import { tryStats } from "./tryStats.js"

/**
 * `associationMeasures` returning `Either`.
 *
 * @example
 * associationMeasures(table) // Right({ phi, cramersV, gamma, kendallTauB, ... })
 */
export const associationMeasures = tryStats(core.associationMeasures)

/**
 * `phi` returning `Either`: `Left` for an empty table or a zero row or column total.
 *
 * @example
 * phi(fromMatrix([[10, 20], [30, 40]])) // Right({ value: -0.0890..., p: 0.3729... })
 */
export const phi = tryStats(core.phi)

/**
 * `cramersV` returning `Either`.
 *
 * @example
 * cramersV(table) // Right({ value, ... })
 */
export const cramersV = tryStats(core.cramersV)

/**
 * `contingencyCoefficient` returning `Either`.
 *
 * @example
 * contingencyCoefficient(table) // Right({ value, ... })
 */
export const contingencyCoefficient = tryStats(core.contingencyCoefficient)

/**
 * `lambda` returning `Either`.
 *
 * @example
 * lambda(table) // Right({ symmetric, rowsDependent, colsDependent })
 */
export const lambda = tryStats(core.lambda)

/**
 * `goodmanKruskalTau` returning `Either`.
 *
 * @example
 * goodmanKruskalTau(table) // Right({ rowsDependent, colsDependent })
 */
export const goodmanKruskalTau = tryStats(core.goodmanKruskalTau)

/**
 * `uncertaintyCoefficient` returning `Either`.
 *
 * @example
 * uncertaintyCoefficient(table) // Right({ symmetric, rowsDependent, colsDependent })
 */
export const uncertaintyCoefficient = tryStats(core.uncertaintyCoefficient)

/**
 * `gamma` returning `Either`.
 *
 * @example
 * gamma(table) // Right({ value, ase, t, p })
 */
export const gamma = tryStats(core.gamma)

/**
 * `kendallTauB` returning `Either`.
 *
 * @example
 * kendallTauB(table) // Right({ value: -0.1259..., ase: 0.0259..., t: -4.856..., p: 1.197...e-6 })
 */
export const kendallTauB = tryStats(core.kendallTauB)

/**
 * `kendallTauC` returning `Either`.
 *
 * @example
 * kendallTauC(table) // Right({ value, ase, t, p })
 */
export const kendallTauC = tryStats(core.kendallTauC)

/**
 * `somersD` returning `Either`.
 *
 * @example
 * somersD(table) // Right({ symmetric, rowsDependent, colsDependent })
 */
export const somersD = tryStats(core.somersD)
