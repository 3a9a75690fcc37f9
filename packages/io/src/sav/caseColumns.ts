import { SYSTEM_MISSING } from "@danvan/domain"
import { CODE, NUMERIC, type SlotPlan, STRING } from "./caseSlots.js"
import type { SavVariable } from "./variables.js"

const EMPTY_F64 = new Float64Array(0)
const EMPTY_U8 = new Uint8Array(0)
const EMPTY_I32 = new Int32Array(0)

/**
 * The column buffers the case loop writes into: Float64 numbers, Int32 codes or string bytes (spaces
 * beforehand) per variable, grown by doubling, with per-slot views so that the loop indexes by slot. `count`
 * is the number of complete cases.
 *
 * @example
 * const columns = new CaseColumns(variables, plan, asCodes, 200)
 * columns.numberBySlot[0][columns.count] = 1.5
 */
export class CaseColumns {
  count = 0
  capacity: number
  numbers: Array<Float64Array | undefined>
  codes: Array<Int32Array | undefined>
  strings: Array<Uint8Array | undefined>
  numberBySlot: Array<Float64Array> = []
  codeBySlot: Array<Int32Array> = []
  stringBySlot: Array<Uint8Array> = []
  private readonly widths: ReadonlyArray<number>

  constructor(
    variables: ReadonlyArray<SavVariable>,
    private readonly plan: SlotPlan,
    asCodes: ReadonlyArray<boolean> | undefined,
    capacity: number
  ) {
    this.capacity = capacity
    this.widths = variables.map((v) => v.width)
    this.numbers = variables.map((
      v,
      k
    ) => (v.width === 0 && asCodes?.[k] !== true ? new Float64Array(capacity) : undefined))
    this.codes = variables.map((
      v,
      k
    ) => (v.width === 0 && asCodes?.[k] === true ? new Int32Array(capacity) : undefined))
    this.strings = variables.map((v) => (v.width > 0 ? new Uint8Array(capacity * v.width).fill(32) : undefined))
    this.views()
  }

  /** Doubles every buffer, keeping what it holds. */
  grow(): void {
    const capacity = (this.capacity *= 2)
    const copy = <A extends Float64Array | Int32Array | Uint8Array>(a: A | undefined, make: () => A) => {
      if (a === undefined) return a
      const g = make()
      g.set(a)
      return g
    }
    this.numbers = this.numbers.map((a) => copy(a, () => new Float64Array(capacity)))
    this.codes = this.codes.map((a) => copy(a, () => new Int32Array(capacity)))
    this.strings = this.strings.map((a, k) => copy(a, () => new Uint8Array(capacity * this.widths[k]).fill(32)))
    this.views()
  }

  /** A value that is not an integer code: the slot's variable becomes Float64 numbers from here on. */
  demote(slot: number): void {
    const t = this.plan.target[slot]
    const old = this.codes[t]!
    const values = new Float64Array(this.capacity)
    for (let i = 0; i < this.count; i++) values[i] = old[i] === SYSTEM_MISSING ? NaN : old[i]
    this.numbers[t] = values
    this.codes[t] = undefined
    this.plan.kind[slot] = NUMERIC
    this.views()
  }

  /** The buffers cut to the complete cases. */
  finish(): {
    caseCount: number
    numbers: Array<Float64Array | undefined>
    codes: Array<Int32Array | undefined>
    strings: Array<Uint8Array | undefined>
  } {
    const n = this.count
    return {
      caseCount: n,
      numbers: this.numbers.map((a) => (a === undefined || a.length === n ? a : a.slice(0, n))),
      codes: this.codes.map((a) => (a === undefined || a.length === n ? a : a.slice(0, n))),
      strings: this.strings.map((
        a,
        k
      ) => (a === undefined || a.length === n * this.widths[k] ? a : a.slice(0, n * this.widths[k])))
    }
  }

  /** Per-slot views of the column buffers, rebuilt when they grow or a code column becomes numeric. */
  private views(): void {
    const { kind, target } = this.plan
    this.numberBySlot = Array.from(target, (t, j) => (kind[j] === NUMERIC ? this.numbers[t]! : EMPTY_F64))
    this.codeBySlot = Array.from(target, (t, j) => (kind[j] === CODE ? this.codes[t]! : EMPTY_I32))
    this.stringBySlot = Array.from(target, (t, j) => (kind[j] === STRING ? this.strings[t]! : EMPTY_U8))
  }
}
