import { CodebookJson, TableNet } from "@danvan/domain"
import { HttpApiSchema, Multipart } from "@effect/platform"
import * as Effect from "effect/Effect"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"

/**
 * Request and response schemas of the HTTP API. Analysis results are documented as JSON objects whose field
 * lists live in DESIGN.md's public contracts: the API returns them exactly as `danvan <command> --format json`
 * prints them, so they are not re-declared (and re-encoded) here.
 */

const Name = Schema.String.pipe(Schema.minLength(1), Schema.maxLength(200))

const Codes = Schema.Array(Schema.Int)
const decodeCodes = ParseResult.decodeUnknown(Codes)
const missingDescription =
  "Extra user-missing codes by variable name, on top of the codebook's (the CLI's --missing VAR=CODE,...)"

/**
 * Extra user-missing codes by variable, as the CLI's `--missing VAR=CODE,...`. Decoded into a prototype-free
 * object (Schema.Record would assign `__proto__` as the prototype and drop it silently), so every name the
 * client gives, `__proto__` and `constructor` included, reaches the analysis and an unknown one is a 422.
 */
export const MissingCodes = Schema.declare(
  [],
  {
    decode: () => (input, options, ast) =>
      Effect.gen(function*() {
        if (typeof input !== "object" || input === null || Array.isArray(input)) {
          return yield* Effect.fail(
            new ParseResult.Type(ast, input, "expected an object of variable names to arrays of integer codes")
          )
        }
        const out: Record<string, ReadonlyArray<number>> = Object.create(null)
        for (const [name, value] of Object.entries(input)) {
          const codes = yield* Effect.mapError(decodeCodes(value, options), (issue) =>
            new ParseResult.Pointer(name, input, issue))
          Object.defineProperty(out, name, { value: codes, enumerable: true, writable: true, configurable: true })
        }
        return out
      }),
    encode: () => (input) => ParseResult.succeed(input)
  },
  {
    identifier: "MissingCodes",
    description: missingDescription,
    jsonSchema: {
      type: "object",
      additionalProperties: { type: "array", items: { type: "integer" } },
      description: missingDescription
    }
  }
) as unknown as Schema.Schema<Readonly<Record<string, ReadonlyArray<number>>>>

const Fisher = Schema.Struct({
  method: Schema.optional(Schema.Literal("auto", "exact", "monte-carlo", "none")),
  B: Schema.optional(Schema.Int.pipe(Schema.between(1, 1_000_000))),
  seed: Schema.optional(Schema.Int)
}).annotations({
  identifier: "FisherOptions",
  description: "How Fisher's exact test is run (the CLI's --exact, --resamples, --seed)"
})

const NoWeight = Schema.optional(Schema.Boolean).annotations({
  description: "Analyse unweighted even when the dataset's codebook names a weight variable (the CLI's --no-weight)"
})

/**
 * The sampling design of a request (the CLI's --strata, --cluster, --fpc, --weight-mode, --lonely-psu): with a
 * weight alone the weights are sampling weights (each case its own PSU) unless `weightMode` is "frequency".
 */
const DesignFields = {
  strata: Schema.optional(Name).annotations({ description: "Column of sampling strata (R survey's strata =)" }),
  cluster: Schema.optional(Name).annotations({ description: "Column of primary sampling units, nested in strata" }),
  fpc: Schema.optional(Name).annotations({
    description:
      "Column of the finite population correction: PSUs in the stratum's population, or the sampling fraction"
  }),
  weightMode: Schema.optional(Schema.Literal("sampling", "frequency")).annotations({
    description:
      "sampling (default): design-based variances and Rao-Scott tests, as R survey; frequency: SPSS WEIGHT BY"
  }),
  lonelyPsu: Schema.optional(Schema.Literal("fail", "remove", "certainty", "adjust", "average")).annotations({
    description: "A stratum with one PSU: fail (default, as R survey), remove, certainty, adjust or average"
  })
}

export const CrosstabRequest = Schema.Struct({
  row: Name,
  col: Name,
  layer: Schema.optional(Name).annotations({
    description:
      "A layer (control) variable: one crosstab per category and the Cochran-Mantel-Haenszel tests (the CLI's --layer)"
  }),
  correct: Schema.optional(Schema.Boolean).annotations({
    description: "With layer: continuity correction of the 2x2xK CMH test (the CLI's --correct)"
  }),
  weight: Schema.optional(Name),
  noWeight: NoWeight,
  missing: Schema.optional(MissingCodes),
  fisher: Schema.optional(Fisher),
  ...DesignFields
}).annotations({ identifier: "CrosstabRequest" })

