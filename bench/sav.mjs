// SPSS system file reading, called from bench/run.mjs: a 200,000-case x 60-variable file (50 code
// variables with 2% system-missing and a user-missing code, 10 fractional numbers) written by our own
// writer as .sav (bytecode) and .zsav (zlib), then read with readSav. Reports MB/s of file read.
import { makeDataset, SYSTEM_MISSING } from "../packages/domain/dist/index.js"
import { readSav, writeSav } from "../packages/io/dist/index.js"

const CASES = Number(process.env.BENCH_SAV_CASES ?? 200_000)
const CODES = 50
const NUMBERS = 10

/** Benchmarks readSav on .sav and .zsav; `time` and `lcg` are run.mjs's helpers. */
export const savBench = ({ time, lcg }) => {
  const next = lcg(2024)
  const columns = []
  for (let j = 0; j < CODES; j++) {
    const values = new Int32Array(CASES)
    for (let i = 0; i < CASES; i++) {
      const u = next()
      values[i] = u < 0.02 ? SYSTEM_MISSING : u < 0.04 ? 9 : 1 + Math.floor(next() * 5)
    }
    columns.push({ name: `q${j + 1}`, type: "codes", values })
  }
  for (let j = 0; j < NUMBERS; j++) {
    const values = new Float64Array(CASES)
    for (let i = 0; i < CASES; i++) values[i] = 0.5 + next() * 1.5
    columns.push({ name: `x${j + 1}`, type: "numeric", values })
  }
  const dataset = makeDataset(columns)
  const out = []
  for (const compression of ["bytecode", "zlib"]) {
    const { bytes } = writeSav(dataset, undefined, { compression })
    const t = time(() => {
      const result = readSav(bytes, { fileName: "bench.sav" })
      if (result._tag !== "Right") throw new Error(result.left.message)
      return result.right
    })
    const megabytes = bytes.length / 1e6
    out.push({
      case: compression === "zlib" ? "read-zsav" : "read-sav",
      what: `readSav: ${CASES.toLocaleString("en")} cases x ${CODES + NUMBERS} variables, ${
        compression === "zlib" ? ".zsav (zlib)" : ".sav (bytecode)"
      }, written by writeSav`,
      rows: CASES,
      fileMegabytes: Number(megabytes.toFixed(2)),
      medianSeconds: t.medianSeconds,
      minSeconds: t.minSeconds,
      rowsPerSecond: Math.round(CASES / t.medianSeconds),
      mbPerSecond: Number((megabytes / t.medianSeconds).toFixed(1)),
      casesRead: t.last.dataset.rowCount
    })
  }
  return out
}
