// What exact weighted sums cost DuckDB (bench/README.md, Counting engines): on a 100M-row Parquet file of the
// engines bench's shape, DuckDB's plain `sum(w)` against the fixed-point `sum(CAST(w * 2^53 AS BIGINT))` (the
// plan `planWeightSum` makes for weights 0.5-2) that `danvan --engine duckdb` runs for exactly rounded,
// engine-identical sums, and the same without the code casts or the second count. Prints each query's wall
// time, 3 rounds. `node bench/duckdb-sum-cast.mjs` (the file is written under /tmp, ~40 MB, and deleted after).
import { rmSync } from "node:fs"
import { createRequire } from "node:module"

const require = createRequire(new URL("../packages/analysis/package.json", import.meta.url))
const { DuckDBInstance } = require("@duckdb/node-api")
const FILE = `/tmp/danvan-sum-cast-${process.pid}.parquet`
const instance = await DuckDBInstance.create(":memory:")
const c = await instance.connect()
try {
  await c.run(
    `COPY (SELECT (i % 3 + 1)::SMALLINT AS level, ((i * 7 + i // 3) % 5 + 1)::SMALLINT AS q,
      ([0.5, 0.8, 1, 1.25, 1.5, 2, 0.75, 1.1])[(hash(i) % 8)::INTEGER + 1]::DOUBLE AS w
      FROM range(100000000) t(i)) TO '${FILE}' (FORMAT parquet, COMPRESSION zstd)`
  )
  const from = `read_parquet('${FILE}')`
  const queries = {
    "DuckDB sum(w)": `SELECT level, q, sum(w), count(*) FROM ${from} GROUP BY ALL`,
    "danvan's fixed-point sum": `SELECT CAST(level AS INTEGER), CAST(q AS INTEGER), count(*), ` +
      `count(CAST(w AS DOUBLE)), 0, 0, sum(CAST(CAST(w AS DOUBLE) * 9007199254740992 AS BIGINT)) ` +
      `FROM ${from} GROUP BY ALL`,
    "fixed-point, no code casts, one count": `SELECT level, q, count(*), sum(CAST(w * 9007199254740992 AS BIGINT)) ` +
      `FROM ${from} GROUP BY ALL`
  }
  for (let round = 1; round <= 3; round++) {
    for (const [name, sql] of Object.entries(queries)) {
      const t0 = process.hrtime.bigint()
      await c.runAndReadAll(sql)
      console.log(`round ${round}: ${name} ${Math.round(Number(process.hrtime.bigint() - t0) / 1e6)} ms`)
    }
  }
} finally {
  c.closeSync()
  instance.closeSync()
  rmSync(FILE, { force: true })
}
