import type { Column } from "@danvan/domain"

/**
 * A column's values as the bytes stored in SQLite (the typed array's own little-endian layout).
 *
 * @example
 * columnBytes({ name: "level", type: "codes", values: Int32Array.of(1, 2) }).byteLength // 8
 */
export const columnBytes = (column: Column): Uint8Array => new Uint8Array(column.values.buffer, column.values.byteOffset, column.values.byteLength)

/**
 * A stored column back as a typed array (copied, so the array is aligned whatever the blob's offset).
 *
 * @example
 * columnFromBytes("level", "codes", new Uint8Array(Int32Array.of(1, 2).buffer)).values // Int32Array [1, 2]
 */
export const columnFromBytes = (name: string, type: string, bytes: Uint8Array): Column => {
  // new Uint8Array(view) copies into a fresh, exactly sized ArrayBuffer (a Node Buffer's .slice() would not copy,
  // and its .buffer may be a larger shared pool).
  const copy = new Uint8Array(bytes).buffer
  return type === "numeric" ? { name, type: "numeric", values: new Float64Array(copy) } : { name, type: "codes", values: new Int32Array(copy) }
}
