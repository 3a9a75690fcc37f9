import type { Excerpt } from "@danvan/domain"
import type { Element } from "@xmldom/xmldom"
import { describe, expect, it } from "vitest"
import {
  alignDecimals,
  buildPlanReport,
  buildPublishedReport,
  cellText,
  chartsOf,
  renderDocx,
  renderHtml,
  renderMarkdown,
  type ReportDocument,
  tablesOf
} from "../src/index.js"
import { openDocx, outOfOrder, parse, textOf, W, wAll, wAttr, wChildren } from "./docx.js"
import { examplePlanResult, publishedResult } from "./helpers.js"

const TIMEOUT_MS = 60_000
const unpad = (s: string) => s.replace(/[\u2007\u2008]/g, "")
const styleOf = (p: Element) =>
  wAll(p, "pStyle")[0]?.getAttributeNS("http://schemas.openxmlformats.org/wordprocessingml/2006/main", "val") ?? ""
const previousElement = (node: Element): Element | null => {
  let n = node.previousSibling
  while (n !== null && n.nodeType !== 1) n = n.previousSibling
  return n as Element | null
}

/** Every table of the document against the report's tables: caption, header rows, cells, rules. */
const checkTables = async (doc: ReportDocument, bytes: Uint8Array) => {
  const { document } = await openDocx(bytes)
  const tables = tablesOf(doc)
  const tbls = wAll(document, "tbl")
  expect(tables.length).toBeGreaterThan(3)
  expect(tbls.length).toBe(tables.length)
  const word = doc.lang === "vi" ? "Bảng" : "Table"
  tables.forEach((table, i) => {
    const tbl = tbls[i]
    const caption = previousElement(tbl)!
    expect(styleOf(caption)).toBe("Caption")
    // a title's own number ("Bảng 1. …" from a plan written after the paper) gives way to the document's
    expect(textOf(caption)).toBe(`${word} ${i + 1}. ${table.title.replace(/^(Bảng|Table)\s+\d+[.:]\s*/u, "")}`)
    const rows = wChildren(tbl, "tr")
    expect(rows.length).toBe(table.header.length + table.rows.length)
    // the header rows repeat on every page; no row splits across a page break
    rows.forEach((tr, r) => {
      expect(wAll(tr, "tblHeader").length).toBe(r < table.header.length ? 1 : 0)
      expect(wAll(tr, "cantSplit").length).toBe(1)
    })
    table.header.forEach((h, r) => {
      expect(wChildren(rows[r], "tc").map(textOf)).toEqual(h.map((c) => c.text))
      expect(wChildren(rows[r], "tc").map((tc) => Number(wAttr(wAll(tc, "gridSpan")[0], "val") ?? 1))).toEqual(
        h.map((c) => c.span ?? 1)
      )
    })
    table.rows.forEach((row, r) => {
      const tcs = wChildren(rows[table.header.length + r], "tc")
      expect(tcs.map((tc) => unpad(textOf(tc)))).toEqual(row.cells.map((c) => cellText(c, doc.decimal)))
      // numbers right-aligned (on the decimal mark), text left-aligned
      expect(tcs.map((tc) => wAttr(wAll(tc, "jc")[0], "val"))).toEqual(
        row.cells.map((c) => (c.format === "text" ? "left" : "right"))
      )
    })
    // APA: horizontal rules only; a thick rule above the header and under the last row
    const ruleElements = [...wAll(tbl, "tcBorders"), ...wAll(tbl, "tblBorders")].flatMap((b) =>
      Array.from(b.childNodes) as Array<Element>
    )
    const vertical = ruleElements.filter((b) =>
      b.localName === "left" || b.localName === "right" || b.localName === "insideV"
    )
    expect(vertical.length).toBeGreaterThan(0)
    expect(new Set(vertical.map((b) => wAttr(b, "val")))).toEqual(new Set(["none"]))
    const borders = (tr: Element, side: string) => wChildren(tr, "tc").map((tc) => wAttr(wAll(tc, side)[0], "val"))
    expect(new Set(borders(rows[0], "top"))).toEqual(new Set(["single"]))
    expect(new Set(borders(rows[rows.length - 1], "bottom"))).toEqual(new Set(["single"]))
    // notes under the table, "Note." / "Ghi chú." first
    let next = tbl.nextSibling as Element | null
    for (const note of table.notes) {
      while (next !== null && next.nodeType !== 1) next = next.nextSibling as Element | null
      expect(textOf(next!)).toBe(`${doc.lang === "vi" ? "Ghi chú" : "Note"}. ${note}`)
      next = next!.nextSibling as Element | null
    }
  })
}

