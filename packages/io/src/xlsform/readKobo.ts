import {
  type BilingualLabel,
  type Codebook,
  type Column,
  type ColumnTyping,
  findVariable,
  makeDataset,
  plainLabel,
  SYSTEM_MISSING,
  type Variable
} from "@danvan/domain"
import * as Either from "effect/Either"
import { DataFileError, type DataProblem, type IoWarning } from "../errors.js"
import type { TextTable } from "../forms/table.js"
import type { TextColumn } from "../sav/types.js"
import { textQuestionsOf } from "./textQuestions.js"

/**
 * KoboToolbox and ODK Central exports resolved to an XLSForm's codebook. Headers are XML names with group paths
 * ("grp/q", "grp-q", "q") or labels; select_multiple questions come as split 0/1 columns ("q/opt", "q.opt")
 * and/or one space-joined column of choice names. Metadata columns are kept as date/text.
 */

const META_DATE = new Set([
  "start",
  "end",
  "today",
  "_submission_time",
  "submissiondate",
  "starttime",
  "endtime",
  "completiondate"
])
const META_TEXT = new Set([
  "_id",
  "_uuid",
  "_index",
  "_parent_index",
  "_submitted_by",
  "_status",
  "_validation_status",
  "_notes",
  "_tags",
  "__version__",
  "_version_",
  "deviceid",
  "key",
  "instanceid",
  "meta/instanceid",
  "meta/instancename",
  "meta/deprecatedid",
  "meta/rootuuid",
  "submitterid",
  "submittername",
  "attachmentspresent",
  "attachmentsexpected",
  "status",
  "reviewstate",
  "deviceid",
  "edits",
  "formversion",
  "username",
  "phonenumber",
  "audit"
])

/**
 * Whether a header is a KoboToolbox or ODK Central export's: `_uuid`/`_submission_time`/`_index` (Kobo) or
 * `SubmissionDate`/`KEY`/`meta/instanceID` (ODK Central).
 *
 * @example
 * isKoboHeader(["start", "end", "grp/q1", "_id", "_uuid", "_submission_time"]) // true
 */
export const isKoboHeader = (header: ReadonlyArray<string>): boolean => {
  const h = new Set(header.map((x) => x.trim().toLowerCase()))
  return h.has("_uuid") || h.has("_submission_time") ||
    (h.has("submissiondate") && (h.has("key") || h.has("meta/instanceid")))
}

type Target =
  | { kind: "variable"; variable: Variable }
  | { kind: "joined"; set: string }
  | { kind: "meta"; type: "date" | "text" }
  | { kind: "text"; name: string; label: BilingualLabel }

const fold = (s: string) => s.normalize("NFC").trim().toLocaleLowerCase("vi")

/** Candidate names for a header: itself, its path suffixes after "/", "-" or ":", and "q.opt" as "q/opt". */
const candidates = (header: string): Array<string> => {
  const out = [header]
  for (const sep of ["/", "-", ":"]) {
    const parts = header.split(sep)
    for (let k = 1; k < parts.length; k++) out.push(parts.slice(k).join(sep))
  }
  for (const c of [...out]) {
    const dot = c.lastIndexOf(".")
    if (dot > 0) out.push(`${c.slice(0, dot)}/${c.slice(dot + 1)}`)
    const parts = c.split("/")
    if (parts.length >= 2) out.push(parts.slice(-2).join("/"))
  }
  return out
}

const resolve = (header: string, codebook: Codebook): Target | undefined => {
  const lower = header.trim().toLowerCase()
  if (META_DATE.has(lower) || META_DATE.has(lower.split("/").pop() ?? "")) return { kind: "meta", type: "date" }
  if (META_TEXT.has(lower) || /^meta[/-]/.test(lower) || lower.startsWith("_")) return { kind: "meta", type: "text" }
  for (const c of candidates(header.trim())) {
    const variable = findVariable(codebook, c)
    if (variable !== undefined) return { kind: "variable", variable }
    if (codebook.multipleResponseSets.some((s) => s.name === c)) return { kind: "joined", set: c }
  }
  // A text question of the XLSForm (by name or by label): kept as text, named and labelled as in the form.
  const texts = textQuestionsOf(codebook)
  for (const c of candidates(header.trim())) {
    const label = texts.get(c)
    if (label !== undefined) return { kind: "text", name: c, label }
  }
  for (const [name, label] of texts) {
    if (fold(label.vi) === fold(header) || fold(label.en) === fold(header)) return { kind: "text", name, label }
  }
  // Label headers: a question's label, or "question label/option label" for a split column.
  const byLabel = codebook.variables.find((v) =>
    v.kind !== "multiple-response-item" && (fold(v.label.vi) === fold(header) || fold(v.label.en) === fold(header))
  )
  if (byLabel !== undefined) return { kind: "variable", variable: byLabel }
  for (const set of codebook.multipleResponseSets) {
    if (fold(set.label.vi) === fold(header) || fold(set.label.en) === fold(header)) {
      return { kind: "joined", set: set.name }
    }
    for (const item of set.items) {
      const v = findVariable(codebook, item)
      if (v === undefined) continue
      for (const l of ["vi", "en"] as const) {
        if (fold(header) === fold(`${set.label[l]}/${v.label[l]}`)) return { kind: "variable", variable: v }
      }
    }
  }
  return undefined
}

