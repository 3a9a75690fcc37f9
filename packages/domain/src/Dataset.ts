/**
 * Decoded respondent rows stored by column. Categorical answers are small integer codes in an Int32Array
 * (a blank cell is `SYSTEM_MISSING`); numeric variables such as weights are a Float64Array (a blank is NaN).
 * Columns keep the order of the source file.
 */
export const SYSTEM_MISSING = -2147483648

export type Column =
  | { readonly name: string; readonly type: "codes"; readonly values: Int32Array }
  | { readonly name: string; readonly type: "numeric"; readonly values: Float64Array }

/**
 * Why a reader typed a column that no codebook describes as something other than integer codes: the first
 * cell that is not one (`row` counts the header as 1). Text and date columns are not in `columns`; they are
 * listed so that an analysis asking for one can say what it holds.
 */
export interface ColumnTyping {
  readonly name: string
  readonly type: "numeric" | "text" | "date"
  readonly row: number
  readonly value: string
  /** The file the column was read from, for messages. */
  readonly file?: string
}

export interface Dataset {
  readonly rowCount: number
  readonly columns: ReadonlyArray<Column>
  /** Id of the codebook the rows were checked against, when there was one. */
  readonly codebookId?: string
  /** Columns typed by the reader from their contents (decimals, text, dates), when there are any. */
  readonly typing?: ReadonlyArray<ColumnTyping>
}

/**
 * Builds a dataset; every column must have the same length. `typing` lists the columns a reader typed from
 * their contents (see `ColumnTyping`).
 *
 * @example
 * makeDataset([{ name: "level", type: "codes", values: Int32Array.of(1, 2, 3) }])
 */
export const makeDataset = (
  columns: ReadonlyArray<Column>,
  codebookId?: string,
  typing?: ReadonlyArray<ColumnTyping>
): Dataset => {
  const rowCount = columns.length === 0 ? 0 : columns[0].values.length
  for (const c of columns) {
    if (c.values.length !== rowCount) {
      throw new Error(`column "${c.name}" has ${c.values.length} rows, expected ${rowCount}`)
    }
  }
  return {
    rowCount,
    columns,
    ...(codebookId !== undefined ? { codebookId } : {}),
    ...(typing !== undefined && typing.length > 0 ? { typing } : {})
  }
}

/**
 * The column called `name`, if the dataset has one.
 *
 * @example
 * getColumn(dataset, "w") // { name: "w", type: "numeric", values: Float64Array [1, 0.5] }
 */
export const getColumn = (dataset: Dataset, name: string): Column | undefined =>
  dataset.columns.find((c) => c.name === name)

/**
 * Column names in file order.
 *
 * @example
 * columnNames(dataset) // ["level", "w"]
 */
export const columnNames = (dataset: Dataset): Array<string> => dataset.columns.map((c) => c.name)
