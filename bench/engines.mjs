#!/usr/bin/env node
// `pnpm bench:engines`: the counting engines side by side, in one run. Not a test (nothing asserts a time).
//
//   1. generates, with DuckDB's own COPY, a Parquet file of BENCH_ENGINE_ROWS (default 100,000,000) rows:
//      two small-integer code columns (level 1..3, q 1..5) and a weight with 8 distinct values, under
//      /tmp/danvan-bench-engines (refused when the disk has less than 8 GB free; deleted at the end unless
//      BENCH_KEEP=1);
//   2. times, alternately, each repetition in a fresh process:
//      - duckdb-own: DuckDB's own `SELECT level, q, sum(w), count(*) ... GROUP BY ALL` on the file (the query
//        only, in-process through @duckdb/node-api);
//      - danvan-duckdb: `danvan crosstab --data FILE.parquet --row level --col q --weight w --engine duckdb
//        --format json`, the whole process (Node start-up, DuckDB's GROUP BY, the statistics, the JSON);
//      the same two unweighted;
//   3. times the in-memory engine on BENCH_MEMORY_ROWS (default 10,000,000) rows of the same columns held in
//      typed arrays (crosstabCounted over memoryCounter, and the case-level `crosstab` for reference), in-process.
// Medians of BENCH_REPS (default 3) go to bench/engines.json and to the section of bench/README.md between
// the engines markers, with the machine (cores, memory, CPU model, load).
//
// For before/after comparisons on a shared machine (nothing written): BENCH_WRITE=0 prints the results only;
// BENCH_DANVAN_BIN=path/to/bin.js times another build of the CLI (e.g. a copy of apps/cli/dist made before a
// change, kept inside apps/cli so that it resolves the same node_modules); BENCH_ONLY=duckdb skips the
// in-memory cases. BENCH_ENGINE_ROWS=20000000 BENCH_KEEP=1 keeps a smaller file for repeated runs.
import { spawnSync } from "node:child_process"
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statfsSync, statSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import os from "node:os"
import { join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"

const root = fileURLToPath(new URL("..", import.meta.url))
const ROWS = Number(process.env.BENCH_ENGINE_ROWS ?? 100_000_000)
const MEMORY_ROWS = Number(process.env.BENCH_MEMORY_ROWS ?? 10_000_000)
const REPS = Number(process.env.BENCH_REPS ?? 3)
const DIR = "/tmp/danvan-bench-engines"
// BENCH_DISTINCT_WEIGHTS=1: a weight distinct for nearly every row (as a raked weight is) instead of 8 values.
const DISTINCT = process.env.BENCH_DISTINCT_WEIGHTS === "1"
const FILE = join(DIR, `rows-${ROWS}${DISTINCT ? "-distinct" : ""}.parquet`)
const BIN = process.env.BENCH_DANVAN_BIN ?? join(root, "apps/cli/dist/bin.js")
const WRITE = process.env.BENCH_WRITE !== "0"
const WEIGHTS = [0.5, 0.8, 1, 1.25, 1.5, 2, 0.75, 1.1]

// Loaded with require, as danvan loads it: import() of this CommonJS package costs ~0.2-0.4 s more (bench/README.md),
// which would flatter danvan against DuckDB's whole process.
const duckdbModule = async () => createRequire(join(root, "packages/analysis/package.json"))("@duckdb/node-api")

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/** One child: `case` runs in a fresh process and prints {"seconds", "check"}. */
const child = (name, extra = {}) => {
  const t0 = process.hrtime.bigint()
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--case", name], {
    encoding: "utf8",
    env: { ...process.env, ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, String(v)])) },
    maxBuffer: 1 << 26
  })
  if (r.status !== 0) throw new Error(`case ${name} failed: ${r.stderr}`)
  const processSeconds = Number(process.hrtime.bigint() - t0) / 1e9
  return { ...JSON.parse(r.stdout.trim().split("\n").at(-1)), processSeconds }
}

/** The wall time of a danvan command, and the counts it printed. */
const danvan = (args) => {
  const t0 = process.hrtime.bigint()
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", maxBuffer: 1 << 26 })
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9
  if (r.status !== 0) throw new Error(`danvan ${args.join(" ")} failed: ${r.stderr}`)
  const result = JSON.parse(r.stdout)
  return { seconds, check: result.n.valid }
}

