import { type Codebook, type Column, findVariable, makeDataset, SYSTEM_MISSING } from "@danvan/domain"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type { TextEncodingName } from "../decodeText.js"
import { DataFileError, type DataProblem } from "../errors.js"
import { isKoboHeader, readKoboTable } from "../xlsform/readKobo.js"
import { detectFormPlatform } from "./detect.js"
import { type FormRead, inferForm } from "./inferForm.js"
import type { ChoiceList } from "./questions.js"
import { csvTable, type TextTable, xlsxTable } from "./table.js"

/**
 * Choice lists from a codebook: a single-choice variable's value labels (vi) in code order; a multiple-response
 * set's items' labels, ticked several at once. Keyed by variable or set name.
 *
 * @example
 * choicesFromCodebook(codebook).q3 // { options: ["Qua báo chí", "Qua mạng xã hội (Zalo, Facebook)"], multiple: true }
 */
export const choicesFromCodebook = (codebook: Codebook): Record<string, ChoiceList> => {
  const out: Record<string, ChoiceList> = {}
  for (const v of codebook.variables) {
    if (v.kind === "single" && v.values.length > 0) out[v.name] = { options: v.values.map((x) => x.label.vi) }
  }
  for (const set of codebook.multipleResponseSets) {
    out[set.name] = { options: set.items.map((i) => findVariable(codebook, i)?.label.vi ?? i), multiple: true }
  }
  return out
}

const fold = (s: string) => s.normalize("NFC").trim().toLocaleLowerCase("vi")

/**
 * The inferred dataset recoded to a given codebook: set items renamed to the codebook's item names (in order),
 * single-choice answers given the codebook's codes (matched by vi or en label). An answer the codebook does not
 * list is a problem naming the column, row and value.
 */
const recode = (
  read: FormRead,
  table: TextTable,
  codebook: Codebook,
  file: string
): Either.Either<FormRead, DataFileError> => {
  const problems: Array<DataProblem> = []
  const rename = new Map<string, string>()
  for (const set of codebook.multipleResponseSets) {
    const inferred = read.codebook.multipleResponseSets.find((s) => s.name === set.name)
    inferred?.items.forEach((item, k) => {
      if (k < set.items.length) rename.set(item, set.items[k])
      else {
        const v = findVariable(read.codebook, item)
        problems.push({
          row: 0,
          column: set.name,
          value: v?.label.vi ?? item,
          expected: `one of the ${set.items.length} options of set "${set.name}" in codebook ${codebook.id}`
        })
      }
    })
  }
  const columns = read.dataset.columns.map((column): Column => {
    const name = rename.get(column.name) ?? column.name
    const target = findVariable(codebook, name)
    const source = findVariable(read.codebook, column.name)
    if (
      column.type !== "codes" || target === undefined || source === undefined || target.kind !== "single" ||
      rename.has(column.name)
    ) return { ...column, name } as Column
    const map = new Map<number, number>()
    for (const v of source.values) {
      const match = target.values.find((t) =>
        fold(t.label.vi) === fold(v.label.vi) || fold(t.label.en) === fold(v.label.vi)
      )
      if (match !== undefined) map.set(v.code, match.code)
    }
    const values = Int32Array.from(column.values, (c, row) => {
      if (c === SYSTEM_MISSING) return c
      const to = map.get(c)
      if (to === undefined) {
        problems.push({
          row: table.rows[row]?.row ?? row + 2,
          column: source.label.vi,
          value: source.values.find((v) => v.code === c)?.label.vi ?? String(c),
          expected: `one of the labels of "${name}" in codebook ${codebook.id}: ${
            target.values.map((t) => t.label.vi).join(", ")
          }`
        })
      }
      return to ?? SYSTEM_MISSING
    })
    return { name, type: "codes", values }
  })
  if (problems.length > 0) {
    return Either.left(new DataFileError({ file, problems: problems.slice(0, 20), totalProblems: problems.length }))
  }
  const dataset = makeDataset(columns, codebook.id, read.dataset.typing)
  return Either.right({ ...read, dataset, codebook, warnings: read.warnings.filter((w) => w.code !== "FORM_INFERRED") })
}

/**
 * Reads a CSV or .xlsx data file as a Google/Microsoft Forms export when its header is one; `undefined` when
 * it is not (the caller reads it as a plain data file). With a codebook, its choice lists order the answers and
 * the data get its names and codes.
 *
 * @example
 * const read = yield* readFormBytes(bytes, "csv", "responses.csv", {})
 * if (read !== undefined) read.codebook.variables.length
 */
export const readFormBytes = (
  bytes: Uint8Array,
  format: "csv" | "xlsx",
  file: string,
  options: { readonly sheet?: string; readonly codebook?: Codebook; readonly encoding?: TextEncodingName }
): Effect.Effect<
  (Omit<FormRead, "platform"> & { readonly platform: FormRead["platform"] | "kobo-odk" }) | undefined,
  DataFileError
> =>
  Effect.gen(function*() {
    // A workbook that cannot be read, or lacks the sheet, is left to the .xlsx reader to report.
    const table = format === "csv"
      ? csvTable(bytes, options.encoding)
      : yield* Effect.orElseSucceed(xlsxTable(bytes, file, options.sheet), () => undefined)
    if (table === undefined) return undefined
    if (options.codebook !== undefined && isKoboHeader(table.header)) {
      const kobo = readKoboTable(table, options.codebook, file)
      if (Either.isLeft(kobo)) return yield* Effect.fail(kobo.left)
      return { ...kobo.right, codebook: options.codebook, platform: "kobo-odk" as const }
    }
    if (detectFormPlatform(table.header) === undefined) return undefined
    const choices = options.codebook !== undefined ? choicesFromCodebook(options.codebook) : undefined
    const inferred = inferForm(table, { fileName: file, ...(choices !== undefined ? { choices } : {}) })
    if (Either.isLeft(inferred)) return yield* Effect.fail(inferred.left)
    if (options.codebook === undefined) return inferred.right
    const recoded = recode(inferred.right, table, options.codebook, file)
    return Either.isLeft(recoded) ? yield* Effect.fail(recoded.left) : recoded.right
  })
