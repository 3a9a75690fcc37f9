import type { MultipleResponseSet } from "@danvan/domain"
import {
  type Column,
  type ColumnTyping,
  plainLabel,
  SYSTEM_MISSING,
  type ValueLabel,
  type Variable
} from "@danvan/domain"
import type { TextColumn } from "../sav/types.js"
import { splitAnswer, splitOutsideBrackets, startsLower } from "./options.js"
import { KNOWN_ORDERS, knownScaleOf } from "./scales.js"

/** A column's cells with the row each came from (the header is row 1). */
export interface Cells {
  readonly header: string
  readonly values: ReadonlyArray<string>
  readonly rows: ReadonlyArray<number>
}

/** A choice list for one question: its options in order, and whether several may be ticked. */
export interface ChoiceList {
  readonly options: ReadonlyArray<string>
  readonly multiple?: boolean
}

/** What one question became: columns, codebook variables, sets, text/date columns, warnings and a summary. */
export interface QuestionOut {
  readonly columns: Array<Column>
  readonly variables: Array<Variable>
  readonly sets: Array<MultipleResponseSet>
  readonly typing: Array<ColumnTyping>
  readonly ambiguities: Array<{ row: number; column: string; value: string; why: string }>
  readonly summary: string
  /** A text or date column's answers (trimmed, NFC), kept for writers such as `convert`; not analysed. */
  readonly text?: TextColumn
}

const fold = (s: string) => s.normalize("NFC").trim().toLocaleLowerCase("vi")
const noMissing = { values: [], ranges: [] }
const label = (text: string, fallback: string) =>
  plainLabel(text.trim() === "" ? fallback : text.trim().normalize("NFC"))
const empty = (): QuestionOut => ({ columns: [], variables: [], sets: [], typing: [], ambiguities: [], summary: "" })

const firstFilled = (cells: Cells) => {
  const k = cells.values.findIndex((v) => v.trim() !== "")
  return k < 0 ? { row: 1, value: "" } : { row: cells.rows[k], value: cells.values[k].trim() }
}

/** A text or date column: left out of the dataset, listed in its typing; its answers kept as text. */
export const typedColumn = (name: string, cells: Cells, type: "text" | "date", file: string): QuestionOut => {
  const first = firstFilled(cells)
  return {
    ...empty(),
    typing: [{ name, type, row: first.row, value: first.value, file }],
    summary: `${name} ${type}`,
    // The column's header (the question text) is its label, as the .sav writer's variable label.
    text: { name, values: cells.values.map((v) => v.trim().normalize("NFC")), label: label(cells.header, name) }
  }
}

const isNumber = (s: string) => /^[-+]?(\d+([.,]\d+)?|[.,]\d+)$/.test(s.trim())
const isDate = (s: string) => /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}([ T].*)?$/.test(s.trim())

/** A respondent id or a number: a numeric column (an id gets the role "id"). */
const numericColumn = (name: string, cells: Cells, text: string, role?: "id"): QuestionOut => {
  const values = Float64Array.from(cells.values, (v) => (v.trim() === "" ? NaN : Number(v.trim().replace(",", "."))))
  const variable: Variable = {
    name,
    label: label(text, name),
    kind: "numeric",
    measure: "scale",
    values: [],
    missing: noMissing,
    ...(role !== undefined ? { role } : {})
  }
  return {
    ...empty(),
    columns: [{ name, type: "numeric", values }],
    variables: [variable],
    summary: `${name} numeric${role === "id" ? " (id)" : ""}`
  }
}

/**
 * The categories of a single-choice question: a choice list's order, else a known Likert-like scale (all its
 * answers, in natural order, scored 1..n), else a customary order (cadre levels), else first appearance.
 *
 * @example
 * categoriesOf(["Khó khăn", "Rất khó khăn"]).how // "known scale"
 */
