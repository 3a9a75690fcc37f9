import type { BilingualLabel, Codebook, MultipleResponseSet, ValueLabel, Variable } from "@danvan/domain"
import * as Effect from "effect/Effect"
import { DataFileError, type DataProblem } from "../errors.js"
import { sheetTable, type TextTable } from "../forms/table.js"
import { rememberTextQuestions } from "./textQuestions.js"

/**
 * Reading an XLSForm (the form definition KoboToolbox, ODK and SurveyCTO use) as a codebook: sheets `survey`
 * (type, name, label…), `choices` (list_name, name, label…) and `settings` (form_title, form_id).
 */

type Row = Readonly<Record<string, string>>

const rowsOf = (table: TextTable): Array<{ row: number; cells: Row }> =>
  table.rows.map((r) => ({
    row: r.row,
    cells: Object.fromEntries(table.header.map((h, k) => [h.trim().toLowerCase(), (r.cells[k] ?? "").trim()]))
  }))

/**
 * `label`, `label::Vietnamese (vi)`, `label::English (en)`, `label::vi`… of a row as a bilingual label.
 *
 * @example
 * bilingual({ "label::vietnamese (vi)": "Tuổi", "label::english (en)": "Age" }, "label", "age")
 * // { vi: "Tuổi", en: "Age" }
 */
export const bilingual = (cells: Row, column: string, fallback: string): BilingualLabel => {
  let vi: string | undefined
  let en: string | undefined
  let plain: string | undefined
  for (const [key, value] of Object.entries(cells)) {
    if (value === "") continue
    if (key === column) plain = value
    else if (key.startsWith(`${column}::`)) {
      const lang = key.slice(column.length + 2)
      if (/\(vi\)|^vi$|vietnam|tiếng việt/.test(lang)) vi = value
      else if (/\(en\)|^en$|english/.test(lang)) en = value
      else plain ??= value
    }
  }
  const v = (vi ?? plain ?? en ?? fallback).normalize("NFC")
  const e = (en ?? plain ?? vi ?? fallback).normalize("NFC")
  return { vi: v, en: e }
}

const NUMERIC = new Set(["integer", "decimal", "range"])
const META = new Set([
  "start",
  "end",
  "today",
  "deviceid",
  "subscriberid",
  "simserial",
  "phonenumber",
  "username",
  "email",
  "audit",
  "calculate",
  "note",
  "text",
  "date",
  "time",
  "datetime",
  "geopoint",
  "geotrace",
  "geoshape",
  "image",
  "audio",
  "video",
  "file",
  "barcode",
  "acknowledge",
  "hidden",
  "start-geopoint",
  "background-audio"
])

/** Question types whose answers are kept as text by the export reader (labelled from the form). */
const FREE_ANSWER = new Set(["text", "date", "time", "datetime", "barcode", "calculate", "geopoint"])

/** The choices of each list, in order; codes are the choice names when every name of the list is an integer. */
const choiceLists = (choices: ReadonlyArray<{ row: number; cells: Row }>): Map<string, Array<ValueLabel>> => {
  const lists = new Map<string, Array<{ name: string; label: BilingualLabel }>>()
  for (const { cells } of choices) {
    const list = cells["list_name"] ?? cells["list name"] ?? ""
    if (list === "" || (cells["name"] ?? "") === "") continue
    const entries = lists.get(list) ?? []
    entries.push({ name: cells["name"], label: bilingual(cells, "label", cells["name"]) })
    lists.set(list, entries)
  }
  const out = new Map<string, Array<ValueLabel>>()
  for (const [list, entries] of lists) {
    const integral = entries.every((e) => /^-?\d+$/.test(e.name))
    out.set(list, entries.map((e, k) => ({ code: integral ? Number(e.name) : k + 1, label: e.label, name: e.name })))
  }
  return out
}

const noteOf = (cells: Row, groups: ReadonlyArray<string>): string | undefined => {
  const parts: Array<string> = []
  if (groups.length > 0) parts.push(`group ${groups.join("/")}`)
  if (/^(yes|true|true\(\))$/i.test(cells["required"] ?? "")) parts.push("required")
  for (const key of ["relevant", "constraint", "choice_filter", "calculation"]) {
    if ((cells[key] ?? "") !== "") parts.push(`${key}: ${cells[key]}`)
  }
  return parts.length > 0 ? parts.join("; ") : undefined
}

const SELECTED: ReadonlyArray<ValueLabel> = [{ code: 0, label: { vi: "Không chọn", en: "Not selected" } }, {
  code: 1,
  label: { vi: "Có chọn", en: "Selected" }
}]

/**
 * An XLSForm's survey as codebook variables: select_one → single choice (codes = the choice names when they
 * are integers, else 1..n, each value keeping its choice `name`), select_multiple → a multiple-response set of
 * 0/1 items named `question/choice`, integer/decimal/range → numeric; groups, required and relevance kept in
 * `note`. Text, date, note and metadata fields are not variables.
 *
 * @example
 * const codebook = yield* readXlsForm(bytes, "form.xlsx") // Effect<Codebook, DataFileError>
 */
