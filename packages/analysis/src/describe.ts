import {
  type BilingualLabel,
  type Codebook,
  type Dataset,
  findVariable,
  isUserMissing,
  SYSTEM_MISSING
} from "@danvan/domain"

/** One column of a dataset as metadata: how many cases are valid, blank (system-missing) or user-missing. */
export interface ColumnSummary {
  readonly name: string
  readonly type: "codes" | "numeric"
  /** The codebook's label, when the codebook describes the column. */
  readonly label?: BilingualLabel
  readonly valid: number
  readonly systemMissing: number
  readonly userMissing: number
}

/**
 * Per-column missing counts of a dataset (blank cells, and the codebook's user-missing codes): metadata that
 * shows no respondent-level value.
 *
 * @example
 * const dataset = makeDataset([{ name: "level", type: "codes", values: Int32Array.of(1, 9, SYSTEM_MISSING) }])
 * describeDataset(dataset, undefined)[0]
 * // { name: "level", type: "codes", valid: 2, systemMissing: 1, userMissing: 0 }
 */
export const describeDataset = (dataset: Dataset, codebook: Codebook | undefined): Array<ColumnSummary> =>
  dataset.columns.map((column) => {
    const variable = codebook !== undefined ? findVariable(codebook, column.name) : undefined
    let systemMissing = 0
    let userMissing = 0
    if (column.type === "codes") {
      for (const code of column.values) {
        if (code === SYSTEM_MISSING) systemMissing++
        else if (variable !== undefined && isUserMissing(variable.missing, code)) userMissing++
      }
    } else {
      for (const x of column.values) if (Number.isNaN(x)) systemMissing++
    }
    return {
      name: column.name,
      type: column.type,
      ...(variable !== undefined ? { label: variable.label } : {}),
      valid: dataset.rowCount - systemMissing - userMissing,
      systemMissing,
      userMissing
    }
  })
