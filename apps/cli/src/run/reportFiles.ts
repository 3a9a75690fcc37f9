import { mkdir } from "node:fs/promises"
import { dirname, isAbsolute, join, resolve } from "node:path"
import { type AnalysisPlan, builtinPlanIds, type Excerpt, selectExcerpts } from "@danvan/domain"
import { checkWritable, FileWriteError, loadExcerpts, writeTextFiles } from "@danvan/io"
import type { ReportDocument } from "@danvan/report"
import * as Effect from "effect/Effect"

/**
 * The interview excerpts a plan attaches to its sections, by section id: each section's file (relative to the plan
 * file's folder) read once, then its themes and filter applied.
 *
 * @example
 * const excerpts = yield* planExcerpts(plan, "plans/thesis.json")
 */
export const planExcerpts = (plan: AnalysisPlan, planRef: string) =>
  Effect.gen(function*() {
    const base = builtinPlanIds().includes(planRef) ? process.cwd() : dirname(resolve(planRef))
    const files = new Map<string, Array<Excerpt>>()
    const out: Record<string, Array<Excerpt>> = {}
    for (const s of plan.sections) {
      if (s.excerpts === undefined) continue
      const path = isAbsolute(s.excerpts.file) ? s.excerpts.file : join(base, s.excerpts.file)
      const all = files.get(path) ?? (yield* loadExcerpts(path))
      files.set(path, all)
      out[s.id] = selectExcerpts(all, s.excerpts)
    }
    return out
  })

/**
 * Writes every chart of a report into `dir` as `<chart id>.svg` and `<chart id>.png` (300 dpi), all or nothing;
 * returns how many files were written.
 *
 * @example
 * const n = yield* writeChartFiles(doc, "charts")
 */
export const writeChartFiles = (doc: ReportDocument, dir: string) =>
  Effect.gen(function*() {
    const Report = yield* Effect.promise(() => import("@danvan/report"))
    yield* Effect.tryPromise({
      try: () => mkdir(dir, { recursive: true }),
      catch: (e) => new FileWriteError({ path: dir, reason: `cannot create the folder (${(e as Error).message})` })
    })
    yield* checkWritable(join(dir, "chart.svg"))
    const charts = yield* Effect.tryPromise({
      try: () => Report.renderChartFiles(doc),
      catch: (error) => {
        if ((error as { _tag?: unknown })?._tag === "ChromiumError") {
          return error as { readonly _tag: "ChromiumError"; readonly message: string }
        }
        throw error
      }
    })
    const files = charts.flatMap((c) => [
      { path: join(dir, `${c.name}.svg`), text: c.svg },
      { path: join(dir, `${c.name}.png`), text: c.png }
    ])
    yield* writeTextFiles(files)
    return files.length
  })
