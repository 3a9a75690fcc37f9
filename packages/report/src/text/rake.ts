import type { RakeResult } from "@danvan/analysis"
import { toJson } from "./crosstab.js"
import { label, type Lang } from "./i18n.js"
import { type Align, renderTable } from "./table.js"

const S = {
  en: {
    title: (v: string) => `Raking margins: ${v}`,
    head: ["Category", "Target", "Before", "After"],
    start: (w: string | undefined, n: string) =>
      w === undefined ? `Starting weights: 1 for every case (sum ${n}).` : `Starting weights: ${w} (sum ${n}).`,
    method: (iterations: number, tol: string, abs: string, max: number, change: string) =>
      `Iterative proportional fitting (R survey's rake): converged in ${iterations} iteration${
        iterations === 1 ? "" : "s"
      } (tolerance ${tol}, i.e. ${abs} in weighted counts; cap ${max} iterations; last change ${change}).`,
    excluded: (n: number) => `${n} case${n === 1 ? "" : "s"} with weight 0 or no weight kept weight 0.`,
    wrote: (out: string, name: string, rows: number) => `Wrote ${out}: the input columns and ${name} (${rows} rows).`
  },
  vi: {
    title: (v: string) => `Biên hiệu chỉnh (raking): ${v}`,
    head: ["Nhóm", "Tổng mục tiêu", "Trước", "Sau"],
    start: (w: string | undefined, n: string) =>
      w === undefined ? `Trọng số ban đầu: 1 cho mọi trường hợp (tổng ${n}).` : `Trọng số ban đầu: ${w} (tổng ${n}).`,
    method: (iterations: number, tol: string, abs: string, max: number, change: string) =>
      `Khớp tỷ lệ lặp (rake của gói survey trong R): hội tụ sau ${iterations} vòng lặp (dung sai ${tol}, tức ${abs} ` +
      `theo tần số có trọng số; tối đa ${max} vòng; thay đổi cuối ${change}).`,
    excluded: (n: number) => `${n} trường hợp có trọng số 0 hoặc không có trọng số giữ trọng số 0.`,
    wrote: (out: string, name: string, rows: number) => `Đã ghi ${out}: các cột đầu vào và ${name} (${rows} dòng).`
  }
} as const

/** Weighted totals to 3 decimals (whole numbers as they are). */
const num = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(3))

/**
 * The margins of a raking before and after, the starting weights and the convergence, as text tables.
 *
 * @example
 * renderRakeText(result, { lang: "en", out: "raked.csv", weightName: "w_rake" })
 */
export const renderRakeText = (
  r: RakeResult,
  options: { readonly lang: Lang; readonly out: string; readonly weightName: string }
): string => {
  const s = S[options.lang]
  const tables = r.variables.map((v) => {
    const name = label(v.label, options.lang)
    return renderTable({
      title: s.title(name === "" || name === v.name ? v.name : `${v.name} (${name})`),
      align: ["left", ...Array<Align>(3).fill("right")],
      header: [[...s.head]],
      body: v.categories.map((c) => [
        label(c.label, options.lang) === String(c.code) ? String(c.code) : `${c.code} ${label(c.label, options.lang)}`,
        num(c.target),
        num(c.before),
        num(c.after)
      ])
    })
  })
  const c = r.convergence
  const notes = [
    s.start(r.weight, num(r.total.before)),
    s.method(
      c.iterations,
      String(c.tolerance),
      c.absoluteTolerance.toPrecision(3),
      c.maxIterations,
      c.lastChange.toPrecision(3)
    ),
    ...(r.excluded > 0 ? [s.excluded(r.excluded)] : []),
    s.wrote(options.out, options.weightName, r.weights.length)
  ]
  return [...tables, notes.join("\n")].join("\n\n") + "\n"
}

/**
 * The raking result as JSON, without the per-row weights (they are in the output file), plus where they went.
 *
 * @example
 * JSON.parse(renderRakeJson(result, "raked.csv", "w_rake")).convergence.iterations
 */
export const renderRakeJson = (r: RakeResult, out: string, weightName: string): string => {
  const { weights, ...rest } = r
  return toJson({ ...rest, out, weightName, rows: weights.length })
}
