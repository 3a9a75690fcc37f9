import type { Counter } from "@danvan/analysis"
import { memoryCounter } from "@danvan/analysis"
import type { Codebook } from "@danvan/domain"
import * as Effect from "effect/Effect"
import * as FiberRef from "effect/FiberRef"
import type * as Option from "effect/Option"
import type * as Scope from "effect/Scope"
import { CurrentRecipe } from "../recipeRef.js"
import { readData } from "./common.js"

export type EngineName = "memory" | "duckdb"

/**
 * The counter `--engine` asks for over `--data`: DuckDB straight over a .parquet file (nothing loaded into
 * JavaScript; not with --recipe, which needs the rows), else the file read as usual (readData) and counted in
 * memory or loaded into DuckDB. DuckDB is imported only here, only for `--engine duckdb`. The codebook is
 * `--codebook`, or a .sav file's own.
 *
 * @example
 * const { counter, codebook } = yield* openCounter("duckdb", "survey.parquet", undefined, undefined, Option.none())
 */
export const openCounter = (
  engine: EngineName,
  path: string,
  codebook: Codebook | undefined,
  weight: string | undefined,
  sheet: Option.Option<string>
) =>
  Effect.gen(function*() {
    const recipe = yield* FiberRef.get(CurrentRecipe)
    if (engine === "duckdb" && recipe === undefined && /\.parquet$/i.test(path)) {
      const duck = yield* Effect.promise(() => import("@danvan/analysis/duckdb"))
      const counter: Counter = yield* duck.parquetCounter(path)
      return { counter, codebook }
    }
    const read = yield* readData(path, codebook, weight, sheet)
    if (engine === "memory") return { counter: memoryCounter(read.dataset, path), codebook: read.codebook }
    const duck = yield* Effect.promise(() => import("@danvan/analysis/duckdb"))
    const counter: Counter = yield* duck.datasetCounter(read.dataset, path)
    return { counter, codebook: read.codebook }
  })

/** Runs `use` with the counter, closing DuckDB after. */
export const withCounter = <A, E, R>(
  engine: EngineName,
  path: string,
  codebook: Codebook | undefined,
  weight: string | undefined,
  sheet: Option.Option<string>,
  use: (counter: Counter, codebook: Codebook | undefined) => Effect.Effect<A, E, R>
) =>
  Effect.scoped(
    Effect.flatMap(
      openCounter(engine, path, codebook, weight, sheet),
      ({ codebook, counter }) => use(counter, codebook) as Effect.Effect<A, E, Exclude<R, Scope.Scope>>
    )
  )
