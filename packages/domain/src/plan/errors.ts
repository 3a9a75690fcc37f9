import * as Schema from "effect/Schema"

/** One problem in an analysis plan: where (a JSON path such as `$.sections[2].set`) and what. */
export const AnalysisPlanIssue = Schema.Struct({ path: Schema.String, message: Schema.String })
export type AnalysisPlanIssue = typeof AnalysisPlanIssue.Type

/** An analysis plan that could not be decoded or names what the codebook or data does not have. */
export class AnalysisPlanError extends Schema.TaggedError<AnalysisPlanError>()("AnalysisPlanError", {
  source: Schema.String,
  issues: Schema.Array(AnalysisPlanIssue)
}) {
  override get message(): string {
    const shown = this.issues.slice(0, 20).map((i) => `  ${i.path}: ${i.message}`)
    const more = this.issues.length > 20 ? [`  … and ${this.issues.length - 20} more`] : []
    return [`invalid analysis plan ${this.source}:`, ...shown, ...more].join("\n")
  }
}
