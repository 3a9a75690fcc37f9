import type { AnalysisPlan, BilingualLabel, Codebook, Dataset, PlanSection } from "@danvan/domain"
import { checkPlanNames, columnNames, getColumn } from "@danvan/domain"
import * as Either from "effect/Either"
import { type BannerResult, bannerTable } from "./banner.js"
import { crosstab } from "./crosstab.js"
import { type DescribeResult, describeVariable } from "./describeVariables.js"
import type { DesignChoice } from "./design.js"
import { AnalysisError } from "./errors.js"
import { frequencies } from "./frequencies.js"
import { layeredCrosstab, type LayeredCrosstabResult } from "./layeredCrosstab.js"
import { likert, type LikertResult } from "./likert.js"
import { means, type MeansResult } from "./means.js"
import { multipleResponse, type MultipleResponseResult } from "./multipleResponse.js"
import { rate } from "./rate.js"
import type { CrosstabResult, FrequenciesResult } from "./results.js"
import type { WeightChoice } from "./weights.js"

interface SectionBase {
  readonly id: string
  /** The plan's title, or one made from the variables' labels. */
  readonly title: BilingualLabel
  readonly note?: BilingualLabel
}

/** The result of one plan section: the existing result objects, unchanged. */
export type PlanSectionResult =
  | (SectionBase & {
    readonly kind: "frequencies"
    readonly results: ReadonlyArray<FrequenciesResult>
    readonly skipped: ReadonlyArray<string>
  })
  /** with the plan's `layer`, a layered crosstab (its `layers` and the tests across them) */
  | (SectionBase & { readonly kind: "crosstab"; readonly result: CrosstabResult | LayeredCrosstabResult })
  | (SectionBase & {
    readonly kind: "multiple-response"
    readonly set: { readonly name: string; readonly label: BilingualLabel }
    readonly result: MultipleResponseResult
  })
  | (SectionBase & {
    readonly kind: "likert"
    readonly result: LikertResult
    readonly itemTests: ReadonlyArray<CrosstabResult>
  })
  /** a banner table (`danvan table`) */
  | (SectionBase & { readonly kind: "table"; readonly result: BannerResult })
  | (SectionBase & {
    readonly kind: "describe"
    readonly results: ReadonlyArray<DescribeResult>
    readonly chart: boolean
  })
  /** a numeric variable by a group, as `danvan means` */
  | (SectionBase & { readonly kind: "means"; readonly result: MeansResult })
  | (SectionBase & {
    readonly kind: "rate"
    readonly label: BilingualLabel
    readonly x: number
    readonly n: number
    readonly estimate: number
    readonly level: number
    readonly intervals: {
      readonly wilson: { readonly lower: number; readonly upper: number }
      readonly clopperPearson: { readonly lower: number; readonly upper: number }
    }
  })

/** Everything a report needs: the plan's identity and one result per section, in plan order. */
export interface PlanResult {
  readonly kind: "plan-result"
  readonly plan: { readonly id: string; readonly title: BilingualLabel; readonly description?: BilingualLabel }
  readonly codebook: { readonly id: string; readonly title: BilingualLabel }
  /** Respondents (rows) in the data file. */
  readonly rows: number
  readonly sections: ReadonlyArray<PlanSectionResult>
}

export interface RunPlanOptions extends DesignChoice {
  /** Names the plan in error messages (a file path or built-in id). */
  readonly source?: string
}

/** The weight of a run: the options' (the CLI's --weight/--no-weight) over the plan's `weight`, over the codebook's. */
const planWeight = (plan: AnalysisPlan, options: RunPlanOptions): WeightChoice =>
  options.weight !== undefined || options.noWeight === true
    ? {
      ...(options.weight !== undefined ? { weight: options.weight } : {}),
      ...(options.noWeight === true ? { noWeight: true } : {})
    }
    : plan.weight === null
    ? { noWeight: true }
    : plan.weight !== undefined
    ? { weight: plan.weight }
    : {}

/** The design of a run: the options' design fields (the CLI's --strata, …) over the plan's `design`. */
const planDesign = (plan: AnalysisPlan, options: RunPlanOptions): DesignChoice => {
  const keys = ["strata", "cluster", "fpc", "weightMode", "lonelyPsu"] as const
  const out: Record<string, string> = {}
  for (const k of keys) {
    const v = options[k] ?? plan.design?.[k]
    if (v !== undefined) out[k] = v
  }
  return out as DesignChoice
}

const byLabel = (a: BilingualLabel, b: BilingualLabel): BilingualLabel => ({
  vi: `${a.vi} theo ${b.vi}`,
  en: `${a.en} by ${b.en}`
})

const labelOf = (codebook: Codebook, name: string): BilingualLabel =>
  codebook.variables.find((v) => v.name === name)?.label ??
    codebook.multipleResponseSets.find((s) => s.name === name)?.label ?? { vi: name, en: name }

