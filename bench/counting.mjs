#!/usr/bin/env node
// Benchmark, not a test: counts a 10-million-row crosstab of two small-integer columns with
// @danvan/stats `countCodes` (one pass over typed arrays) and writes rows/second to bench/results.json
// together with the machine it ran on. Run with `pnpm bench` (builds @danvan/stats first).
import { writeFileSync } from "node:fs"
import os from "node:os"
import { countCodes } from "../packages/stats/dist/index.js"

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000_000)
const REPEATS = Number(process.env.BENCH_REPEATS ?? 7)

// Deterministic codes: a 3-level row variable and a 4-level column variable, with ~1% missing code 9.
const rowCodes = new Int32Array(ROWS)
const colCodes = new Int32Array(ROWS)
let state = 12345
const next = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 8) / 16777216
for (let k = 0; k < ROWS; k++) {
  rowCodes[k] = next() < 0.01 ? 9 : 1 + Math.floor(next() * 3)
  colCodes[k] = 1 + Math.floor(next() * 4)
}

const times = []
let checksum = 0
countCodes(rowCodes, colCodes, [1, 2, 3], [1, 2, 3, 4]) // warm-up
for (let r = 0; r < REPEATS; r++) {
  const t0 = process.hrtime.bigint()
  const { table } = countCodes(rowCodes, colCodes, [1, 2, 3], [1, 2, 3, 4])
  const t1 = process.hrtime.bigint()
  times.push(Number(t1 - t0) / 1e9)
  checksum = table.counts.reduce((a, b) => a + b, 0)
}
times.sort((a, b) => a - b)
const median = times[Math.floor(times.length / 2)]
const result = {
  benchmark: "countCodes: 2 columns of small-integer codes -> 3x4 table",
  rows: ROWS,
  repeats: REPEATS,
  countedCases: checksum,
  medianSeconds: median,
  minSeconds: times[0],
  rowsPerSecond: Math.round(ROWS / median),
  machine: {
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version
  },
  date: new Date().toISOString()
}
const out = new URL("./results.json", import.meta.url)
writeFileSync(out, JSON.stringify(result, null, 2) + "\n")
console.log(`${(result.rowsPerSecond / 1e6).toFixed(1)} million rows/s (median of ${REPEATS}, ${ROWS} rows) on ${result.machine.cpu}`)
console.log(`written to ${out.pathname}`)
