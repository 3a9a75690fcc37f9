import { SYSTEM_MISSING } from "@danvan/domain"
import { CaseColumns } from "./caseColumns.js"
import { CODE, NUMERIC, type SlotPlan, slotPlan } from "./caseSlots.js"
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
 * const options: CaseOptions = {
 *   start: 4518, compressed: true, bias: 100, little: true, sysmis: -Number.MAX_VALUE, declaredCases: 200, where: ""
 * }
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

const MAX_CODE = 2147483647

/** What the two case loops share: the bytes, the slot plan, the columns they fill and the read position. */
interface Reader {
  readonly bytes: Uint8Array
  readonly view: DataView
  readonly plan: SlotPlan
  readonly columns: CaseColumns
  readonly options: CaseOptions
  /** Ends the read with a `SavFormatError`: the data ends inside a case, at `slot`. */
  readonly midCase: (pos: number, slot: number, what: string) => never
}

/**
 * Decodes the case data (uncompressed or bytecode) into columns, one pass over the bytes with no object per
 * case. A case cut short by the end of the data is a `SavFormatError`; a missing end-of-data code is not
 * (several writers omit it).
 *
 * @example
 * const cases = readCases(bytes, variables, {
 *   start: dictionary.dataOffset, compressed: false, bias: 100, little: true, sysmis, declaredCases: 200, where: ""
 * })
 */
export const readCases = (bytes: Uint8Array, variables: ReadonlyArray<SavVariable>, options: CaseOptions): RawCases => {
  const plan = slotPlan(variables, options.asCodes)
  const columns = new CaseColumns(variables, plan, options.asCodes, initialCapacity(bytes, plan.slotCount, options))
  const midCase = (pos: number, slot: number, what: string): never => {
    const cases = columns.count
    throw new SavFormatError(
      pos,
      `${options.where}the data ends inside case ${cases + 1} at variable ${variables[plan.target[slot]].name}${what}`,
      `${plan.slotCount} values per case (${cases} complete case${cases === 1 ? "" : "s"} read)`,
      cases + 1
    )
  }
  const reader: Reader = {
    bytes,
    view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    plan,
    columns,
    options,
    midCase
  }
  if (options.compressed) readBytecode(reader)
  else readUncompressed(reader)
  return columns.finish()
}

/**
 * Buffer size to start with. Never trust the declared count for allocation: a compressed case needs at least
 * one command byte per slot, an uncompressed one 8 bytes per slot.
 */
const initialCapacity = (bytes: Uint8Array, slotCount: number, options: CaseOptions): number => {
  const dataBytes = Math.max(0, bytes.length - options.start)
  const maxCases = Math.floor(options.compressed ? dataBytes / slotCount : dataBytes / (8 * slotCount)) + 1
  return Math.max(16, Math.min(options.declaredCases >= 0 ? options.declaredCases : 1024, maxCases))
}

/**
 * Stores a full 8-byte value in a code slot: an integer code, system-missing, or else the column turns numeric
 * (then true: the caller's per-slot views are stale).
 */
const storeCode = (columns: CaseColumns, j: number, v: number, sysmis: number): boolean => {
  const cases = columns.count
  if (v === sysmis) columns.codeBySlot[j][cases] = SYSTEM_MISSING
  else if (Number.isInteger(v) && v >= -MAX_CODE && v <= MAX_CODE) columns.codeBySlot[j][cases] = v
  else {
    columns.demote(j)
    columns.numberBySlot[j][cases] = v
    return true
  }
  return false
}

