import * as HelpDoc from "@effect/cli/HelpDoc"
import * as Options from "@effect/cli/Options"
import * as ValidationError from "@effect/cli/ValidationError"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"

/** Options shared by several commands. Parsing flag syntax lives here; parsing data never does. */

export const format = Options.choice("format", ["text", "json", "csv", "md"]).pipe(
  Options.withDescription(
    "Output format: text (SPSS-style tables), json (the result object), csv (UTF-8 with BOM, for Excel) or md (GitHub Markdown)."
  ),
  Options.withDefault("text" as const)
)

export const lang = Options.choice("lang", ["en", "vi"]).pipe(
  Options.withDescription("Language of headings and labels: en (English) or vi (tiếng Việt)."),
  Options.withDefault("en" as const)
)

export const codebook = Options.text("codebook").pipe(
  Options.withDescription(
    "Codebook: a built-in id (hcmc-2024) or a codebook JSON file. Gives labels, category order and missing codes."
  ),
  Options.optional
)

export const sheet = Options.text("sheet").pipe(
  Options.withDescription("Sheet of an .xlsx --data workbook (default: the first sheet)."),
  Options.optional
)

/**
 * `--data` of every data command: the description names the formats readDataFile dispatches on.
 *
 * @example
 * const data = dataFile("The items are 0/1 columns.").pipe(Options.optional)
 */
export const dataFile = (what: string) =>
  Options.file("data").pipe(
    Options.withDescription(
      `Data file, one respondent per row: CSV, Excel .xlsx (first sheet or --sheet) or SPSS .sav/.zsav (its dictionary is the codebook unless --codebook is given). ${what}`
    )
  )

export const weight = Options.text("weight").pipe(
  Options.withDescription(
    "Numeric column of frequency weights (like SPSS WEIGHT BY). By default the codebook's weight variable applies (a .sav file saved with WEIGHT BY names it); --weight overrides it."
  ),
  Options.optional
)

export const noWeight = Options.boolean("no-weight").pipe(
  Options.withDescription("Analyse unweighted even when the codebook or the .sav file names a weight variable.")
)

/** `--strata`: the sampling design's stratum column (R survey's `strata =`). */
export const strata = Options.text("strata").pipe(
  Options.withDescription("Column of sampling strata (e.g. district). Makes the weights sampling weights."),
  Options.optional
)

/** `--cluster`: the design's primary sampling units, nested within strata. */
export const cluster = Options.text("cluster").pipe(
  Options.withDescription("Column of primary sampling units (clusters, e.g. ward), nested within strata."),
  Options.optional
)

/** `--fpc`: finite population correction per case, as R survey's `fpc =`. */
export const fpc = Options.text("fpc").pipe(
  Options.withDescription(
    "Column of the finite population correction: PSUs in the stratum's population (> 1) or the sampling fraction (<= 1)."
  ),
  Options.optional
)

/** `--weight-mode`: sampling weights (design-based, the default) or SPSS frequency weights. */
export const weightMode = Options.choice("weight-mode", ["sampling", "frequency"]).pipe(
  Options.withDescription(
    "sampling (default): weights are inverse selection probabilities, with design-based variances and Rao-Scott tests, as R survey; frequency: each case counts w times, as SPSS WEIGHT BY."
  ),
  Options.optional
)

/** `--lonely-psu`: what to do with a stratum of one PSU (R survey's `survey.lonely.psu`). */
export const lonelyPsu = Options.choice("lonely-psu", ["fail", "remove", "certainty", "adjust", "average"]).pipe(
  Options.withDescription(
    "A stratum with a single PSU: fail (default, as R survey), remove, certainty, adjust or average."
  ),
  Options.optional
)

/** The design flags of a data command, as one record for `Command.make`. */
export const designFlags = { strata, cluster, fpc, weightMode, lonelyPsu }

/** `VAR=CODE[,CODE...]` -> [VAR, codes]. Exported for tests. */
export const parseMissingSpec = (spec: string): readonly [string, Array<number>] | string => {
  const eq = spec.indexOf("=")
  if (eq <= 0) return `"${spec}" is not VAR=CODE[,CODE...]`
  const name = spec.slice(0, eq).trim()
  const codes = spec.slice(eq + 1).split(",").map((c) => c.trim())
  if (name === "" || codes.length === 0 || codes.some((c) => c === "")) return `"${spec}" is not VAR=CODE[,CODE...]`
  const bad = codes.find((c) => !/^[+-]?\d+$/.test(c))
  if (bad !== undefined) return `"${bad}" in "${spec}" is not an integer code`
  return [name, codes.map(Number)]
}

/** Repeatable `--missing VAR=CODE[,CODE...]`: extra user-missing codes on top of the codebook's. */
export const missing = Options.text("missing").pipe(
  Options.withDescription(
    "Extra user-missing codes for a variable, e.g. --missing level=9 or --missing q1=8,9. Repeatable."
  ),
  Options.repeated,
  Options.mapEffect((specs) => {
    // A prototype-free map: a variable called __proto__ or constructor is a name like any other (and unknown
    // names are refused by the analysis, naming the data's columns).
    const out = new Map<string, Array<number>>()
    for (const spec of specs) {
      const parsed = parseMissingSpec(spec)
      if (typeof parsed === "string") {
        return Effect.fail(ValidationError.invalidValue(HelpDoc.p(`Invalid value for --missing: ${parsed}.`)))
      }
      const [name, codes] = parsed
      const known = out.get(name) ?? []
      out.set(name, [...known, ...codes.filter((c) => !known.includes(c))])
    }
    return Effect.succeed(Object.assign(Object.create(null) as Record<string, Array<number>>, Object.fromEntries(out)))
  })
)

export type Format = "text" | "json" | "csv" | "md"
export type Lang = "en" | "vi"

/**
 * The parsed design flags as the fields of an analysis' `DesignChoice` (absent flags are left out).
 *
 * @example
 * designChoice({ strata: Option.some("huyen"), cluster: Option.none(), fpc: Option.none(),
 *   weightMode: Option.none(), lonelyPsu: Option.none() }) // { strata: "huyen" }
 */
export const designChoice = (args: {
  readonly strata: Option.Option<string>
  readonly cluster: Option.Option<string>
  readonly fpc: Option.Option<string>
  readonly weightMode: Option.Option<"sampling" | "frequency">
  readonly lonelyPsu: Option.Option<"fail" | "remove" | "certainty" | "adjust" | "average">
}) => ({
  ...Option.match(args.strata, { onNone: () => ({}), onSome: (strata) => ({ strata }) }),
  ...Option.match(args.cluster, { onNone: () => ({}), onSome: (cluster) => ({ cluster }) }),
  ...Option.match(args.fpc, { onNone: () => ({}), onSome: (fpc) => ({ fpc }) }),
  ...Option.match(args.weightMode, { onNone: () => ({}), onSome: (weightMode) => ({ weightMode }) }),
  ...Option.match(args.lonelyPsu, { onNone: () => ({}), onSome: (lonelyPsu) => ({ lonelyPsu }) })
})

export const engine = Options.choice("engine", ["memory", "duckdb"]).pipe(
  Options.withDescription(
    "Counting engine: memory (typed arrays) or duckdb (GROUP BY in DuckDB; a .parquet --data is counted straight from the file). Results are identical; without --engine the in-memory path of earlier versions runs."
  ),
  Options.optional
)
