import type { ReportDocument } from "../document.js"
import { type ChromiumOptions, offlinePage, withChromium } from "./chromium.js"
import { renderHtml } from "./html.js"

/** Options of `renderPdf`: the Chromium to print with. */
export type PdfOptions = ChromiumOptions

const footerTemplate = (lang: ReportDocument["lang"]) =>
  `<div style="width:100%;font-family:'DejaVu Sans',sans-serif;font-size:8pt;color:#444;text-align:center;">` +
  `${lang === "vi" ? "Trang" : "Page"} <span class="pageNumber"></span> / <span class="totalPages"></span></div>`

/**
 * The HTML report printed to PDF by the system Chromium (playwright-core, nothing downloaded): A4 landscape (the
 * HTML's print rules: header rows repeat, tables and charts are not split), "Trang n / N" / "Page n / N" in the
 * footer, backgrounds printed, offline.
 *
 * @example
 * await writeFile("report.pdf", await renderPdf(doc))
 */
export const renderPdf = async (doc: ReportDocument, options: PdfOptions = {}): Promise<Uint8Array> => {
  const html = await renderHtml(doc)
  return withChromium(options, async (browser) => {
    const page = await offlinePage(browser)
    await page.setContent(html, { waitUntil: "load" })
    const pdf = await page.pdf({
      format: "A4",
      landscape: true,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: "<div></div>",
      footerTemplate: footerTemplate(doc.lang),
      margin: { top: "12mm", bottom: "16mm", left: "12mm", right: "12mm" },
      tagged: true,
      outline: true
    })
    return new Uint8Array(pdf)
  })
}