/** Uncompressed data: every slot of every case is 8 bytes. */
const readUncompressed = ({ bytes, view, plan, columns, options, midCase }: Reader): void => {
  // locals: the loop compares every slot with them, and an imported binding may be a property read (vitest)
  const [CODE_SLOT, NUMERIC_SLOT] = [CODE, NUMERIC]
  const { kind, length, destination, stringWidth, slotCount } = plan
  const { little, sysmis } = options
  const end = bytes.length
  const caseBytes = 8 * slotCount
  let pos = options.start
  // the per-slot views, read again whenever the buffers grow or a code column turns numeric
  let { codeBySlot, numberBySlot, stringBySlot } = columns
  while (pos < end) {
    if (pos + caseBytes > end) midCase(pos, Math.floor((end - pos) / 8), "")
    if (columns.count === columns.capacity) {
      columns.grow()
      ;({ codeBySlot, numberBySlot, stringBySlot } = columns)
    }
    const cases = columns.count
    for (let j = 0; j < slotCount; j++, pos += 8) {
      const slotKind = kind[j]
      if (slotKind === CODE_SLOT) {
        const v = view.getFloat64(pos, little)
        if (v === sysmis) codeBySlot[j][cases] = SYSTEM_MISSING
        else if (Number.isInteger(v) && v >= -MAX_CODE && v <= MAX_CODE) codeBySlot[j][cases] = v
        else if (storeCode(columns, j, v, sysmis)) ({ codeBySlot, numberBySlot, stringBySlot } = columns)
      } else if (slotKind === NUMERIC_SLOT) {
        const v = view.getFloat64(pos, little)
        numberBySlot[j][cases] = v === sysmis ? NaN : v
      } else {
        const n = length[j]
        if (n > 0) stringBySlot[j].set(bytes.subarray(pos, pos + n), cases * stringWidth[j] + destination[j])
      }
    }
    columns.count++
  }
}

/**
 * Bytecode compression: blocks of 8 command bytes, each standing for one slot: 0 padding, 1-251 the number
 * `code - bias`, 252 end of data, 253 an 8-byte value follows, 254 eight spaces, 255 system-missing.
 */
const readBytecode = ({ bytes, view, plan, columns, options, midCase }: Reader): void => {
  // locals: the loop compares every slot with them, and an imported binding may be a property read (vitest)
  const [CODE_SLOT, NUMERIC_SLOT] = [CODE, NUMERIC]
  const { kind, length, destination, stringWidth, slotCount } = plan
  const { little, sysmis, bias } = options
  const end = bytes.length
  let pos = options.start
  let command = 0 // where the current block of 8 command bytes is
  let k = 8 // next command in the block; 8 = read a new block
  // the per-slot views, read again whenever the buffers grow or a code column turns numeric
  let { codeBySlot, numberBySlot, stringBySlot } = columns
  let cases = columns.count
  for (;;) {
    for (let j = 0; j < slotCount; j++) {
      let code: number
      do {
        if (k === 8) {
          if (pos + 8 > end) {
            if (j === 0 && pos === end) return
            midCase(pos, j, pos === end ? "" : " (an incomplete block of compression codes)")
          }
          command = pos
          pos += 8
          k = 0
        }
        code = bytes[command + k++]
      } while (code === 0)
      if (code === 252) {
        if (j === 0) return
        midCase(pos, j, " (the end-of-data code)")
      }
      // Grow only once a case has really begun, so a file that fills the buffer exactly is not copied.
      if (j === 0 && cases === columns.capacity) {
        columns.grow()
        ;({ codeBySlot, numberBySlot, stringBySlot } = columns)
      }
      const slotKind = kind[j]
      if (code === 253 && pos + 8 > end) midCase(pos, j, "")
      if (slotKind === CODE_SLOT) {
        if (code < 252) codeBySlot[j][cases] = code - bias
        else if (code === 253) {
          if (storeCode(columns, j, view.getFloat64(pos, little), sysmis)) {
            ;({ codeBySlot, numberBySlot, stringBySlot } = columns)
          }
          pos += 8
        } else codeBySlot[j][cases] = SYSTEM_MISSING
      } else if (slotKind === NUMERIC_SLOT) {
        let v: number
        if (code === 253) {
          v = view.getFloat64(pos, little)
          pos += 8
          if (v === sysmis) v = NaN
        } else if (code >= 254) v = NaN // 255 system-missing; 254 (spaces) is not a number
        else v = code - bias
        numberBySlot[j][cases] = v
      } else if (code === 253) {
        const n = length[j]
        if (n > 0) stringBySlot[j].set(bytes.subarray(pos, pos + n), cases * stringWidth[j] + destination[j])
        pos += 8
      }
      // Any other code in a string slot stands for eight spaces (254), which the buffer already holds.
    }
    columns.count = ++cases
  }
}
