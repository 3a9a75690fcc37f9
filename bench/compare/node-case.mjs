// One danvan benchmark case in a fresh Node process: `node node-case.mjs CASE DATA_DIR WARMUPS`.
// Loads the case's input (not timed), runs it WARMUPS times untimed, then once timed, and prints one JSON
// line {seconds, cpuSeconds, check} where `check` is a value R's run must reproduce (a count, a p-value).
import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import {
  countCodes,
  fisherFreemanHalton,
  fromMatrix,
  mmiBootstrap,
  mmiRaoScott2
} from "../../packages/stats/dist/index.js"

const [caseName, dir, warmupArg] = process.argv.slice(2)
const warmups = Number(warmupArg ?? 1)

const readInt32 = (file) => {
  const b = readFileSync(join(dir, file))
  return new Int32Array(b.buffer, b.byteOffset, b.byteLength / 4)
}

/** group,i1,...,ic CSV (written by data.mjs) -> MultipleResponseData with 0-based groups. */
const readMr = (file) => {
  const lines = readFileSync(join(dir, file), "utf8").trim().split("\n").slice(1)
  const c = lines[0].split(",").length - 1
  const groups = new Int32Array(lines.length)
  const items = Array.from({ length: c }, () => new Uint8Array(lines.length))
  let groupCount = 0
  lines.forEach((line, k) => {
    const v = line.split(",").map(Number)
    groups[k] = v[0] - 1
    groupCount = Math.max(groupCount, v[0])
    for (let j = 0; j < c; j++) items[j][k] = v[j + 1]
  })
  return { groups, groupCount, items }
}

/** effect is a dependency of @danvan/io, not of the repo root: resolve it from there. */
const importFromIo = (specifier) =>
  import(
    pathToFileURL(createRequire(new URL("../../packages/io/package.json", import.meta.url)).resolve(specifier)).href
  )

const tables = () => JSON.parse(readFileSync(join(dir, "tables.json"), "utf8"))

/** Each case: prepare() loads input; run(input) is the timed work and returns the check value. */
const cases = {
  counting: {
    prepare: () => ({ r: readInt32("rows.i32"), c: readInt32("cols.i32") }),
    run: ({ r, c }) => countCodes(r, c, [1, 2, 3], [1, 2, 3, 4]).table.counts[0]
  },
  csv: {
    prepare: async () => ({
      io: await import("../../packages/io/dist/index.js"),
      Effect: await importFromIo("effect/Effect")
    }),
    run: async ({ io, Effect }) => {
      const { dataset } = await Effect.runPromise(
        io.readCsvFile(join(dir, "survey.csv"), { numericColumns: ["weight"] })
      )
      return dataset.rowCount
    }
  },
  "fisher-exact": {
    prepare: () => fromMatrix(tables().sparse4x5),
    run: (t) => fisherFreemanHalton(t, { method: "exact" }).p
  },
  "fisher-exact-easy": {
    prepare: () => fromMatrix(tables().sparse4x5easy),
    run: (t) => fisherFreemanHalton(t, { method: "exact" }).p
  },
  "fisher-easy-set": {
    prepare: () => tables().easySet.map(fromMatrix),
    // the sum of the p-values of the set (R sums its own)
    run: (ts) => ts.reduce((sum, t) => sum + fisherFreemanHalton(t, { method: "exact" }).p, 0)
  },
  "fisher-mc": {
    prepare: () => fromMatrix(tables().paper3x3),
    run: (t) => fisherFreemanHalton(t, { method: "monte-carlo", B: 100_000, seed: 1 }).p
  },
  "mmi-rs2": {
    prepare: () => readMr("mr-3x12.csv"),
    run: (d) => mmiRaoScott2(d).statistic
  },
  "mmi-bootstrap": {
    prepare: () => readMr("mr-3x8.csv"),
    run: (d) => mmiBootstrap(d, { B: 1999, seed: 1 }).p
  }
}

const spec = cases[caseName]
if (spec === undefined) throw new Error(`unknown case ${caseName}`)
const input = await spec.prepare()
for (let w = 0; w < warmups; w++) await spec.run(input)
const c0 = process.cpuUsage()
const t0 = process.hrtime.bigint()
const check = await spec.run(input)
const seconds = Number(process.hrtime.bigint() - t0) / 1e9
const cpu = process.cpuUsage(c0)
process.stdout.write(JSON.stringify({ seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, check }) + "\n")
