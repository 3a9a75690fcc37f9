import type { Block, ReportDocument, ReportExcerpt, ReportSection, ReportTable } from "../document.js"
import { t } from "../i18n.js"
import { chartTitle, docxChart } from "./docxChart.js"
import { docxTable, TABLE_FONT_HALF_POINTS } from "./docxTable.js"

type Docx = typeof import("docx")
type Charts = typeof import("docx/charts")
type Child = InstanceType<Docx["Paragraph"]> | InstanceType<Docx["Table"]>

/** A4 in twips (1/20 pt): 210 x 297 mm. */
export const A4 = { width: 11906, height: 16838 } as const
/** 2.5 cm margins, as Vietnamese theses and the APA manual set them. */
const MARGIN = 1418
/** The default font: Times New Roman, which Vietnamese academic writing expects and which covers Vietnamese. */
export const DOCX_FONT = "Times New Roman"
/** A table wider than this many columns is set on a landscape page. */
const PORTRAIT_MAX_COLUMNS = 8

/** Options of `renderDocx`. */
export interface DocxOptions {
  /** The default font of the document (default Times New Roman). */
  readonly font?: string
}

const columnsOf = (table: ReportTable) =>
  table.rows[0]?.cells.length ?? table.header[0]?.reduce((a, c) => a + (c.span ?? 1), 0) ?? 0
const isWide = (s: ReportSection) =>
  s.blocks.some((b) => b.kind === "table" && columnsOf(b.table) > PORTRAIT_MAX_COLUMNS)

interface Counter {
  table: number
  figure: number
}

/** A title's own "Bảng 3." / "Table 3:" (a plan written after a paper) gives way to the document's numbering. */
const ownNumber = /^(Bảng|Table|Hình|Figure|Biểu đồ)\s+\d+[.:]\s*/iu

/** "Bảng 1. Title" / "Table 1. Title": the number bold, the title italic, Caption style, kept with the table. */
const caption = (docx: Docx, word: string, n: number, title: string) =>
  new docx.Paragraph({
    style: "Caption",
    keepNext: true,
    keepLines: true,
    children: [
      new docx.TextRun({ text: `${word} ${n}. `, bold: true, italics: false }),
      new docx.TextRun({ text: title.normalize("NFC").replace(ownNumber, ""), italics: true })
    ]
  })

const note = (docx: Docx, lang: ReportDocument["lang"], text: string) =>
  new docx.Paragraph({
    spacing: { before: 40, after: 40 },
    children: [
      new docx.TextRun({
        text: `${lang === "en" ? "Note" : "Ghi chú"}. `,
        italics: true,
        size: TABLE_FONT_HALF_POINTS
      }),
      new docx.TextRun({ text: text.normalize("NFC"), size: TABLE_FONT_HALF_POINTS })
    ]
  })

const excerpt = (docx: Docx, x: ReportExcerpt) =>
  new docx.Paragraph({
    indent: { left: 567, right: 567 },
    spacing: { before: 80, after: 80 },
    alignment: docx.AlignmentType.JUSTIFIED,
    children: [
      new docx.TextRun({ text: `“${x.text.normalize("NFC")}”`, italics: true }),
      new docx.TextRun({ text: ` (${x.attribution.normalize("NFC")}).` })
    ]
  })

const para = (docx: Docx, text: string, after = 80) =>
  new docx.Paragraph({ spacing: { after }, children: [new docx.TextRun(text.normalize("NFC"))] })
const heading1 = (docx: Docx, text: string) =>
  new docx.Paragraph({
    heading: docx.HeadingLevel.HEADING_1,
    keepNext: true,
    // a plan's "Bảng 2. …" heading would disagree with the document's own numbering of the captions below it
    children: [new docx.TextRun(text.replace(ownNumber, "").normalize("NFC"))]
  })

const blockChildren = (
  docx: Docx,
  charts: Charts,
  b: Block,
  doc: ReportDocument,
  width: number,
  n: Counter
): Array<Child> => {
  const word = (vi: string, en: string) => (doc.lang === "vi" ? vi : en)
  switch (b.kind) {
    case "table":
      n.table += 1
      return [
        caption(docx, word("Bảng", "Table"), n.table, b.table.title),
        docxTable(docx, b.table, doc, width),
        ...b.table.notes.map((x) => note(docx, doc.lang, x))
      ]
    case "text":
      return [new docx.Paragraph({ children: [new docx.TextRun(b.text.normalize("NFC"))] })]
    case "apa":
      return b.sentences.map((s) => para(docx, s))
    case "chart":
      n.figure += 1
      return [
        caption(docx, word("Hình", "Figure"), n.figure, chartTitle(b.chart, doc.lang)),
        new docx.Paragraph({ keepLines: true, children: [docxChart(charts, b.chart, doc)] })
      ]
    case "excerpts":
      return b.excerpts.map((x) => excerpt(docx, x))
  }
}

