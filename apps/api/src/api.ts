import {
  HttpApi,
  HttpApiEndpoint,
  HttpApiGroup,
  HttpApiMiddleware,
  HttpApiSchema,
  HttpApiSecurity,
  OpenApi
} from "@effect/platform"
import * as Context from "effect/Context"
import * as Schema from "effect/Schema"
import {
  AnalysisTimeout,
  BadRequest,
  Busy,
  Conflict,
  NotFound,
  PayloadTooLarge,
  RequestTimeout,
  Unauthorized,
  Unavailable,
  Unprocessable,
  UploadsBusy
} from "./errors.js"
import { describeServer } from "./openapi.js"
import * as S from "./schemas.js"

/** The tenant an API key belongs to; every codebook and dataset is owned by one. */
export class Tenant extends Context.Tag("@danvan/api/Tenant")<Tenant, { readonly name: string }>() {}

/** Bearer API keys (`danvan api-key create --tenant NAME`); an absent or unknown key is a 401. */
export class Authentication extends HttpApiMiddleware.Tag<Authentication>()("Authentication", {
  failure: Unauthorized,
  provides: Tenant,
  security: {
    bearer: HttpApiSecurity.bearer.pipe(
      HttpApiSecurity.annotate(OpenApi.Description, "An API key from `danvan api-key create --tenant NAME`")
    )
  }
}) {}

const IdPath = Schema.Struct({ id: Schema.String })

const system = HttpApiGroup.make("system")
  .add(
    HttpApiEndpoint.get("health", "/v1/health").addSuccess(S.Health).annotate(
      OpenApi.Summary,
      "Liveness: the process answers"
    )
  )
  .add(
    HttpApiEndpoint.get("ready", "/v1/ready")
      .addSuccess(S.Ready)
      .addError(Unavailable)
      .annotate(OpenApi.Summary, "Readiness: the database answers")
  )

const codebooks = HttpApiGroup.make("codebooks")
  .add(
    HttpApiEndpoint.get("list", "/v1/codebooks").addSuccess(S.CodebookList).annotate(
      OpenApi.Summary,
      "Built-in codebooks and the tenant's own"
    )
  )
  .add(
    HttpApiEndpoint.get("get", "/v1/codebooks/:id").setPath(IdPath).addSuccess(S.CodebookDocument).addError(NotFound)
      .annotate(OpenApi.Summary, "A codebook in its file form")
  )
  .add(
    HttpApiEndpoint.post("create", "/v1/codebooks")
      .setPayload(S.CodebookPayload)
      .addSuccess(S.CodebookSummary, { status: 201 })
      .addError(Conflict)
      .annotate(OpenApi.Summary, "Store a codebook (validated; problems come back as 400 with JSON paths)")
  )
  .middleware(Authentication)

const datasets = HttpApiGroup.make("datasets")
  .add(
    HttpApiEndpoint.post("upload", "/v1/datasets")
      .setUrlParams(S.UploadParams)
      .setPayload(S.UploadBody)
      .addSuccess(S.DatasetMeta, { status: 201 })
      .addError(NotFound)
      .addError(Unprocessable)
      .addError(Busy)
      .addError(AnalysisTimeout)
      .annotate(
        OpenApi.Summary,
        "Upload a CSV, .sav/.zsav or .xlsx file (format from its content): checked all-or-nothing and stored in one transaction"
      )
  )
  .add(
    HttpApiEndpoint.get("list", "/v1/datasets").addSuccess(S.DatasetList).annotate(
      OpenApi.Summary,
      "The tenant's datasets"
    )
  )
  .add(
    HttpApiEndpoint.get("get", "/v1/datasets/:id").setPath(IdPath).addSuccess(S.DatasetMeta).addError(NotFound)
      .annotate(OpenApi.Summary, "A dataset's metadata: rows, variables, missing counts")
  )
  .add(
    HttpApiEndpoint.get("getCodebook", "/v1/datasets/:id/codebook").setPath(IdPath).addSuccess(S.CodebookDocument)
      .addError(NotFound)
      .annotate(
        OpenApi.Summary,
        "The dataset's codebook in its file form (the file's own, the one it was checked against, else one read off its columns)"
      )
  )
  .add(
    HttpApiEndpoint.put("putCodebook", "/v1/datasets/:id/codebook")
      .setPath(IdPath)
      .setPayload(S.CodebookFile)
      .addSuccess(S.DatasetMeta)
      .addError(NotFound)
      .addError(Unprocessable)
      .annotate(
        OpenApi.Summary,
        "Save an edited codebook as the dataset's (checked against the stored columns: 422 naming variable and value)"
      )
  )
  .add(
    HttpApiEndpoint.post("prepare", "/v1/datasets/:id/prepare")
      .setPath(IdPath)
      .setPayload(S.PrepareRequest)
      .addSuccess(S.PrepareResult)
      .addError(NotFound)
      .addError(Unprocessable)
      .annotate(
        OpenApi.Summary,
        "Apply a data-preparation recipe (recode, compute, filter, …): preview it, or store the result as a new dataset with its codebook, as `danvan prepare`"
      )
  )
  .add(
    HttpApiEndpoint.del("delete", "/v1/datasets/:id").setPath(IdPath).addSuccess(HttpApiSchema.NoContent).addError(
      NotFound
    ).annotate(OpenApi.Summary, "Delete a dataset")
  )
  .middleware(Authentication)

