#!/usr/bin/env node
// `pnpm bench:compare`: danvan against R on the same machine, the same data, in one run.
//
// The input files are generated once into a temp directory (bench/compare/data.mjs). Each in-process case
// runs in a fresh child process per repetition (bench/compare/node-case.mjs, bench/r/case.R), danvan and R
// alternating (and swapping who goes first each repetition), under /usr/bin/time for the peak RSS. Each
// child loads its input untimed, runs the case `warmups` times untimed, then once timed. Process cases
// (replicate, report) are timed whole, alternating the same way; `danvan --help` by hyperfine.
// Medians and ratios go to bench/compare.json and to the table between the markers in bench/README.md.
//
// Env: BENCH_REPS (default 5), BENCH_ROWS (counting rows, default 1e7), BENCH_CSV_MB (default 50),
// BENCH_CASES (comma-separated ids to run, default all; the other cases keep their previous results).
import { execFileSync, spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import os from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { generateData } from "./compare/data.mjs"
import { renderTable } from "./compare/report.mjs"

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, "..")
const REPS = Number(process.env.BENCH_REPS ?? 5)
const only = process.env.BENCH_CASES?.split(",")
const cli = join(root, "apps/cli/dist/bin.js")

const has = (cmd, args = ["--version"]) => spawnSync(cmd, args, { stdio: "ignore" }).status === 0
const hasR = has("Rscript")
const hasTime = existsSync("/usr/bin/time")
const hasHyperfine = has("hyperfine")
if (!hasR) console.log("Rscript not found: the R side of every case is skipped (danvan is still timed).")
// data.table (fread) is an R package of its own: without it the fread anchors are skipped, with a message.
const hasDataTable = hasR && has("Rscript", ["-e", "quit(status = !requireNamespace('data.table', quietly = TRUE))"])
if (hasR && !hasDataTable) {
  console.log(
    "R package data.table not found: the fread anchors are skipped. Install it with " +
      "`apt-get install -y r-cran-data.table` (Debian) or `install.packages(\"data.table\")` in R."
  )
}
// DuckDB is the root devDependency @duckdb/node-api: without it (not installed) the DuckDB anchors are skipped.
const hasDuckDb = await import("@duckdb/node-api").then(() => true, () => false)
if (!hasDuckDb) {
  console.log("@duckdb/node-api not installed (pnpm install at the root): the DuckDB anchors are skipped.")
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length === 0 ? null : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

/** Runs argv under /usr/bin/time (when present); returns stdout, wall seconds and peak RSS in MiB. */
const measured = (argv, cwd = root) => {
  const full = hasTime ? ["/usr/bin/time", "-f", "__MAXRSS_KB %M %U %S", ...argv] : argv
  const t0 = process.hrtime.bigint()
  const res = spawnSync(full[0], full.slice(1), { cwd, encoding: "utf8", maxBuffer: 1 << 26 })
  const wall = Number(process.hrtime.bigint() - t0) / 1e9
  const rss = /__MAXRSS_KB (\d+) ([\d.]+) ([\d.]+)/.exec(res.stderr ?? "")
  const stderr = (res.stderr ?? "").replace(/__MAXRSS_KB .*\n?/, "")
  return {
    ok: res.status === 0,
    stdout: res.stdout ?? "",
    stderr,
    wall,
    cpu: rss ? Number(rss[2]) + Number(rss[3]) : null,
    rssMiB: rss ? Number(rss[1]) / 1024 : null
  }
}

const data = mkdtempSync(join(os.tmpdir(), "danvan-bench-"))
console.log(`generating data in ${data} ...`)
const sizes = await generateData(data, {
  countingRows: Number(process.env.BENCH_ROWS ?? 10_000_000),
  csvMegabytes: Number(process.env.BENCH_CSV_MB ?? 50)
})

const inProcess = (
  id,
  caseArg,
  warmups
) => ["node", join(here, "compare/node-case.mjs"), caseArg ?? id, data, String(warmups)]
const inR = (caseArg, warmups) => ["Rscript", join(here, "r/case.R"), caseArg, data, String(warmups)]
const inDuckDb = (caseArg, warmups) => ["node", join(here, "compare/duckdb-case.mjs"), caseArg, data, String(warmups)]
/** The check of the crosstab task from danvan's JSON: the sum over cells of count x (row code x 100 + col code). */
const crosstabCheck = (stdout) => {
  const t = JSON.parse(stdout)
  let sum = 0
  t.counts.forEach((row, i) =>
    row.forEach((n, j) => (sum += n * (t.row.categories[i].code * 100 + t.col.categories[j].code)))
  )
  return sum
}
const lastLineCheck = (stdout) => JSON.parse(stdout.trim().split("\n").pop()).check

/**
 * The cases. `danvan` and each entry of `r` are argv; `timing: "internal"` reads {seconds, check} from the
 * child's stdout, "process" times the whole process. Medians are of CPU time (user + system) of the timed
 * work, steadier than wall time on a shared machine (wall times are kept in compare.json too). `target` is the
 * ratio R / danvan to reach (or, for help, a limit in seconds); `agree(d, r)` checks that both computed the
 * same thing.
 */
const relClose = (tol) => (a, b) => Math.abs(a - b) <= tol * Math.max(Math.abs(a), Math.abs(b))
const cases = [
  {
    id: "counting",
    what: `10M-row two-variable crosstab from in-memory Int32 codes (3 x 4, 1% missing)`,
    timing: "internal",
    danvan: inProcess("counting", undefined, 1),
    memory: true,
    r: [
      { name: "table()", argv: inR("counting-table", 1), target: 3 },
      { name: "tabulate()", argv: inR("counting-tabulate", 1), target: 1 }
    ],
    agree: (a, b) => a === b
  },
  {
    id: "csv",
    what: `read a ${Math.round(sizes.csvBytes / 1e6)} MB survey CSV (${sizes.csvRows} rows x 41 columns) into columns`,
    timing: "internal",
    danvan: inProcess("csv", undefined, 0),
    memory: true,
    r: [
      { name: "read.csv", argv: inR("csv", 0), target: 3 },
      { name: "data.table::fread", argv: inR("csv-fread", 0), target: 1, needs: "data.table" },
      { name: "DuckDB read_csv (CREATE TABLE)", argv: inDuckDb("csv", 0), target: null, needs: "duckdb" }
    ],
    agree: (a, b) => a === b
  },
  {
    id: "csv-crosstab",
    what: `the CSV -> two-column crosstab task as a whole process: \`danvan crosstab --data survey.csv --row level ` +
      `--col district --format json --exact none\` (${Math.round(sizes.csvBytes / 1e6)} MB, ${sizes.csvRows} rows)`,
    timing: "process",
    danvan: [
      "node",
      cli,
      "crosstab",
      "--data",
      join(data, "survey.csv"),
      "--row",
      "level",
      "--col",
      "district",
      "--format",
      "json",
      // the anchors count and nothing else: danvan still computes its chi-square tests, residuals and
      // measures, but not the Monte Carlo Fisher test that "auto" runs on a 3 x 24 table of 544,000 cases
      "--exact",
      "none"
    ],
    check: crosstabCheck,
    memory: true,
    r: [
      {
        name: "fread(select =) + table() (bench/r/crosstab.R)",
        argv: ["Rscript", join(here, "r/crosstab.R"), data],
        target: 1,
        needs: "data.table",
        check: lastLineCheck
      },
      {
        name: "DuckDB read_csv + GROUP BY (node)",
        argv: inDuckDb("csv-crosstab", 0),
        target: null,
        needs: "duckdb",
        check: lastLineCheck
      }
    ],
    agree: (a, b) => a === b
  },
  {
    id: "fisher-exact",
    what: "Fisher-Freeman-Halton exact, sparse 4 x 5, n = 130 (R needs workspace = 2e8)",
    // R takes 20-60 s here: three repetitions, no warm-up on either side
    timing: "internal",
    danvan: inProcess("fisher-exact", undefined, 0),
    reps: Math.min(REPS, 3),
    r: [{ name: "fisher.test(workspace = 2e8)", argv: inR("fisher-exact", 0), target: 1 }],
    agree: relClose(1e-8)
  },
  {
    id: "fisher-exact-easy",
    what: "Fisher-Freeman-Halton exact, sparse 4 x 5, n = 150 (R's default workspace suffices)",
    timing: "internal",
    danvan: inProcess("fisher-exact-easy", undefined, 1),
    r: [{ name: "fisher.test", argv: inR("fisher-exact-easy", 1), target: null }],
    agree: relClose(1e-8)
  },
  {
    id: "fisher-easy-set",
    what:
      "Fisher-Freeman-Halton exact on 8 easy tables (2 x 3 to 4 x 5, n = 40 to 150; bench/compare/data.mjs), in turn",
    timing: "internal",
    danvan: inProcess("fisher-easy-set", undefined, 1),
    r: [{ name: "fisher.test", argv: inR("fisher-easy-set", 1), target: 1 }],
    agree: relClose(1e-8)
  },
  {
    id: "fisher-mc",
    what: "Fisher-Freeman-Halton Monte Carlo, B = 100,000, the paper's 3 x 3 (n = 1,096)",
    timing: "internal",
    danvan: inProcess("fisher-mc", undefined, 1),
    r: [{ name: "fisher.test(simulate.p.value)", argv: inR("fisher-mc", 1), target: 1 }],
    agree: (a, b) => Math.abs(a - b) < 1e-4
  },
  {
    id: "mmi-rs2",
    what: "MMI second-order Rao-Scott, 3 groups x 12 items, 1,096 respondents",
    timing: "internal",
    danvan: inProcess("mmi-rs2", undefined, 1),
    r: [{ name: "R (bench/r/mmi.R)", argv: inR("mmi-rs2", 1), target: null }],
    agree: relClose(1e-9)
  },
  {
    id: "mmi-bootstrap",
    what: "MMI bootstrap, B = 1999, 1,096 respondents x 8 items, 3 groups",
    timing: "internal",
    danvan: inProcess("mmi-bootstrap", undefined, 1),
    r: [
      { name: "R loop, chisq.test per item (bench/r/mmi.R)", argv: inR("mmi-bootstrap-chisq", 0), target: 50 },
      { name: "R loop, vectorised rowsum (bench/r/mmi.R)", argv: inR("mmi-bootstrap", 1), target: null }
    ],
    // different generators: the p-values agree to Monte Carlo error only
    agree: (a, b) => Math.abs(a - b) < 0.02
  },
  {
    id: "replicate",
    what: "`danvan replicate hcmc-2024 --format json` as a process",
    timing: "process",
    danvan: ["node", cli, "replicate", "hcmc-2024", "--format", "json"],
    r: [{ name: "Rscript bench/r/replicate.R", argv: ["Rscript", join(here, "r/replicate.R")], target: null }]
  },
  {
    id: "report",
    what: "`danvan report hcmc-2024 --out report.html` (published tables, HTML with charts) as a process",
    timing: "process",
    danvan: ["node", cli, "report", "hcmc-2024", "--out", "report.html"],
    r: []
  }
].filter((c) => only === undefined || only.includes(c.id))

const run = (c, side) => {
  const argv = side.argv
  // report may write files: it runs in the temp directory
  const m = measured(argv, c.id === "report" ? data : root)
  if (!m.ok) return { error: (m.stderr.trim().split("\n")[0] || "failed").slice(0, 200) }
  if (c.timing === "process") {
    return { seconds: m.wall, cpuSeconds: m.cpu, rssMiB: m.rssMiB, check: side.check?.(m.stdout) }
  }
  const out = JSON.parse(m.stdout.trim().split("\n").pop())
  return { seconds: out.seconds, cpuSeconds: out.cpuSeconds, check: out.check, rssMiB: m.rssMiB }
}

const results = []
for (const c of cases) {
  const available = (s) =>
    s.needs === "duckdb" ? hasDuckDb : s.needs === "data.table" ? hasDataTable : s.argv[0] !== "Rscript" || hasR
  c.r = c.r.filter(available)
  const sides = [{ name: "danvan", argv: c.danvan, check: c.check }, ...c.r]
  const runs = sides.map(() => [])
  let unavailable
  for (let rep = 0; rep < (c.reps ?? REPS) && unavailable === undefined; rep++) {
    // alternate, and swap who goes first each repetition
    const order = sides.map((_, k) => k)
    if (rep % 2 === 1) order.reverse()
    for (const k of order) {
      const r = run(c, sides[k])
      if (r.error !== undefined && k === 0 && c.id === "report") {
        unavailable = /Invalid subcommand/.test(r.error)
          ? "not available (no `danvan report` command in this build)"
          : `failed: ${r.error}`
        break
      }
      if (r.error !== undefined) throw new Error(`${c.id} / ${sides[k].name}: ${r.error}`)
      runs[k].push(r)
    }
    process.stdout.write(".")
  }
  const summary = sides.map((s, k) => ({
    name: s.name,
    // the timed work's CPU time (user + system): on a loaded machine it is far steadier than wall time
    medianSeconds: median(runs[k].map((r) => r.cpuSeconds ?? r.seconds)),
    medianWallSeconds: median(runs[k].map((r) => r.seconds)),
    cpuSeconds: runs[k].map((r) => r.cpuSeconds),
    seconds: runs[k].map((r) => r.seconds),
    peakRssMiB: median(runs[k].map((r) => r.rssMiB).filter((x) => x !== null)),
    check: runs[k][0]?.check
  }))
  const d = summary[0]
  const refs = summary.slice(1).map((s, k) => {
    const ratio = d.medianSeconds > 0 && s.medianSeconds !== null ? s.medianSeconds / d.medianSeconds : null
    const target = c.r[k].target
    return {
      ...s,
      ratio,
      target,
      met: target === null || ratio === null ? null : ratio >= target,
      agree: c.agree === undefined ? null : c.agree(d.check, s.check)
    }
  })
  results.push({
    id: c.id,
    what: c.what,
    memory: c.memory === true,
    unavailable,
    danvan: unavailable ? null : d,
    r: refs
  })
  console.log(
    `\n${c.id}: ${
      unavailable ??
        `danvan ${(d.medianSeconds * 1000).toFixed(1)} ms` +
          refs.map((r) => `, ${r.name} ${(r.medianSeconds * 1000).toFixed(1)} ms (x${r.ratio?.toFixed(1)})`).join("")
    }`
  )
}

// Cold start: hyperfine when installed, else the same alternating loop with the process timer.
let help = null
if (only === undefined || only.includes("help")) {
  const argv = ["node", cli, "--help"]
  if (hasHyperfine) {
    const json = join(data, "hyperfine.json")
    execFileSync("hyperfine", [
      "--warmup",
      "3",
      "--runs",
      String(Math.max(10, 4 * REPS)),
      "-N",
      "--export-json",
      json,
      argv.join(" ")
    ], { stdio: "ignore" })
    const h = JSON.parse(readFileSync(json, "utf8")).results[0]
    help = {
      tool: "hyperfine",
      medianSeconds: h.median,
      meanSeconds: h.mean,
      stddevSeconds: h.stddev,
      meanCpuSeconds: h.user + h.system,
      runs: h.times.length
    }
  } else {
    const times = Array.from({ length: 10 }, () => measured(argv).wall)
    help = { tool: "spawnSync wall time", medianSeconds: median(times), runs: times.length }
  }
  help.limitSeconds = 0.3
  help.met = help.medianSeconds < 0.3
  console.log(`help: ${(help.medianSeconds * 1000).toFixed(0)} ms (${help.tool})`)
}

const cpuModel = (() => {
  try {
    return /model name\s*:\s*(.*)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? os.cpus()[0]?.model
  } catch {
    return os.cpus()[0]?.model ?? "unknown"
  }
})()
const rVersion = hasR ? execFileSync("Rscript", ["-e", "cat(R.version.string)"], { encoding: "utf8" }).trim() : null
// A partial run (BENCH_CASES) replaces its cases in the previous compare.json and keeps the others.
const previous = (() => {
  try {
    return only === undefined ? undefined : JSON.parse(readFileSync(join(here, "compare.json"), "utf8"))
  } catch {
    return undefined
  }
})()
if (previous !== undefined) {
  const ids = new Set(results.map((r) => r.id))
  results.unshift(...previous.results.filter((r) => !ids.has(r.id)))
  const order = previous.results.map((r) => r.id)
  results.sort((a, b) => (order.indexOf(a.id) + 1 || 99) - (order.indexOf(b.id) + 1 || 99))
  if (help === null) help = previous.help
}
const out = {
  date: new Date().toISOString(),
  ...(only !== undefined ? { partialRun: only } : {}),
  repetitions: REPS,
  machine: {
    cpu: cpuModel,
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    r: rVersion,
    dataTable: hasDataTable
      ? execFileSync("Rscript", ["-e", "cat(as.character(packageVersion('data.table')))"], { encoding: "utf8" }).trim()
      : null,
    duckdb: hasDuckDb ? (await import("@duckdb/node-api")).version() : null,
    loadAverageAtEnd: os.loadavg().map((x) => Number(x.toFixed(2)))
  },
  data: sizes,
  results,
  help
}
writeFileSync(join(here, "compare.json"), JSON.stringify(out, null, 2) + "\n")
const readmePath = join(here, "README.md")
const readme = readFileSync(readmePath, "utf8")
const start = "<!-- compare:start -->"
const end = "<!-- compare:end -->"
const i = readme.indexOf(start)
const j = readme.indexOf(end)
if (i >= 0 && j > i) {
  writeFileSync(readmePath, readme.slice(0, i + start.length) + "\n" + renderTable(out) + readme.slice(j))
}
rmSync(data, { recursive: true, force: true })
console.log(`written to bench/compare.json and bench/README.md`)
