import { SYSTEM_MISSING } from "@danvan/domain"
import { SavFormatError } from "./cursor.js"
import type { SavVariable } from "./variables.js"

/**
 * The cases of a file, by variable: an Int32Array for numeric variables read as codes (system-missing as
 * `SYSTEM_MISSING`), a Float64Array for other numeric variables (system-missing as NaN) and, per string
 * variable, its raw bytes (`width` bytes a case, segments already joined) for decoding afterwards.
 *
 * @example
 * const { caseCount, numbers, strings } = readCases(stream, options)
 */
export interface RawCases {
  readonly caseCount: number
  readonly numbers: Array<Float64Array | undefined>
  readonly codes: Array<Int32Array | undefined>
  readonly strings: Array<Uint8Array | undefined>
}

/**
 * Options of `readCases`: where the data is, how it is compressed, and how offsets map back to the file
 * (`offsetBase`; for .zsav the stream is inflated and offsets are reported within it).
 *
 * @example
 * const options: CaseOptions = { start: 4518, compressed: true, bias: 100, little: true, sysmis: -Number.MAX_VALUE, declaredCases: 200, where: "" }
 */
export interface CaseOptions {
  readonly start: number
  readonly compressed: boolean
  readonly bias: number
  readonly little: boolean
  readonly sysmis: number
  /** -1 when unknown. */
  readonly declaredCases: number
  /** Prefix for offsets in messages ("" for the file itself, "in the inflated zlib data, " for .zsav). */
  readonly where: string
  /**
   * Per variable: read straight into Int32 codes. A value that is not an integer code turns the variable
   * back into Float64 numbers (its codes so far converted), so the hint is only a fast path.
   */
  readonly asCodes?: ReadonlyArray<boolean>
}

const NUMERIC = 0
const STRING = 1
const CODE = 2
const MAX_CODE = 2147483647

/**
 * Decodes the case data (uncompressed or bytecode) into columns, one pass over the bytes with no object per
 * case. A case cut short by the end of the data is a `SavFormatError`; a missing end-of-data code is not
 * (several writers omit it).
 *
 * @example
 * const cases = readCases(bytes, variables, { start: dictionary.dataOffset, compressed: false, bias: 100, little: true, sysmis, declaredCases: 200, where: "" })
 */