describe("renderDocx", () => {
  const vi = buildPlanReport(examplePlanResult(), { lang: "vi", suppressBelow: 20 })
  const en = buildPublishedReport(publishedResult(), { lang: "en" })

  it(
    "every XML part is well-formed; every table is a native Word table matching the report cell by cell (vi, disclosure control)",
    async () => {
      const bytes = await renderDocx(vi)
      const { parts, names } = await openDocx(bytes)
      expect(parts.size).toBeGreaterThan(10)
      expect(names).toContain("word/document.xml")
      // property elements in the schema's order (Word rejects a document otherwise): document, styles, footers
      const checked = ["word/document.xml", "word/styles.xml", ...names.filter((n) => /^word\/footer\d+\.xml$/.test(n))]
      for (const name of checked) expect(outOfOrder(parts.get(name)!), name).toEqual([])
      await checkTables(vi, bytes)
    },
    TIMEOUT_MS
  )

  it("the published tables in English: captions Table n., notes, tests", async () => {
    await checkTables(en, await renderDocx(en))
  }, TIMEOUT_MS)

  it("charts are native Word charts (chart parts with their workbooks) with alt text listing the values", async () => {
    const bytes = await renderDocx(en)
    const { names, part, raw, document } = await openDocx(bytes)
    const charts = chartsOf(en)
    expect(charts.length).toBe(4)
    const chartParts = names.filter((n) => /^word\/charts\/chart\d+\.xml$/.test(n)).sort()
    expect(chartParts.length).toBe(charts.length)
    for (const name of chartParts) {
      const xml = part(name)
      expect(xml.getElementsByTagNameNS("http://schemas.openxmlformats.org/drawingml/2006/chart", "barChart").length)
        .toBe(1)
    }
    expect(names.filter((n) => /^word\/embeddings\/.+\.xlsx$/.test(n)).length).toBe(charts.length)
    expect(raw.get("[Content_Types].xml")).toContain(
      "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
    )
    const docPr = Array.from(
      document.getElementsByTagNameNS("http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing", "docPr")
    )
    expect(docPr.length).toBe(charts.length)
    charts.forEach((c, i) => {
      const descr = docPr[i].getAttribute("descr") ?? ""
      expect(descr).toContain(c.chart.data.title.en)
      if (c.chart.type === "histogram") {
        expect(descr).toContain(c.chart.data.variable.en)
        return
      }
      const first = c.chart.type === "grouped-bar" ? c.chart.data.items[0] : c.chart.data.rows[0]
      expect(descr).toContain(`${first.label.en}: `)
      expect(descr).toContain(`${first.percents[0].toFixed(1)}%`)
    })
    // figure captions above the charts
    const captions = wAll(document, "p").filter((p) => styleOf(p) === "Caption").map(textOf)
    expect(captions.filter((c) => c.startsWith("Figure ")).length).toBe(charts.length)
  }, TIMEOUT_MS)

  it(
    "Heading 1 per section (a table of contents can be inserted), Title, A4 pages, page numbers, Times New Roman, NFC Vietnamese",
    async () => {
      const { document, part, raw, names } = await openDocx(await renderDocx(vi))
      const styles = wAll(document, "p").map(styleOf)
      expect(styles.filter((s) => s === "Title").length).toBe(1)
      const headings = wAll(document, "p").filter((p) => styleOf(p) === "Heading1").map(textOf)
      expect(headings).toEqual([
        ...vi.sections.map((s) => s.heading.replace(/^(Bảng|Table|Hình|Figure|Biểu đồ)\s+\d+[.:]\s*/iu, "")),
        "Ghi chú"
      ])
      // Heading 1 is a real heading style: outline level 0, so Word's table of contents picks it up
      const heading1 = wAll(part("word/styles.xml"), "style").find((s) => wAttr(s, "styleId") === "Heading1")!
      expect(wAttr(wAll(heading1, "outlineLvl")[0], "val")).toBe("0")
      const sizes = wAll(document, "pgSz")
      expect(sizes.length).toBeGreaterThan(0)
      for (const s of sizes) {
        const [w, h] = [Number(wAttr(s, "w")), Number(wAttr(s, "h"))]
        expect([w, h].sort((a, b) => a - b)).toEqual([11906, 16838])
        expect(wAttr(s, "orient") === "landscape").toBe(w > h)
      }
      // the wide tables (multiple response, Likert) are on landscape pages
      expect(sizes.some((s) => wAttr(s, "orient") === "landscape")).toBe(true)
      const footers = names.filter((n) => /^word\/footer\d+\.xml$/.test(n))
      expect(footers.length).toBeGreaterThan(0)
      for (const f of footers) {
        const instr = wAll(part(f), "instrText").map((i) => (i.textContent ?? "").trim())
        expect(instr).toEqual(expect.arrayContaining(["PAGE", "NUMPAGES"]))
        expect(textOf(wAll(part(f), "p")[0])).toContain("Trang")
      }
      const defaults = wAll(wAll(part("word/styles.xml"), "docDefaults")[0], "rFonts")[0]
      expect(wAttr(defaults, "ascii")).toBe("Times New Roman")
      expect(wAttr(defaults, "hAnsi")).toBe("Times New Roman")
      const texts = wAll(document, "t").map((t) => t.textContent ?? "")
      expect(texts.join("")).toContain("Cấp cán bộ")
      for (const t of texts) expect(t).toBe(t.normalize("NFC"))
      expect(raw.get("word/document.xml")!.normalize("NFC")).toBe(raw.get("word/document.xml"))
    },
    TIMEOUT_MS
  )

  it(
    "--detail apa leaves out the tests tables; excerpts follow the section's table with their attribution",
    async () => {
      const quotes: Array<Excerpt> = [
        {
          row: 2,
          text: "Công tác dân vận ngày càng đổi mới.",
          theme: "content",
          attributes: { sex: "nam", role: "cán bộ cơ sở Đảng", age: "45" }
        },
        {
          row: 3,
          text: "Các chính sách đôi khi chưa phù hợp.",
          theme: "difficulty",
          attributes: { sex: "nữ", role_vi: "cán bộ Đảng", role_en: "Party cadre", age: "44" }
        }
      ]
      const full = buildPlanReport(examplePlanResult(), { lang: "vi" })
      const apa = buildPlanReport(examplePlanResult(), {
        lang: "vi",
        detail: "apa",
        excerpts: { "table4-difficulty": quotes }
      })
      const fullIds = tablesOf(full).map((t) => t.id)
      expect(fullIds).toContain("table4-difficulty-tests")
      expect(tablesOf(apa).map((t) => t.id)).toEqual(fullIds.filter((id) => id !== "table4-difficulty-tests"))
      const { document } = await openDocx(await renderDocx(apa))
      expect(wAll(document, "tbl").length).toBe(fullIds.length - 1)
      const paragraphs = wAll(document, "p").map(textOf)
      const at = paragraphs.indexOf("“Công tác dân vận ngày càng đổi mới.” (Nam, cán bộ cơ sở Đảng, 45 tuổi).")
      expect(at).toBeGreaterThan(0)
      expect(paragraphs[at + 1]).toBe("“Các chính sách đôi khi chưa phù hợp.” (Nữ, cán bộ Đảng, 44 tuổi).")
      // after the table's last row and notes, before the APA sentences
      const section = apa.sections.find((s) => s.id === "table4-difficulty")!
      expect(section.blocks.map((b) => b.kind)).toEqual(["table", "excerpts", "apa", "chart"])
      const en2 = buildPlanReport(examplePlanResult(), { lang: "en", excerpts: { "table4-difficulty": quotes } })
      const block = en2.sections.find((s) => s.id === "table4-difficulty")!.blocks.find((b) => b.kind === "excerpts")
      expect(block?.kind === "excerpts" ? block.excerpts.map((x) => x.attribution) : []).toEqual([
        "Male, cán bộ cơ sở Đảng, 45 years old",
        "Female, Party cadre, 44 years old"
      ])
      // the HTML and Markdown reports print them too
      expect(await renderHtml(apa)).toContain(
        "<blockquote class=\"excerpt\"><p>“Các chính sách đôi khi chưa phù hợp.”</p><footer>(Nữ, cán bộ Đảng, 44 tuổi)</footer></blockquote>"
      )
      expect(renderMarkdown(apa)).toContain(
        "> _“Công tác dân vận ngày càng đổi mới.”_ (Nam, cán bộ cơ sở Đảng, 45 tuổi)"
      )
    },
    TIMEOUT_MS
  )
})

describe("the schema-order check", () => {
  it("finds children out of order, unknown or repeated", () => {
    const xml = `<w:document xmlns:w="${W}"><w:p><w:pPr><w:jc w:val="left"/><w:spacing/><w:nonsense/></w:pPr></w:p>` +
      `<w:tbl><w:tblPr><w:tblW/><w:tblW/></w:tblPr></w:tbl></w:document>`
    expect(outOfOrder(parse(xml, "test"))).toEqual([
      "pPr: spacing after jc",
      "pPr: unknown nonsense",
      "tblPr: tblW twice"
    ])
  })
})

describe("alignDecimals", () => {
  it("pads shorter fractions with figure spaces so that decimal marks line up under right alignment", () => {
    expect(alignDecimals(["28,3", "100", "—", "", "4,125"], ",")).toEqual([
      "28,3\u2007\u2007",
      "100\u2008\u2007\u2007\u2007",
      "—\u2008\u2007\u2007\u2007",
      "",
      "4,125"
    ])
    expect(alignDecimals(["< .001", ".023"], ".")).toEqual(["< .001", ".023"])
    expect(alignDecimals(["12", "7"], ".")).toEqual(["12", "7"])
  })
})
