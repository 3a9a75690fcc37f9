import type { Codebook } from "@danvan/domain"
import { findVariable, isUserMissing, plainLabel } from "@danvan/domain"
import * as Effect from "effect/Effect"
import type { DesignChoice } from "../design.js"
import { AnalysisError } from "../errors.js"
import type { CategoricalVariable } from "../variables.js"
import type { WeightChoice } from "../weights.js"
import type { Counter } from "./port.js"

/** A categorical variable as the counting port knows it: what the codebook says, without the codes. */
export type CountedVariable = Omit<CategoricalVariable, "codes">

const columnList = (counter: Counter): string => {
  const known = counter.columns.map((c) => c.name)
  return known.length <= 15 ? known.join(", ") : `${known.slice(0, 15).join(", ")}, … (${known.length} columns)`
}

const unknown = (counter: Counter, name: string, what = "variable") =>
  new AnalysisError({
    code: "UNKNOWN_VARIABLE",
    message: `unknown ${what} "${name}": ${counter.source} has the columns ${columnList(counter)}`
  })

const notCategorical = (counter: Counter, name: string) => {
  const typed = counter.typing?.find((t) => t.name === name)
  const what = typed === undefined
    ? "holds numbers, not integer codes"
    : `holds ${
      typed.type === "numeric" ? "numbers that are not integer codes" : typed.type === "date" ? "dates" : "text"
    }` +
      ` (${typed.file !== undefined ? `${typed.file}, ` : ""}row ${typed.row}: "${typed.value}")`
  return new AnalysisError({
    code: "NOT_CATEGORICAL",
    message: `variable "${name}" ${what}: this analysis needs categorical (integer) codes. Recode it into ` +
      `groups with integer codes, or describe it with "danvan describe" or "danvan frequencies"`
  })
}

/**
 * Looks up a categorical column of the counter's source with the codebook's and the extra missing codes.
 *
 * @example
 * const level = yield* countedVariable(counter, codebook, "level", { level: [9] })
 */
export const countedVariable = (
  counter: Counter,
  codebook: Codebook | undefined,
  name: string,
  extraMissing: Readonly<Record<string, ReadonlyArray<number>>> = {}
): Effect.Effect<CountedVariable, AnalysisError> => {
  const column = counter.columns.find((c) => c.name === name)
  if (column === undefined) {
    return Effect.fail(
      counter.typing?.some((t) => t.name === name) ? notCategorical(counter, name) : unknown(counter, name)
    )
  }
  if (column.kind !== "codes") return Effect.fail(notCategorical(counter, name))
  const variable = codebook === undefined ? undefined : findVariable(codebook, name)
  const extra = Object.hasOwn(extraMissing, name) ? (extraMissing[name] ?? []) : []
  const isMissing = (code: number) =>
    extra.includes(code) || (variable !== undefined && isUserMissing(variable.missing, code))
  return Effect.succeed({
    name,
    label: variable?.label ?? plainLabel(name),
    measure: variable?.measure ?? "nominal",
    ...(variable !== undefined ? { variable } : {}),
    isMissing
  })
}

/**
 * Every `--missing` variable must be a column (a typo is an error, not silently ignored).
 *
 * @example
 * yield* checkCountedMissing(counter, { level: [9] })
 */
export const checkCountedMissing = (
  counter: Counter,
  extraMissing: Readonly<Record<string, ReadonlyArray<number>>> = {}
): Effect.Effect<void, AnalysisError> => {
  const bad = Object.keys(extraMissing).find((name) => !counter.columns.some((c) => c.name === name))
  return bad === undefined ? Effect.void : Effect.fail(unknown(counter, bad))
}

/**
 * The weight column, as `resolveWeight` chooses it: `weight`, none with `noWeight`, else the codebook's.
 *
 * @example
 * const weight = yield* countedWeight(counter, codebook, { weight: "w" }) // "w"
 */
export const countedWeight = (
  counter: Counter,
  codebook: Codebook | undefined,
  choice: DesignChoice = {}
): Effect.Effect<string | undefined, AnalysisError> =>
  Effect.flatMap(resolveCountedWeight(counter, codebook, choice), (name) => {
    const design = [choice.strata, choice.cluster, choice.fpc].some((c) => c !== undefined)
    if (design || (name !== undefined && choice.weightMode !== "frequency")) {
      // Taylor-linearization variances need each case's score (and its PSU), which a table of counts has lost.
      return Effect.fail(
        new AnalysisError({
          code: "BAD_OPTION",
          message: design
            ? "the counting engines (--engine) count tables, which carry no sampling design: leave out --engine " +
              "for design-based tests"
            : `weight "${name}" is a sampling weight by default and its design-based tests need the cases: add ` +
              "--weight-mode frequency for SPSS frequency weights with the counting engines, or leave out --engine"
        })
      )
    }
    return Effect.succeed(name)
  })

const resolveCountedWeight = (
  counter: Counter,
  codebook: Codebook | undefined,
  choice: WeightChoice = {}
): Effect.Effect<string | undefined, AnalysisError> => {
  if (choice.noWeight === true && choice.weight !== undefined) {
    return Effect.fail(
      new AnalysisError({
        code: "BAD_OPTION",
        message: `give a weight variable ("${choice.weight}") or no weight, not both`
      })
    )
  }
  if (choice.noWeight === true) return Effect.succeed(undefined)
  const has = (name: string) => counter.columns.find((c) => c.name === name)
  if (choice.weight !== undefined) {
    const column = has(choice.weight)
    if (column === undefined) return Effect.fail(unknown(counter, choice.weight, "weight variable"))
    if (column.kind === "other") {
      return Effect.fail(
        new AnalysisError({
          code: "BAD_WEIGHT",
          message: `weight "${choice.weight}" in ${counter.source} does not hold numbers; choose a numeric column`
        })
      )
    }
    return Effect.succeed(choice.weight)
  }
  const fromCodebook = codebook?.weightVariable
  return Effect.succeed(
    fromCodebook !== undefined && has(fromCodebook)?.kind !== undefined && has(fromCodebook)?.kind !== "other"
      ? fromCodebook
      : undefined
  )
}
