import type { Codebook } from "@danvan/domain"

/** How the exact test is run: exact when feasible ("auto"), forced, simulated, or skipped. */
export interface FisherOptions {
  readonly method?: "auto" | "exact" | "monte-carlo" | "none"
  readonly B?: number
  readonly seed?: number
}

export interface CrosstabOptions {
  /** Name of a numeric column holding case weights. */
  readonly weight?: string
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

export interface FrequenciesOptions {
  readonly weight?: string
  readonly missing?: Readonly<Record<string, ReadonlyArray<number>>>
}
