import type { Column } from "@danvan/domain"

/**
 * A column's values as the bytes stored in SQLite (the typed array's own little-endian layout).
 *
 * @example
 * columnBytes({ name: "level", type: "codes", values: Int32Array.of(1, 2) }).byteLength // 8
 */
export const columnBytes = (column: Column): Uint8Array =>
  new Uint8Array(column.values.buffer, column.values.byteOffset, column.values.byteLength)

/**
 * A stored column back as a typed array, copied into a SharedArrayBuffer of its own: aligned whatever the blob's
 * offset, and posted to an analysis worker without copying (workers only read it).
 *
 * @example
 * columnFromBytes("level", "codes", new Uint8Array(Int32Array.of(1, 2).buffer)).values // Int32Array [1, 2]
 */
export const columnFromBytes = (name: string, type: string, bytes: Uint8Array): Column => {
  // A fresh, exactly sized buffer (a Node Buffer's .buffer may be a larger pool shared with other data).
  const copy = new SharedArrayBuffer(bytes.byteLength)
  new Uint8Array(copy).set(bytes)
  return type === "numeric"
    ? { name, type: "numeric", values: new Float64Array(copy) }
    : { name, type: "codes", values: new Int32Array(copy) }
}