export const MeansRequest = Schema.Struct({
  variable: Name,
  by: Name,
  weight: Schema.optional(Name),
  noWeight: NoWeight,
  missing: Schema.optional(MissingCodes),
  ...DesignFields
}).annotations({
  identifier: "MeansRequest",
  description: "A numeric variable by group (the CLI's `danvan means --var VARIABLE --by BY`)"
})

export const DescribeRequest = Schema.Struct({
  variables: Schema.Array(Name).pipe(Schema.minItems(1), Schema.maxItems(500)),
  weight: Schema.optional(Name),
  noWeight: NoWeight,
  missing: Schema.optional(MissingCodes),
  ...DesignFields
}).annotations({
  identifier: "DescribeRequest",
  description: "Numeric variables described (the CLI's `danvan describe`)"
})

export const FrequenciesRequest = Schema.Struct({
  variables: Schema.Array(Name).pipe(Schema.minItems(1), Schema.maxItems(500)),
  weight: Schema.optional(Name),
  missing: Schema.optional(MissingCodes),
  ...DesignFields
}).annotations({ identifier: "FrequenciesRequest" })

export const MultipleResponseRequest = Schema.Struct({
  group: Name,
  items: Schema.optional(Schema.Array(Name).pipe(Schema.minItems(1), Schema.maxItems(500))),
  set: Schema.optional(Name),
  method: Schema.optional(Schema.Literal("bonferroni", "rs2", "bootstrap")),
  resamples: Schema.optional(Schema.Int.pipe(Schema.between(1, 100_000))),
  seed: Schema.optional(Schema.Int),
  weight: Schema.optional(Name),
  noWeight: NoWeight,
  missing: Schema.optional(MissingCodes),
  ...DesignFields
}).annotations({
  identifier: "MultipleResponseRequest",
  description: "Give either `items` or `set` (a multiple-response set of the dataset's codebook)"
})

export const LikertRequest = Schema.Struct({
  by: Name,
  items: Schema.optional(Schema.Array(Name).pipe(Schema.minItems(1), Schema.maxItems(500))),
  set: Schema.optional(Name),
  weight: Schema.optional(Name),
  noWeight: NoWeight,
  missing: Schema.optional(MissingCodes),
  ...DesignFields
}).annotations({
  identifier: "LikertRequest",
  description: "Give either `items` or `set` (a Likert indicator set of the dataset's codebook)"
})

export const TableRequest = Schema.Struct({
  rows: Schema.Array(Name).pipe(Schema.minItems(1), Schema.maxItems(500)).annotations({
    description:
      "Stub variables: column names, or multiple-response sets of the dataset's codebook (one row per item); the CLI's --rows"
  }),
  cols: Schema.Array(Name).pipe(Schema.minItems(1), Schema.maxItems(50)).annotations({
    description: "Banner variables: column names, each with its own column letters; the CLI's --cols"
  }),
  nets: Schema.optional(Schema.Array(TableNet).pipe(Schema.maxItems(500))).annotations({
    description:
      "Nets (combined categories) of stub variables, as in a plan's table section: {variable, name, label?, codes}; " +
      "the CLI's --net \"VAR:NAME=CODE,CODE\""
  }),
  weight: Schema.optional(Name),
  noWeight: NoWeight,
  missing: Schema.optional(MissingCodes),
  format: Schema.optional(Schema.Literal("json", "text", "html", "xlsx", "docx", "pdf", "md", "csv")).annotations({
    description:
      "Default json (the result object). text: the terminal table; html, xlsx, docx, pdf, md, csv: the rendered " +
      "table as `danvan table --format FORMAT --out FILE` writes it (pdf needs the server's Chromium)"
  }),
  lang: Schema.optional(Schema.Literal("en", "vi")).annotations({ description: "text and report formats; default en" }),
  decimal: Schema.optional(Schema.Literal("comma", "point")).annotations({
    description: "Report formats: the decimal mark (default comma for vi, point for en)"
  }),
  suppressBelow: Schema.optional(Schema.Int.pipe(Schema.greaterThanOrEqualTo(1))).annotations({
    description:
      "Hide counts below K, with secondary suppression within each banner variable (the CLI's --suppress-below; " +
      "json: the hidden cells are null, with suppression {k, hidden})"
  })
}).annotations({
  identifier: "TableRequest",
  description:
    "A banner table (the CLI's `danvan table --rows ... --cols ... [--net ...]`, a plan's section {\"kind\": \"table\"})"
})

export const TableTestRequest = Schema.Struct({
  counts: Schema.Array(Schema.Array(Schema.Number).pipe(Schema.minItems(1), Schema.maxItems(100))).pipe(
    Schema.minItems(1),
    Schema.maxItems(100)
  ),
  codebook: Schema.optional(Name),
  row: Schema.optional(Name),
  col: Schema.optional(Name),
  fisher: Schema.optional(Fisher)
}).annotations({
  identifier: "TableTestRequest",
  description:
    "A counts matrix typed from a publication (rows of counts); with codebook, row and col the table is labelled with those variables' categories"
})

