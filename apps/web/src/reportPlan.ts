import type { DesignOptions } from "./command.js"
import type { Choices, CodebookSets, Kind } from "./runKind.js"
import { NO_WEIGHT } from "./runKind.js"

type Bilingual = { readonly vi: string; readonly en: string }

/** One plan section of the report builder, in the plan file format (packages/domain `PlanSection`), no id yet. */
export type PlanSectionJson =
  | { kind: "crosstab"; title: Bilingual; row: string; col: string; layer?: string }
  | { kind: "frequencies"; title: Bilingual; variables: ReadonlyArray<string> }
  | { kind: "multiple-response"; title: Bilingual; set: string; by: string }
  | { kind: "likert"; title: Bilingual; set: string; by: string }
  | { kind: "describe"; title: Bilingual; variables: ReadonlyArray<string> }
  | { kind: "means"; title: Bilingual; variable: string; by: string }
  | {
    kind: "table"
    title: Bilingual
    rows: ReadonlyArray<string>
    cols: ReadonlyArray<string>
    nets?: Array<TableNet>
  }

/** A net of a table section: codes of a stub variable combined into one row (the plan's `nets`, the CLI's --net). */
export interface TableNet {
  readonly variable: string
  readonly name: string
  readonly codes: ReadonlyArray<number>
}

/** A result picked for the report: its plan section and its weight choice ("" the codebook's, NO_WEIGHT none). */
export interface ReportItem {
  readonly key: string
  readonly section: PlanSectionJson
  /** undefined: the analysis takes no weight (frequencies), so any report weight fits. */
  readonly weight: string | undefined
  /** The sampling design it ran with (strata, cluster, fpc, weight mode, lonely-PSU rule; {} for none). */
  readonly design?: DesignOptions
}

type Labels = (name: string) => Bilingual

const by = (a: Bilingual, b: Bilingual): Bilingual => ({ vi: `${a.vi} theo ${b.vi}`, en: `${a.en} by ${b.en}` })
const times = (a: Bilingual, b: Bilingual): Bilingual => ({ vi: `${a.vi} × ${b.vi}`, en: `${a.en} × ${b.en}` })

/**
 * The plan section that repeats an analysis the page ran (kind and the form's choices), titled with the
 * variables' labels (a means section since plans hold means by group).
 *
 * @example
 * sectionOf("crosstab", { row: "level", col: "q1", layer: "", weight: "", set: "" }, labels, sets)
 */
export const sectionOf = (kind: Kind, c: Choices, label: Labels, sets: CodebookSets): PlanSectionJson | undefined => {
  const setLabel = (name: string) =>
    [...sets.mr, ...sets.likert].find((s) => s.name === name)?.label ?? { vi: name, en: name }
  switch (kind) {
    case "crosstab": {
      const title = times(label(c.row), label(c.col))
      return c.layer === ""
        ? { kind, title, row: c.row, col: c.col }
        : { kind, title: by(title, label(c.layer)), row: c.row, col: c.col, layer: c.layer }
    }
    case "frequencies":
      return { kind, title: label(c.row), variables: [c.row] }
    case "mr":
      return { kind: "multiple-response", title: by(setLabel(c.set), label(c.col)), set: c.set, by: c.col }
    case "likert":
      return { kind, title: by(setLabel(c.set), label(c.col)), set: c.set, by: c.col }
    case "describe":
      return { kind, title: label(c.row), variables: [c.row] }
    case "means":
      return { kind, title: by(label(c.row), label(c.col)), variable: c.row, by: c.col }
  }
}

/** The weight every item of the report shares (undefined: none states one), or "mixed". */
export const reportWeight = (items: ReadonlyArray<ReportItem>): string | undefined | "mixed" => {
  const weights = new Set(items.flatMap((i) => (i.weight === undefined ? [] : [i.weight])))
  return weights.size > 1 ? "mixed" : [...weights][0]
}

const designKey = (d: DesignOptions | undefined): string =>
  JSON.stringify([d?.strata, d?.cluster, d?.fpc, d?.weightMode, d?.lonelyPsu])

/**
 * The sampling design every item of the report shares (a plan has one `design` for all its sections), or
 * "mixed".
 *
 * @example
 * reportDesign([{ ...item, design: { cluster: "xa" } }]) // { cluster: "xa" }
 */
export const reportDesign = (items: ReadonlyArray<ReportItem>): DesignOptions | "mixed" => {
  const keys = new Set(items.map((i) => designKey(i.design)))
  return keys.size > 1 ? "mixed" : (items[0]?.design ?? {})
}

