import { type Dataset, plainLabel } from "@danvan/domain"
import * as Effect from "effect/Effect"
import type { TextEncodingName } from "../decodeText.js"
import type { IoWarning } from "../errors.js"
import type { TextColumn } from "../sav/types.js"
import { csvTable, type TextTable, xlsxTable } from "./table.js"

/**
 * The text and date columns a plain CSV or .xlsx reader left out of the dataset (its `typing`), read again as
 * text (trimmed, NFC) and labelled with their headers, for writers such as `convert` to keep as .sav strings.
 * A column whose rows do not line up with the dataset's is left out, with a warning naming it.
 *
 * @example
 * const { textColumns } = yield* typedTextColumns(bytes, "csv", "survey.csv", read.dataset, {})
 */
export const typedTextColumns = (
  bytes: Uint8Array,
  format: "csv" | "xlsx",
  file: string,
  dataset: Dataset,
  options: { readonly sheet?: string; readonly encoding?: TextEncodingName }
): Effect.Effect<{ textColumns: ReadonlyArray<TextColumn>; warnings: ReadonlyArray<IoWarning> }> =>
  Effect.gen(function*() {
    const wanted = (dataset.typing ?? []).filter((t) => t.type !== "numeric").map((t) => t.name)
    if (wanted.length === 0) return { textColumns: [], warnings: [] }
    const table: TextTable | undefined = format === "csv"
      ? csvTable(bytes, options.encoding)
      : yield* Effect.orElseSucceed(xlsxTable(bytes, file, options.sheet), () => undefined)
    const textColumns: Array<TextColumn> = []
    const lost: Array<string> = []
    for (const name of wanted) {
      const k = table?.header.indexOf(name) ?? -1
      if (table === undefined || k < 0 || table.rows.length !== dataset.rowCount) {
        lost.push(name)
        continue
      }
      const values = table.rows.map((r) => (r.cells[k] ?? "").trim().normalize("NFC"))
      textColumns.push({ name, label: plainLabel(name.normalize("NFC")), values })
    }
    const warnings: Array<IoWarning> = lost.length === 0 ? [] : [{
      code: "TEXT_COLUMNS",
      message: `${file}: text columns ${lost.join(", ")} could not be read again as text and are left out`
    }]
    return { textColumns, warnings }
  })