const cases = {
  async "duckdb-own"() {
    const { DuckDBInstance } = await duckdbModule()
    const instance = await DuckDBInstance.create(":memory:")
    const c = await instance.connect()
    const weighted = process.env.CASE_WEIGHTED === "1"
    const sql = `SELECT level, q, ${weighted ? "sum(w), " : ""}count(*) FROM read_parquet('${FILE}') GROUP BY ALL`
    const t0 = process.hrtime.bigint()
    const rows = (await c.runAndReadAll(sql)).getRows()
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9
    const check = weighted ? rows.reduce((a, r) => a + r[2], 0) : rows.reduce((a, r) => a + Number(r[2]), 0)
    return { seconds, check, cells: rows.length }
  },
  async memory() {
    const { makeDataset } = await import(pathToFileURL(join(root, "packages/domain/dist/index.js")).href)
    const A = await import(pathToFileURL(join(root, "packages/analysis/dist/index.js")).href)
    const require = createRequire(join(root, "packages/analysis/package.json"))
    const Effect = await import(pathToFileURL(require.resolve("effect/Effect")).href)
    const n = MEMORY_ROWS
    const level = new Int32Array(n)
    const q = new Int32Array(n)
    const w = new Float64Array(n)
    for (let k = 0; k < n; k++) {
      level[k] = (k % 3) + 1
      q[k] = ((k * 7 + Math.floor(k / 3)) % 5) + 1
      w[k] = WEIGHTS[(Math.imul(k, 2654435761) >>> 0) % 8]
    }
    const dataset = makeDataset([
      { name: "level", type: "codes", values: level },
      { name: "q", type: "codes", values: q },
      { name: "w", type: "numeric", values: w }
    ])
    const options = process.env.CASE_WEIGHTED === "1" ? { weight: "w", weightMode: "frequency" } : {}
    const legacy = process.env.CASE_LEGACY === "1"
    const t0 = process.hrtime.bigint()
    const result = legacy
      ? A.crosstab(dataset, undefined, "level", "q", options)
      : await Effect.runPromise(A.crosstabCounted(A.memoryCounter(dataset), undefined, "level", "q", options))
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9
    return { seconds, check: legacy ? result.right.n.valid : result.n.valid }
  }
}

if (process.argv[2] === "--case") {
  const out = await cases[process.argv[3]]()
  process.stdout.write(`${JSON.stringify(out)}\n`)
  process.exit(0)
}

const generate = async () => {
  mkdirSync(DIR, { recursive: true })
  if (existsSync(FILE)) return { seconds: 0, reused: true }
  const free = statfsSync(DIR).bavail * statfsSync(DIR).bsize
  if (free < 8e9) throw new Error(`only ${(free / 1e9).toFixed(1)} GB free under ${DIR}; need 8 GB`)
  const { DuckDBInstance } = await duckdbModule()
  const instance = await DuckDBInstance.create(":memory:")
  const c = await instance.connect()
  const t0 = process.hrtime.bigint()
  await c.run(
    `COPY (SELECT (i % 3 + 1)::SMALLINT AS level, ((i * 7 + i // 3) % 5 + 1)::SMALLINT AS q,
       ${
      DISTINCT
        ? "(0.5 + (hash(i) % 1000000007) / 1000000007.0 * 1.5)::DOUBLE"
        : `([${WEIGHTS.join(", ")}])[(hash(i) % 8)::INTEGER + 1]::DOUBLE`
    } AS w
     FROM range(${ROWS}) t(i)) TO '${FILE}.tmp' (FORMAT parquet, COMPRESSION zstd)`
  )
  c.closeSync()
  instance.closeSync()
  renameSync(`${FILE}.tmp`, FILE) // an interrupted run leaves no file that a later run would take as complete
  return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, reused: false }
}

const cpuModel = () => {
  try {
    return /model name\s*:\s*(.*)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? os.cpus()[0]?.model
  } catch {
    return os.cpus()[0]?.model ?? "unknown"
  }
}

