import type { BilingualLabel, Codebook } from "@danvan/domain"
import { SYSTEM_MISSING } from "@danvan/domain"
import * as Either from "effect/Either"
import { mapCodes } from "../codeLookup.js"
import { AnalysisError } from "../errors.js"
import type { CategoricalVariable } from "../variables.js"
import { validCategoriesOf } from "../variables.js"
import type { LikertPole, LikertResult, LikertScalePoint } from "./types.js"

export const bad = (message: string) => new AnalysisError({ code: "BAD_OPTION", message })

/** The item names of a codebook's Likert set, or the items given. */
export const resolveItems = (
  codebook: Codebook | undefined,
  setOrItems: { readonly set: string } | { readonly items: ReadonlyArray<string> }
): Either.Either<{ names: ReadonlyArray<string>; set?: LikertResult["set"] }, AnalysisError> => {
  if (!("set" in setOrItems)) {
    return setOrItems.items.length < 1
      ? Either.left(bad("a Likert analysis needs at least one item"))
      : Either.right({ names: setOrItems.items })
  }
  if (codebook === undefined) {
    return Either.left(bad(`a set ("${setOrItems.set}") needs a codebook; give the items instead`))
  }
  const found = codebook.indicatorSets.find((s) => s.name === setOrItems.set)
  if (found === undefined) {
    const known = codebook.indicatorSets.filter((s) => s.kind === "likert").map((s) => s.name)
    return Either.left(
      bad(`the codebook has no indicator set "${setOrItems.set}"; its Likert sets are: ${known.join(", ") || "(none)"}`)
    )
  }
  if (found.kind !== "likert") {
    return Either.left(bad(`indicator set "${found.name}" is a ${found.kind} set, not a Likert set`))
  }
  if (found.items.length < 1) return Either.left(bad("a Likert analysis needs at least one item"))
  return Either.right({ names: found.items, set: { name: found.name, label: found.label } })
}

/**
 * The score of each valid code of an item: the codebook's value-label score, or the code itself without a
 * codebook entry.
 */
const scoresOf = (
  v: CategoricalVariable
): Either.Either<Map<number, { label: BilingualLabel; score: number }>, AnalysisError> => {
  const { categories } = validCategoriesOf(v)
  const out = new Map<number, { label: BilingualLabel; score: number }>()
  for (const c of categories) {
    if (v.variable === undefined) {
      out.set(c.code, { label: c.label, score: c.code })
      continue
    }
    const score = v.variable.values.find((x) => x.code === c.code)?.score
    if (score === undefined) {
      const labelled = v.variable.values.some((x) => x.code === c.code)
      return Either.left(
        bad(
          `variable "${v.name}": the valid code ${c.code}${
            labelled ? ` (${c.label.en})` : " (not in the codebook)"
          } has no score; ` + "give every valid code a score in the codebook, or declare the code missing"
        )
      )
    }
    out.set(c.code, { label: c.label, score })
  }
  return Either.right(out)
}

/** The scale the items share, its poles, and the high/low scale indices used by the net measure. */
export interface SharedScale {
  readonly points: ReadonlyArray<LikertScalePoint>
  readonly index: ReadonlyMap<number, number>
  readonly high: ReadonlyArray<number>
  readonly low: ReadonlyArray<number>
  readonly direction: LikertResult["direction"]
}

/**
 * The items' common scale: codes in the first item's (codebook) order, then any other item's extra codes in
 * numeric order; every code must score the same in every item. `reverse` maps each score s to max + min − s.
 */
export const sharedScale = (
  items: ReadonlyArray<CategoricalVariable>,
  reverse: boolean
): Either.Either<SharedScale, AnalysisError> =>
  Either.gen(function*() {
    const itemScores = yield* Either.all(items.map(scoresOf))
    const scaleMap = new Map<number, LikertScalePoint>()
    itemScores.forEach((m, j) => {
      const extra = j === 0 ? [...m.keys()] : [...m.keys()].filter((c) => !scaleMap.has(c)).sort((a, b) => a - b)
      for (const code of extra) scaleMap.set(code, { code, label: m.get(code)!.label, score: m.get(code)!.score })
    })
    for (let j = 0; j < items.length; j++) {
      for (const [code, s] of itemScores[j]) {
        if (scaleMap.get(code)!.score !== s.score) {
          return yield* Either.left(
            bad(
              `items "${items[0].name}" and "${items[j].name}" score code ${code} differently (${
                scaleMap.get(code)!.score
              } and ${s.score}); the items of a set must share one scale`
            )
          )
        }
      }
    }
    const raw = [...scaleMap.values()]
    if (raw.length === 0) {
      return yield* Either.left(bad(`the items ${items.map((v) => `"${v.name}"`).join(", ")} have no valid answers`))
    }
    const max = Math.max(...raw.map((s) => s.score))
    const min = Math.min(...raw.map((s) => s.score))
    const points = reverse ? raw.map((s) => ({ ...s, score: max + min - s.score })) : raw
    const scores = points.map((s) => s.score)
    const high = points.map((_, k) => k).filter((k) => scores[k] === max)
    const low = points.map((_, k) => k).filter((k) => scores[k] === min)
    const pole = (k: number): LikertPole => ({ code: points[k].code, label: points[k].label, score: points[k].score })
    return {
      points,
      index: new Map(points.map((s, k) => [s.code, k])),
      high,
      low,
      direction: { high: pole(high[0]), low: pole(low[0]) }
    }
  })

/** Item scores per row (a respondent, or a cell of the counting engines); NaN = missing item. */
export const scoreColumn = (v: CategoricalVariable, scale: SharedScale): Float64Array =>
  mapCodes(v.codes, (c) => {
    const idx = c === SYSTEM_MISSING || v.isMissing(c) ? undefined : scale.index.get(c)
    return idx === undefined ? NaN : scale.points[idx].score
  }, Float64Array)
