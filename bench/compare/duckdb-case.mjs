// DuckDB anchors (`@duckdb/node-api`, a root devDependency): `node duckdb-case.mjs CASE DATA_DIR WARMUPS`.
// - csv: DuckDB's own read_csv of the whole survey CSV into a table (timed in process, like node-case.mjs);
//   check: its row count.
// - csv-crosstab: the CSV -> two-column crosstab task (read_csv + GROUP BY), run as a whole process by
//   bench/compare.mjs; check: the sum over cells of count x (row code x 100 + column code), as R's and danvan's.
// Prints one JSON line {seconds, cpuSeconds, check}. DuckDB uses its own threads (all cores by default).
import { join } from "node:path"
import { DuckDBInstance } from "@duckdb/node-api"

const [caseName, dir, warmupArg] = process.argv.slice(2)
const warmups = Number(warmupArg ?? 0)
const csv = join(dir, "survey.csv").replaceAll("'", "''")

const instance = await DuckDBInstance.create(":memory:")
const connection = await instance.connect()
const scalar = async (sql) => (await connection.runAndReadAll(sql)).getRows()[0][0]

const cases = {
  csv: async () => {
    await connection.run("DROP TABLE IF EXISTS survey")
    await connection.run(`CREATE TABLE survey AS SELECT * FROM read_csv('${csv}')`)
    return Number(await scalar("SELECT count(*) FROM survey"))
  },
  "csv-crosstab": async () =>
    Number(
      await scalar(
        `SELECT sum(n * (level * 100 + district)) FROM (SELECT level, district, count(*) AS n FROM read_csv('${csv}') ` +
          "WHERE level IS NOT NULL AND district IS NOT NULL GROUP BY ALL)"
      )
    )
}

const run = cases[caseName]
if (run === undefined) throw new Error(`unknown case ${caseName}`)
for (let w = 0; w < warmups; w++) await run()
const c0 = process.cpuUsage()
const t0 = process.hrtime.bigint()
const check = await run()
const seconds = Number(process.hrtime.bigint() - t0) / 1e9
const cpu = process.cpuUsage(c0)
process.stdout.write(JSON.stringify({ seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, check }) + "\n")
