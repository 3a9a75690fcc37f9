/**
 * Number formatting of reports. The decimal separator is chosen per report (`decimal: "comma"` is the
 * Vietnamese convention, 41,03; `"point"` is 41.03); the default is comma for Vietnamese and point for English.
 * No thousands separators (APA writes N = 1096 in tables of this kind, and a Vietnamese "." thousands
 * separator would be misread by English readers). JSON, CSV and XLSX keep the numbers themselves.
 */
export type Decimal = "comma" | "point"

/** What a table shows for a statistic that could not be computed. */
export const NOT_AVAILABLE = "—"

const finite = (x: number | null | undefined): x is number => typeof x === "number" && Number.isFinite(x)

/**
 * The default decimal separator of a language: comma for Vietnamese, point for English.
 *
 * @example
 * defaultDecimal("vi") // "comma"
 */
export const defaultDecimal = (lang: "vi" | "en"): Decimal => (lang === "vi" ? "comma" : "point")

const sep = (s: string, decimal: Decimal) => (decimal === "comma" ? s.replace(".", ",") : s)

/**
 * A number with fixed decimals and the chosen separator; `-0.0` shows as `0.0`, NaN as `—`.
 *
 * @example
 * fixed(41.0308, 2, "comma") // "41,03"
 */
export const fixed = (x: number | null | undefined, decimals: number, decimal: Decimal = "point"): string => {
  if (!finite(x)) return NOT_AVAILABLE
  let s = x.toFixed(decimals)
  if (/^-0\.?0*$/.test(s)) s = s.slice(1)
  return sep(s, decimal)
}

/**
 * APA 7 style for a value that cannot exceed 1 (p, Cramér's V, correlations): no leading zero, `.14`.
 * With a decimal comma the leading zero stays (`0,14`): a bare `,14` is unreadable in Vietnamese text.
 *
 * @example
 * coefficient(0.1368, 2) // ".14"
 */
export const coefficient = (x: number | null | undefined, decimals = 2, decimal: Decimal = "point"): string => {
  if (!finite(x)) return NOT_AVAILABLE
  const s = fixed(x, decimals, decimal)
  return decimal === "point" ? s.replace(/^(-?)0\./, "$1.") : s
}

/**
 * APA p-value without the `p`: exact to three decimals (`.023`), `< .001` below .001. Never `.000`.
 *
 * @example
 * formatP(2.6e-8) // "< .001"
 * formatP(0.0234) // ".023"
 */
export const formatP = (p: number | null | undefined, decimal: Decimal = "point"): string => {
  if (!finite(p)) return NOT_AVAILABLE
  if (p < 0.001 || Math.min(p, 1).toFixed(3) === "0.000") return `< ${coefficient(0.001, 3, decimal)}`
  return coefficient(Math.min(p, 1), 3, decimal)
}

/**
 * A p-value inside a sentence: `p < .001` or `p = .023`.
 *
 * @example
 * pClause(0.0234) // "p = .023"
 */
export const pClause = (p: number | null | undefined, decimal: Decimal = "point"): string => {
  const s = formatP(p, decimal)
  return s.startsWith("<") ? `p ${s}` : `p = ${s}`
}

/**
 * A count: integers as they are, weighted (fractional) counts with one decimal.
 *
 * @example
 * formatCount(1096) // "1096"
 */
export const formatCount = (x: number | null | undefined, decimal: Decimal = "point"): string => {
  if (!finite(x)) return NOT_AVAILABLE
  return Number.isInteger(x) ? String(x) : fixed(x, 1, decimal)
}

/**
 * Degrees of freedom: an integer, or two decimals for a fractional (Rao-Scott) df.
 *
 * @example
 * formatDf(3.4172) // "3.42"
 */
export const formatDf = (x: number | null | undefined, decimal: Decimal = "point"): string => {
  if (!finite(x)) return NOT_AVAILABLE
  return Number.isInteger(x) ? String(x) : fixed(x, 2, decimal)
}
