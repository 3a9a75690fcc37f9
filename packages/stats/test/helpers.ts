import { readFileSync } from "node:fs"
import { expect } from "vitest"

/**
 * Asserts |actual - expected| <= tol * |expected|; when `expected` is 0 the bound is absolute (|actual| <= tol).
 * NaN matches only NaN, and infinities must be equal.
 */
export const expectRelClose = (actual: number, expected: number, tol: number, what = ""): void => {
  const label = what === "" ? "" : `${what}: `
  if (Number.isNaN(expected)) {
    expect(Number.isNaN(actual), `${label}expected NaN, got ${actual}`).toBe(true)
    return
  }
  if (!Number.isFinite(expected)) {
    expect(actual, label).toBe(expected)
    return
  }
  const err = expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected)
  expect(err <= tol, `${label}actual ${actual}, expected ${expected}, relative error ${err} > ${tol}`).toBe(true)
}

/** expectRelClose on every element of a row-major array against a matrix (array of rows). */
export const expectMatrixClose = (
  actual: ArrayLike<number>,
  expected: ReadonlyArray<ReadonlyArray<number>>,
  tol: number,
  what = ""
): void => {
  const cols = expected[0].length
  expect(actual.length, `${what}: length`).toBe(expected.length * cols)
  for (let i = 0; i < expected.length; i++) {
    for (let j = 0; j < cols; j++) expectRelClose(actual[i * cols + j], expected[i][j], tol, `${what}[${i}][${j}]`)
  }
}

/** R's values for the named edge cases (scripts/references.R writes fixtures/references.json). */
export interface References {
  readonly chiSquareTail: ReadonlyArray<{ readonly x: number; readonly df: number; readonly p: number }>
  readonly normalUpperTail: ReadonlyArray<{ readonly z: number; readonly p: number }>
  readonly normalLogUpperTail38: number
  readonly normalTwoSided196: number
  readonly hugeCounts: { readonly counts: Array<Array<number>>; readonly statistic: number; readonly p: number }
  readonly strong2x2: { readonly counts: Array<Array<number>>; readonly statistic: number; readonly adjustedP: number }
}

/** Reads a JSON fixture from test/fixtures. */
export const readFixture = <A>(name: string): A =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8")) as A
