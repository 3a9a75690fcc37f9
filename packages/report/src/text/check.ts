import type { CheckReport } from "@danvan/analysis"

/**
 * The findings of `checkData` as plain text, one finding a line with its level, count and case IDs, then a
 * summary line.
 *
 * @example
 * renderCheckText(report)
 * // "ERROR   age outside 18 to 60 [1 case; id: 5]\n6 rows checked: 1 error-level finding"
 */
export const renderCheckText = (report: CheckReport): string => {
  const who = report.idVariable !== undefined ? report.idVariable : "row"
  const lines = report.findings.map((f) => {
    const ids = f.ids.join(", ") + (f.count > f.ids.length ? ", …" : "")
    return `${f.level.toUpperCase().padEnd(7)} ${f.message} [${f.count} case${
      f.count === 1 ? "" : "s"
    }; ${who}: ${ids}]`
  })
  const errors = `${report.errors} error-level finding${report.errors === 1 ? "" : "s"}`
  return [...lines, `${report.rows} rows checked: ${errors}`].join("\n")
}
