import type {
  CrosstabResult,
  DescribeResult,
  FrequenciesResult,
  LayeredCrosstabResult,
  LikertResult,
  MeansResult,
  MultipleResponseResult
} from "@danvan/analysis"
import type { Result } from "./Analysis.js"
import { apiClient, call } from "./api.js"
import {
  crosstabCommand,
  describeCommand,
  type DesignOptions,
  frequenciesCommand,
  likertCommand,
  meansCommand,
  mrCommand
} from "./command.js"
import type { DatasetRef } from "./Datasets.js"
import type { Key } from "./i18n.js"

export const KINDS = ["crosstab", "frequencies", "mr", "likert", "means", "describe"] as const
export type Kind = (typeof KINDS)[number]

/** The weight choice "unweighted" (`--no-weight`); "" is the codebook's weight. */
export const NO_WEIGHT = "∅"

/** What the form holds: `row` is also the numeric variable, `col` also the group variable. */
export interface Choices {
  readonly row: string
  readonly col: string
  readonly layer: string
  readonly weight: string
  readonly set: string
}

interface SetRef {
  readonly name: string
  readonly label: { readonly vi: string; readonly en: string }
}

export interface CodebookSets {
  readonly mr: ReadonlyArray<SetRef>
  readonly likert: ReadonlyArray<SetRef>
}

/**
 * The sets of a codebook document (`GET /v1/codebooks/:id`): its multiple-response sets, and its Likert
 * indicator sets.
 *
 * @example
 * setsOf(codebook).likert.map((s) => s.name) // ["difficulty"]
 */
export const setsOf = (doc: unknown): CodebookSets => {
  const d = doc as {
    multipleResponseSets?: ReadonlyArray<SetRef>
    indicatorSets?: ReadonlyArray<SetRef & { kind: string }>
  }
  const ref = (s: SetRef): SetRef => ({ name: s.name, label: s.label })
  return {
    mr: (d.multipleResponseSets ?? []).map(ref),
    likert: (d.indicatorSets ?? []).filter((s) => s.kind === "likert").map(ref)
  }
}

/**
 * The choices' weight as request fields and as the command's options.
 *
 * @example
 * weightOf({ ...choices, weight: NO_WEIGHT }) // { noWeight: true }
 */
export const weightOf = (c: Choices): { weight?: string; noWeight?: boolean } =>
  c.weight === "" ? {} : c.weight === NO_WEIGHT ? { noWeight: true } : { weight: c.weight }

/** The "Weights and design" section: column names ("" none) and the weight mode and lonely-PSU rule ("" default). */
export interface DesignForm {
  readonly strata: string
  readonly cluster: string
  readonly fpc: string
  readonly weightMode: "" | "sampling" | "frequency"
  readonly lonelyPsu: "" | "fail" | "remove" | "certainty" | "adjust" | "average"
}

export const NO_DESIGN: DesignForm = { strata: "", cluster: "", fpc: "", weightMode: "", lonelyPsu: "" }

/**
 * The design section as request fields and command options (the same names: strata, cluster, fpc, weightMode,
 * lonelyPsu); what is left at its default is left out, as on the command line.
 *
 * @example
 * designOf({ ...NO_DESIGN, cluster: "xa", weightMode: "frequency" }) // { cluster: "xa", weightMode: "frequency" }
 */
export const designOf = (d: DesignForm): DesignOptions => ({
  ...(d.strata !== "" ? { strata: d.strata } : {}),
  ...(d.cluster !== "" ? { cluster: d.cluster } : {}),
  ...(d.fpc !== "" ? { fpc: d.fpc } : {}),
  ...(d.weightMode !== "" ? { weightMode: d.weightMode } : {}),
  ...(d.lonelyPsu !== "" ? { lonelyPsu: d.lonelyPsu } : {})
})

/** Why the choices cannot run (a dictionary key), or undefined. */
const invalid = (kind: Kind, c: Choices): Key | undefined => {
  switch (kind) {
    case "crosstab":
      if (c.row === "" || c.col === "") return "chooseBoth"
      return c.row === c.col || c.layer === c.row || c.layer === c.col ? "chooseDifferent" : undefined
    case "frequencies":
    case "describe":
      return c.row === "" ? "chooseOne" : undefined
    case "mr":
    case "likert":
      return c.set === "" || c.col === "" ? "chooseSet" : undefined
    case "means":
      return c.row === "" || c.col === "" ? "chooseNumeric" : c.row === c.col ? "chooseDifferent" : undefined
  }
}

/**
 * Runs one analysis of the form through the typed API client; the result with the `danvan` line that repeats it,
 * or the reason the choices cannot run.
 *
 * @example
 * const outcome = await runKind("means", choices, dataset, csrf)
 */
export const runKind = async (
  kind: Kind,
  c: Choices,
  dataset: DatasetRef,
  csrf: string,
  design: DesignForm = NO_DESIGN
): Promise<Result | { invalid: Key }> => {
  const why = invalid(kind, c)
  if (why !== undefined) return { invalid: why }
  const api = await apiClient(csrf)
  const path = { id: dataset.id }
  const source = { file: dataset.name, codebook: dataset.codebook }
  const w = { ...weightOf(c), ...designOf(design) }
  switch (kind) {
    case "crosstab": {
      const layer = c.layer === "" ? {} : { layer: c.layer }
      const r = await call(api.analyses.crosstab({ path, payload: { row: c.row, col: c.col, ...layer, ...w } }))
      const command = (lang: "vi" | "en") => crosstabCommand(source, c.row, c.col, lang, { ...layer, ...w })
      return c.layer === ""
        ? { kind: "crosstab", result: r as CrosstabResult, command }
        : { kind: "layered", result: r as LayeredCrosstabResult, command }
    }
    case "frequencies": {
      // Frequencies take no weight choice in the form (the codebook's weight applies), only the design.
      const d = designOf(design)
      const r = await call(api.analyses.frequencies({ path, payload: { variables: [c.row], ...d } }))
      return {
        kind,
        result: r as ReadonlyArray<FrequenciesResult>,
        command: (lang) => frequenciesCommand(source, [c.row], lang, d)
      }
    }
    case "mr": {
      const r = await call(api.analyses.multipleResponse({ path, payload: { group: c.col, set: c.set, ...w } }))
      return { kind, result: r as MultipleResponseResult, command: (lang) => mrCommand(source, c.set, c.col, lang, w) }
    }
    case "likert": {
      const r = await call(api.analyses.likert({ path, payload: { by: c.col, set: c.set, ...w } }))
      return { kind, result: r as LikertResult, command: (lang) => likertCommand(source, c.set, c.col, lang, w) }
    }
    case "means": {
      const r = await call(api.analyses.means({ path, payload: { variable: c.row, by: c.col, ...w } }))
      return { kind, result: r as MeansResult, command: (lang) => meansCommand(source, c.row, c.col, lang, w) }
    }
    case "describe": {
      const r = await call(api.analyses.describe({ path, payload: { variables: [c.row], ...w } }))
      return {
        kind,
        result: r as ReadonlyArray<DescribeResult>,
        command: (lang) => describeCommand(source, [c.row], lang, w)
      }
    }
  }
}
