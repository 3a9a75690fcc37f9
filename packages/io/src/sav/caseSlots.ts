import { SavFormatError } from "./cursor.js"
import type { SavVariable } from "./variables.js"

/** What an 8-byte slot of a case holds. */
export const NUMERIC = 0
export const STRING = 1
export const CODE = 2

/**
 * What each 8-byte slot of a case holds, as parallel arrays indexed by slot: its kind (`NUMERIC`, `STRING`,
 * `CODE`), the variable it belongs to, and for string slots where its bytes go inside the variable's value
 * and how many of its 8 bytes are text.
 *
 * @example
 * const plan = slotPlan(variables, undefined)
 * plan.slotCount // 8-byte values per case
 */
export interface SlotPlan {
  readonly slotCount: number
  readonly kind: Uint8Array
  /** Variable index. */
  readonly target: Int32Array
  /** Byte offset inside the variable's value. */
  readonly destination: Int32Array
  /** Bytes of the slot that belong to the value. */
  readonly length: Uint8Array
  /** Per slot: the width of its variable (0 for numeric). */
  readonly stringWidth: Int32Array
}

/**
 * Lays the variables' segments out over the slots of a case. A segment pointing past the last slot is a
 * `SavFormatError`.
 *
 * @example
 * slotPlan([{ name: "level", width: 0, segments: [{ slot: 0, slots: 1, used: 8 }], ... }], [true]).kind
 * // Uint8Array [2] (CODE)
 */
export const slotPlan = (
  variables: ReadonlyArray<SavVariable>,
  asCodes: ReadonlyArray<boolean> | undefined
): SlotPlan => {
  let slotCount = 0
  for (const v of variables) for (const s of v.segments) slotCount += s.slots
  const kind = new Uint8Array(slotCount)
  const target = new Int32Array(slotCount)
  const destination = new Int32Array(slotCount)
  const length = new Uint8Array(slotCount)
  variables.forEach((v, index) => {
    let at = 0
    for (const s of v.segments) {
      for (let k = 0; k < s.slots; k++) {
        const slot = s.slot + k
        if (slot >= slotCount) {
          throw new SavFormatError(0, `variable ${v.name} at slot ${slot}`, `slots below ${slotCount}`)
        }
        kind[slot] = v.width > 0 ? STRING : asCodes?.[index] === true ? CODE : NUMERIC
        target[slot] = index
        const used = v.width === 0 ? 8 : Math.max(0, Math.min(8, s.used - 8 * k, v.width - at))
        destination[slot] = at
        length[slot] = used
        at += used
      }
    }
  })
  const stringWidth = Int32Array.from(target, (t) => variables[t].width)
  return { slotCount, kind, target, destination, length, stringWidth }
}