// docx swaps width and height itself for a landscape page: both are given as the portrait sheet's.
const pageOf = (docx: Docx, landscape: boolean) => ({
  size: {
    width: A4.width,
    height: A4.height,
    orientation: landscape ? docx.PageOrientation.LANDSCAPE : docx.PageOrientation.PORTRAIT
  },
  margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: 709, footer: 709 }
})

const footer = (docx: Docx, lang: ReportDocument["lang"]) =>
  new docx.Footer({
    children: [
      new docx.Paragraph({
        alignment: docx.AlignmentType.CENTER,
        children: [
          new docx.TextRun({
            children: [lang === "vi" ? "Trang " : "Page ", docx.PageNumber.CURRENT, " / ", docx.PageNumber.TOTAL_PAGES]
          })
        ]
      })
    ]
  })

/**
 * The report as a Word document (.docx) for a thesis or an office report: A4 (sections with wide tables on
 * landscape pages), Times New Roman, real Heading 1 paragraphs (Word's "Insert table of contents" picks them up),
 * every table a native Word table in APA style with its caption ("Bảng 1." / "Table 1.") above and its notes under
 * it, APA sentences as text, charts as native, editable Word charts with alt text, interview excerpts indented
 * with their attribution, page numbers in the footer. The `docx` package is loaded only here.
 *
 * @example
 * await writeFile("report.docx", await renderDocx(doc))
 */
export const renderDocx = async (doc: ReportDocument, options: DocxOptions = {}): Promise<Uint8Array> => {
  const [docx, charts] = await Promise.all([import("docx"), import("docx/charts")])
  const font = options.font ?? DOCX_FONT
  const n: Counter = { table: 0, figure: 0 }
  // Consecutive report sections of the same orientation share one Word section (a new page only where it turns).
  const groups: Array<{ landscape: boolean; children: Array<Child> }> = []
  const title = [
    new docx.Paragraph({ heading: docx.HeadingLevel.TITLE, children: [new docx.TextRun(doc.title.normalize("NFC"))] }),
    new docx.Paragraph({
      spacing: { after: 240 },
      children: [new docx.TextRun({ text: doc.subtitle.normalize("NFC"), italics: true })]
    })
  ]
  doc.sections.forEach((s, i) => {
    const landscape = isWide(s)
    const width = (landscape ? A4.height : A4.width) - 2 * MARGIN
    const children: Array<Child> = [
      ...(i === 0 ? title : []),
      heading1(docx, s.heading),
      ...s.blocks.flatMap((b) => blockChildren(docx, charts, b, doc, width, n))
    ]
    const last = groups[groups.length - 1]
    if (last !== undefined && last.landscape === landscape) last.children.push(...children)
    else groups.push({ landscape, children })
  })
  const closing = [
    heading1(docx, t("notes", doc.lang)),
    ...doc.notes.map((x) => para(docx, x))
  ]
  if (groups.length === 0) groups.push({ landscape: false, children: title })
  groups[groups.length - 1].children.push(...closing)
  const language = doc.lang === "vi" ? "vi-VN" : "en-GB"
  // outline levels make the headings a table of contents' entries (Word: References > Table of Contents)
  const heading = (size: number, outlineLevel: number) => ({
    run: { font, size, bold: true, color: "000000" },
    paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, outlineLevel }
  })
  const document = new docx.Document({
    creator: "danvan",
    title: doc.title.normalize("NFC"),
    description: doc.subtitle.normalize("NFC"),
    styles: {
      default: {
        document: { run: { font, size: 24, language: { value: language } }, paragraph: { spacing: { after: 120 } } },
        title: { run: { font, size: 32, bold: true, color: "000000" }, paragraph: { spacing: { after: 120 } } },
        heading1: heading(28, 0),
        heading2: heading(26, 1),
        caption: { run: { font, size: 24, color: "000000" }, paragraph: { spacing: { before: 240, after: 80 } } }
      }
    },
    sections: groups.map((g) => ({
      properties: { page: pageOf(docx, g.landscape) },
      footers: { default: footer(docx, doc.lang) },
      children: g.children
    }))
  })
  return new Uint8Array(await docx.Packer.toBuffer(document))
}
