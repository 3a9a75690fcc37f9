import type { Column, Dataset, PublishedTables } from "@danvan/domain"
import { makeDataset } from "@danvan/domain"
import * as Either from "effect/Either"
import { AnalysisError } from "./errors.js"

export interface SynthesizeOptions {
  /** Seed of the generator: the same seed gives the same rows. */
  readonly seed?: number
  /** Name of the level column (default "level"). */
  readonly groupVariable?: string
  /** Weight of the shared latent trait in each item's propensity, 0..1 (default 0.5). */
  readonly loading?: number
  /** Code written when a Likert item's published rows add up to less than the base (default 9, "no answer"). */
  readonly missingCode?: number
}

/** mulberry32: a small seeded generator; quality is ample for shuffling synthetic respondents. */
const generator = (seed: number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const normal = (uniform: () => number) => () =>
  Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform())

/**
 * Respondent rows whose per-level margins equal published aggregate tables exactly.
 *
 * Method: each respondent gets a latent trait z ~ N(0, 1); for every item a propensity
 * λ·z + √(1−λ²)·ε (ε ~ N(0, 1) per item) ranks the respondents of a level, and the top s_ℓj of them select
 * a multiple-response item (s_ℓj = its published count at level ℓ), or, for a Likert item, the ranked
 * respondents fill its published responses in scale order (the first response, e.g. "Difficult", to the highest
 * propensities). Margins are therefore exact and items correlate positively through z. The rows are
 * SYNTHETIC: they reproduce the published tables, not the survey's real respondents.
 *
 * Respondents per level are the largest base of any table; where a table has a smaller base (non-response),
 * a random subset of that size answers it and the others get `missingCode` (9) on all its items. Codes: the
 * levels' published codes, 1 = selected / 0 = not, Likert responses 1..k in the table's scale order, 9 for
 * "no answer" (also for a Likert item whose rows add up to less than the base).
 *
 * @example
 * const dataset = Either.getOrThrow(synthesize(published, { seed: 1 }))
 */
export const synthesize = (
  published: PublishedTables,
  options: SynthesizeOptions = {}
): Either.Either<Dataset, AnalysisError> => {
  const levels = published.levels
  for (const table of published.tables) {
    if (table.bases.length !== levels.length) {
      return Either.left(
        new AnalysisError({
          code: "BAD_COUNTS",
          message: `table "${table.id}" has ${table.bases.length} bases but there are ${levels.length} levels`
        })
      )
    }
  }
  // Respondents per level: the largest base of any table; a table with a smaller base was not answered by the rest.
  const bases = levels.map((_, l) => Math.max(...published.tables.map((t) => t.bases[l])))
  const loading = options.loading ?? 0.5
  if (!(loading >= 0 && loading <= 1)) {
    return Either.left(
      new AnalysisError({ code: "BAD_OPTION", message: `the loading must be between 0 and 1, got ${loading}` })
    )
  }
  const missingCode = options.missingCode ?? 9
  const uniform = generator(options.seed ?? 1)
  const gauss = normal(uniform)
  const n = bases.reduce((a, b) => a + b, 0)
  const levelOf = new Int32Array(n)
  const starts: Array<number> = []
  let offset = 0
  bases.forEach((b, l) => {
    starts.push(offset)
    levelOf.fill(levels[l].code, offset, offset + b)
    offset += b
  })
  const trait = Float64Array.from({ length: n }, () => gauss())
  const unique = Math.sqrt(1 - loading * loading)
  const propensity = new Float64Array(n)
  const columns: Array<Column> = [
    { name: "id", type: "codes", values: Int32Array.from({ length: n }, (_, k) => k + 1) },
    { name: options.groupVariable ?? "level", type: "codes", values: levelOf }
  ]
  for (const table of published.tables) {
    // Who answered this table: at each level, a random subset of size base (the others get the missing code).
    const answered = bases.map((b, l) => {
      const all = Array.from({ length: b }, (_, i) => starts[l] + i)
      for (let i = b - 1; i > 0; i--) {
        const j = Math.floor(uniform() * (i + 1))
        ;[all[i], all[j]] = [all[j], all[i]]
      }
      return all.slice(0, table.bases[l])
    })
    // Fills one item: within each level, answering respondents in descending propensity take `quotas` in order.
    const assign = (quotas: (level: number) => ReadonlyArray<readonly [code: number, count: number]>, rest: number) => {
      const values = new Int32Array(n).fill(missingCode)
      for (let k = 0; k < n; k++) propensity[k] = loading * trait[k] + unique * gauss()
      answered.forEach((who, l) => {
        const order = [...who].sort((x, y) => propensity[y] - propensity[x])
        let at = 0
        for (const [code, count] of quotas(l)) for (let m = 0; m < count; m++) values[order[at++]] = code
        while (at < order.length) values[order[at++]] = rest
      })
      return values
    }
    if (table.kind === "multiple-response") {
      for (const item of table.items) {
        columns.push({ name: item.key, type: "codes", values: assign((l) => [[1, item.counts[l]]], 0) })
      }
    } else {
      const codeOf = new Map(table.scale.map((s, i) => [s.key, i + 1]))
      for (const item of table.items) {
        columns.push({
          name: item.key,
          type: "codes",
          values: assign(
            (l) => item.rows.map((row) => [codeOf.get(row.response)!, row.counts[l]] as const),
            missingCode
          )
        })
      }
    }
  }
  return Either.right(makeDataset(columns))
}