const analysis = <
  const Name extends string,
  P extends
    | typeof S.CrosstabRequest
    | typeof S.FrequenciesRequest
    | typeof S.MultipleResponseRequest
    | typeof S.LikertRequest
    | typeof S.MeansRequest
    | typeof S.DescribeRequest
    | typeof S.TableRequest
>(
  name: Name,
  path: string,
  payload: P,
  success: Schema.Schema.Any,
  summary: string
) =>
  HttpApiEndpoint.post(name, `/v1/datasets/:id/${path}`)
    .setPath(IdPath)
    .setPayload(payload)
    .addSuccess(success as typeof S.CrosstabResult)
    .addError(NotFound)
    .addError(Unprocessable)
    .addError(Busy)
    .addError(AnalysisTimeout)
    .annotate(OpenApi.Summary, summary)

const analyses = HttpApiGroup.make("analyses")
  .add(
    analysis(
      "frequencies",
      "frequencies",
      S.FrequenciesRequest,
      S.FrequenciesResult,
      "Frequencies of variables (as `danvan frequencies --format json`)"
    )
  )
  .add(
    analysis(
      "crosstab",
      "crosstab",
      S.CrosstabRequest,
      S.CrosstabResult,
      "Crosstab with tests and measures (as `danvan crosstab --format json`)"
    )
  )
  .add(
    analysis(
      "multipleResponse",
      "multiple-response",
      S.MultipleResponseRequest,
      S.MultipleResponseResult,
      "Multiple-response set by group (as `danvan mr --format json`)"
    )
  )
  .add(
    analysis(
      "likert",
      "likert",
      S.LikertRequest,
      S.LikertResult,
      "Likert set by group (as `danvan likert --format json`)"
    )
  )
  .add(
    analysis(
      "means",
      "means",
      S.MeansRequest,
      S.MeansResult,
      "A numeric variable by group (as `danvan means --format json`)"
    )
  )
  .add(
    analysis(
      "describe",
      "describe",
      S.DescribeRequest,
      S.DescribeResult,
      "Numeric variables described (as `danvan describe --format json`)"
    )
  )
  .add(
    analysis(
      "table",
      "table",
      S.TableRequest,
      S.TableResult,
      "A banner table: stubs against banner variables with a Total column, column % and letters, nets, mean rows (as `danvan table --format json`)"
    )
  )
  .add(
    HttpApiEndpoint.post("report", "/v1/datasets/:id/reports")
      .setPath(IdPath)
      .setPayload(S.ReportRequest)
      .addSuccess(S.ReportDocument)
      .addError(NotFound)
      .addError(Unprocessable)
      .addError(Busy)
      .addError(AnalysisTimeout)
      .annotate(
        OpenApi.Summary,
        "A report of an analysis plan (HTML with charts, XLSX, DOCX, PDF, JSON, Markdown, CSV), as `danvan report`"
      )
  )
  .middleware(Authentication)

const tables = HttpApiGroup.make("tables")
  .add(
    HttpApiEndpoint.post("test", "/v1/tables/test")
      .setPayload(S.TableTestRequest)
      .addSuccess(S.CrosstabResult)
      .addError(NotFound)
      .addError(Unprocessable)
      .addError(Busy)
      .addError(AnalysisTimeout)
      .annotate(
        OpenApi.Summary,
        "Tests of a typed counts matrix (as `danvan crosstab --counts ... --format json`); stores nothing"
      )
  )
  .middleware(Authentication)

/** The danvan HTTP API: every endpoint, schema and error, from which the server, OpenAPI and docs are built. */
export class DanvanApi extends HttpApi.make("danvan")
  .add(system)
  .add(codebooks)
  .add(datasets)
  .add(analyses)
  .add(tables)
  .addError(BadRequest)
  .addError(PayloadTooLarge)
  .addError(RequestTimeout)
  .addError(UploadsBusy)
  .annotateContext(
    OpenApi.annotations({
      title: "danvan HTTP API",
      version: "0.1.0",
      description:
        "Survey tables for cadre questionnaires on mass mobilization work. Datasets are uploaded once and analysed many times; " +
        "only aggregates are returned, never respondent-level rows. Every error is JSON `{error: {code, message, details}}`.",
      transform: describeServer
    })
  )
{}
