import * as Schema from "effect/Schema"

/** One problem in a published-tables file: where (a JSON path such as `$.tables[0].items[1].counts[2]`) and what. */
export const PublishedTablesIssue = Schema.Struct({ path: Schema.String, message: Schema.String })
export type PublishedTablesIssue = typeof PublishedTablesIssue.Type

/** A published-tables file that could not be decoded. `source` names the file (or built-in id). */
export class PublishedTablesError extends Schema.TaggedError<PublishedTablesError>()("PublishedTablesError", {
  source: Schema.String,
  issues: Schema.Array(PublishedTablesIssue)
}) {
  override get message(): string {
    const shown = this.issues.slice(0, 20).map((i) => `  ${i.path}: ${i.message}`)
    const more = this.issues.length > 20 ? [`  … and ${this.issues.length - 20} more`] : []
    return [`invalid published tables ${this.source}:`, ...shown, ...more].join("\n")
  }
}
