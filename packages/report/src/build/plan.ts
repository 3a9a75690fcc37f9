import type { DesignInfo, PlanResult, PlanSectionResult } from "@danvan/analysis"
import { rateSentence } from "../apa.js"
import type { Block, ReportDocument, ReportSection } from "../document.js"
import { fixed } from "../format.js"
import { label, t } from "../i18n.js"
import { designStatement } from "../text/design.js"
import { isDesignBased } from "../text/mrDesign.js"
import { bannerReportTable } from "./banner.js"
import { type BuildContext, h, num, text } from "./common.js"
import { crosstabSentences } from "./crosstab.js"
import { describeBlocks } from "./describe.js"
import { finishSections } from "./finish.js"
import { frequenciesTable } from "./frequencies.js"
import { crosstabBlocks, layeredBlocks } from "./layered.js"
import { likertBlocks } from "./likert.js"
import { meansBlocks } from "./means.js"
import { multipleResponseBlocks } from "./multipleResponse.js"
import { closingNotes, contextOf, recipeNotes, type ReportOptions } from "./options.js"

/** The design of a result, when it has one. */
const designOf = (
  r: object
): DesignInfo | undefined => ("design" in r ? (r.design as DesignInfo | undefined) : undefined)

/** The weight of a section's results, stated once under its heading: "Weighted by trongso, N = 764.5 (…)". */
const weightNote = (s: PlanSectionResult, ctx: BuildContext): Array<Block> => {
  // a design-based multiple-response section states its sampling design under its table instead
  if (s.kind === "multiple-response" && isDesignBased(s.result)) return []
  const results: ReadonlyArray<{ readonly weight?: { readonly variable: string; readonly sum: number } }> =
    s.kind === "frequencies" || s.kind === "describe" ? s.results : s.kind === "rate" ? [] : [s.result]
  const sampled = results.map((r) => designOf(r)).find((d) => d?.mode === "sampling")
  if (sampled !== undefined) return [{ kind: "text", text: designStatement(sampled, ctx.lang, ctx.decimal)! }]
  const w = results.find((r) => r.weight !== undefined)?.weight
  if (w === undefined) return []
  return [{
    kind: "text",
    text: t("weightedBy", ctx.lang, { var: w.variable, n: fixed(w.sum, Number.isInteger(w.sum) ? 0 : 1, ctx.decimal) })
  }]
}

const sectionBlocks = (s: PlanSectionResult, ctx: BuildContext): Array<Block> => {
  const { lang } = ctx
  const note: Array<Block> = [
    ...(s.note !== undefined ? [{ kind: "text", text: label(s.note, lang) } as const] : []),
    ...weightNote(s, ctx)
  ]
  switch (s.kind) {
    case "frequencies":
      return [
        ...note,
        ...s.results.map((r): Block => ({
          kind: "table",
          table: frequenciesTable(r, `${s.id}-${r.variable.name}`, ctx)
        })),
        ...(s.skipped.length > 0
          ? [{ kind: "text", text: t("notInData", lang, { names: s.skipped.join(", ") }) } as const]
          : [])
      ]
    case "crosstab":
      return [
        ...note,
        ...("layers" in s.result
          ? layeredBlocks(s.result, s.id, label(s.title, lang), ctx)
          : [
            ...crosstabBlocks(s.result, s.id, label(s.title, lang), ctx),
            ...(s.result.design?.mode !== "sampling"
              ? [{ kind: "apa", sentences: crosstabSentences(s.result, ctx) } as const]
              : [])
          ])
      ]
    case "multiple-response": {
      const b = multipleResponseBlocks(s.result, s.id, s.title, ctx)
      return [
        ...note,
        { kind: "table", table: b.table },
        { kind: "apa", sentences: b.sentences },
        { kind: "chart", id: `${s.id}-chart`, chart: b.chart },
        ...(b.chartNote !== undefined ? [{ kind: "text", text: b.chartNote } as const] : [])
      ]
    }
    case "likert": {
      const b = likertBlocks(s.result, s.itemTests, s.id, s.title, ctx)
      return [...note, { kind: "table", table: b.table }, { kind: "table", table: b.tests }, {
        kind: "apa",
        sentences: b.sentences
      }, { kind: "chart", id: `${s.id}-chart`, chart: b.chart }]
    }
    case "table":
      return [...note, { kind: "table", table: bannerReportTable(s.result, s.id, label(s.title, lang), ctx) }]
    case "describe":
      return [...note, ...describeBlocks(s.results, s.id, s.chart, ctx)]
    case "means":
      return [...note, ...meansBlocks(s.result, s.id, ctx)]
    case "rate":
      return [
        ...note,
        {
          kind: "table",
          table: {
            id: s.id,
            title: label(s.title, lang),
            header: [[
              h(t("method", lang)),
              h("x"),
              h("n"),
              h(t("estimate", lang)),
              h(`${t("ci", lang, { level: Math.round(100 * s.level) })}: ${t("lower", lang)}`),
              h(t("upper", lang))
            ]],
            rows: (["wilson", "clopperPearson"] as const).map((m) => ({
              cells: [
                text(t(m, lang)),
                num(s.x, "count"),
                num(s.n, "count"),
                num(100 * s.estimate, "percent"),
                num(100 * s.intervals[m].lower, "percent"),
                num(100 * s.intervals[m].upper, "percent")
              ]
            })),
            notes: []
          }
        },
        {
          kind: "apa",
          sentences: [
            `${label(s.label, lang)}: ${
              rateSentence(s.estimate, s.intervals.wilson.lower, s.intervals.wilson.upper, s.level, ctx)
            }`
          ]
        }
      ]
  }
}

/**
 * The report of an analysis plan run on respondent data: one section per plan section, in the plan's order,
 * all text in `options.lang`, counts below `options.suppressBelow` hidden.
 *
 * @example
 * const doc = buildPlanReport(Either.getOrThrow(runPlan(dataset, codebook, plan)), { lang: "vi", suppressBelow: 5 })
 * renderHtml(doc)
 */
export const buildPlanReport = (result: PlanResult, options: ReportOptions): ReportDocument => {
  const ctx = contextOf(options)
  const built: Array<ReportSection> = result.sections.map((s) => ({
    id: s.id,
    heading: label(s.title, ctx.lang),
    blocks: sectionBlocks(s, ctx)
  }))
  const sections = finishSections(built, options, ctx.lang)
  return {
    kind: "report",
    lang: ctx.lang,
    decimal: ctx.decimal,
    title: label(result.plan.title, ctx.lang),
    subtitle: t("sourceData", ctx.lang, {
      file: options.dataFile ?? "—",
      n: result.rows,
      codebook: result.codebook.id,
      plan: result.plan.id
    }),
    sections,
    notes: [...recipeNotes(options), ...closingNotes(ctx)],
    ...(ctx.suppressBelow !== undefined ? { suppression: { k: ctx.suppressBelow, cells: ctx.hiddenCells } } : {})
  }
}