export const categoriesOf = (
  answers: ReadonlyArray<string>,
  choices?: ChoiceList
): { values: Array<ValueLabel>; ordinal: boolean; how: string } => {
  const distinct: Array<string> = []
  const seen = new Set<string>()
  for (const a of answers) {
    const t = a.trim()
    if (t !== "" && !seen.has(fold(t))) {
      seen.add(fold(t))
      distinct.push(t)
    }
  }
  if (choices !== undefined) {
    const listed = new Set(choices.options.map(fold))
    const all = [...choices.options, ...distinct.filter((d) => !listed.has(fold(d)))]
    return { values: all.map((t, k) => ({ code: k + 1, label: plainLabel(t) })), ordinal: false, how: "choice list" }
  }
  const scale = knownScaleOf(distinct)
  if (scale !== undefined) {
    const spelled = new Map(distinct.map((d) => [fold(d), d]))
    const values = scale.map((s, k) => ({ code: k + 1, label: plainLabel(spelled.get(fold(s)) ?? s), score: k + 1 }))
    return { values, ordinal: true, how: "known scale" }
  }
  const order = knownScaleOf(distinct, KNOWN_ORDERS)
  if (order !== undefined) {
    const rank = new Map(order.map((s, k) => [fold(s), k]))
    const sorted = [...distinct].sort((a, b) => (rank.get(fold(a)) ?? 0) - (rank.get(fold(b)) ?? 0))
    return { values: sorted.map((t, k) => ({ code: k + 1, label: plainLabel(t) })), ordinal: false, how: "known order" }
  }
  return {
    values: distinct.map((t, k) => ({ code: k + 1, label: plainLabel(t) })),
    ordinal: false,
    how: "first appearance"
  }
}

const codesOf = (cells: Cells, values: ReadonlyArray<ValueLabel>): Int32Array => {
  const code = new Map(values.map((v) => [fold(v.label.vi), v.code]))
  return Int32Array.from(cells.values, (v) => (v.trim() === "" ? SYSTEM_MISSING : code.get(fold(v)) ?? SYSTEM_MISSING))
}

/** A single-choice question: codes with value labels. */
const singleColumn = (name: string, cells: Cells, text: string, choices?: ChoiceList): QuestionOut => {
  const integers = cells.values.every((v) => v.trim() === "" || /^[-+]?\d+$/.test(v.trim()))
  if (integers && choices === undefined) {
    const codes = [...new Set(cells.values.filter((v) => v.trim() !== "").map((v) => Number(v.trim())))].sort((a, b) =>
      a - b
    )
    const values = codes.map((c) => ({ code: c, label: plainLabel(String(c)), score: c }))
    const column = Int32Array.from(cells.values, (v) => (v.trim() === "" ? SYSTEM_MISSING : Number(v.trim())))
    const variable: Variable = {
      name,
      label: label(text, name),
      kind: "likert-item",
      measure: "ordinal",
      values,
      missing: noMissing
    }
    return {
      ...empty(),
      columns: [{ name, type: "codes", values: column }],
      variables: [variable],
      summary: `${name} rating ${codes.join("/")}`
    }
  }
  const { values, ordinal, how } = categoriesOf(cells.values, choices)
  const variable: Variable = {
    name,
    label: label(text, name),
    kind: ordinal ? "likert-item" : "single",
    measure: ordinal ? "ordinal" : "nominal",
    values,
    missing: noMissing
  }
  return {
    ...empty(),
    columns: [{ name, type: "codes", values: codesOf(cells, values) }],
    variables: [variable],
    summary: `${name} single (${values.length} categories, ${how})`
  }
}

/** The answers that hold no separator outside brackets: options seen on their own. */
const aloneOptions = (cells: Cells, separator: string): Set<string> => {
  const out = new Set<string>()
  for (const v of cells.values) {
    const body = separator === ";" ? v.trim().replace(/;+\s*$/, "") : v.trim()
    // One piece, or pieces that only continue the first in lower case ("Hội nghị, họp dân").
    if (body !== "" && splitOutsideBrackets(body, separator).slice(1).every(startsLower)) out.add(body)
  }
  return out
}

