import { basename } from "node:path"
import { AnalysisError } from "@danvan/analysis"
import type { AnalysisPlan, AnalysisPlanJson, Codebook } from "@danvan/domain"
import {
  codebookFromDataset,
  columnNames,
  decodeAnalysisPlan,
  findVariable,
  plainLabel,
  planFromCodebook
} from "@danvan/domain"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type * as Option from "effect/Option"
import { optionalCodebook, readData } from "./common.js"

/** The codebook id a data file without one gets: its base name, lowercased, other characters as "-". */
const idOf = (path: string): string =>
  basename(path).replace(/\.[^.]*$/, "").toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[^a-z0-9]+/, "") ||
  "data"

const listed = (
  names: ReadonlyArray<string>
) => (names.length <= 15 ? names.join(", ") : `${names.slice(0, 15).join(", ")}, … (${names.length} in all)`)

/**
 * The data read, its codebook (--codebook, else a .sav file's dictionary, else one read off the data's columns)
 * and the plan that codebook implies for tables by `by` (`planFromCodebook`), in JSON and decoded form.
 * `by` must be a categorical variable of the data: else an AnalysisError naming it and what there is.
 *
 * @example
 * const { read, codebook, plan } = yield* planForData("survey.sav", Option.none(), "level", Option.none())
 */
export const planForData = (
  dataFile: string,
  codebookRef: Option.Option<string>,
  by: string,
  sheet: Option.Option<string>,
  weight?: string
) =>
  Effect.gen(function*() {
    const given = yield* optionalCodebook(codebookRef)
    const read = yield* readData(dataFile, given, weight, sheet)
    const codebook: Codebook = read.codebook ??
      codebookFromDataset(read.dataset, { id: idOf(dataFile), title: plainLabel(basename(dataFile)) })
    const columns = columnNames(read.dataset)
    const variable = findVariable(codebook, by)
    const typed = read.dataset.typing?.find((t) => t.name === by)
    if (typed !== undefined && typed.type !== "numeric") {
      return yield* Effect.fail(
        new AnalysisError({
          code: "NOT_CATEGORICAL",
          message: `--by "${by}": the column holds ${
            typed.type === "date" ? "dates" : "text"
          } in ${dataFile} (row ${typed.row}: "${typed.value}"); tables need a categorical grouping variable (integer codes)`
        })
      )
    }
    if (variable === undefined || !columns.includes(by)) {
      const categorical = codebook.variables.filter((v) => v.kind === "single" && columns.includes(v.name)).map((v) =>
        v.name
      )
      return yield* Effect.fail(
        new AnalysisError({
          code: "UNKNOWN_VARIABLE",
          message: `--by "${by}": ${dataFile} has no variable of that name; its single-choice variables are ${
            listed(categorical) || "(none)"
          }`
        })
      )
    }
    if (variable.kind === "numeric") {
      return yield* Effect.fail(
        new AnalysisError({
          code: "NOT_CATEGORICAL",
          message:
            `--by "${by}": the variable is numeric in ${dataFile}; tables need a categorical grouping variable (integer codes)`
        })
      )
    }
    const json: AnalysisPlanJson = planFromCodebook(codebook, {
      by,
      columns,
      ...(weight !== undefined ? { weight } : {})
    })
    const plan: AnalysisPlan = yield* Either.mapLeft(decodeAnalysisPlan(json, `the plan built for ${dataFile}`), (e) =>
      new AnalysisError({ code: "BAD_OPTION", message: e.message }))
    return { read, codebook, json, plan }
  })
