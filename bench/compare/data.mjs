// Generates, once per run, the data that danvan and R both read (written to a temp directory), so the two
// sides time the same bytes. Deterministic: the same files on every run.
import { createWriteStream, writeFileSync } from "node:fs"
import { join } from "node:path"

/** Deterministic uniform [0, 1) numbers (LCG, 24 bits), the same generator as bench/run.mjs. */
export const lcg = (seed) => {
  let state = seed >>> 0
  return () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 8) / 16777216
}

/** The paper's Table 4 item 1 (3 x 3, n = 1,096): exact enumeration is hopeless here, the Monte Carlo case. */
export const PAPER_TABLE = [
  [66, 209, 35],
  [158, 177, 41],
  [163, 216, 31]
]

/**
 * Sparse 4 x 5 tables from the R fixtures (packages/stats/test/fixtures/fisher.json). n = 130
 * (extra-sparse-4x5-130): R's fisher.test fails with its default workspace ("LDSTP is too small") and needs
 * workspace = 2e8. n = 150 (extra-sparse-4x5-150): R's default workspace suffices (an easy table for FEXACT).
 */
export const SPARSE_4X5 = [
  [22, 9, 3, 1, 0],
  [14, 16, 4, 0, 1],
  [6, 9, 12, 1, 0],
  [10, 8, 3, 9, 2]
]
export const SPARSE_4X5_EASY = [
  [30, 12, 3, 1, 0],
  [25, 10, 4, 0, 1],
  [20, 9, 2, 1, 0],
  [18, 8, 3, 2, 1]
]

/**
 * Small and mid-sized r x c tables that R's FEXACT finishes in milliseconds with its default workspace (the
 * "easy" set; the last one is SPARSE_4X5_EASY): the case times them all, one after the other.
 */
export const EASY_TABLES = [
  [[8, 5, 7], [3, 9, 8]],
  [[10, 5, 5], [4, 10, 6], [6, 5, 9]],
  [[10, 8, 6, 9, 7], [6, 9, 10, 7, 8]],
  [[8, 5, 3, 4], [4, 7, 6, 3], [2, 6, 9, 13]],
  [[5, 3, 4, 3], [2, 6, 3, 4], [4, 3, 5, 3], [3, 4, 2, 6]],
  [[12, 10, 9, 11, 8, 10], [9, 11, 10, 12, 8, 10]],
  [[7, 6, 5, 6, 6], [6, 7, 6, 5, 6], [5, 6, 7, 6, 6]],
  SPARSE_4X5_EASY
]

/** 10 million rows of two Int32 code columns (row: 1-3 with 1% missing code 9; column: 1-4), raw LE. */
const writeCounting = (dir, rows) => {
  const next = lcg(12345)
  const r = new Int32Array(rows)
  const c = new Int32Array(rows)
  for (let k = 0; k < rows; k++) {
    r[k] = next() < 0.01 ? 9 : 1 + Math.floor(next() * 3)
    c[k] = 1 + Math.floor(next() * 4)
  }
  writeFileSync(join(dir, "rows.i32"), new Uint8Array(r.buffer))
  writeFileSync(join(dir, "cols.i32"), new Uint8Array(c.buffer))
}

/** Column names of the survey CSV: codes everywhere except the numeric `weight`. */
export const CSV_NUMERIC = ["weight"]

/**
 * A survey CSV of about `megabytes` MB: id, level (1-3), district (1-24), sex (1-2, 9 = no answer), age,
 * weight (decimal), 20 tick-all-that-apply items (0/1), 5 difficulty items (1-3, 9), 10 Likert items (1-5,
 * some blank). About 100 bytes per row.
 */
const writeSurveyCsv = async (dir, megabytes) => {
  const next = lcg(777)
  const header = ["id", "level", "district", "sex", "age", "weight"]
  for (let j = 1; j <= 20; j++) header.push(`mr${j}`)
  for (let j = 1; j <= 5; j++) header.push(`diff${j}`)
  for (let j = 1; j <= 10; j++) header.push(`lik${j}`)
  const out = createWriteStream(join(dir, "survey.csv"))
  const write = (s) => (out.write(s) ? Promise.resolve() : new Promise((ok) => out.once("drain", ok)))
  await write(header.join(",") + "\n")
  let bytes = 0
  let id = 0
  const target = megabytes * 1e6
  while (bytes < target) {
    const lines = []
    for (let b = 0; b < 2000; b++) {
      id++
      const level = 1 + Math.floor(next() * 3)
      const cells = [
        id,
        level,
        1 + Math.floor(next() * 24),
        next() < 0.02 ? 9 : 1 + Math.floor(next() * 2),
        22 + Math.floor(next() * 39),
        (0.5 + next()).toFixed(3)
      ]
      for (let j = 0; j < 20; j++) cells.push(next() < 0.2 + 0.1 * level ? 1 : 0)
      for (let j = 0; j < 5; j++) cells.push(next() < 0.03 ? 9 : 1 + Math.floor(next() * 3))
      for (let j = 0; j < 10; j++) cells.push(next() < 0.05 ? "" : 1 + Math.floor(next() * 5))
      lines.push(cells.join(","))
    }
    const chunk = lines.join("\n") + "\n"
    bytes += chunk.length
    await write(chunk)
  }
  await new Promise((ok) => out.end(ok))
  return { rows: id, bytes }
}

/** Respondents in `groupCount` groups answering `items` 0/1 items correlated through a latent trait. */
const writeMr = (dir, name, n, groupCount, items, seed) => {
  const next = lcg(seed)
  const lines = ["group," + Array.from({ length: items }, (_, j) => `i${j + 1}`).join(",")]
  for (let k = 0; k < n; k++) {
    const g = k % groupCount
    const trait = next() + 0.1 * g
    const row = [g + 1]
    for (let j = 0; j < items; j++) row.push(next() < 0.25 + 0.5 * trait * (0.5 + j / (2 * items)) ? 1 : 0)
    lines.push(row.join(","))
  }
  writeFileSync(join(dir, name), lines.join("\n") + "\n")
}

/** Writes every input file into `dir`; returns their sizes for the report. */
export const generateData = async (dir, { countingRows, csvMegabytes }) => {
  writeCounting(dir, countingRows)
  const csv = await writeSurveyCsv(dir, csvMegabytes)
  writeMr(dir, "mr-3x12.csv", 1096, 3, 12, 2025)
  writeMr(dir, "mr-3x8.csv", 1096, 3, 8, 2024)
  writeFileSync(
    join(dir, "tables.json"),
    JSON.stringify({
      sparse4x5: SPARSE_4X5,
      sparse4x5easy: SPARSE_4X5_EASY,
      paper3x3: PAPER_TABLE,
      easySet: EASY_TABLES
    }) + "\n"
  )
  return { countingRows, csvRows: csv.rows, csvBytes: csv.bytes }
}
