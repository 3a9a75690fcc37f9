import { mdEscape, mdTable } from "./markdown.js"
import type { Cell, Row, TextTable } from "./table.js"

const cellText = (c: Cell | string) => (typeof c === "string" ? c : c.text)

/** A header row with its spans spread out, so that it has one entry per column. */
const spread = (row: Row): Array<string> =>
  row.flatMap((c) => {
    const span = typeof c === "string" ? 1 : c.span ?? 1
    return [cellText(c), ...new Array<string>(span - 1).fill("")]
  })

/**
 * Text tables as GitHub Markdown: per table a `###` title, the table (header rows above the last one are
 * joined into it, column by column), its footnotes as a list; then `extra` lines (warnings) as a list.
 *
 * @example
 * textTablesMarkdown(meansTables(result, "en"), [])
 */
export const textTablesMarkdown = (tables: ReadonlyArray<TextTable>, extra: ReadonlyArray<string> = []): string => {
  const parts = tables.map((t) => {
    const heads = t.header.map(spread)
    const header = t.align.map((_, j) => heads.map((h) => h[j] ?? "").filter((x) => x !== "").join(" ").trim())
    const rows = t.body.flatMap((r) => (r === "rule" ? [] : [spread(r).map(mdEscape)]))
    const notes = (t.footnotes ?? []).map((n) => `- ${mdEscape(n)}`)
    return [
      `### ${mdEscape(t.title)}`,
      "",
      mdTable(header.map(mdEscape), t.align, rows),
      ...(notes.length > 0 ? ["", ...notes] : [])
    ].join("\n")
  })
  return [...parts, ...(extra.length > 0 ? [extra.map((e) => `- ${mdEscape(e)}`).join("\n")] : [])].join("\n\n") + "\n"
}
