import type { Codebook, Dataset } from "@danvan/domain"
import * as Either from "effect/Either"
import { AnalysisError } from "./errors.js"
import type { CrosstabOptions } from "./options.js"
import type { CrosstabResult } from "./results.js"

// TODO(lead): being written
export const crosstab = (
  _dataset: Dataset,
  _codebook: Codebook | undefined,
  _row: string,
  _col: string,
  _options: CrosstabOptions = {}
): Either.Either<CrosstabResult, AnalysisError> => Either.left(new AnalysisError({ code: "BAD_OPTION", message: "not implemented yet" }))
