/** GitHub-flavoured Markdown tables. */

/**
 * Escapes characters that would end a table cell or start emphasis/HTML.
 *
 * @example
 * mdEscape("a|b") // "a\\|b"
 */
export const mdEscape = (text: string): string => text.replace(/([\\|*_`<>[\]])/g, "\\$1").replace(/\r?\n/g, " ")

/**
 * A GitHub Markdown table with the given header, column alignment and rows.
 *
 * @example
 * mdTable(["x", "n"], ["left", "right"], [["a", "1"]])
 */
export const mdTable = (
  header: ReadonlyArray<string>,
  align: ReadonlyArray<"left" | "right">,
  rows: ReadonlyArray<ReadonlyArray<string>>
): string => {
  const line = (cells: ReadonlyArray<string>) => `| ${cells.join(" | ")} |`
  const rule = `| ${align.map((a) => (a === "right" ? "---:" : "---")).join(" | ")} |`
  return [line(header), rule, ...rows.map(line)].join("\n")
}
