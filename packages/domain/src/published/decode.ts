import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { formatParseIssues, parseJsonText } from "../decode.js"
import { PublishedTablesError, type PublishedTablesIssue } from "./errors.js"
import { PublishedTables } from "./schema.js"

const decodeJson = Schema.decodeUnknownEither(PublishedTables, { errors: "all", onExcessProperty: "error" })

const isCount = (x: number) => Number.isFinite(x) && x >= 0
const BEYOND_EXACT =
  "exceeds 2^53 - 1 = 9007199254740991, the largest count a number holds exactly (JSON rounds larger ones)"

/**
 * Decodes and checks published aggregate tables (parsed JSON). Every problem comes back with its JSON path:
 * structure and types first; then one count, percent and base per level, unique ids/keys/codes, Likert
 * responses that are the table's scale, and counts that are negative or exceed their level's base (the
 * message names the table, item and level). Percents are not checked here: see `auditPercents`.
 *
 * @example
 * const result = decodePublishedTables(JSON.parse(text), "tables.json")
 * if (Either.isLeft(result)) console.error(result.left.message)
 */
export const decodePublishedTables = (
  input: unknown,
  source = "published tables"
): Either.Either<PublishedTables, PublishedTablesError> => {
  const decoded = decodeJson(input)
  if (Either.isLeft(decoded)) {
    return Either.left(new PublishedTablesError({ source, issues: formatParseIssues(decoded.left) }))
  }
  const json = decoded.right
  const issues: Array<PublishedTablesIssue> = []
  const push = (path: string, message: string) => issues.push({ path, message })
  const r = json.levels.length

  const unique = <A>(xs: ReadonlyArray<A>, key: (a: A) => string | number, at: (i: number) => string, what: string) => {
    const seen = new Map<string | number, number>()
    xs.forEach((x, i) => {
      const k = key(x)
      if (seen.has(k)) push(at(i), `duplicate ${what} ${JSON.stringify(k)} (also at ${at(seen.get(k)!)})`)
      else seen.set(k, i)
    })
  }
  unique(json.levels, (l) => l.code, (i) => `$.levels[${i}].code`, "level code")
  unique(json.levels, (l) => l.key, (i) => `$.levels[${i}].key`, "level key")
  unique(json.tables, (t) => t.id, (i) => `$.tables[${i}].id`, "table id")

  json.tables.forEach((table, t) => {
    const at = `$.tables[${t}]`
    const where = (item: string, level: number, response?: string) =>
      `table "${table.id}", item "${item}"${response !== undefined ? `, response "${response}"` : ""}, level "${
        json.levels[level]?.key ?? level + 1
      }"`
    if (table.bases.length !== r) push(`${at}.bases`, `has ${table.bases.length} bases but there are ${r} levels`)
    table.bases.forEach((b, j) => {
      if (!isCount(b) || b === 0) {
        push(`${at}.bases[${j}]`, `base ${b} of table "${table.id}" must be a positive number`)
      } else if (b > Number.MAX_SAFE_INTEGER) {
        push(`${at}.bases[${j}]`, `base ${b} of table "${table.id}" ${BEYOND_EXACT}`)
      }
    })
    if (!isCount(table.totalBase)) {
      push(`${at}.totalBase`, `total base ${table.totalBase} must be a non-negative number`)
    }
    if (
      table.percentDecimals !== undefined &&
      !(Number.isInteger(table.percentDecimals) && table.percentDecimals >= 0 && table.percentDecimals <= 6)
    ) {
      push(`${at}.percentDecimals`, "must be an integer from 0 to 6")
    }
    unique<{ readonly key: string }>(table.items, (i) => i.key, (i) => `${at}.items[${i}].key`, "item key")

    const checkCounts = (
      path: string,
      item: string,
      counts: ReadonlyArray<number>,
      percents: ReadonlyArray<number>,
      response?: string
    ) => {
      if (counts.length !== r) push(`${path}.counts`, `has ${counts.length} counts but there are ${r} levels`)
      if (percents.length !== r) push(`${path}.percents`, `has ${percents.length} percents but there are ${r} levels`)
      counts.forEach((c, j) => {
        if (!Number.isFinite(c) || c < 0) {
          push(`${path}.counts[${j}]`, `${where(item, j, response)}: count ${c} is negative`)
        } else if (c > Number.MAX_SAFE_INTEGER) {
          push(`${path}.counts[${j}]`, `${where(item, j, response)}: count ${c} ${BEYOND_EXACT}`)
        } else if (table.bases[j] !== undefined && c > table.bases[j]) {
          push(
            `${path}.counts[${j}]`,
            `${where(item, j, response)}: count ${c} exceeds the base ${table.bases[j]} (respondents at that level)`
          )
        }
      })
    }

    if (table.kind === "multiple-response") {
      table.items.forEach((item, i) => checkCounts(`${at}.items[${i}]`, item.key, item.counts, item.percents))
    } else {
      unique(table.scale, (s) => s.key, (i) => `${at}.scale[${i}].key`, "response key")
      const keys = table.scale.map((s) => s.key)
      table.items.forEach((item, i) => {
        const ip = `${at}.items[${i}]`
        unique(item.rows, (row) => row.response, (k) => `${ip}.rows[${k}].response`, "response")
        item.rows.forEach((row, k) => {
          if (!keys.includes(row.response)) {
            push(
              `${ip}.rows[${k}].response`,
              `"${row.response}" is not a response of the table's scale (${keys.join(", ")})`
            )
          }
          checkCounts(`${ip}.rows[${k}]`, item.key, row.counts, row.percents, row.response)
        })
        for (let j = 0; j < r; j++) {
          const sum = item.rows.reduce((s, row) => s + (row.counts[j] ?? 0), 0)
          if (table.bases[j] !== undefined && sum > table.bases[j]) {
            push(
              `${ip}.rows`,
              `${where(item.key, j)}: the responses add up to ${sum}, more than the base ${table.bases[j]}`
            )
          }
        }
      })
    }
  })

  if (issues.length > 0) return Either.left(new PublishedTablesError({ source, issues }))
  return Either.right(json)
}

/**
 * Parses published-tables JSON text, reporting a syntax error as an issue at `$` instead of throwing.
 *
 * @example
 * parsePublishedTables("{", "tables.json")
 * // Left(PublishedTablesError: "invalid published tables tables.json:\n  $: not valid JSON: …")
 */
export const parsePublishedTables = (
  text: string,
  source = "published tables"
): Either.Either<PublishedTables, PublishedTablesError> =>
  Either.match(parseJsonText(text), {
    onLeft: (message) => Either.left(new PublishedTablesError({ source, issues: [{ path: "$", message }] })),
    onRight: (json) => decodePublishedTables(json, source)
  })
