import * as FiberRef from "effect/FiberRef"

/**
 * `--recipe FILE`, taken off the command line by `main` for every command that reads `--data` (so all of them
 * apply it in the one place that reads data, `readData` in run/common.ts). Undefined when not given. Kept apart
 * from run/recipe.ts so that start-up does not load the analysis and io packages.
 */
export const CurrentRecipe: FiberRef.FiberRef<string | undefined> = FiberRef.unsafeMake<string | undefined>(undefined)
