import type { Cell } from "../document.js"
import { coefficient, type Decimal, fixed, formatCount, formatDf, formatP, NOT_AVAILABLE } from "../format.js"

/** What a hidden (disclosure-controlled) cell shows. */
export const SUPPRESSED = "[c]"

/**
 * A cell as text for a reader (HTML, Markdown): counts as integers, percents with 1 decimal, statistics with 3,
 * p in APA style, means with 2; the chosen decimal separator. A blank count or percent stays empty; a statistic
 * that could not be computed shows "—".
 *
 * @example
 * cellText({ value: 0.0234, format: "p" }, "point") // ".023"
 */
export const cellText = (cell: Cell, decimal: Decimal): string => {
  if (cell.suppressed === true) return SUPPRESSED
  const v = cell.value
  if (typeof v === "string") return v
  if (v === null) {
    return cell.format === "text" || cell.format === "count" || cell.format === "percent"
      ? ""
      : NOT_AVAILABLE
  }
  switch (cell.format) {
    case "count":
      return formatCount(v, decimal)
    case "percent":
      return fixed(v, 1, decimal)
    case "stat":
      return fixed(v, 3, decimal)
    case "p":
      return formatP(v, decimal)
    case "df":
      return formatDf(v, decimal)
    case "coef":
      return coefficient(v, 3, decimal)
    case "mean":
      return fixed(v, 2, decimal)
    case "text":
      return String(v)
  }
}

/**
 * A header row with spans expanded: the text in the first column of its span, blanks after.
 *
 * @example
 * expandHeader([{ text: "City", span: 2 }]) // ["City", ""]
 */
export const expandHeader = (row: ReadonlyArray<{ readonly text: string; readonly span?: number }>): Array<string> =>
  row.flatMap((c) => [c.text, ...Array.from({ length: (c.span ?? 1) - 1 }, () => "")])
