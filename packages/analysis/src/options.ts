import type { Codebook } from "@danvan/domain"
import type { DesignChoice } from "./design.js"

/** How the exact test is run: exact when feasible ("auto"), forced, simulated, or skipped. */
export interface FisherOptions {
  readonly method?: "auto" | "exact" | "monte-carlo" | "none"
  readonly B?: number
  readonly seed?: number
}

/**
 * `weight` names a numeric column of frequency weights (overriding the codebook's `weightVariable`, which
 * applies by default); `noWeight: true` analyses unweighted.
 */
export interface CrosstabOptions extends DesignChoice {
  /** Extra user-missing codes by variable name (the CLI's `--missing VAR=CODE,...`), on top of the codebook's. */
  readonly missing?: Readonly<Record<string, ReadonlyArray<number>>>
  readonly fisher?: FisherOptions
}

export interface CountsOptions {
  /** With `row` and `col`, labels the typed table with these codebook variables' valid categories. */
  readonly codebook?: Codebook
  readonly row?: string
  readonly col?: string
  readonly fisher?: FisherOptions
}

/** Weights as in {@link CrosstabOptions}. */
export interface FrequenciesOptions extends DesignChoice {
  readonly missing?: Readonly<Record<string, ReadonlyArray<number>>>
}
