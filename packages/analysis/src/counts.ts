import * as Either from "effect/Either"
import { AnalysisError } from "./errors.js"
import type { CountsOptions } from "./options.js"
import type { CrosstabResult } from "./results.js"

// TODO(lead): being written
export const parseCounts = (_text: string): Either.Either<Array<Array<number>>, AnalysisError> =>
  Either.left(new AnalysisError({ code: "BAD_COUNTS", message: "not implemented yet" }))

export const crosstabFromCounts = (
  _counts: ReadonlyArray<ReadonlyArray<number>>,
  _options: CountsOptions = {}
): Either.Either<CrosstabResult, AnalysisError> => Either.left(new AnalysisError({ code: "BAD_COUNTS", message: "not implemented yet" }))
