import type { Dataset } from "@danvan/domain"
import {
  type Codebook,
  type IndicatorSet,
  makeDataset,
  plainLabel,
  SYSTEM_MISSING,
  type Variable
} from "@danvan/domain"
import * as Either from "effect/Either"
import { DataFileError, type DataProblem, type IoWarning } from "../errors.js"
import type { TextColumn } from "../sav/types.js"
import { checkboxSeparator, detectFormPlatform, type FormPlatform, metaColumn } from "./detect.js"
import {
  categoriesOf,
  type Cells,
  type ChoiceList,
  inferQuestion,
  numericColumn,
  type QuestionOut,
  typedColumn
} from "./questions.js"
import type { TextTable } from "./table.js"

/**
 * Options of `inferForm`.
 *
 * @example
 * const options: FormOptions = {
 *   fileName: "responses.csv",
 *   choices: { q3: { options: ["A", "B, C"], multiple: true } }
 * }
 */
export interface FormOptions {
  readonly fileName: string
  /** Choice lists by variable name (`q3`) or by the full question text: their order, and checkbox or not. */
  readonly choices?: Readonly<Record<string, ChoiceList>>
  /** Force the platform instead of detecting it from the header. */
  readonly platform?: FormPlatform
}

/**
 * A form export read: the dataset, the inferred codebook, the platform and the warnings (what was inferred,
 * ambiguous checkbox answers).
 *
 * @example
 * const { dataset, codebook, platform }: FormRead = Either.getOrThrow(inferForm(table, { fileName: "f.csv" }))
 */
export interface FormRead {
  readonly dataset: Dataset
  readonly codebook: Codebook
  readonly platform: FormPlatform
  readonly warnings: ReadonlyArray<IoWarning>
  /** The text and date columns' answers (not in the dataset, listed in its typing), for writers. */
  readonly textColumns?: ReadonlyArray<TextColumn>
}

const GRID = /^(.*\S)\s*\[([^\]]+)\]\s*$/

const codebookId = (fileName: string) => {
  const base = (fileName.split(/[\\/]/).pop() ?? "form").replace(/\.[^.]+$/, "")
  const slug = base.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-").replace(/^[^a-z0-9]+/, "")
  return slug === "" ? "form" : slug
}

/** A grid question ("Question [row]" columns): items sharing one scale, and an indicator set. */
const gridQuestion = (
  name: string,
  base: string,
  columns: ReadonlyArray<Cells & { row: string }>
): QuestionOut & { set: IndicatorSet } => {
  const { values, ordinal, how } = categoriesOf(columns.flatMap((c) => c.values))
  const code = new Map(values.map((v) => [v.label.vi.toLocaleLowerCase("vi"), v.code]))
  const out: QuestionOut = { columns: [], variables: [], sets: [], typing: [], ambiguities: [], summary: "" }
  const items = columns.map((c, k) => {
    const item = `${name}_${k + 1}`
    out.columns.push({
      name: item,
      type: "codes",
      values: Int32Array.from(
        c.values,
        (v) => (v.trim() === "" ? SYSTEM_MISSING : code.get(v.trim().toLocaleLowerCase("vi")) ?? SYSTEM_MISSING)
      )
    })
    const variable: Variable = {
      name: item,
      label: plainLabel(c.row),
      kind: ordinal ? "likert-item" : "single",
      measure: ordinal ? "ordinal" : "nominal",
      values,
      missing: { values: [], ranges: [] },
      question: plainLabel(base)
    }
    out.variables.push(variable)
    return item
  })
  const set: IndicatorSet = {
    name,
    label: plainLabel(base),
    kind: ordinal ? "likert" : "multiple-response",
    items: items as [string, ...Array<string>]
  }
  return {
    ...out,
    set,
    summary:
      `${name} grid (${items.length} rows ${name}_1..${name}_${items.length}, ${values.length} categories, ${how})`
  }
}

const refuse = (file: string, problems: Array<DataProblem>) =>
  Either.left(new DataFileError({ file, problems: problems.slice(0, 20), totalProblems: problems.length }))

/**
 * Reads a Google Forms or Microsoft Forms export (as a text table) into a Dataset and an inferred codebook:
 * each question a variable `q1`, `q2`, … labelled with its full text; text answers codes with value labels
 * (choice list order, else a known Likert-like scale's order, else first appearance); checkbox questions a
 * multiple-response set of 0/1 items `q3_1`, …; grid questions `Question [row]` items `q5_1`, … sharing one
 * scale, with an indicator set `q5`; timestamp, e-mail and name columns kept as date/text. All or nothing.
 *
 * @example
 * const read = inferForm(csvTable(bytes), { fileName: "responses.csv" })
 * if (Either.isRight(read)) read.right.codebook.variables.map((v) => v.name) // ["q1", "q2_1", "q2_2", …]
 */
