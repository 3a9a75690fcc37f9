// Writes xlsform.xlsx (sheets survey, choices, settings) and kobo-labels.xlsx (a KoboToolbox XLSX export with
// label headers) from the JSON tables make-kobo.py writes. Run from the repo root or packages/io.
import { readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import ExcelJS from "exceljs"

const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "test", "fixtures", "kobo")
const write = async (file, sheets) => {
  const workbook = new ExcelJS.Workbook()
  workbook.created = new Date(Date.UTC(2024, 2, 5))
  workbook.modified = workbook.created
  for (const [name, rows] of sheets) {
    const sheet = workbook.addWorksheet(name)
    for (const row of rows) sheet.addRow(row.map((c) => (c === "" ? null : c)))
  }
  await workbook.xlsx.writeFile(join(dir, file))
}
const form = JSON.parse(readFileSync(join(dir, "xlsform.table.json"), "utf8"))
await write("xlsform.xlsx", [["survey", form.survey], ["choices", form.choices], ["settings", form.settings]])
const labels = JSON.parse(readFileSync(join(dir, "kobo-labels.table.json"), "utf8"))
await write("kobo-labels.xlsx", [["Khảo sát cán bộ dân vận", [labels.header, ...labels.rows]]])
