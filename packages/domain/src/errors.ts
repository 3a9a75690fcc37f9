import * as Schema from "effect/Schema"

/** One problem in a codebook: where (a JSON path such as `$.variables[3].values[0].code`) and what. */
export const CodebookIssue = Schema.Struct({ path: Schema.String, message: Schema.String })
export type CodebookIssue = typeof CodebookIssue.Type

/** A codebook that could not be decoded. `source` names the file (or built-in id) it came from. */
export class CodebookError extends Schema.TaggedError<CodebookError>()("CodebookError", {
  source: Schema.String,
  issues: Schema.Array(CodebookIssue)
}) {
  override get message(): string {
    const shown = this.issues.slice(0, 20).map((i) => `  ${i.path}: ${i.message}`)
    const more = this.issues.length > 20 ? [`  … and ${this.issues.length - 20} more`] : []
    return [`invalid codebook ${this.source}:`, ...shown, ...more].join("\n")
  }
}

/** A name that the codebook or dataset does not have (a variable, a set, a built-in instrument). */
export class UnknownNameError extends Schema.TaggedError<UnknownNameError>()("UnknownNameError", {
  what: Schema.String,
  name: Schema.String,
  known: Schema.Array(Schema.String)
}) {
  override get message(): string {
    const list = this.known.length <= 12 ? this.known.join(", ") : `${this.known.slice(0, 12).join(", ")}, …`
    return `unknown ${this.what} "${this.name}"; expected one of: ${list}`
  }
}