const main = async () => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run pnpm bench:engines (it builds the CLI)`)
  const generated = await generate()
  const bytes = statSync(FILE).size
  console.log(`${FILE}: ${ROWS} rows, ${(bytes / 1e6).toFixed(0)} MB (generated in ${generated.seconds.toFixed(1)} s)`)
  const crosstab = (weighted) => [
    "crosstab",
    "--data",
    FILE,
    "--row",
    "level",
    "--col",
    "q",
    ...(weighted ? ["--weight", "w", "--weight-mode", "frequency"] : []),
    "--engine",
    "duckdb",
    "--format",
    "json",
    "--exact",
    "none"
  ]
  const results = []
  for (const weighted of [true, false]) {
    const own = []
    const ours = []
    for (let r = 0; r < REPS; r++) {
      // alternate who goes first (the file's pages are in the OS cache after the first run either way)
      const pair = r % 2 === 0
        ? [
          () => own.push(child("duckdb-own", { CASE_WEIGHTED: weighted ? 1 : 0 })),
          () => ours.push(danvan(crosstab(weighted)))
        ]
        : [
          () => ours.push(danvan(crosstab(weighted))),
          () => own.push(child("duckdb-own", { CASE_WEIGHTED: weighted ? 1 : 0 }))
        ]
      pair.forEach((f) => f())
      console.log(
        `  ${weighted ? "weighted" : "unweighted"} rep ${r + 1}: duckdb ${own.at(-1).seconds.toFixed(2)} s, danvan ${
          ours.at(-1).seconds.toFixed(2)
        } s`
      )
    }
    const ownMedian = median(own.map((x) => x.seconds))
    const oursMedian = median(ours.map((x) => x.seconds))
    results.push({
      case: `${ROWS / 1e6}M-row Parquet crosstab ${
        weighted ? `weighted${DISTINCT ? " (a distinct weight per row)" : ""}` : "unweighted"
      }`,
      rows: ROWS,
      duckdbOwnSeconds: ownMedian,
      duckdbOwnProcessSeconds: median(own.map((x) => x.processSeconds)),
      danvanDuckdbSeconds: oursMedian,
      ratio: oursMedian / ownMedian,
      goal: 2,
      met: oursMedian / ownMedian <= 2,
      sameCount: Math.abs(own[0].check - ours[0].check) <= 1e-6 * own[0].check,
      duckdbOwnCheck: own[0].check,
      danvanCheck: ours[0].check
    })
  }
  for (const weighted of process.env.BENCH_ONLY === "duckdb" ? [] : [true, false]) {
    const counted = []
    const legacy = []
    for (let r = 0; r < REPS; r++) {
      counted.push(child("memory", { CASE_WEIGHTED: weighted ? 1 : 0 }))
      legacy.push(child("memory", { CASE_WEIGHTED: weighted ? 1 : 0, CASE_LEGACY: 1 }))
    }
    results.push({
      case: `in-memory engine, ${MEMORY_ROWS / 1e6}M rows ${weighted ? "weighted" : "unweighted"}`,
      rows: MEMORY_ROWS,
      memoryEngineSeconds: median(counted.map((x) => x.seconds)),
      caseLevelCrosstabSeconds: median(legacy.map((x) => x.seconds)),
      check: counted[0].check
    })
    console.log(`  memory ${weighted ? "weighted" : "unweighted"}: ${results.at(-1).memoryEngineSeconds.toFixed(2)} s`)
  }
  const machine = {
    cpu: cpuModel(),
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    duckdb: JSON.parse(
      readFileSync(join(root, "packages/analysis/node_modules/@duckdb/node-api/package.json"), "utf8")
    ).version,
    loadAverageAtEnd: os.loadavg().map((x) => Number(x.toFixed(2)))
  }
  const out = { date: new Date().toISOString(), machine, repetitions: REPS, parquetBytes: bytes, results }
  if (WRITE) {
    writeFileSync(join(root, "bench/engines.json"), `${JSON.stringify(out, null, 2)}\n`)
    writeReadme(out)
  } else console.log(JSON.stringify({ bin: BIN, ...out }, null, 2))
  if (process.env.BENCH_KEEP !== "1") rmSync(DIR, { recursive: true, force: true })
}

const s = (x) => `${x.toFixed(2)} s`

const writeReadme = (out) => {
  const m = out.machine
  const lines = [
    `Run ${out.date} on ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.platform}; Node ${m.node}; ` +
    `DuckDB ${m.duckdb} (@duckdb/node-api). ${out.repetitions} repetitions, medians of wall time. ` +
    `Load average at the end: ${m.loadAverageAtEnd.join(", ")}.`,
    "",
    "| case | DuckDB's own GROUP BY (query) | (its whole Node process) | danvan --engine duckdb (whole process) " +
    "| ratio to the query | goal | met | same N |",
    "| --- | ---: | ---: | ---: | ---: | ---: | :---: | :---: |",
    ...out.results.filter((r) => r.duckdbOwnSeconds !== undefined).map((r) =>
      `| ${r.case} | ${s(r.duckdbOwnSeconds)} | ${s(r.duckdbOwnProcessSeconds)} | ${s(r.danvanDuckdbSeconds)} | ` +
      `${r.ratio.toFixed(2)}x | ` +
      `${r.goal}x | ${r.met ? "yes" : "no"} | ${r.sameCount ? "yes" : "no"} |`
    ),
    "",
    "| case | in-memory engine (crosstabCounted) | case-level crosstab |",
    "| --- | ---: | ---: |",
    ...out.results.filter((r) => r.memoryEngineSeconds !== undefined).map((r) =>
      `| ${r.case} | ${s(r.memoryEngineSeconds)} | ${s(r.caseLevelCrosstabSeconds)} |`
    )
  ]
  const path = join(root, "bench/README.md")
  const readme = readFileSync(path, "utf8")
  const start = "<!-- engines:start -->"
  const end = "<!-- engines:end -->"
  const section = `${start}\n\n${lines.join("\n")}\n\n${end}`
  writeFileSync(
    path,
    readme.includes(start)
      ? readme.replace(new RegExp(`${start}[\\s\\S]*${end}`), section)
      : `${readme.trimEnd()}\n\n## Counting engines (\`pnpm bench:engines\`)\n\n${section}\n`
  )
}

await main()