const codeOf = (variable: Variable, value: string): number | undefined => {
  const byName = variable.values.find((v) => v.name === value)
  if (byName !== undefined) return byName.code
  const byLabel = variable.values.find((v) => fold(v.label.vi) === fold(value) || fold(v.label.en) === fold(value))
  if (byLabel !== undefined) return byLabel.code
  const n = /^-?\d+(\.0+)?$/.test(value) ? Number(value) : NaN
  return variable.values.some((v) => v.code === n) ? n : undefined
}

const TICKED: Readonly<Record<string, number>> = { "1": 1, "0": 0, true: 1, false: 0, "1.0": 1, "0.0": 0 }

/** What the columns of an export became so far: dataset columns by variable name, and the rest. */
interface Resolved {
  readonly columns: Map<string, Column>
  readonly typing: Array<ColumnTyping>
  readonly textColumns: Array<TextColumn>
  readonly joined: Array<{ set: string; k: number }>
  readonly unresolved: Array<string>
  readonly problems: Array<DataProblem>
}

/** The trimmed text of column `k` in data row `r`. */
const cellOf = (table: TextTable, k: number) => (r: number) => (table.rows[r].cells[k] ?? "").trim()

/** A metadata, text-question or unknown column: listed in the typing, kept as (labelled) text for writers. */
const keepText = (table: TextTable, k: number, target: Target | undefined, file: string, out: Resolved) => {
  const header = table.header[k]
  const cell = cellOf(table, k)
  if (target === undefined) out.unresolved.push(header)
  const first = table.rows.findIndex((_, r) => cell(r) !== "")
  const name = target?.kind === "text" ? target.name : header
  out.typing.push({
    name,
    type: target?.kind === "meta" ? target.type : "text",
    row: first < 0 ? 1 : table.rows[first].row,
    value: first < 0 ? "" : cell(first),
    file
  })
  // Kept as text for writers (a .sav string variable), labelled with the form's question or the header.
  const label = target?.kind === "text" ? target.label : plainLabel(header.normalize("NFC"))
  out.textColumns.push({ name, label, values: table.rows.map((_, r) => cell(r).normalize("NFC")) })
}

/** An integer/decimal question's column as numbers; a cell that is no number is a problem. */
const numericColumn = (table: TextTable, k: number, v: Variable, problems: Array<DataProblem>): Column => {
  const cell = cellOf(table, k)
  return {
    name: v.name,
    type: "numeric",
    values: Float64Array.from({ length: table.rows.length }, (_, r) => {
      const t = cell(r)
      const x = t === "" ? NaN : Number(t.replace(",", "."))
      if (t !== "" && !Number.isFinite(x)) {
        problems.push({ row: table.rows[r].row, column: table.header[k], value: t, expected: `a number (${v.name})` })
      }
      return x
    })
  }
}

/** A select_one column (choice names, labels or codes) or a split select_multiple 0/1 column, as codes. */
const codeColumn = (table: TextTable, k: number, v: Variable, problems: Array<DataProblem>): Column => {
  const cell = cellOf(table, k)
  const isItem = v.kind === "multiple-response-item"
  return {
    name: v.name,
    type: "codes",
    values: Int32Array.from({ length: table.rows.length }, (_, r) => {
      const t = cell(r)
      if (t === "") return SYSTEM_MISSING
      const code = isItem ? TICKED[t.toLowerCase()] : codeOf(v, t)
      if (code === undefined) {
        problems.push({
          row: table.rows[r].row,
          column: table.header[k],
          value: t,
          expected: isItem
            ? "1 or 0 (selected or not)"
            : `one of the choices of ${v.name}: ${v.values.map((x) => x.name ?? String(x.code)).join(", ")}`
        })
      }
      return code ?? SYSTEM_MISSING
    })
  }
}

