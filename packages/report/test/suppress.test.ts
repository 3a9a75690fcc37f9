import { describe, expect, it } from "vitest"
import { determinedCells, matrixLines, suppressCells, suppressMatrix } from "../src/suppress.js"
import { protectedByEnumeration } from "./enumerate.js"

describe("disclosure control", () => {
  it("a lone small cell in a row is derivable by subtraction: determinedCells says so", () => {
    expect(determinedCells([[0, 1]], [true, false])).toEqual([true, false])
    expect(determinedCells([[0, 1]], [true, true])).toEqual([false, false])
  })

  it("counts below K are hidden, with secondary cells so that none is derivable (checked by enumeration)", () => {
    const cases: Array<{ counts: Array<Array<number>>; k: number }> = [
      { counts: [[2, 9, 7], [8, 6, 12], [11, 4, 9]], k: 5 },
      { counts: [[1, 9, 7, 8], [8, 6, 12, 5], [11, 14, 9, 3]], k: 3 },
      { counts: [[12, 0, 7], [8, 16, 12]], k: 1 },
      { counts: [[3, 10], [10, 12]], k: 4 },
      { counts: [[6, 2, 8], [9, 7, 2], [5, 6, 7]], k: 3 }
    ]
    for (const { counts, k } of cases) {
      const hidden = suppressMatrix(counts, k)
      // primary: every count below K is hidden
      counts.forEach((row, i) => row.forEach((v, j) => v < k && expect(hidden[i][j]).toBe(true)))
      // every row and column with a hidden cell has at least two
      hidden.forEach((row) => expect(row.filter(Boolean).length).not.toBe(1))
      hidden[0].forEach((_, j) => expect(hidden.filter((row) => row[j]).length).not.toBe(1))
      // and no hidden value can be recovered at all
      expect(protectedByEnumeration(counts, hidden).every(Boolean)).toBe(true)
    }
  })

  it("a cycle of hidden cells that leaves one determined is repaired (two 2x2 blocks joined by one cell)", () => {
    // Rows 0-1 x cols 0-1 and rows 2-3 x cols 2-3 hidden, plus cell (1,2) bridging them: (1,2) is derivable.
    const hidden = [
      [true, true, false, false],
      [true, true, true, false],
      [false, false, true, true],
      [false, false, true, true]
    ].flat()
    const d = determinedCells(matrixLines(4, 4), hidden)
    expect(d[1 * 4 + 2]).toBe(true)
    const counts = [[1, 1, 20, 30], [1, 1, 1, 40], [25, 35, 1, 1], [33, 22, 1, 1]]
    const repaired = suppressCells(counts.flat(), matrixLines(4, 4), 2)
    expect(determinedCells(matrixLines(4, 4), repaired).some(Boolean)).toBe(false)
  })

  it("nothing is hidden when every count reaches K", () => {
    expect(suppressMatrix([[66, 209, 35], [158, 177, 41]], 10).flat().some(Boolean)).toBe(false)
  })
})