const runSection = (
  dataset: Dataset,
  codebook: Codebook,
  s: PlanSection,
  w: WeightChoice
): Either.Either<PlanSectionResult, AnalysisError> =>
  Either.gen(function*() {
    const base = (title: BilingualLabel) => ({
      id: s.id,
      title: s.title ?? title,
      ...(s.note !== undefined ? { note: s.note } : {})
    })
    switch (s.kind) {
      case "frequencies": {
        const present = s.variables.filter((v) => getColumn(dataset, v) !== undefined)
        const results = yield* Either.all(present.map((v) => frequencies(dataset, codebook, v, w)))
        return {
          ...base({ vi: "Tần số", en: "Frequencies" }),
          kind: "frequencies",
          results,
          skipped: s.variables.filter((v) => !present.includes(v))
        }
      }
      case "crosstab": {
        const result = s.layer !== undefined
          ? yield* layeredCrosstab(dataset, codebook, s.row, s.col, s.layer, { ...w, fisher: { method: s.fisher } })
          : yield* crosstab(dataset, codebook, s.row, s.col, { ...w, fisher: { method: s.fisher } })
        return { ...base(byLabel(labelOf(codebook, s.row), labelOf(codebook, s.col))), kind: "crosstab", result }
      }
      case "multiple-response": {
        const set = codebook.multipleResponseSets.find((m) => m.name === s.set)!
        const result = yield* multipleResponse(dataset, codebook, s.by, set.items, {
          ...w,
          method: s.method,
          countedValue: set.countedValue,
          ...(s.resamples !== undefined ? { B: s.resamples } : {}),
          ...(s.seed !== undefined ? { seed: s.seed } : {})
        })
        return {
          ...base(byLabel(set.label, labelOf(codebook, s.by))),
          kind: "multiple-response",
          set: { name: set.name, label: set.label },
          result
        }
      }
      case "likert": {
        const result = yield* likert(
          dataset,
          codebook,
          s.set !== undefined ? { set: s.set } : { items: s.items ?? [] },
          s.by,
          w
        )
        // Per item: levels x responses crosstab, so each item gets χ², df, N and Cramér's V (the paper's Table 4 test).
        const itemTests = s.itemTests
          ? yield* Either.all(
            result.items.map((i) => crosstab(dataset, codebook, s.by, i.name, { ...w, fisher: { method: "none" } }))
          )
          : []
        const setLabel = result.set?.label ??
          (s.set !== undefined ? { vi: s.set, en: s.set } : { vi: "Các mục thang đo", en: "Scale items" })
        return { ...base(byLabel(setLabel, labelOf(codebook, s.by))), kind: "likert", result, itemTests }
      }
      case "describe": {
        const results = yield* Either.all(s.variables.map((v) => describeVariable(dataset, codebook, v, w)))
        return {
          ...base({ vi: "Thống kê mô tả", en: "Descriptive statistics" }),
          kind: "describe",
          results,
          chart: s.chart
        }
      }
      case "means": {
        const result = yield* means(dataset, codebook, s.variable, s.by, w)
        return { ...base(byLabel(labelOf(codebook, s.variable), labelOf(codebook, s.by))), kind: "means", result }
      }
      case "table": {
        const result = yield* bannerTable(dataset, codebook, s.rows, s.cols, { ...w, nets: s.nets })
        const names = (list: ReadonlyArray<string>) => ({
          vi: list.map((n) => labelOf(codebook, n).vi).join(", "),
          en: list.map((n) => labelOf(codebook, n).en).join(", ")
        })
        return { ...base(byLabel(names(s.rows), names(s.cols))), kind: "table", result }
      }
      case "rate": {
        const r = yield* rate(s.x, s.n, s.level)
        const { x, n, estimate, level, intervals } = r
        return { ...base(s.label), kind: "rate", label: s.label, x, n, estimate, level, intervals }
      }
    }
  })

/**
 * Runs an analysis plan over a dataset: every variable and set the plan names is checked against the codebook
 * and the data's columns first (an unknown name is an `AnalysisError` with the plan's JSON path, before any
 * analysis runs), then each section produces the ordinary result objects (frequencies, crosstab,
 * multiple-response, Likert with per-item crosstabs, rate, numeric variables described, means by group).
 *
 * @example
 * const plan = Either.getOrThrow(builtinPlan("hcmc-2024"))
 * const result = Either.getOrThrow(runPlan(dataset, codebook, plan))
 * result.sections.map((s) => s.kind)
 */
export const runPlan = (
  dataset: Dataset,
  codebook: Codebook,
  plan: AnalysisPlan,
  options: RunPlanOptions = {}
): Either.Either<PlanResult, AnalysisError> =>
  Either.gen(function*() {
    const checked = checkPlanNames(plan, codebook, options.source ?? plan.id, columnNames(dataset))
    if (Either.isLeft(checked)) {
      return yield* Either.left(new AnalysisError({ code: "UNKNOWN_VARIABLE", message: checked.left.message }))
    }
    const weight = { ...planWeight(plan, options), ...planDesign(plan, options) }
    const sections = yield* Either.all(
      plan.sections.map((s) =>
        Either.mapLeft(runSection(dataset, codebook, s, weight), (e) =>
          new AnalysisError({ code: e.code, message: `${options.source ?? plan.id}, section "${s.id}": ${e.message}` }))
      )
    )
    return {
      kind: "plan-result",
      plan: {
        id: plan.id,
        title: plan.title,
        ...(plan.description !== undefined ? { description: plan.description } : {})
      },
      codebook: { id: codebook.id, title: codebook.title },
      rows: dataset.rowCount,
      sections
    } satisfies PlanResult
  })