export const readCases = (bytes: Uint8Array, variables: ReadonlyArray<SavVariable>, options: CaseOptions): RawCases => {
  // The plan: what each 8-byte slot of a case holds.
  let slotCount = 0
  for (const v of variables) for (const s of v.segments) slotCount += s.slots
  const kind = new Uint8Array(slotCount)
  const target = new Int32Array(slotCount) // variable index
  const destination = new Int32Array(slotCount) // byte offset inside the variable's value
  const length = new Uint8Array(slotCount) // bytes of the slot that belong to the value
  const widths = variables.map((v) => v.width)
  variables.forEach((v, index) => {
    let at = 0
    for (const s of v.segments) {
      for (let k = 0; k < s.slots; k++) {
        const slot = s.slot + k
        if (slot >= slotCount) throw new SavFormatError(0, `variable ${v.name} at slot ${slot}`, `slots below ${slotCount}`)
        kind[slot] = v.width > 0 ? STRING : options.asCodes?.[index] === true ? CODE : NUMERIC
        target[slot] = index
        const used = v.width === 0 ? 8 : Math.max(0, Math.min(8, s.used - 8 * k, v.width - at))
        destination[slot] = at
        length[slot] = used
        at += used
      }
    }
  })

  const { start, compressed, bias, little, sysmis, where } = options
  const end = bytes.length
  const dataBytes = Math.max(0, end - start)
  // Never trust the declared count for allocation: a compressed case needs at least one command byte per
  // slot, an uncompressed one 8 bytes per slot.
  const maxCases = Math.floor(compressed ? dataBytes / slotCount : dataBytes / (8 * slotCount)) + 1
  let capacity = Math.max(16, Math.min(options.declaredCases >= 0 ? options.declaredCases : 1024, maxCases))
  let numbers: Array<Float64Array | undefined> = variables.map((v, k) => (v.width === 0 && options.asCodes?.[k] !== true ? new Float64Array(capacity) : undefined))
  let codes: Array<Int32Array | undefined> = variables.map((v, k) => (v.width === 0 && options.asCodes?.[k] === true ? new Int32Array(capacity) : undefined))
  let strings: Array<Uint8Array | undefined> = variables.map((v) => (v.width > 0 ? new Uint8Array(capacity * v.width).fill(32) : undefined))
  const grow = () => {
    capacity *= 2
    numbers = numbers.map((a) => {
      if (a === undefined) return a
      const g = new Float64Array(capacity)
      g.set(a)
      return g
    })
    codes = codes.map((a) => {
      if (a === undefined) return a
      const g = new Int32Array(capacity)
      g.set(a)
      return g
    })
    strings = strings.map((a, k) => {
      if (a === undefined) return a
      const g = new Uint8Array(capacity * widths[k]).fill(32)
      g.set(a)
      return g
    })
    views()
  }
  /** Per-slot views of the column buffers, rebuilt when they grow or a code column becomes numeric. */
  const views = () => {
    numberBySlot = Array.from(target, (t, j) => (kind[j] === NUMERIC ? numbers[t]! : EMPTY_F64))
    codeBySlot = Array.from(target, (t, j) => (kind[j] === CODE ? codes[t]! : EMPTY_I32))
    stringBySlot = Array.from(target, (t, j) => (kind[j] === STRING ? strings[t]! : EMPTY_U8))
  }
  const EMPTY_F64 = new Float64Array(0)
  const EMPTY_U8 = new Uint8Array(0)
  const EMPTY_I32 = new Int32Array(0)
  let numberBySlot: Array<Float64Array> = []
  let codeBySlot: Array<Int32Array> = []
  let stringBySlot: Array<Uint8Array> = []
  views()
  /** A value that is not an integer code: the variable becomes Float64 numbers from here on. */
  const demote = (slot: number) => {
    const t = target[slot]
    const old = codes[t]!
    const values = new Float64Array(capacity)
    for (let i = 0; i < cases; i++) values[i] = old[i] === SYSTEM_MISSING ? NaN : old[i]
    numbers[t] = values
    codes[t] = undefined
    kind[slot] = NUMERIC
    views()
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const stringWidth = Int32Array.from(target, (t) => widths[t])

  let cases = 0
  let pos = start
  const finish = (): RawCases => ({
    caseCount: cases,
    numbers: numbers.map((a) => (a === undefined || a.length === cases ? a : a.slice(0, cases))),
    codes: codes.map((a) => (a === undefined || a.length === cases ? a : a.slice(0, cases))),
    strings: strings.map((a, k) => (a === undefined || a.length === cases * widths[k] ? a : a.slice(0, cases * widths[k])))
  })
  const midCase = (slot: number, what: string): never => {
    throw new SavFormatError(
      pos,
      `${where}the data ends inside case ${cases + 1} at variable ${variables[target[slot]].name}${what}`,
      `${slotCount} values per case (${cases} complete case${cases === 1 ? "" : "s"} read)`,
      cases + 1
    )
  }

  if (!compressed) {
    const caseBytes = 8 * slotCount
    while (pos < end) {
      if (pos + caseBytes > end) midCase(Math.floor((end - pos) / 8), "")
      if (cases === capacity) grow()
      for (let j = 0; j < slotCount; j++, pos += 8) {
        const slotKind = kind[j]
        if (slotKind === CODE) {
          const v = view.getFloat64(pos, little)
          if (v === sysmis) codeBySlot[j][cases] = SYSTEM_MISSING
          else if (Number.isInteger(v) && v >= -MAX_CODE && v <= MAX_CODE) codeBySlot[j][cases] = v
          else {
            demote(j)
            numberBySlot[j][cases] = v
          }
        } else if (slotKind === NUMERIC) {
          const v = view.getFloat64(pos, little)
          numberBySlot[j][cases] = v === sysmis ? NaN : v
        } else {
          const n = length[j]
          if (n > 0) stringBySlot[j].set(bytes.subarray(pos, pos + n), cases * stringWidth[j] + destination[j])
        }
      }
      cases++
    }
    return finish()
  }

  let command = 0 // where the current block of 8 command bytes is
  let k = 8 // next command in the block; 8 = read a new block
  outer: for (;;) {
    for (let j = 0; j < slotCount; j++) {
      let code: number
      do {
        if (k === 8) {
          if (pos + 8 > end) {
            if (j === 0 && pos === end) break outer
            midCase(j, pos === end ? "" : " (an incomplete block of compression codes)")
          }
          command = pos
          pos += 8
          k = 0
        }
        code = bytes[command + k++]
      } while (code === 0)
      if (code === 252) {
        if (j === 0) break outer
        midCase(j, " (the end-of-data code)")
      }
      // Grow only once a case has really begun, so a file that fills the buffer exactly is not copied.
      if (j === 0 && cases === capacity) grow()
      const slotKind = kind[j]
      if (slotKind === CODE) {
        if (code < 252) codeBySlot[j][cases] = code - bias
        else if (code === 253) {
          if (pos + 8 > end) midCase(j, "")
          const v = view.getFloat64(pos, little)
          pos += 8
          if (v === sysmis) codeBySlot[j][cases] = SYSTEM_MISSING
          else if (Number.isInteger(v) && v >= -MAX_CODE && v <= MAX_CODE) codeBySlot[j][cases] = v
          else {
            demote(j)
            numberBySlot[j][cases] = v
          }
        } else codeBySlot[j][cases] = SYSTEM_MISSING
      } else if (slotKind === NUMERIC) {
        let v: number
        if (code === 253) {
          if (pos + 8 > end) midCase(j, "")
          v = view.getFloat64(pos, little)
          pos += 8
          if (v === sysmis) v = NaN
        } else if (code >= 254) v = NaN // 255 system-missing; 254 (spaces) is not a number
        else v = code - bias
        numberBySlot[j][cases] = v
      } else if (code === 253) {
        if (pos + 8 > end) midCase(j, "")
        const n = length[j]
        if (n > 0) stringBySlot[j].set(bytes.subarray(pos, pos + n), cases * stringWidth[j] + destination[j])
        pos += 8
      }
      // Any other code in a string slot stands for eight spaces (254), which the buffer already holds.
    }
    cases++
  }
  return finish()
}
