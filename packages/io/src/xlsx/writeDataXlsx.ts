import { type Codebook, type Dataset, SYSTEM_MISSING } from "@danvan/domain"

/**
 * A dataset as an Excel workbook that `readXlsx` reads back: sheet "data" (a header row of variable names, one
 * respondent a row, blanks for system-missing), then, with a codebook, sheets "variables" (name, label vi/en,
 * kind, user-missing codes) and "values" (name, code, label vi/en). exceljs is loaded only here.
 *
 * @example
 * await writeFile("clean.xlsx", await writeDataXlsx(dataset, codebook))
 */
export const writeDataXlsx = async (dataset: Dataset, codebook: Codebook | undefined): Promise<Uint8Array> => {
  const ExcelJS = (await import("exceljs")).default
  const wb = new ExcelJS.Workbook()
  wb.creator = "danvan"
  const data = wb.addWorksheet("data")
  data.addRow(dataset.columns.map((c) => c.name))
  for (let r = 0; r < dataset.rowCount; r++) {
    data.addRow(
      dataset.columns.map((c) => {
        const x = c.values[r]!
        return x === SYSTEM_MISSING || Number.isNaN(x) ? null : x
      })
    )
  }
  if (codebook !== undefined) {
    const variables = wb.addWorksheet("variables")
    variables.addRow(["name", "label_vi", "label_en", "kind", "missing"])
    const values = wb.addWorksheet("values")
    values.addRow(["name", "code", "label_vi", "label_en"])
    for (const v of codebook.variables) {
      const missing = [...v.missing.values.map(String), ...v.missing.ranges.map((g) => `${g.low} thru ${g.high}`)].join(
        ", "
      )
      variables.addRow([v.name, v.label.vi, v.label.en, v.kind, missing])
      for (const l of v.values) values.addRow([v.name, l.code, l.label.vi, l.label.en])
    }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer())
}
