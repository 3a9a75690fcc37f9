import type { CheckReport } from "@danvan/analysis"

/**
 * The findings of `checkData` as an Excel workbook: sheet "findings" (level, code, check, variable, message,
 * number of cases, the case IDs), sheet "cases" (one row per finding and case, for filtering). exceljs loads only
 * here.
 *
 * @example
 * await writeFile("check.xlsx", await renderCheckXlsx(report))
 */
export const renderCheckXlsx = async (report: CheckReport): Promise<Uint8Array> => {
  const ExcelJS = (await import("exceljs")).default
  const wb = new ExcelJS.Workbook()
  wb.creator = "danvan"
  const who = report.idVariable ?? "row"
  const findings = wb.addWorksheet("findings")
  findings.addRow(["level", "code", "check", "variable", "message", "cases", who])
  const cases = wb.addWorksheet("cases")
  cases.addRow(["level", "code", "check", "variable", who])
  for (const f of report.findings) {
    const ids = f.ids.join(", ") + (f.count > f.ids.length ? ", …" : "")
    findings.addRow([f.level, f.code, f.check, f.variable ?? null, f.message, f.count, ids])
    for (const id of f.ids) cases.addRow([f.level, f.code, f.check, f.variable ?? null, id])
  }
  findings.getRow(1).font = { bold: true }
  cases.getRow(1).font = { bold: true }
  return new Uint8Array(await wb.xlsx.writeBuffer())
}
