#!/usr/bin/env node
// Benchmarks, not tests. `pnpm bench` builds @danvan/stats and runs each case several times, writing
// medians to bench/results.json with the machine they ran on. Timings never appear in tests.
//
// Cases:
//   counting        countCodes over 10 million rows of two small-integer code columns (3x4 table)
//   mmi-rs2         second-order Rao-Scott MMI test, 3 groups x 20 items, 10,000 respondents
//   mmi-bootstrap   MMI bootstrap, B = 1999, 1,096 respondents x 8 items (the paper's sample size)
//   read-sav/zsav   readSav over a 200,000-case x 60-variable .sav and .zsav (bench/sav.mjs)
//   recipe          a 10-step data-preparation recipe over 1,000,000 rows (bench/recipe.mjs)
import { writeFileSync } from "node:fs"
import os from "node:os"
import { countCodes, mmiBootstrap, mmiRaoScott2 } from "../packages/stats/dist/index.js"

const REPEATS = Number(process.env.BENCH_REPEATS ?? 7)

// Deterministic pseudo-random numbers (LCG) so every run times the same data.
const lcg = (seed) => {
  let state = seed >>> 0
  return () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 8) / 16777216
}

const time = (f) => {
  f() // warm-up
  const times = []
  let last
  for (let r = 0; r < REPEATS; r++) {
    const t0 = process.hrtime.bigint()
    last = f()
    times.push(Number(process.hrtime.bigint() - t0) / 1e9)
  }
  times.sort((a, b) => a - b)
  return { medianSeconds: times[Math.floor(times.length / 2)], minSeconds: times[0], last }
}

/** Respondents in `groupCount` groups answering `items` 0/1 items correlated through a latent trait. */
const mrData = (n, groupCount, items, seed) => {
  const next = lcg(seed)
  const groups = new Int32Array(n)
  const columns = Array.from({ length: items }, () => new Uint8Array(n))
  for (let k = 0; k < n; k++) {
    groups[k] = k % groupCount
    const trait = next() + 0.1 * groups[k]
    for (let j = 0; j < items; j++) columns[j][k] = next() < 0.25 + 0.5 * trait * (0.5 + j / (2 * items)) ? 1 : 0
  }
  return { groups, groupCount, items: columns }
}

const results = []

{
  const ROWS = Number(process.env.BENCH_ROWS ?? 10_000_000)
  const next = lcg(12345)
  const rowCodes = new Int32Array(ROWS)
  const colCodes = new Int32Array(ROWS)
  for (let k = 0; k < ROWS; k++) {
    rowCodes[k] = next() < 0.01 ? 9 : 1 + Math.floor(next() * 3)
    colCodes[k] = 1 + Math.floor(next() * 4)
  }
  const t = time(() => countCodes(rowCodes, colCodes, [1, 2, 3], [1, 2, 3, 4]))
  results.push({
    case: "counting",
    what: "countCodes: 2 columns of small-integer codes -> 3x4 table (1% missing code 9)",
    rows: ROWS,
    medianSeconds: t.medianSeconds,
    minSeconds: t.minSeconds,
    rowsPerSecond: Math.round(ROWS / t.medianSeconds),
    countedCases: t.last.table.counts.reduce((a, b) => a + b, 0)
  })
}

{
  const data = mrData(10_000, 3, 20, 777)
  const t = time(() => mmiRaoScott2(data))
  results.push({
    case: "mmi-rs2",
    what: "mmiRaoScott2: 3 groups x 20 items, 10,000 respondents",
    medianSeconds: t.medianSeconds,
    minSeconds: t.minSeconds,
    statistic: t.last.statistic,
    df: t.last.df
  })
}

{
  const data = mrData(1096, 3, 8, 2024)
  const t = time(() => mmiBootstrap(data, { B: 1999, seed: 1 }))
  results.push({
    case: "mmi-bootstrap",
    what: "mmiBootstrap: B = 1999, 1,096 respondents x 8 items, 3 groups",
    medianSeconds: t.medianSeconds,
    minSeconds: t.minSeconds,
    p: t.last.p,
    resamples: t.last.resamples
  })
}

results.push(...(await import("./sav.mjs")).savBench({ time, lcg }))
results.push(...(await import("./recipe.mjs")).recipeBench({ time, lcg }))

const out = {
  repeats: REPEATS,
  machine: {
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version
  },
  date: new Date().toISOString(),
  results
}
const file = new URL("./results.json", import.meta.url)
writeFileSync(file, JSON.stringify(out, null, 2) + "\n")
for (const r of results) {
  const extra = r.mbPerSecond !== undefined
    ? ` (${r.mbPerSecond} MB/s)`
    : r.rowsPerSecond !== undefined
    ? ` (${(r.rowsPerSecond / 1e6).toFixed(1)} million rows/s)`
    : ""
  console.log(`${r.case.padEnd(14)} median ${(r.medianSeconds * 1000).toFixed(1)} ms${extra}`)
}
console.log(`on ${out.machine.cpu}, ${out.machine.cores} cores; written to ${file.pathname}`)