export const inferForm = (table: TextTable, options: FormOptions): Either.Either<FormRead, DataFileError> => {
  const file = options.fileName
  const platform = options.platform ?? detectFormPlatform(table.header)
  if (platform === undefined) {
    return refuse(file, [{
      row: 1,
      column: table.header[0] ?? "",
      value: table.header.slice(0, 3).join(" | "),
      expected:
        "the header of a Google Forms export (\"Timestamp\", …) or of a Microsoft Forms export (\"ID\", \"Start time\", \"Completion time\", …)"
    }])
  }
  const problems: Array<DataProblem> = []
  table.rows.forEach((r) => {
    const extra = r.cells.slice(table.header.length).find((c) => c.trim() !== "")
    if (extra !== undefined) {
      problems.push({
        row: r.row,
        column: "",
        value: `${r.cells.length} fields (extra: ${JSON.stringify(extra)})`,
        expected: `${table.header.length} fields as in the header`
      })
    }
  })
  if (table.rows.length === 0) {
    problems.push({ row: 1, column: "", value: "a header and no responses", expected: "at least one response row" })
  }
  if (problems.length > 0) return refuse(file, problems)

  const cellsOf = (k: number): Cells => ({
    header: table.header[k],
    values: table.rows.map((r) => r.cells[k] ?? ""),
    rows: table.rows.map((r) => r.row)
  })
  const separator = checkboxSeparator(platform)
  const outs: Array<QuestionOut> = []
  const indicatorSets: Array<IndicatorSet> = []
  const usedMeta = new Set<string>()
  let q = 0
  for (let k = 0; k < table.header.length;) {
    const header = table.header[k]
    const meta = metaColumn(platform, header)
    if (meta !== undefined && !usedMeta.has(meta.name)) {
      usedMeta.add(meta.name)
      const cells = cellsOf(k++)
      const numeric = cells.values.every((v) => v.trim() === "" || /^\d+$/.test(v.trim()))
      outs.push(
        meta.type === "id" && numeric
          ? numericColumn(meta.name, cells, header, "id")
          : typedColumn(meta.name, cells, meta.type === "id" ? "text" : meta.type, file)
      )
      continue
    }
    const name = `q${++q}`
    const grid = GRID.exec(header)
    if (grid !== null) {
      const rows: Array<Cells & { row: string }> = []
      while (k < table.header.length && GRID.exec(table.header[k])?.[1] === grid[1]) {
        rows.push({ ...cellsOf(k), row: GRID.exec(table.header[k])![2].trim() })
        k++
      }
      const out = gridQuestion(name, grid[1], rows)
      outs.push(out)
      indicatorSets.push(out.set)
      continue
    }
    const choices = options.choices?.[name] ?? options.choices?.[header]
    outs.push(inferQuestion(name, cellsOf(k++), { separator, file, ...(choices !== undefined ? { choices } : {}) }))
  }
  return Either.right(assemble(file, platform, table, outs, indicatorSets))
}

const assemble = (
  file: string,
  platform: FormPlatform,
  table: TextTable,
  outs: ReadonlyArray<QuestionOut>,
  indicatorSets: Array<IndicatorSet>
): FormRead => {
  const variables = outs.flatMap((o) => o.variables)
  const codebook: Codebook = {
    id: codebookId(file),
    title: plainLabel((file.split(/[\\/]/).pop() ?? file).normalize("NFC")),
    source: `${platform === "google-forms" ? "Google Forms" : "Microsoft Forms"} export ${
      file.split(/[\\/]/).pop() ?? file
    }, codebook inferred by danvan`,
    variables,
    multipleResponseSets: outs.flatMap((o) => o.sets),
    indicatorSets
  }
  const dataset = makeDataset(outs.flatMap((o) => o.columns), codebook.id, outs.flatMap((o) => o.typing))
  const warnings: Array<IoWarning> = [...table.warnings.map((w) => ({ ...w, message: `${file}: ${w.message}` }))]
  const ambiguities = outs.flatMap((o) => o.ambiguities)
  for (const a of ambiguities.slice(0, 20)) {
    warnings.push({
      code: "FORM_AMBIGUOUS_OPTION",
      message: `${file}: row ${a.row}, column ${JSON.stringify(a.column)}: value ${
        JSON.stringify(a.value)
      } ${a.why}; give the question's choice list (a codebook) to split it`
    })
  }
  if (ambiguities.length > 20) {
    warnings.push({
      code: "FORM_AMBIGUOUS_OPTION",
      message: `${file}: ${ambiguities.length - 20} more ambiguous checkbox answers`
    })
  }
  const platformName = platform === "google-forms" ? "Google Forms" : "Microsoft Forms"
  warnings.push({
    code: "FORM_INFERRED",
    message: `${file}: a ${platformName} export; codebook inferred (${
      outs.map((o) => o.summary).filter((s) => s !== "").join("; ")
    }); save it with \`danvan codebook from ${file} --out codebook.json\`, edit, and pass --codebook`
  })
  const textColumns = outs.flatMap((o) => (o.text !== undefined ? [o.text] : []))
  return { dataset, codebook, platform, warnings, ...(textColumns.length > 0 ? { textColumns } : {}) }
}
