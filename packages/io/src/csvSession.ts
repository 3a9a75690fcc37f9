import { makeDataset } from "@danvan/domain"
import * as Either from "effect/Either"
import { planColumns } from "./columnPlan.js"
import { DatasetBuilder } from "./datasetBuilder.js"
import { DataFileError, type IoWarning } from "./errors.js"
import { ProblemCollector } from "./problems.js"
import { sniffNonCsv } from "./sniff.js"
import type { CsvReadOptions, CsvReadResult } from "./types.js"

const NEEDS_ROWS = "a header row and at least one data row"

/**
 * What a CSV read carries from the first bytes to the result, shared by `readCsv` (whole text) and
 * `readCsvStream` (chunks): the problems, the warnings, the dataset builder and the final checks.
 *
 * @example
 * const session = new CsvSession({ fileName: "s.csv" })
 * const builder = session.builder(",", 2)
 * scanCsv("level\n1\n2\n", ",", builder)
 * session.finish(builder, "utf-8", ",") // Right({ dataset, encoding: "utf-8", delimiter: ",", warnings: [] })
 */
export class CsvSession {
  readonly problems: ProblemCollector
  readonly warnings: Array<IoWarning> = []

  constructor(readonly options: CsvReadOptions) {
    this.problems = new ProblemCollector(options.maxProblems)
  }

  /** The DataFileError with the problems so far. */
  fail(): Either.Either<never, DataFileError> {
    return Either.left(
      new DataFileError({
        file: this.options.fileName,
        problems: this.problems.kept,
        totalProblems: this.problems.total
      })
    )
  }

  /** Records a problem when the first bytes show a binary or UTF-16 file; true when they do. */
  rejectsNonCsv(firstBytes: Uint8Array): boolean {
    const nonCsv = sniffNonCsv(firstBytes)
    if (nonCsv === undefined) return false
    this.problems.add({
      row: 1,
      column: "",
      value: `the file looks like ${nonCsv}`,
      expected: "a CSV text file (UTF-8 or windows-1258)"
    })
    return true
  }

  /** Adds warnings (decoding, delimiter) with the file name in front. */
  warn(code: IoWarning["code"], message: string): void {
    this.warnings.push({ code, message: `${this.options.fileName}: ${message}` })
  }

  /** The builder that decodes the records into columns, sized for `rowsHint` data rows. */
  builder(delimiter: string, rowsHint: number): DatasetBuilder {
    return new DatasetBuilder(
      this.problems,
      delimiter !== ",",
      (names) => {
        const plan = planColumns(names, this.options)
        plan.problems.forEach((p) => this.problems.add(p))
        this.warnings.push(...plan.warnings)
        return plan.columns
      },
      rowsHint
    )
  }

  /** The result once every record has been scanned: the dataset, or every problem found. */
  finish(
    builder: DatasetBuilder,
    encoding: "utf-8" | "windows-1258" | "tcvn3" | "vni",
    delimiter: string
  ): Either.Either<CsvReadResult, DataFileError> {
    if (builder.plan === undefined) {
      this.problems.add({ row: 1, column: "", value: "the file is empty", expected: NEEDS_ROWS })
    } else if (builder.dataRecords === 0) {
      this.problems.add({
        row: 1,
        column: "",
        value: "the file has a header row but no data rows",
        expected: NEEDS_ROWS
      })
    }
    if (this.problems.total > 0 || builder.buffers === undefined) return this.fail()
    const dataset = makeDataset(
      builder.buffers.columns(builder.rowCount),
      this.options.codebook?.id,
      builder.typing.map((t) => ({ ...t, file: this.options.fileName }))
    )
    return Either.right({ dataset, encoding, delimiter, warnings: this.warnings })
  }
}
