import { displayWidth, padEnd, padStart } from "./width.js"

/** Plain-text tables laid out like SPSS pivot tables: a title, a header, rule-separated groups, footnotes. */

export type Align = "left" | "right"

export interface Cell {
  readonly text: string
  /** Number of columns the cell covers (header cells only; default 1). */
  readonly span?: number
  readonly align?: Align
  /** A spanning cell that may run past its columns instead of widening them (a long variable label). */
  readonly overflow?: boolean
}

export type Row = ReadonlyArray<Cell | string>

export interface TextTable {
  readonly title: string
  readonly align: ReadonlyArray<Align>
  readonly header: ReadonlyArray<Row>
  /** Body rows; `"rule"` draws a thin line between groups. */
  readonly body: ReadonlyArray<Row | "rule">
  readonly footnotes?: ReadonlyArray<string>
}

export interface TextStyle {
  /** Emphasise titles with ANSI bold (only when writing to a colour terminal). */
  readonly color?: boolean
}

const GAP = "  "

const toCell = (c: Cell | string): Cell => (typeof c === "string" ? { text: c } : c)

/**
 * Renders the table as lines of text without trailing spaces.
 *
 * @example
 * renderTable({ title: "Counts", columns: [...], rows: [...] })
 */
export const renderTable = (table: TextTable, style: TextStyle = {}): string => {
  const ncol = table.align.length
  const rows: Array<ReadonlyArray<Cell> | "rule"> = [
    ...table.header.map((r) => r.map(toCell)),
    "rule",
    ...table.body.map((r) => (r === "rule" ? r : r.map(toCell)))
  ]
  const widths = new Array<number>(ncol).fill(0)
  const spanned: Array<{ start: number; span: number; width: number }> = []
  for (const row of rows) {
    if (row === "rule") continue
    let col = 0
    for (const cell of row) {
      const span = Math.max(1, cell.span ?? 1)
      const w = displayWidth(cell.text)
      if (span === 1) widths[col] = Math.max(widths[col] ?? 0, w)
      else if (cell.overflow !== true) spanned.push({ start: col, span, width: w })
      col += span
    }
  }
  // A spanning cell wider than its columns widens them evenly (the remainder goes to the last).
  for (const s of spanned) {
    const end = Math.min(ncol, s.start + s.span)
    const have = widths.slice(s.start, end).reduce((a, b) => a + b, 0) + GAP.length * (end - s.start - 1)
    if (have >= s.width) continue
    const extra = s.width - have
    const n = end - s.start
    for (let c = s.start; c < end; c++) widths[c] += Math.floor(extra / n)
    widths[end - 1] += extra % n
  }
  const line = (row: ReadonlyArray<Cell>): string => {
    const parts: Array<string> = []
    let col = 0
    for (const cell of row) {
      const span = Math.max(1, cell.span ?? 1)
      const end = Math.min(ncol, col + span)
      const w = widths.slice(col, end).reduce((a, b) => a + b, 0) + GAP.length * (end - col - 1)
      const align = cell.align ?? (span > 1 ? "left" : table.align[col] ?? "left")
      parts.push(align === "right" ? padStart(cell.text, w) : padEnd(cell.text, w))
      col = end
    }
    while (col < ncol) {
      parts.push(" ".repeat(widths[col]))
      col++
    }
    return parts.join(GAP).trimEnd()
  }
  const rendered = rows.map((row) => (row === "rule" ? row : line(row)))
  const total = Math.max(
    widths.reduce((a, b) => a + b, 0) + GAP.length * Math.max(0, ncol - 1),
    ...rendered.map((l) => (l === "rule" ? 0 : displayWidth(l)))
  )
  const heavy = "=".repeat(total)
  const thin = "-".repeat(total)
  const title = style.color === true ? `\u001b[1m${table.title}\u001b[22m` : table.title
  const out: Array<string> = [title, heavy]
  for (const l of rendered) out.push(l === "rule" ? thin : l)
  out.push(heavy)
  for (const f of table.footnotes ?? []) out.push(f)
  return out.join("\n")
}
