// Writes microsoft-forms.xlsx from microsoft-forms.table.json (see make-fixtures.py): one sheet "Sheet1", as
// Microsoft Forms' "Open in Excel" gives. Run from packages/io: node scripts/forms/to-xlsx.mjs
import { readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import ExcelJS from "exceljs"

const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "test", "fixtures", "forms")
const table = JSON.parse(readFileSync(join(dir, "microsoft-forms.table.json"), "utf8"))
const workbook = new ExcelJS.Workbook()
workbook.created = new Date(Date.UTC(2024, 2, 5))
workbook.modified = workbook.created
const sheet = workbook.addWorksheet("Sheet1")
sheet.addRow(table.header)
for (const row of table.rows) sheet.addRow(row.map((c) => (c === "" ? null : c)))
await workbook.xlsx.writeFile(join(dir, "microsoft-forms.xlsx"))
