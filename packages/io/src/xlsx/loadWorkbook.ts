import type { Workbook } from "exceljs"

/** Workbooks parsed from a byte array, so that the form-header check and the .xlsx reader parse it once. */
const parsed = new WeakMap<Uint8Array, Promise<Workbook>>()

/**
 * The exceljs workbook of `bytes`, parsed once per byte array (readers only read it; the entry goes with the
 * bytes). exceljs is loaded on first use. Rejects as exceljs does for bytes that are not a workbook.
 *
 * @example
 * const workbook = await loadWorkbook(bytes)
 * workbook.worksheets[0].name // "Form1"
 */
export const loadWorkbook = (bytes: Uint8Array): Promise<Workbook> => {
  const known = parsed.get(bytes)
  if (known !== undefined) return known
  const loading = (async () => {
    const ExcelJS = (await import("exceljs")).default
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never)
    return workbook
  })()
  parsed.set(bytes, loading)
  return loading
}
