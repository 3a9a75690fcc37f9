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
