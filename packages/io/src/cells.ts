import { SYSTEM_MISSING } from "@danvan/domain"

const isBlankChar = (c: number): boolean => c === 32 || c === 9 || c === 160

/**
 * Start of `text.slice(start, end)` once leading spaces, tabs and no-break spaces are skipped.
 *
 * @example
 * trimStart("  7", 0, 3) // 2
 */
export const trimStart = (text: string, start: number, end: number): number => {
  while (start < end && isBlankChar(text.charCodeAt(start))) start++
  return start
}

/**
 * End of `text.slice(start, end)` once trailing spaces, tabs and no-break spaces are dropped.
 *
 * @example
 * trimEnd("7  ", 0, 3) // 1
 */
export const trimEnd = (text: string, start: number, end: number): number => {
  while (end > start && isBlankChar(text.charCodeAt(end - 1))) end--
  return end
}

const MAX_CODE = 2147483647

/**
 * Reads an integer code from `text.slice(start, end)` without allocating. Accepted: optional surrounding
 * spaces, an optional sign, decimal digits, and an all-zero fraction as SPSS and Excel exports write
 * integral values (`3.0`, `3.00`; with `decimalComma` also `3,0`). Rejected: other fractions (`1.5`),
 * exponents (`1e3`), thousands separators, a bare sign or point, and anything outside the Int32 range
 * (|code| ≤ 2147483647; −2147483648 is `SYSTEM_MISSING`).
 *
 * Returns `SYSTEM_MISSING` for a blank cell, `NaN` for an invalid one, the code otherwise.
 *
 * @example
 * parseCode(" 3.00 ", 0, 6, false) // 3
 * parseCode("1.5", 0, 3, false)    // NaN
 * parseCode("", 0, 0, false)       // SYSTEM_MISSING
 */
export const parseCode = (text: string, start: number, end: number, decimalComma: boolean): number => {
  let i = trimStart(text, start, end)
  const j = trimEnd(text, i, end)
  if (i === j) return SYSTEM_MISSING
  let c = text.charCodeAt(i)
  const negative = c === 45
  if (c === 45 || c === 43) i++
  const firstDigit = i
  let value = 0
  while (i < j && (c = text.charCodeAt(i)) >= 48 && c <= 57) {
    value = value * 10 + (c - 48)
    if (value > MAX_CODE) return NaN
    i++
  }
  if (i === firstDigit) return NaN
  if (i < j && (c === 46 || (c === 44 && decimalComma))) {
    i++
    const firstZero = i
    while (i < j && text.charCodeAt(i) === 48) i++
    if (i === firstZero) return NaN
  }
  if (i < j) return NaN
  return negative ? -value : value
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/

/**
 * Reads a finite number from `text.slice(start, end)`: plain decimal notation with an optional exponent
 * (`1.25`, `-3`, `.5`, `1.2E-3`); with `decimalComma` a single comma may stand for the point (`1,25`) when
 * the cell has no point. Not accepted: thousands separators, `NaN`, `Infinity`, hex, or values that
 * overflow to infinity.
 *
 * Returns `NaN` for a blank cell (system-missing), `undefined` for an invalid one.
 *
 * @example
 * parseNumber(" 1,25", 0, 5, true)  // 1.25
 * parseNumber("1,25", 0, 4, false)  // undefined
 * parseNumber("", 0, 0, false)      // NaN
 */
export const parseNumber = (text: string, start: number, end: number, decimalComma: boolean): number | undefined => {
  const i = trimStart(text, start, end)
  const j = trimEnd(text, i, end)
  if (i === j) return NaN
  let s = text.slice(i, j)
  if (decimalComma && !s.includes(".")) {
    const comma = s.indexOf(",")
    if (comma >= 0 && s.indexOf(",", comma + 1) < 0) s = s.slice(0, comma) + "." + s.slice(comma + 1)
  }
  if (!NUMBER.test(s)) return undefined
  const value = Number(s)
  return Number.isFinite(value) ? value : undefined
}
