import type { DesignChoice } from "@danvan/analysis"
import { designChoice } from "../flags.js"

type DesignArgs = Parameters<typeof designChoice>[0]

/**
 * The design flags of a data command: the analysis' design choice, the design columns to read (strata and
 * clusters as codes) and the columns to read as numbers (the fpc, which may be a fraction).
 *
 * @example
 * designOf(args) // { choice: { strata: "huyen", cluster: "xa" }, columns: ["huyen", "xa"], numeric: [] }
 */
export const designOf = (args: DesignArgs): {
  readonly choice: DesignChoice
  readonly columns: ReadonlyArray<string>
  readonly numeric: ReadonlyArray<string>
} => {
  const choice: DesignChoice = designChoice(args)
  return {
    choice,
    columns: [choice.strata, choice.cluster].filter((c): c is string => c !== undefined),
    numeric: choice.fpc === undefined ? [] : [choice.fpc]
  }
}

/** Whether any of --strata, --cluster, --fpc, --weight-mode, --lonely-psu was given. */
export const hasDesignFlags = (args: DesignArgs): boolean => Object.keys(designChoice(args)).length > 0
