import * as Schema from "effect/Schema"
import { CodebookIssue } from "../errors.js"

/** A recipe file that could not be decoded or does not fit the data: every issue with its JSON path. */
export class RecipeError extends Schema.TaggedError<RecipeError>()("RecipeError", {
  source: Schema.String,
  issues: Schema.Array(CodebookIssue)
}) {
  override get message(): string {
    const shown = this.issues.slice(0, 20).map((i) => `  ${i.path}: ${i.message}`)
    const more = this.issues.length > 20 ? [`  … and ${this.issues.length - 20} more`] : []
    return [`invalid recipe ${this.source}:`, ...shown, ...more].join("\n")
  }
}