/** The codebook file format (see packages/domain), accepted by `POST /v1/codebooks`. */
export const CodebookPayload = CodebookJson.annotations({ identifier: "Codebook" })

/** A codebook as a client writes it (the file form, defaults not filled in): `PUT /v1/datasets/{id}/codebook`. */
export const CodebookFile = Schema.encodedSchema(CodebookJson).annotations({
  identifier: "CodebookFile",
  description: "A codebook in its file form (see packages/domain), as GET /v1/datasets/{id}/codebook returns it"
})

const jsonObject = (identifier: string, description: string) =>
  Schema.Unknown.annotations({ identifier, description, jsonSchema: { type: "object", description } })

export const CrosstabResult = jsonObject(
  "CrosstabResult",
  "DESIGN.md's crosstab JSON: the output of `danvan crosstab --format json`"
)
export const FrequenciesResult = Schema.Unknown.annotations({
  identifier: "FrequenciesResults",
  jsonSchema: {
    type: "array",
    items: { type: "object" },
    description: "One result per variable: the output of `danvan frequencies --format json`"
  }
})
export const MultipleResponseResult = jsonObject(
  "MultipleResponseResult",
  "DESIGN.md's multiple-response JSON: the output of `danvan mr --format json`"
)
export const MeansResult = jsonObject("MeansResult", "The output of `danvan means --format json`")
export const DescribeResult = Schema.Unknown.annotations({
  identifier: "DescribeResults",
  jsonSchema: {
    type: "array",
    items: { type: "object" },
    description: "One result per variable: the output of `danvan describe --format json`"
  }
})
export const LikertResult = jsonObject("LikertResult", "The output of `danvan likert --format json`")
export const TableResult = jsonObject(
  "BannerResult",
  "The banner table: the output of `danvan table --format json` (kind \"banner\": banner, stub, weighted, alpha, " +
    "missingByCode); with another `format`, the rendered table (text/plain, text/html, XLSX, DOCX, PDF, Markdown, CSV)"
)
export const CodebookDocument = jsonObject(
  "CodebookDocument",
  "A codebook in its file form: the output of `danvan codebook show ID --format json`"
)

export const CodebookSummary = Schema.Struct({
  id: Schema.String,
  title: Schema.Struct({ vi: Schema.String, en: Schema.String }),
  builtin: Schema.Boolean
}).annotations({ identifier: "CodebookSummary" })

export const CodebookList = Schema.Struct({ codebooks: Schema.Array(CodebookSummary) })

export const ColumnSummary = Schema.Struct({
  name: Schema.String,
  type: Schema.Literal("codes", "numeric"),
  label: Schema.optional(Schema.Struct({ vi: Schema.String, en: Schema.String })),
  valid: Schema.Number,
  systemMissing: Schema.Number,
  userMissing: Schema.Number
}).annotations({ identifier: "ColumnSummary" })

export const DatasetMeta = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  codebook: Schema.NullOr(Schema.String),
  rows: Schema.Number,
  createdAt: Schema.String,
  variables: Schema.Array(ColumnSummary),
  warnings: Schema.Array(Schema.Struct({ code: Schema.String, message: Schema.String })),
  format: Schema.optional(Schema.Literal("csv", "xlsx", "sav")).annotations({
    description: "The uploaded file's format, from its content"
  }),
  codebookFromFile: Schema.optional(Schema.Boolean).annotations({
    description:
      "True when `codebook` is the file's own dictionary (a .sav uploaded without ?codebook), kept with the dataset"
  }),
  weightVariable: Schema.optional(Schema.NullOr(Schema.String)).annotations({
    description:
      "The dataset's default weight: ?weight= at upload, else the codebook's weightVariable (a .sav's WEIGHT BY)"
  }),
  prepared: Schema.optional(Schema.Struct({ from: Schema.String, recipe: Schema.Unknown })).annotations({
    description: "For a dataset made by POST /v1/datasets/{id}/prepare: the source dataset's id and the recipe"
  })
}).annotations({
  identifier: "DatasetMeta",
  description: "A stored dataset's metadata: counts only, never respondent-level rows"
})
export type DatasetMeta = typeof DatasetMeta.Type