export const xlsFormCodebook = (
  survey: TextTable,
  choices: TextTable,
  settings: TextTable | undefined,
  file: string
): Codebook | ReadonlyArray<DataProblem> => {
  const problems: Array<DataProblem> = []
  const lists = choiceLists(rowsOf(choices))
  const variables: Array<Variable> = []
  const sets: Array<MultipleResponseSet> = []
  const groups: Array<string> = []
  const missing = { values: [], ranges: [] }
  const textQuestions = new Map<string, BilingualLabel>()
  for (const { row, cells } of rowsOf(survey)) {
    const [type, list] = (cells["type"] ?? "").replace(/\s+or_other$/, "").split(/\s+/)
    const name = cells["name"] ?? ""
    if (/^begin[_ ](group|repeat)$/.test(type)) groups.push(name)
    else if (/^end[_ ](group|repeat)$/.test(type)) groups.pop()
    if (type === "" || /^(begin|end)[_ ]/.test(type)) continue
    const label = bilingual(cells, "label", name)
    if (META.has(type)) {
      if (FREE_ANSWER.has(type) && name !== "") textQuestions.set(name, label)
      continue
    }
    const note = noteOf(cells, groups)
    const extra = { missing, ...(note !== undefined ? { note } : {}) }
    if (NUMERIC.has(type)) variables.push({ name, label, kind: "numeric", measure: "scale", values: [], ...extra })
    else if (type === "select_one" || type === "select_multiple") {
      const values = list !== undefined ? lists.get(list) : undefined
      if (values === undefined) {
        problems.push({
          row,
          column: "type",
          value: cells["type"],
          expected: `a choice list of the choices sheet (${[...lists.keys()].join(", ") || "none"})`
        })
        continue
      }
      if (type === "select_one") variables.push({ name, label, kind: "single", measure: "nominal", values, ...extra })
      else {
        const items = values.map((v) => `${name}/${v.name}`)
        values.forEach((v, k) =>
          variables.push({
            name: items[k],
            label: v.label,
            kind: "multiple-response-item",
            measure: "nominal",
            values: SELECTED,
            question: label,
            ...extra
          })
        )
        if (items.length > 0) sets.push({ name, label, items: items as [string, ...Array<string>], countedValue: 1 })
      }
    }
  }
  if (problems.length > 0) return problems
  if (variables.length === 0) {
    return [{
      row: 1,
      column: "type",
      value: "no select_one, select_multiple, integer or decimal question",
      expected: "an XLSForm survey with questions to analyse"
    }]
  }
  const setting = settings !== undefined ? rowsOf(settings)[0]?.cells ?? {} : {}
  const base = (file.split(/[\\/]/).pop() ?? file).replace(/\.[^.]+$/, "")
  const id = (setting["form_id"] || base).toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[^a-z0-9]+/, "") ||
    "xlsform"
  const codebook: Codebook = {
    id,
    title: bilingual(setting, "form_title", base),
    source: `XLSForm ${base}`,
    variables,
    multipleResponseSets: sets,
    indicatorSets: [],
    // kept in the codebook, so that a codebook saved as JSON still labels these columns
    ...(textQuestions.size > 0 ? { textVariables: [...textQuestions].map(([name, label]) => ({ name, label })) } : {})
  }
  rememberTextQuestions(codebook, textQuestions)
  return codebook
}

/**
 * Reads an XLSForm workbook (.xlsx) as a codebook. Problems (a missing `survey`/`choices` sheet, a select
 * naming an unknown list) name the sheet, row and column.
 *
 * @example
 * const codebook = yield* readXlsForm(bytes, "form.xlsx")
 */
export const readXlsForm = (bytes: Uint8Array, file: string): Effect.Effect<Codebook, DataFileError> =>
  Effect.gen(function*() {
    const ExcelJS = (yield* Effect.promise(() => import("exceljs"))).default
    const workbook = new ExcelJS.Workbook()
    const loaded = yield* Effect.either(
      Effect.tryPromise(() =>
        workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never)
      )
    )
    const fail = (f: string, problems: ReadonlyArray<DataProblem>) =>
      Effect.fail(new DataFileError({ file: f, problems, totalProblems: problems.length }))
    if (loaded._tag === "Left") {
      return yield* fail(file, [{
        row: 0,
        column: "",
        value: "not a readable .xlsx workbook",
        expected: "an XLSForm saved as .xlsx"
      }])
    }
    const sheet = (name: string) => workbook.worksheets.find((s) => s.name.trim().toLowerCase() === name)
    const survey = sheet("survey")
    const choices = sheet("choices")
    if (survey === undefined || choices === undefined) {
      return yield* fail(file, [{
        row: 0,
        column: "",
        value: `sheets ${workbook.worksheets.map((s) => JSON.stringify(s.name)).join(", ")}`,
        expected: "an XLSForm with sheets \"survey\" and \"choices\""
      }])
    }
    const settings = sheet("settings")
    const out = xlsFormCodebook(
      sheetTable(survey),
      sheetTable(choices),
      settings !== undefined ? sheetTable(settings) : undefined,
      file
    )
    if (Array.isArray(out)) return yield* fail(`${file} (sheet "survey")`, out as ReadonlyArray<DataProblem>)
    return out as Codebook
  })

/**
 * Whether an .xlsx workbook's sheet names are an XLSForm's (`survey` and `choices`).
 *
 * @example
 * isXlsFormSheets(["survey", "choices", "settings"]) // true
 */
export const isXlsFormSheets = (names: ReadonlyArray<string>): boolean => {
  const lower = names.map((n) => n.trim().toLowerCase())
  return lower.includes("survey") && lower.includes("choices")
}
