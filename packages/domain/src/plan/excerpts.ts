import * as Schema from "effect/Schema"

const Value = Schema.Union(Schema.String, Schema.Number)

/**
 * Interview excerpts attached to a plan section: a CSV/XLSX file of quotes (a `text` column, a `theme` tag and
 * attributes such as `sex`, `role`, `age`, `level`), the themes to print and a filter on attributes (each key a
 * column, each value one accepted value or a list of them). A relative `file` is read from the plan file's folder.
 *
 * @example
 * { "file": "interviews.csv", "theme": "difficulty", "filter": { "level": [2, 3], "sex": "nữ" }, "limit": 3 }
 */
export const ExcerptsRef = Schema.Struct({
  file: Schema.String.pipe(Schema.minLength(1, { message: () => "the excerpts file must be named" })),
  theme: Schema.optional(Schema.Union(Schema.String, Schema.NonEmptyArray(Schema.String))),
  filter: Schema.optional(
    Schema.Record({ key: Schema.String, value: Schema.Union(Value, Schema.NonEmptyArray(Value)) })
  ),
  limit: Schema.optional(Schema.Int.pipe(Schema.positive()))
})
export type ExcerptsRef = typeof ExcerptsRef.Type

/** One interview excerpt as read from a file: its row (header = 1), the quote, its theme, and every column by name. */
export interface Excerpt {
  readonly row: number
  readonly text: string
  readonly theme?: string
  /** Every column of the row by its (lower-case) header, NFC, trimmed; `text` and `theme` included. */
  readonly attributes: Readonly<Record<string, string>>
}

const norm = (v: string | number): string => String(v).normalize("NFC").trim().toLowerCase()
const asList = <A>(v: A | ReadonlyArray<A>): ReadonlyArray<A> => (Array.isArray(v) ? v : [v as A])

/**
 * The excerpts a section asks for: those of its themes (all when none is given) whose attributes match every key
 * of the filter (case-insensitive, NFC; a list accepts any of its values), in file order, at most `limit`.
 *
 * @example
 * selectExcerpts(all, { file: "e.csv", theme: "difficulty", filter: { sex: "nữ" } })
 */
export const selectExcerpts = (
  excerpts: ReadonlyArray<Excerpt>,
  ref: Pick<ExcerptsRef, "theme" | "filter" | "limit">
): Array<Excerpt> => {
  const themes = ref.theme === undefined ? undefined : new Set(asList(ref.theme).map(norm))
  const filter = Object.entries(ref.filter ?? {}).map(([k, v]) => [norm(k), new Set(asList(v).map(norm))] as const)
  const out = excerpts.filter(
    (x) =>
      (themes === undefined || (x.theme !== undefined && themes.has(norm(x.theme)))) &&
      filter.every(([k, accepted]) => x.attributes[k] !== undefined && accepted.has(norm(x.attributes[k])))
  )
  return ref.limit === undefined ? out : out.slice(0, ref.limit)
}
