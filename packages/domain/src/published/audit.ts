import type { PublishedTable, PublishedTables } from "./schema.js"

/**
 * A printed number that does not agree with the counts it is computed from.
 *
 * - `percent`: a cell's percent is not count / base · 100 rounded to the printed decimals;
 * - `total-percent`: the total's percent is not total count / total base · 100 rounded;
 * - `total-count`: the total count is not the sum of the levels' counts;
 * - `total-base`: the total base is not the sum of the levels' bases (`item` is `""`);
 * - `responses-sum`: a Likert item's responses at a level do not add up to that level's base (those
 *   respondents did not answer the item; the test uses the counts as printed).
 */
export interface AuditFinding {
  readonly table: string
  readonly item: string
  readonly response?: string
  /** A level key, or `"total"`. */
  readonly level: string
  readonly check: "percent" | "total-percent" | "total-count" | "total-base" | "responses-sum"
  readonly printed: number
  readonly computed: number
  readonly message: string
}

/** What `auditPercents` checked and found. */
export interface PercentAudit {
  /** Printed numbers compared (percents, totals, bases). */
  readonly checked: number
  readonly findings: ReadonlyArray<AuditFinding>
}

const decimalsOf = (x: number): number => {
  const text = String(x)
  if (/e/i.test(text)) return 6
  const dot = text.indexOf(".")
  return dot < 0 ? 0 : text.length - dot - 1
}

/**
 * The decimals percents were printed with: the table's `percentDecimals`, else the most found among its percents.
 *
 * @example
 * const published = Either.getOrThrow(builtinPublishedTables("hcmc-2024"))
 * percentDecimals(published.tables[0]) // 1 (percents printed as 70.3)
 */
export const percentDecimals = (table: PublishedTable): number => {
  if (table.percentDecimals !== undefined) return table.percentDecimals
  let d = 0
  const see = (xs: ReadonlyArray<number>) => xs.forEach((x) => (d = Math.max(d, decimalsOf(x))))
  if (table.kind === "multiple-response") table.items.forEach((i) => (see(i.percents), see([i.total.percent])))
  else table.items.forEach((i) => i.rows.forEach((r) => (see(r.percents), see([r.total.percent]))))
  return Math.min(d, 6)
}

/** Whether `printed` is `computed` rounded to `d` decimals (either way at an exact half). */
const roundsTo = (computed: number, printed: number, d: number): boolean =>
  Math.abs(computed - printed) <= 0.5 * 10 ** -d * (1 + 1e-9) + 1e-12

const fmt = (x: number, d: number) => x.toFixed(d)

/**
 * Checks every printed percent against count / base · 100 rounded to the printed decimals, every total
 * count against the sum of the levels, every total percent against total count / total base, and the total
 * base against the sum of the bases. Returns the disagreements with table, item, level, printed and computed.
 *
 * @example
 * const { checked, findings } = auditPercents(published)
 * findings.forEach((f) => console.log(f.message))
 */
export const auditPercents = (published: PublishedTables): PercentAudit => {
  const findings: Array<AuditFinding> = []
  let checked = 0
  for (const table of published.tables) {
    const d = percentDecimals(table)
    const bases = table.bases
    checked++
    const baseSum = bases.reduce((s, b) => s + b, 0)
    if (baseSum !== table.totalBase) {
      findings.push({
        table: table.id,
        item: "",
        level: "total",
        check: "total-base",
        printed: table.totalBase,
        computed: baseSum,
        message: `${table.id}: total base ${table.totalBase} is not the sum of the levels' bases (${baseSum})`
      })
    }
    const line = (
      item: string,
      response: string | undefined,
      counts: ReadonlyArray<number>,
      percents: ReadonlyArray<number>,
      total: { count: number; percent: number }
    ) => {
      const what = `${table.id}, ${item}${response !== undefined ? ` (${response})` : ""}`
      const extra = response !== undefined ? { response } : {}
      counts.forEach((c, j) => {
        const printed = percents[j]
        if (printed === undefined || bases[j] === undefined) return
        checked++
        const computed = (100 * c) / bases[j]
        const level = published.levels[j]?.key ?? String(j + 1)
        if (!roundsTo(computed, printed, d)) {
          findings.push({
            table: table.id,
            item,
            ...extra,
            level,
            check: "percent",
            printed,
            computed,
            message: `${what}, ${level}: printed ${fmt(printed, d)}% but ${c}/${bases[j]} = ${fmt(computed, d + 2)}%`
          })
        }
      })
      checked += 2
      const sum = counts.reduce((s, c) => s + c, 0)
      if (sum !== total.count) {
        findings.push({
          table: table.id,
          item,
          ...extra,
          level: "total",
          check: "total-count",
          printed: total.count,
          computed: sum,
          message: `${what}: printed total ${total.count} but the levels add up to ${sum}`
        })
      }
      const computed = (100 * total.count) / table.totalBase
      if (!roundsTo(computed, total.percent, d)) {
        findings.push({
          table: table.id,
          item,
          ...extra,
          level: "total",
          check: "total-percent",
          printed: total.percent,
          computed,
          message: `${what}, total: printed ${fmt(total.percent, d)}% but ${total.count}/${table.totalBase} = ${
            fmt(computed, d + 2)
          }%`
        })
      }
    }
    if (table.kind === "multiple-response") {
      for (const item of table.items) line(item.key, undefined, item.counts, item.percents, item.total)
    } else {
      for (const item of table.items) {
        for (const row of item.rows) line(item.key, row.response, row.counts, row.percents, row.total)
        bases.forEach((b, j) => {
          checked++
          const sum = item.rows.reduce((s, row) => s + (row.counts[j] ?? 0), 0)
          const level = published.levels[j]?.key ?? String(j + 1)
          if (sum !== b) {
            findings.push({
              table: table.id,
              item: item.key,
              level,
              check: "responses-sum",
              printed: b,
              computed: sum,
              message: `${table.id}, ${item.key}, ${level}: the responses add up to ${sum}, not the base ${b}`
            })
          }
        })
      }
    }
  }
  return { checked, findings }
}
