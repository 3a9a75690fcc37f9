import * as Effect from "effect/Effect"
import { UsageError } from "./errors.js"
import { CurrentRecipe } from "./recipeRef.js"

/** Commands with a `--recipe` option of their own (the flag is theirs, not taken off the command line). */
const OWN_RECIPE = new Set(["prepare"])

/**
 * Takes `--recipe FILE` (or `--recipe=FILE`) off the command line, for every command that reads `--data`: the
 * data reading they share (run/common.ts) applies it. Returns the rest of argv and a wrapper that sets
 * `CurrentRecipe` for the run; `--recipe` without `--data`, or given twice, is a usage error.
 *
 * @example
 * const { rest, run } = takeRecipe(["node", "danvan", "frequencies", "--data", "s.csv", "--recipe", "r.json", "q1"])
 * // rest: [... "frequencies", "--data", "s.csv", "q1"]; run(program) applies r.json
 */
export const takeRecipe = (argv: ReadonlyArray<string>) => {
  const command = argv.slice(2).find((a) => !a.startsWith("-"))
  const found: Array<string> = []
  const rest: Array<string> = []
  if (command !== undefined && OWN_RECIPE.has(command)) {
    return {
      rest: [...argv],
      run: <A, E, R>(e: Effect.Effect<A, E, R>) => e
    }
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (i >= 2 && a === "--recipe" && i + 1 < argv.length) found.push(argv[++i]!)
    else if (i >= 2 && a.startsWith("--recipe=")) found.push(a.slice("--recipe=".length))
    else rest.push(a)
  }
  const hasData = rest.some((a) => a === "--data" || a.startsWith("--data="))
  const problem = found.length > 1
    ? "give --recipe once"
    : found.length === 1 && !hasData
    ? "--recipe applies to commands that read --data"
    : undefined
  const run = <A, E, R>(e: Effect.Effect<A, E, R>): Effect.Effect<A, E | UsageError, R> =>
    problem !== undefined
      ? Effect.fail(new UsageError({ command: command ?? "", message: problem }))
      : found.length === 1
      ? Effect.locally(e, CurrentRecipe, found[0])
      : e
  return { rest, run }
}
