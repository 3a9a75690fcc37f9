import type { Cell, ReportDocument, ReportTable } from "../document.js"
import { cellText } from "./cells.js"

type Docx = typeof import("docx")

/** Left and right cell padding, twips. */
const CELL_PAD = 80
/** Table text size in half-points (10 pt). */
export const TABLE_FONT_HALF_POINTS = 20

/** The APA rules: a thick line above the header and below the table, thin lines under the header and above totals. */
const rule = (docx: Docx, size: number) => ({ style: docx.BorderStyle.SINGLE, size, color: "000000" })
const NONE = (docx: Docx) => ({ style: docx.BorderStyle.NONE, size: 0, color: "FFFFFF" })

/**
 * Column widths (twips) that fill `total`: a column's weight is its longest text (header words wrap, so a header
 * counts by its longest word), text columns at most 40 characters, number columns at least 5.
 */
export const columnWidths = (
  table: ReportTable,
  texts: ReadonlyArray<ReadonlyArray<string>>,
  total: number
): Array<number> => {
  const n = table.rows[0]?.cells.length ?? table.header[0]?.reduce((a, c) => a + (c.span ?? 1), 0) ?? 1
  // a column of short codes (the column-proportion letters "BC") is sized like a number column, never squeezed
  const isTextColumn = Array.from(
    { length: n },
    (_, j) =>
      table.rows.some((r) => r.cells[j]?.format === "text" && r.cells[j]?.value !== null) &&
      texts.some((r) => [...(r[j] ?? "")].length > 4)
  )
  const longest: Array<number> = []
  const weights = Array.from({ length: n }, (_, j) => {
    // blank cells (a total row's empty percent) are text cells without a value: they do not make a column text
    const isText = isTextColumn[j]
    const body = Math.max(0, ...texts.map((r) => [...(r[j] ?? "")].length))
    const head = Math.max(
      0,
      ...table.header.map((row) => {
        let col = 0
        for (const c of row) {
          if (col === j && (c.span ?? 1) === 1) return Math.max(0, ...c.text.split(/\s+/).map((w) => [...w].length))
          col += c.span ?? 1
        }
        return 0
      })
    )
    const w = Math.max(body, head)
    longest.push(Math.max(body, head, 2))
    // numbers get two characters more for the cell padding and bold totals
    return isText ? Math.min(Math.max(w, 8), 40) : Math.max(w + 2, 5)
  })
  // Numbers never wrap ("26\n7"): number columns get their full width first (a digit is about half an em of a
  // 10-point font, plus the cell margins), text columns share what is left; only when even the numbers do not fit
  // is every column scaled down alike.
  // capital letters (column-proportion letters) are wider than digits
  const capitals = (j: number) => texts.some((r) => /^[A-Z]{2,}$/.test(r[j] ?? ""))
  const numberTwips = longest.map((w, j) =>
    isTextColumn[j] ? 0 : w * (capitals(j) ? 1.5 * TWIPS_PER_CHAR : TWIPS_PER_CHAR) + CELL_PADDING
  )
  const numbersTotal = numberTwips.reduce((a, b) => a + b, 0)
  const textWeights = weights.map((w, j) => (isTextColumn[j] ? w : 0))
  const textSum = textWeights.reduce((a, b) => a + b, 0)
  const rest = total - numbersTotal
  if (textSum > 0 && rest >= textWeights.filter((w) => w > 0).length * (8 * TWIPS_PER_CHAR + CELL_PADDING)) {
    return weights.map((_, j) => (isTextColumn[j] ? Math.floor((rest * textWeights[j]) / textSum) : numberTwips[j]))
  }
  const sum = weights.reduce((a, b) => a + b, 0)
  return weights.map((w) => Math.floor((total * w) / sum))
}

/** About one character of a 10-point serif font in twips (half an em: digits are that wide). */
const TWIPS_PER_CHAR = 100
/** Word's default left and right cell margins (108 twips each) and a little air. */
const CELL_PADDING = 230

/** Characters after the decimal mark (0 for integers, "—" or text). */
const fractionLength = (s: string, mark: string): number => {
  const i = s.lastIndexOf(mark)
  return i < 0 || !/\d/.test(s.slice(i + 1)) ? 0 : s.length - i - 1
}

/** U+2007 FIGURE SPACE (as wide as a digit) and U+2008 PUNCTUATION SPACE (as wide as the decimal mark). */
const FIGURE_SPACE = "\u2007"
const PUNCTUATION_SPACE = "\u2008"

/**
 * Numbers are right-aligned on the decimal mark: a number with fewer decimals than the longest in its column is
 * padded on the right with figure spaces (and a punctuation space for a missing mark), so the marks line up in
 * Word and in LibreOffice alike. (A decimal tab stop does the same in Word, but LibreOffice lays decimal tab stops
 * in table cells out wrongly: the number drops to a second line.)
 *
 * @example
 * alignDecimals(["28,3", "100", "—"], ",") // ["28,3", "100\u2008\u2007", "—\u2008\u2007"]
 */
