import { SYSTEM_MISSING } from "@danvan/domain"

/**
 * Cell parsers on ASCII bytes, for the byte scanner's fast path (`scanPlainBytes`): they handle the common
 * forms only and return "not handled" for anything else, which the caller then parses from a string with
 * `parseCode` / `parseNumber` (same result, same problem messages). So they never decide that a cell is bad.
 */

const SPACE = 32
const TAB = 9
const MAX_CODE = 2147483647
/** 10^k for k = 0..22: exactly representable doubles. */
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`))

const isPad = (c: number): boolean => c === SPACE || c === TAB

/**
 * An integer code from `bytes[start, end)`: optional spaces, an optional sign, digits, an optional all-zero
 * fraction after a point (`3.00`). `SYSTEM_MISSING` for a blank cell; NaN when not of that form (the string
 * path decides: a decimal comma, an NBSP, a bad value).
 *
 * @example
 * parseCodeBytes(new TextEncoder().encode(" 3.0 "), 0, 5) // 3
 */
export const parseCodeBytes = (bytes: Uint8Array, start: number, end: number): number => {
  let i = start
  let j = end
  while (i < j && isPad(bytes[i])) i++
  while (j > i && isPad(bytes[j - 1])) j--
  if (i === j) return SYSTEM_MISSING
  let c = bytes[i]
  const negative = c === 45
  if (c === 45 || c === 43) i++
  const firstDigit = i
  let value = 0
  while (i < j && (c = bytes[i]) >= 48 && c <= 57) {
    value = value * 10 + (c - 48)
    if (value > MAX_CODE) return NaN
    i++
  }
  if (i === firstDigit) return NaN
  if (i < j && c === 46) {
    i++
    const firstZero = i
    while (i < j && bytes[i] === 48) i++
    if (i === firstZero) return NaN
  }
  if (i < j) return NaN
  return negative ? -value : value
}

/**
 * A number from `bytes[start, end)` in plain decimal notation with at most 15 significant digits and no
 * exponent (`1.25`, `-3`, `.5`, `2.`): the digits as an integer divided by a power of ten, both exact doubles,
 * so the quotient is the correctly rounded value, the same double as `Number(text)`. NaN for a blank cell;
 * undefined when not of that form (the string path decides).
 *
 * @example
 * parseNumberBytes(new TextEncoder().encode("1.125"), 0, 5) // 1.125
 */
export const parseNumberBytes = (bytes: Uint8Array, start: number, end: number): number | undefined => {
  let i = start
  let j = end
  while (i < j && isPad(bytes[i])) i++
  while (j > i && isPad(bytes[j - 1])) j--
  if (i === j) return NaN
  let c = bytes[i]
  const negative = c === 45
  if (c === 45 || c === 43) i++
  let mantissa = 0
  let digits = 0
  let fraction = 0
  let point = false
  let sawDigit = false
  for (; i < j; i++) {
    c = bytes[i]
    if (c >= 48 && c <= 57) {
      sawDigit = true
      if (mantissa !== 0 || c !== 48) digits++
      mantissa = mantissa * 10 + (c - 48)
      if (point) fraction++
    } else if (c === 46 && !point) point = true
    else return undefined
  }
  // a bare sign or point, or too many digits for an exact integer mantissa
  if (!sawDigit || digits > 15 || fraction > 22) return undefined
  const value = fraction === 0 ? mantissa : mantissa / POW10[fraction]
  return negative ? -value : value
}