/**
 * The analysis plan of the picked results in their order: one section per result (ids s1-crosstab, ...), the
 * report's title in both languages, the weight the results ran with (`null`: unweighted; absent: the codebook's)
 * and their sampling design (the plan's `design` field, absent for none).
 */
export const planOf = (title: Bilingual, codebook: string | null, items: ReadonlyArray<ReportItem>) => {
  const weight = reportWeight(items)
  const design = reportDesign(items)
  return {
    id: "web-report",
    title,
    ...(codebook !== null ? { codebook } : {}),
    ...(weight === undefined || weight === "" || weight === "mixed"
      ? {}
      : { weight: weight === NO_WEIGHT ? null : weight }),
    ...(design === "mixed" || Object.keys(design).length === 0 ? {} : { design }),
    sections: items.map((item, i) => ({ id: `s${i + 1}-${item.section.kind}`, ...item.section }))
  }
}

/** The list with the item at `from` moved to `to` (a reorder by the up/down buttons). */
export const moveItem = <A>(list: ReadonlyArray<A>, from: number, to: number): ReadonlyArray<A> => {
  if (to < 0 || to >= list.length) return list
  const next = [...list]
  const [item] = next.splice(from, 1)
  next.splice(to, 0, item!)
  return next
}

/** The table fields of the report builder as typed: names separated by commas, one net per line. */
export interface TableFields {
  readonly rows: string
  readonly cols: string
  readonly nets: string
}

const list = (text: string) => text.split(",").map((x) => x.trim()).filter((x) => x !== "")

/** A net line `VAR:NAME=CODE,CODE` (the CLI's --net), or the reason it is not one. */
const netOf = (line: string, rows: ReadonlyArray<string>): TableNet | Bilingual => {
  const m = /^([^:=]+):([^=]+)=(.+)$/.exec(line)
  if (m === null) {
    return {
      vi: `Nhóm gộp "${line}" không có dạng BIẾN:TÊN=MÃ,MÃ (ví dụ q1:Top 2=1,2)`,
      en: `The net "${line}" is not VAR:NAME=CODE,CODE (e.g. q1:Top 2=1,2)`
    }
  }
  const [variable, name] = [m[1]!.trim(), m[2]!.trim()]
  const codes = m[3]!.split(",").map((x) => Number(x.trim()))
  if (codes.some((c) => !Number.isInteger(c))) {
    return { vi: `Nhóm gộp "${line}": mã phải là số nguyên`, en: `The net "${line}": the codes must be whole numbers` }
  }
  if (!rows.includes(variable)) {
    return {
      vi: `Nhóm gộp "${line}" thuộc biến "${variable}", không có trong các dòng (biến hàng)`,
      en: `The net "${line}" is on "${variable}", which is not one of the rows (stub variables)`
    }
  }
  return { variable, name, codes }
}

/**
 * The table section (`danvan table`, a plan's `{"kind": "table"}`) of the builder's table fields, titled with
 * the variables' labels, or what to fix (vi and en). Names and codes are checked by the API when the report runs.
 *
 * @example
 * tableSectionOf({ rows: "q1, purpose", cols: "level", nets: "q1:Top 2=1,2" }, label)
 */
export const tableSectionOf = (
  fields: TableFields,
  label: Labels
): { readonly section: PlanSectionJson } | { readonly error: Bilingual } => {
  const rows = list(fields.rows)
  const cols = list(fields.cols)
  if (rows.length === 0 || cols.length === 0) {
    return {
      error: {
        vi: "Bảng cần ít nhất một biến hàng và một biến cột (tên cột, cách nhau bằng dấu phẩy)",
        en: "A table needs at least one row and one column variable (column names, separated by commas)"
      }
    }
  }
  const nets: Array<TableNet> = []
  for (const line of fields.nets.split("\n").map((x) => x.trim()).filter((x) => x !== "")) {
    const net = netOf(line, rows)
    if (!("codes" in net)) return { error: net }
    nets.push(net)
  }
  const names = (xs: ReadonlyArray<string>, lang: keyof Bilingual) => xs.map((x) => label(x)[lang]).join(", ")
  const title = {
    vi: `${names(rows, "vi")} theo ${names(cols, "vi")}`,
    en: `${names(rows, "en")} by ${names(cols, "en")}`
  }
  return { section: { kind: "table", title, rows, cols, ...(nets.length > 0 ? { nets } : {}) } }
}
