import type * as Command from "@effect/cli/Command"
import { AnalysisError } from "@danvan/analysis"
import { clopperPearsonInterval, type RateInterval, StatsInputError, wilsonInterval } from "@danvan/stats"
import * as Effect from "effect/Effect"
import type { rateOptions } from "../commands/rate.js"
import { fixed } from "@danvan/report/text"
import type { Lang } from "@danvan/report/text"
import { renderTable } from "@danvan/report/text"
import { toJson } from "@danvan/report/text"
import { colorEnabled, writeStdout } from "../terminal.js"

export type RateArgs = Command.Command.ParseConfig<typeof rateOptions>

/** The JSON of `danvan rate`. */
export interface RateResult {
  readonly kind: "rate"
  readonly x: number
  readonly n: number
  readonly estimate: number
  readonly level: number
  readonly intervals: { readonly wilson: { readonly lower: number; readonly upper: number }; readonly clopperPearson: { readonly lower: number; readonly upper: number } }
}

const S = {
  en: { title: (x: number, n: number) => `Proportion ${x} of ${n}`, method: "Method", estimate: "Estimate", ci: (l: string) => `${l}% confidence interval`, lower: "Lower", upper: "Upper", wilson: "Wilson score", cp: "Clopper-Pearson (exact)",
    note: "Percentages. Wilson: score interval without continuity correction (R prop.test(correct = FALSE)); Clopper-Pearson: exact binomial (R binom.test)." },
  vi: { title: (x: number, n: number) => `Tỷ lệ ${x} trên ${n}`, method: "Phương pháp", estimate: "Ước lượng", ci: (l: string) => `Khoảng tin cậy ${l}%`, lower: "Cận dưới", upper: "Cận trên", wilson: "Wilson", cp: "Clopper-Pearson (chính xác)",
    note: "Đơn vị: %. Wilson: khoảng điểm số không hiệu chỉnh liên tục (R prop.test(correct = FALSE)); Clopper-Pearson: nhị thức chính xác (R binom.test)." }
} as const

const bounds = (i: RateInterval) => ({ lower: i.lower, upper: i.upper })

export const computeRate = (x: number, n: number, level: number): Effect.Effect<RateResult, AnalysisError> =>
  Effect.try({
    try: () => {
      const wilson = wilsonInterval(x, n, level)
      const cp = clopperPearsonInterval(x, n, level)
      return { kind: "rate" as const, x, n, estimate: wilson.estimate, level, intervals: { wilson: bounds(wilson), clopperPearson: bounds(cp) } }
    },
    catch: (e) => {
      if (e instanceof StatsInputError) return new AnalysisError({ code: "BAD_OPTION", message: e.message })
      throw e
    }
  })

export const renderRateText = (r: RateResult, lang: Lang, color: boolean): string => {
  const s = S[lang]
  const pct = (p: number) => fixed(100 * p, 2)
  const levelText = String(Number((100 * r.level).toPrecision(10)))
  return (
    renderTable(
      {
        title: s.title(r.x, r.n),
        align: ["left", "right", "right", "right"],
        header: [["", "", { text: s.ci(levelText), span: 2, align: "right" }], [s.method, s.estimate, s.lower, s.upper]],
        body: [
          [s.wilson, pct(r.estimate), pct(r.intervals.wilson.lower), pct(r.intervals.wilson.upper)],
          [s.cp, pct(r.estimate), pct(r.intervals.clopperPearson.lower), pct(r.intervals.clopperPearson.upper)]
        ],
        footnotes: [s.note]
      },
      { color }
    ) + "\n"
  )
}

export const runRate = (args: RateArgs) =>
  Effect.gen(function* () {
    const result = yield* computeRate(args.x, args.n, args.level)
    yield* writeStdout(args.format === "json" ? toJson(result) : renderRateText(result, args.lang, colorEnabled(process.stdout)))
  })
