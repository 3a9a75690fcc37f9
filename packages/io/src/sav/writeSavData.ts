import { deflateSync } from "node:zlib"
import type { Dataset } from "@danvan/domain"
import { SYSTEM_MISSING } from "@danvan/domain"
import type { ByteWriter } from "./byteWriter.js"
import { type SavString, segmentOf } from "./writeStrings.js"

/** The compression bias of bytecode (and the value the header and the zlib trailer record). */
export const BIAS = 100
const ZLIB_BLOCK = 0x3ff000

/** The cases uncompressed: 8 bytes per number, each string's slots as they are. */
export const writeUncompressed = (w: ByteWriter, dataset: Dataset, strings: ReadonlyArray<SavString>) => {
  const { columns, rowCount } = dataset
  w.ensure(rowCount * columns.length * 8)
  for (let i = 0; i < rowCount; i++) {
    for (const c of columns) {
      const x = c.values[i]
      w.float64(
        c.type === "codes" ? (x === SYSTEM_MISSING ? -Number.MAX_VALUE : x) : Number.isNaN(x) ? -Number.MAX_VALUE : x
      )
    }
    for (const s of strings) w.raw(s.cells[i])
  }
}

/** Bytecode: blocks of 8 command bytes, each followed by the 8-byte values its 253 commands announce. */
export const writeBytecode = (w: ByteWriter, dataset: Dataset, strings: ReadonlyArray<SavString>) => {
  const { columns, rowCount } = dataset
  const codes = columns.map((c) => (c.type === "codes" ? c.values : undefined))
  const numbers = columns.map((c) => (c.type === "numeric" ? c.values : undefined))
  const raw: Array<number | Uint8Array> = []
  let command = -1
  let k = 8
  const flush = () => {
    for (const x of raw) {
      if (typeof x === "number") w.float64(x)
      else w.raw(x)
    }
    raw.length = 0
  }
  const put = (code: number, value: number | Uint8Array) => {
    if (k === 8) {
      flush()
      w.ensure(8 + 64)
      command = w.length
      for (let b = 0; b < 8; b++) w.byte(0)
      k = 0
    }
    w.patchByte(command + k++, code)
    if (code === 253) raw.push(value)
  }
  for (let i = 0; i < rowCount; i++) {
    for (let j = 0; j < columns.length; j++) {
      const c = codes[j]
      let x: number
      if (c !== undefined) {
        const v = c[i]
        if (v === SYSTEM_MISSING) {
          put(255, 0)
          continue
        }
        x = v
      } else {
        x = numbers[j]![i]
        if (x !== x) {
          put(255, 0)
          continue
        }
      }
      if (x >= 1 - BIAS && x <= 251 - BIAS && Number.isInteger(x) && !Object.is(x, -0)) put(x + BIAS, 0)
      else put(253, x)
    }
    for (const s of strings) {
      for (let k = 0; k < s.slots; k++) {
        const { blank, bytes } = segmentOf(s.cells[i], k)
        if (blank) put(254, 0)
        else put(253, bytes)
      }
    }
  }
  put(252, 0)
  flush()
}

/** A zlib-compressed (.zsav) data section: the header, the deflated blocks of the bytecode stream, the trailer. */
export const writeZlib = (w: ByteWriter, stream: Uint8Array) => {
  const headerAt = w.length
  w.int64(headerAt)
  w.int64(0) // trailer offset, patched below
  w.int64(0) // trailer length
  const blocks: Array<{ uOfs: number; cOfs: number; uSize: number; cSize: number }> = []
  for (let at = 0; at < stream.length || (at === 0 && stream.length === 0); at += ZLIB_BLOCK) {
    const piece = stream.subarray(at, Math.min(stream.length, at + ZLIB_BLOCK))
    const deflated = deflateSync(piece)
    blocks.push({ uOfs: headerAt + at, cOfs: w.length, uSize: piece.length, cSize: deflated.length })
    w.raw(deflated)
    if (stream.length === 0) break
  }
  const trailerAt = w.length
  w.int64(-BIAS)
  w.int64(0)
  w.int32(ZLIB_BLOCK)
  w.int32(blocks.length)
  for (const b of blocks) {
    w.int64(b.uOfs)
    w.int64(b.cOfs)
    w.int32(b.uSize)
    w.int32(b.cSize)
  }
  w.patchInt64(headerAt + 8, trailerAt)
  w.patchInt64(headerAt + 16, w.length - trailerAt)
}
