import type { Codebook } from "@danvan/domain"
import type { DataFileRead, IoWarning } from "@danvan/io"
import { loadCodebook, readDataFile } from "@danvan/io"
import * as Effect from "effect/Effect"
import * as FiberRef from "effect/FiberRef"
import * as Option from "effect/Option"
import { CurrentEncoding, type EncodingName } from "../encodingFlag.js"
import { CurrentRecipe } from "../recipeRef.js"
import { writeStderr } from "../terminal.js"
import type { AppliedRecipe } from "./recipe.js"

/**
 * The data as read, then prepared by `--recipe` when one was given (see run/recipe.ts): a recipe may use any
 * column, so with a recipe the whole file is read. `recipe` says what it did (for method notes). `--encoding`
 * (taken off the command line by main, see encodingFlag.ts) is passed to the reader as `encoding`.
 */
export const withRecipe = <E, R>(
  read: (columns: boolean, encoding: { readonly encoding?: EncodingName }) => Effect.Effect<DataFileRead, E, R>,
  codebook: Codebook | undefined
) =>
  Effect.flatMap(FiberRef.get(CurrentEncoding), (name) => {
    const encoding = name !== undefined ? { encoding: name } : {}
    return Effect.flatMap(FiberRef.get(CurrentRecipe), (path) =>
      path === undefined
        ? Effect.map(read(true, encoding), (r) => ({ ...r, recipe: undefined as AppliedRecipe | undefined }))
        : Effect.flatMap(
          read(false, encoding),
          // imported here: the recipe steps (all of @danvan/analysis' prepare) load only with --recipe
          (r) => Effect.flatMap(Effect.promise(() => import("./recipe.js")), (m) => m.prepareRead(path, r, codebook))
        ))
  })

/** Loads `--codebook` when given. */
export const optionalCodebook = (ref: Option.Option<string>) =>
  Option.match(ref, {
    onNone: () => Effect.succeed<Codebook | undefined>(undefined),
    onSome: (r) =>
      loadCodebook(r) as Effect.Effect<Codebook | undefined, Effect.Effect.Error<ReturnType<typeof loadCodebook>>>
  })

/**
 * Reader warnings go to stderr so they never mix with the result on stdout. VARIABLE_NOT_IN_FILE is left out:
 * a file usually holds only some of a codebook's variables, and a requested variable that is absent is an error
 * of its own.
 */
export const reportWarnings = (warnings: ReadonlyArray<IoWarning>) =>
  Effect.forEach(
    warnings.filter((w) => w.code !== "VARIABLE_NOT_IN_FILE"),
    (w) => writeStderr(`danvan: warning: ${w.message}`),
    { discard: true }
  )

/**
 * Reads `--data` by its extension (CSV, .xlsx with `--sheet`, SPSS .sav/.zsav), checked against the codebook
 * when there is one (the `--weight` column as numbers), and reports the reader's warnings on stderr. The
 * result's `codebook` is the one to analyse with: `--codebook`, else a .sav file's own dictionary.
 *
 * @example
 * const read = yield* readData("survey.sav", undefined, "weight")
 * yield* crosstab(read.dataset, read.codebook, "level", "q1")
 */
export const readData = (
  path: string,
  codebook: Codebook | undefined,
  weight: string | undefined,
  sheet: Option.Option<string> = Option.none(),
  columns?: ReadonlyArray<string>,
  /** Further columns read as numbers (a design's fpc). */
  numeric: ReadonlyArray<string> = []
) =>
  withRecipe(
    (subset, encoding) =>
      readDataFile(path, {
        ...encoding,
        ...(codebook !== undefined ? { codebook } : {}),
        ...(weight !== undefined || numeric.length > 0
          ? { numericColumns: [...(weight !== undefined ? [weight] : []), ...numeric] }
          : {}),
        ...(Option.isSome(sheet) ? { sheet: sheet.value } : {}),
        ...(columns !== undefined && subset
          ? {
            columns: [...columns, ...numeric],
            numericColumns: withDefaultWeight([...(weight !== undefined ? [weight] : []), ...numeric], codebook)
          }
          : {})
      }).pipe(Effect.tap((read) => reportWarnings(read.warnings))),
    codebook
  )

/**
 * Numeric columns with the codebook's weight variable:
 * when only some columns are read, a default weight must be too.
 */
const withDefaultWeight = (numeric: ReadonlyArray<string>, codebook: Codebook | undefined): Array<string> => [
  ...numeric,
  ...(codebook?.weightVariable !== undefined && !numeric.includes(codebook.weightVariable)
    ? [codebook.weightVariable]
    : [])
]

/**
 * `readData` with the named columns read as numbers (decimals allowed): the variables `describe` summarises
 * and the weight.
 *
 * @example
 * const read = yield* readDataColumns("survey.csv", undefined, ["age", "weight"])
 */
export const readDataColumns = (
  path: string,
  codebook: Codebook | undefined,
  numeric: ReadonlyArray<string>,
  sheet: Option.Option<string> = Option.none()
) =>
  withRecipe(
    (subset, encoding) =>
      readDataFile(path, {
        ...encoding,
        ...(codebook !== undefined ? { codebook } : {}),
        numericColumns: withDefaultWeight(numeric, codebook),
        ...(subset ? { columns: numeric } : {}),
        ...(Option.isSome(sheet) ? { sheet: sheet.value } : {})
      }).pipe(Effect.tap((read) => reportWarnings(read.warnings))),
    codebook
  )

/**
 * The columns a command reads when it needs only `used` (CSV and .xlsx skip the others in the scanner), or
 * undefined (read every column) when `--missing` names another column: the analysis then reports an unknown
 * name against the file's full list of columns, as without a subset.
 *
 * @example
 * usedColumns(["level", "trust"], { level: [9] }) // ["level", "trust"]
 * usedColumns(["level", "trust"], { sex: [9] })   // undefined
 */
export const usedColumns = (
  used: ReadonlyArray<string>,
  missing: Readonly<Record<string, ReadonlyArray<number>>>
): ReadonlyArray<string> | undefined => Object.keys(missing).every((name) => used.includes(name)) ? used : undefined

/** The analysis options shared by the data commands: weight (`--weight`, `--no-weight`) and extra missing codes. */
export const caseOptions = (
  weight: string | undefined,
  missing: Readonly<Record<string, ReadonlyArray<number>>>,
  noWeight = false
) => ({
  ...(weight !== undefined ? { weight } : {}),
  ...(noWeight ? { noWeight: true } : {}),
  ...(Object.keys(missing).length > 0 ? { missing } : {})
})

/** `--weight` and `--no-weight` together are a usage error. */
export const weightConflict = (weight: string | undefined, noWeight: boolean): string | undefined =>
  weight !== undefined && noWeight ? `give --weight ${weight} or --no-weight, not both` : undefined

export const orUndefined = <A>(o: Option.Option<A>): A | undefined => Option.getOrUndefined(o)