/** `POST /v1/datasets/{id}/prepare`: a recipe to preview on a dataset, or to apply into a new dataset. */
export const PrepareRequest = Schema.Struct({
  recipe: Schema.Unknown.annotations({
    description: "A data-preparation recipe in the recipe file format (see packages/domain, Recipes)",
    jsonSchema: { type: "object", description: "A recipe in the recipe file format (see packages/domain, Recipes)" }
  }),
  name: Schema.optional(Name).annotations({
    description: "The new dataset's name (default: the source's + \" (recipe)\")"
  }),
  preview: Schema.optional(Schema.Boolean).annotations({
    description: "true: apply and describe the result without storing anything"
  }),
  datasets: Schema.optional(Schema.Record({ key: Schema.String, value: Schema.String })).annotations({
    description:
      "The stored datasets (ids of this tenant) that the recipe's append and merge steps name by their `data` " +
      "(the file name the CLI finds beside the recipe), e.g. {\"wave2.csv\": \"<dataset id>\"}"
  })
}).annotations({ identifier: "PrepareRequest" })

export const PrepareResult = Schema.Struct({
  log: Schema.Array(Schema.Struct({
    step: Schema.Number,
    op: Schema.String,
    note: Schema.optional(Schema.String),
    summary: Schema.String
  })),
  rows: Schema.Number.annotations({ description: "Rows the result holds (those the recipe's filters select)" }),
  variables: Schema.Array(ColumnSummary),
  dataset: Schema.NullOr(DatasetMeta).annotations({ description: "The stored dataset (null for a preview)" })
}).annotations({
  identifier: "PrepareResult",
  description: "What each step did (as `danvan prepare --format json`), and the result's variables"
})

export const DatasetSummary = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  codebook: Schema.NullOr(Schema.String),
  rows: Schema.Number,
  createdAt: Schema.String
}).annotations({ identifier: "DatasetSummary" })
export type DatasetSummary = typeof DatasetSummary.Type

export const DatasetList = Schema.Struct({ datasets: Schema.Array(DatasetSummary) })

export const UploadParams = Schema.Struct({
  codebook: Schema.optional(Schema.String).annotations({
    description: "Id of a built-in or own codebook the rows are checked against"
  }),
  name: Schema.optional(Schema.String).annotations({
    description: "A name for the dataset (default: the uploaded file's name, or upload.csv)"
  }),
  weight: Schema.optional(Schema.String).annotations({
    description:
      "A column read as numbers (case weights) when the codebook does not say so; it becomes the dataset's weightVariable"
  })
})

/**
 * The upload body: a CSV, SPSS .sav/.zsav or .xlsx file sent raw (e.g. `Content-Type: text/csv` or
 * `application/octet-stream`) or as the `file` part of a multipart form; the format is read from the content.
 */
export const UploadBody = Schema.Union(
  HttpApiSchema.Uint8Array({ contentType: "text/csv" }),
  HttpApiSchema.Uint8Array({ contentType: "application/octet-stream" }),
  HttpApiSchema.Multipart(Schema.Struct({ file: Multipart.SingleFileSchema }))
)

export const Health = Schema.Struct({ status: Schema.Literal("ok") })
export const Ready = Schema.Struct({ status: Schema.Literal("ready"), database: Schema.String })

export const ReportRequest = Schema.Struct({
  plan: Schema.Union(
    Schema.String.annotations({ description: "A built-in analysis plan id (hcmc-2024)" }),
    // Passed through as parsed (Schema.Record would rebuild it and drop a "__proto__" key silently); the plan
    // decoder checks it whole, unknown keys included.
    Schema.declare(
      (u: unknown): u is { readonly [key: string]: unknown } =>
        typeof u === "object" && u !== null && !Array.isArray(u),
      {
        identifier: "PlanObject",
        description: "An analysis plan in the plan file format (see packages/domain)",
        jsonSchema: { type: "object", description: "An analysis plan in the plan file format (see packages/domain)" }
      }
    )
  ),
  format: Schema.optional(Schema.Literal("html", "xlsx", "json", "md", "csv", "docx", "pdf")).annotations({
    description:
      "Default html. pdf is printed by the server's Chromium (CHROMIUM_PATH or /usr/bin/chromium); without one it is a 422 PDF_UNAVAILABLE"
  }),
  lang: Schema.optional(Schema.Literal("en", "vi")).annotations({ description: "Default en" }),
  decimal: Schema.optional(Schema.Literal("comma", "point")),
  suppressBelow: Schema.optional(Schema.Int.pipe(Schema.greaterThanOrEqualTo(1))).annotations({
    description: "Disclosure control: hide counts below K"
  })
}).annotations({
  identifier: "ReportRequest",
  description: "A report of an analysis plan on the dataset, as `danvan report --plan ... --out report.FORMAT`"
})

export const ReportDocument = Schema.String.annotations({
  identifier: "Report",
  description:
    "The rendered report: text/html, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet (binary), application/json, text/markdown or text/csv, by `format`"
})