/** Each header resolved to the codebook: numeric and coded columns read, joined set columns noted, the rest text. */
const resolveColumns = (table: TextTable, codebook: Codebook, file: string): Resolved => {
  const out: Resolved = { columns: new Map(), typing: [], textColumns: [], joined: [], unresolved: [], problems: [] }
  table.header.forEach((header, k) => {
    const target = resolve(header, codebook)
    if (target === undefined || target.kind === "meta" || target.kind === "text") {
      return keepText(table, k, target, file, out)
    }
    if (target.kind === "joined") return void out.joined.push({ set: target.set, k })
    const v = target.variable
    out.columns.set(
      v.name,
      v.kind === "numeric" ? numericColumn(table, k, v, out.problems) : codeColumn(table, k, v, out.problems)
    )
  })
  return out
}

/**
 * A set given only as one space-joined column of choice names becomes its 0/1 items (blank: missing on every
 * item, "not asked"); when the split columns are there too, they win.
 */
const splitJoined = (table: TextTable, codebook: Codebook, out: Resolved): void => {
  const n = table.rows.length
  for (const { set: name, k } of out.joined) {
    const set = codebook.multipleResponseSets.find((s) => s.name === name)!
    if (set.items.every((i) => out.columns.has(i))) continue // the split columns win
    const items = set.items.map((i) => findVariable(codebook, i)!)
    const values = items.map(() => new Int32Array(n))
    table.rows.forEach((row, r) => {
      const t = (row.cells[k] ?? "").trim()
      if (t === "") return values.forEach((col) => (col[r] = SYSTEM_MISSING))
      for (const token of t.split(/\s+/)) {
        const j = items.findIndex((it) => it.name.slice(set.name.length + 1) === token)
        if (j < 0) {
          out.problems.push({
            row: row.row,
            column: table.header[k],
            value: token,
            expected: `a choice name of ${set.name}: ${
              items.map((it) => it.name.slice(set.name.length + 1)).join(", ")
            }`
          })
        } else values[j][r] = 1
      }
    })
    items.forEach((it, j) => out.columns.set(it.name, { name: it.name, type: "codes", values: values[j] }))
  }
}

/** The XLSForm variables missing from the export, and the columns kept as text that no question explains. */
const koboWarnings = (codebook: Codebook, out: Resolved, file: string): Array<IoWarning> => {
  const warnings: Array<IoWarning> = []
  const absent = codebook.variables.filter((v) => !out.columns.has(v.name)).map((v) => v.name)
  if (absent.length > 0) {
    warnings.push({
      code: "VARIABLE_NOT_IN_FILE",
      message: `${file}: the XLSForm's ${absent.join(", ")} are not in the export`
    })
  }
  if (out.unresolved.length > 0) {
    warnings.push({
      code: "TEXT_COLUMNS",
      message: `${file}: columns that are no numeric or choice question of the codebook, kept as text: ${
        out.unresolved.map((u) => JSON.stringify(u)).join(", ")
      }`
    })
  }
  return warnings
}

/**
 * Reads a KoboToolbox / ODK Central export table against the codebook of its XLSForm, all or nothing.
 * "Not asked" (a blank select_multiple) stays missing on every item; "none chosen" is all 0. Text questions
 * and metadata come back as `textColumns` (labelled) and in the dataset's typing.
 *
 * @example
 * const read = readKoboTable(table, codebook, "export.csv") // Either<{ dataset, warnings, textColumns }, …>
 */
export const readKoboTable = (
  table: TextTable,
  codebook: Codebook,
  file: string
): Either.Either<
  {
    dataset: ReturnType<typeof makeDataset>
    warnings: ReadonlyArray<IoWarning>
    textColumns: ReadonlyArray<TextColumn>
  },
  DataFileError
> => {
  const out = resolveColumns(table, codebook, file)
  splitJoined(table, codebook, out)
  if (out.problems.length > 0) {
    return Either.left(
      new DataFileError({ file, problems: out.problems.slice(0, 20), totalProblems: out.problems.length })
    )
  }
  const ordered = codebook.variables.map((v) => out.columns.get(v.name)).filter((c): c is Column => c !== undefined)
  return Either.right({
    dataset: makeDataset(ordered, codebook.id, out.typing),
    warnings: koboWarnings(codebook, out, file),
    textColumns: out.textColumns
  })
}
