import type { Codebook, Dataset } from "@danvan/domain"
import * as Either from "effect/Either"
import { AnalysisError } from "./errors.js"
import type { FrequenciesOptions } from "./options.js"
import type { FrequenciesResult } from "./results.js"

// TODO(lead): being written
export const frequencies = (
  _dataset: Dataset,
  _codebook: Codebook | undefined,
  _variable: string,
  _options: FrequenciesOptions = {}
): Either.Either<FrequenciesResult, AnalysisError> => Either.left(new AnalysisError({ code: "BAD_OPTION", message: "not implemented yet" }))
