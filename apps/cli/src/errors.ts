import * as Data from "effect/Data"

/** Bad usage detected after parsing (both or neither of --counts/--data, a malformed --missing, …): exit 2. */
export class UsageError
  extends Data.TaggedError("UsageError")<{ readonly message: string; readonly command: string }>
{}

/** Errors of the packages whose `.message` is written for the user: exit 1 with that message only. */
export const USER_ERROR_TAGS: ReadonlySet<string> = new Set([
  "DataFileError",
  "FileReadError",
  "CodebookError",
  "AnalysisError",
  "UnknownNameError",
  "PublishedTablesError",
  "FileWriteError",
  "AnalysisPlanError",
  "ChromiumError",
  "ListenError",
  "DatabaseError",
  "RecipeError",
  "CheckFailed"
])

export const isUserError = (e: unknown): e is { readonly _tag: string; readonly message: string } =>
  typeof e === "object" && e !== null && "_tag" in e && USER_ERROR_TAGS.has(String((e as { _tag: unknown })._tag))

/** Exit codes of `danvan` (documented in the README). */
export const EXIT = { ok: 0, badInput: 1, usage: 2, internal: 70, interrupted: 130 } as const