export const alignDecimals = (texts: ReadonlyArray<string>, mark: string): Array<string> => {
  const frac = Math.max(0, ...texts.map((s) => fractionLength(s, mark)))
  return texts.map((s) => {
    if (s === "" || frac === 0) return s
    const f = fractionLength(s, mark)
    return f > 0 ? s + FIGURE_SPACE.repeat(frac - f) : s + PUNCTUATION_SPACE + FIGURE_SPACE.repeat(frac)
  })
}

const run = (docx: Docx, text: string, bold = false) => new docx.TextRun({ text, bold, size: TABLE_FONT_HALF_POINTS })
/** Table paragraphs: single-spaced, no space after (the document's default paragraph spacing is for body text). */
const TIGHT = { before: 0, after: 0, line: 240 }

/**
 * A report table as a native Word table in APA style: horizontal rules only (thick above the header and below
 * the last row, thin under the header and above total rows), the header rows repeated on every page, rows never
 * split across pages, text left-aligned, numbers right-aligned on the decimal mark (`alignDecimals`).
 *
 * @example
 * const table = docxTable(docx, reportTable, doc, 9070)
 */
export const docxTable = (docx: Docx, table: ReportTable, doc: ReportDocument, width: number) => {
  const mark = doc.decimal === "comma" ? "," : "."
  const texts = table.rows.map((r) => r.cells.map((c) => cellText(c, doc.decimal)))
  // number cells of each column, padded so that their decimal marks line up
  const padded = Array.from({ length: Math.max(0, ...texts.map((r) => r.length)) }, (_, j) => {
    // means (2 decimals) are right-aligned apart: padding the counts and percents of their column to 2 decimals
    // would push them off the column in LibreOffice
    const rows = table.rows.flatMap((r, i) =>
      r.cells[j] !== undefined && r.cells[j].format !== "text" && r.cells[j].format !== "mean" ? [i] : []
    )
    const aligned = alignDecimals(rows.map((i) => texts[i][j]), mark)
    return new Map(rows.map((i, k) => [i, aligned[k]]))
  })
  // widths from the padded numbers, so that a count padded to a column of means does not wrap its padding
  const widths = columnWidths(table, texts.map((r, i) => r.map((s, j) => padded[j]?.get(i) ?? s)), width)
  const headerCount = table.header.length
  const header = table.header.map((row, i) => {
    let col = 0
    const cells = row.map((c) => {
      const span = c.span ?? 1
      const w = widths.slice(col, col + span).reduce((a, b) => a + b, 0)
      col += span
      return new docx.TableCell({
        columnSpan: span,
        width: { size: w, type: docx.WidthType.DXA },
        verticalAlign: docx.VerticalAlignTable.BOTTOM,
        borders: {
          top: i === 0 ? rule(docx, 12) : NONE(docx),
          // a group header (span > 1) is underlined across its columns, as APA's spanners are
          bottom: i === headerCount - 1 || (span > 1 && c.text !== "") ? rule(docx, 6) : NONE(docx),
          left: NONE(docx),
          right: NONE(docx)
        },
        children: [
          new docx.Paragraph({
            alignment: docx.AlignmentType.CENTER,
            keepNext: true,
            spacing: TIGHT,
            children: [run(docx, c.text.normalize("NFC"))]
          })
        ]
      })
    })
    return new docx.TableRow({ tableHeader: true, cantSplit: true, children: cells })
  })
  const last = table.rows.length - 1
  const body = table.rows.map((r, i) => {
    const total = r.kind === "total"
    const firstTotal = total && table.rows[i - 1]?.kind !== "total"
    return new docx.TableRow({
      cantSplit: true,
      children: r.cells.map((c: Cell, j) => {
        const number = c.format !== "text"
        const s = (number ? padded[j].get(i) ?? texts[i][j] : texts[i][j]).normalize("NFC")
        return new docx.TableCell({
          width: { size: widths[j], type: docx.WidthType.DXA },
          borders: {
            top: firstTotal ? rule(docx, 4) : NONE(docx),
            bottom: i === last ? rule(docx, 12) : NONE(docx),
            left: NONE(docx),
            right: NONE(docx)
          },
          children: [
            new docx.Paragraph({
              spacing: TIGHT,
              alignment: number ? docx.AlignmentType.RIGHT : docx.AlignmentType.LEFT,
              children: [run(docx, s, total)]
            })
          ]
        })
      })
    })
  })
  return new docx.Table({
    rows: [...header, ...body],
    width: { size: width, type: docx.WidthType.DXA },
    columnWidths: widths,
    layout: docx.TableLayoutType.FIXED,
    borders: docx.TableBorders.NONE,
    margins: { left: CELL_PAD, right: CELL_PAD, top: 20, bottom: 20 }
  })
}