/**
 * Whether a column holds checkbox answers: some answer splits into two or more options, one of them seen alone.
 *
 * @example
 * looksLikeCheckbox({ header: "Kênh", values: ["Báo chí", "Báo chí, Tivi"], rows: [2, 3] }, ", ") // true
 */
export const looksLikeCheckbox = (cells: Cells, separator: string): boolean => {
  const alone = aloneOptions(cells, separator)
  if (separator === ";" && cells.values.some((v) => /;\s*$/.test(v.trim()))) return true
  return cells.values.some((v) => {
    const split = splitAnswer(v, alone, separator)
    return split.options.length >= 2 && split.options.some((o) => alone.has(o))
  })
}

/** A checkbox question: a 0/1 item per option and a multiple-response set; a blank answer is missing on every item. */
const checkboxColumns = (
  name: string,
  cells: Cells,
  text: string,
  separator: string,
  choices?: ChoiceList
): QuestionOut => {
  const known = new Set([...(choices?.options ?? []), ...aloneOptions(cells, separator)])
  const out = empty()
  const split = cells.values.map((v, k) => {
    if (v.trim() === "") return undefined
    const s = splitAnswer(v, known, separator)
    if (s.ambiguous !== undefined) {
      out.ambiguities.push({ row: cells.rows[k], column: cells.header, value: v, why: s.ambiguous })
    }
    return s.options
  })
  const options: Array<string> = [...(choices?.options ?? [])]
  for (const s of split) for (const o of s ?? []) if (!options.includes(o)) options.push(o)
  const items = options.map((option, k) => {
    const item = `${name}_${k + 1}`
    const values = Int32Array.from(split, (s) => (s === undefined ? SYSTEM_MISSING : s.includes(option) ? 1 : 0))
    out.columns.push({ name: item, type: "codes", values })
    out.variables.push({
      name: item,
      label: plainLabel(option),
      kind: "multiple-response-item",
      measure: "nominal",
      values: [{ code: 0, label: { vi: "Không chọn", en: "Not selected" } }, {
        code: 1,
        label: { vi: "Có chọn", en: "Selected" }
      }],
      missing: noMissing,
      question: label(text, name)
    })
    return item
  })
  if (items.length > 0) {
    out.sets.push({ name, label: label(text, name), items: items as [string, ...Array<string>], countedValue: 1 })
  }
  return { ...out, summary: `${name} checkbox (${items.length} options: ${name}_1..${name}_${items.length})` }
}

/**
 * Infers one question column: numbers, dates, checkbox answers, free text or a single choice.
 *
 * @example
 * const cells = { header: "Cấp", values: ["Thành phố", "Xã"], rows: [2, 3] }
 * inferQuestion("q2", cells, { separator: ", ", file: "f.csv" }).summary
 * // "q2 single (2 categories, first appearance)"
 */
export const inferQuestion = (
  name: string,
  cells: Cells,
  ctx: { separator: string; file: string; choices?: ChoiceList }
): QuestionOut => {
  const filled = cells.values.map((v) => v.trim()).filter((v) => v !== "")
  const text = cells.header
  if (ctx.choices?.multiple === true) return checkboxColumns(name, cells, text, ctx.separator, ctx.choices)
  if (ctx.choices !== undefined) return singleColumn(name, cells, text, ctx.choices)
  if (filled.length > 0 && filled.every(isNumber)) {
    const integral = filled.every((v) => /^[-+]?\d+$/.test(v))
    return integral && new Set(filled).size <= 11 ? singleColumn(name, cells, text) : numericColumn(name, cells, text)
  }
  if (filled.length > 0 && filled.every(isDate)) return typedColumn(name, cells, "date", ctx.file)
  if (looksLikeCheckbox(cells, ctx.separator)) return checkboxColumns(name, cells, text, ctx.separator)
  const distinct = new Set(filled.map(fold)).size
  if (distinct >= 10 && distinct > filled.length / 2) return typedColumn(name, cells, "text", ctx.file)
  return singleColumn(name, cells, text)
}

export { numericColumn }
