import type * as Command from "@effect/cli/Command"
import * as Effect from "effect/Effect"
import type { planInitOptions } from "../commands/plan.js"
import { writeStdout } from "../terminal.js"
import { planForData } from "./autoPlan.js"

export type PlanInitArgs = Command.Command.ParseConfig<typeof planInitOptions>

/**
 * `danvan plan init`: prints the plan built from the data's codebook as JSON.
 *
 * @example
 * yield* runPlanInit(args) // {"id": "survey-by-level", "sections": [...]}
 */
export const runPlanInit = (args: PlanInitArgs) =>
  Effect.gen(function*() {
    const { json } = yield* planForData(args.data, args.codebook, args.by, args.sheet)
    yield* writeStdout(JSON.stringify(json, null, 2) + "\n")
  })
