// Benchmark case `recipe`: a 10-step recipe (missing codes, recode into, reverse, MEAN.3 score, compute with a
// condition, count, bin, filter, rename, drop) applied by applyRecipe to 1,000,000 rows x 8 typed columns.
// Run by bench/run.mjs (`pnpm bench`); never by the tests. Target: under 1 s on the project machine.
import { applyRecipe } from "../packages/analysis/dist/index.js"
import { decodeRecipe, makeDataset } from "../packages/domain/dist/index.js"

const STEPS = [
  { op: "missing", variables: ["q1", "q2", "q3", "q4", "q5"], values: [9] },
  { op: "recode", variables: ["level"], into: ["upper"], rules: [{ from: [1, 2], to: 1 }, { from: 3, to: 0 }] },
  { op: "reverse", variables: ["q5"], min: 1, max: 5 },
  { op: "score", target: "score", items: ["q1", "q2", "q3", "q4", "q5"], function: "mean", minValid: 3 },
  { op: "compute", target: "older", expr: "1", when: "age >= 40", else: "0", type: "codes" },
  { op: "count", target: "fives", items: ["q1", "q2", "q3", "q4", "q5"], values: [5] },
  {
    op: "bin",
    variable: "age",
    into: "agegroup",
    bins: [
      { high: 30, code: 1, label: { vi: "Dưới 30", en: "Under 30" } },
      { low: 30, high: 50, code: 2, label: { vi: "30–49", en: "30–49" } },
      { low: 50, code: 3, label: { vi: "Từ 50", en: "50 and over" } }
    ]
  },
  { op: "filter", expr: "score >= 2 and not MISSING(level)" },
  { op: "rename", names: { q1: "trust" } },
  { op: "drop", variables: ["q4"] }
]

export const recipeBench = ({ time, lcg }) => {
  const ROWS = Number(process.env.BENCH_RECIPE_ROWS ?? 1_000_000)
  const next = lcg(2024)
  const codes = (f) => Int32Array.from({ length: ROWS }, f)
  const columns = [
    { name: "level", type: "codes", values: codes(() => 1 + Math.floor(next() * 3)) },
    ...["q1", "q2", "q3", "q4", "q5"].map((name) => ({
      name,
      type: "codes",
      values: codes(() => (next() < 0.05 ? 9 : 1 + Math.floor(next() * 5)))
    })),
    { name: "age", type: "numeric", values: Float64Array.from({ length: ROWS }, () => 20 + next() * 45) },
    { name: "id", type: "codes", values: codes((_, k) => k + 1) }
  ]
  const dataset = makeDataset(columns)
  const decoded = decodeRecipe({ version: 1, steps: STEPS })
  if (decoded._tag !== "Right") throw new Error(decoded.left.message)
  const t = time(() => applyRecipe(dataset, undefined, decoded.right))
  if (t.last._tag !== "Right") throw new Error(t.last.left.message)
  return [{
    case: "recipe",
    what: `applyRecipe: ${STEPS.length}-step recipe over ${ROWS.toLocaleString("en")} rows x 8 columns`,
    medianSeconds: t.medianSeconds,
    minSeconds: t.minSeconds,
    selected: t.last.right.dataset.rowCount
  }]
}
