import { fileURLToPath } from "node:url"
import fc from "fast-check"
import * as E from "fp-ts/lib/Either.js"
import { concatAll } from "fp-ts/lib/Monoid.js"
import ts from "typescript"
import { describe, expect, it } from "vitest"
import * as fp from "../src/fp-ts/index.js"
import * as core from "../src/index.js"

const shape = fc.record({ rows: fc.integer({ min: 1, max: 5 }), cols: fc.integer({ min: 1, max: 5 }) })
// whole-number counts, as counted on shards (the laws are exact for them)
const tableOf = (rows: number, cols: number) =>
  fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: rows * cols, maxLength: rows * cols })
    .map((xs): core.ContingencyTable => ({ rows, cols, counts: Float64Array.from(xs) }))
const same = (a: core.ContingencyTable, b: core.ContingencyTable) =>
  a.rows === b.rows && a.cols === b.cols && a.counts.every((x, k) => Object.is(x, b.counts[k]))
const PARAMS = { numRuns: 200, seed: 7 }

describe("contingencyTableMonoid: the monoid laws", () => {
  it("associativity: concat(concat(x, y), z) = concat(x, concat(y, z))", () => {
    fc.assert(
      fc.property(
        shape.chain(({ rows, cols }) =>
          fc.tuple(fc.constant({ rows, cols }), tableOf(rows, cols), tableOf(rows, cols), tableOf(rows, cols))
        ),
        ([{ rows, cols }, x, y, z]) => {
          const M = fp.contingencyTableMonoid(rows, cols)
          return same(M.concat(M.concat(x, y), z), M.concat(x, M.concat(y, z)))
        }
      ),
      PARAMS
    )
  })

  it("identity: concat(empty, x) = x = concat(x, empty)", () => {
    fc.assert(
      fc.property(
        shape.chain(({ rows, cols }) => fc.tuple(fc.constant({ rows, cols }), tableOf(rows, cols))),
        ([{ rows, cols }, x]) => {
          const M = fp.contingencyTableMonoid(rows, cols)
          return same(M.concat(M.empty, x), x) && same(M.concat(x, M.empty), x)
        }
      ),
      PARAMS
    )
  })

  it("merging shards gives the table of the whole dataset, and concat never mutates", () => {
    const rowCodes = Int32Array.of(1, 2, 3, 1, 2, 3, 3, 1, 2, 2)
    const colCodes = Int32Array.of(1, 1, 2, 2, 1, 2, 2, 1, 1, 2)
    const count = (from: number, to: number) =>
      core.countCodes(rowCodes.subarray(from, to), colCodes.subarray(from, to), [1, 2, 3], [1, 2]).table
    const whole = count(0, 10)
    const shards = [count(0, 3), count(3, 7), count(7, 10)]
    const before = shards.map((t) => Array.from(t.counts))
    expect(Array.from(concatAll(fp.contingencyTableMonoid(3, 2))(shards).counts)).toEqual(Array.from(whole.counts))
    expect(shards.map((t) => Array.from(t.counts))).toEqual(before)
    const merged = fp.mergeShards(shards)
    expect(E.isRight(merged) && Array.from(merged.right.counts)).toEqual(Array.from(whole.counts))
  })

  it("rejects tables of another shape", () => {
    const M = fp.contingencyTableMonoid(2, 2)
    expect(() => M.concat(M.empty, core.fromMatrix([[1, 2, 3], [4, 5, 6]]))).toThrow(
      /cannot merge a 2 x 3 table into 2 x 2 tables/
    )
    expect(() => fp.contingencyTableMonoid(0, 2)).toThrow(core.StatsInputError)
    const merged = fp.mergeShards([core.fromMatrix([[1, 2], [3, 4]]), core.fromMatrix([[1, 2, 3], [4, 5, 6]])])
    expect(E.isLeft(merged) && [merged.left.code, merged.left.message]).toEqual([
      "BAD_DIMENSIONS",
      "shard 2 is a 2 x 3 table but shard 1 is 2 x 2"
    ])
    expect(E.isLeft(fp.mergeShards([])) && fp.mergeShards([])).toMatchObject({ left: { code: "EMPTY_TABLE" } })
  })
})

describe("Either wrappers", () => {
  const table = core.fromMatrix([[66, 209, 35], [158, 177, 41], [163, 216, 31]])
  const leftCode = (e: E.Either<core.StatsInputError, unknown>) => (E.isLeft(e) ? e.left.code : "right")

  it("return Right with exactly the core result for valid input", () => {
    expect(fp.pearsonChiSquare(table)).toEqual(E.right(core.pearsonChiSquare(table)))
    expect(fp.likelihoodRatio(table)).toEqual(E.right(core.likelihoodRatio(table)))
    expect(fp.linearByLinear(table)).toEqual(E.right(core.linearByLinear(table)))
    expect(fp.residuals(table)).toEqual(E.right(core.residuals(table)))
    expect(fp.expectedCounts(table)).toEqual(E.right(core.expectedCounts(table)))
    expect(fp.associationMeasures(table)).toEqual(E.right(core.associationMeasures(table)))
    const t2 = core.fromMatrix([[3, 0], [0, 2]])
    expect(fp.fisherExact2x2(t2)).toEqual(E.right(core.fisherExact2x2(t2)))
    expect(fp.yatesChiSquare(t2)).toEqual(E.right(core.yatesChiSquare(t2)))
    expect(fp.fisherFreemanHalton(t2)).toEqual(E.right(core.fisherFreemanHalton(t2)))
    expect(fp.wilsonInterval(319, 411)).toEqual(E.right(core.wilsonInterval(319, 411)))
    expect(fp.clopperPearsonInterval(0, 20)).toEqual(E.right(core.clopperPearsonInterval(0, 20)))
    expect(fp.fromMatrix([[1, 2], [3, 4]])).toEqual(E.right(core.fromMatrix([[1, 2], [3, 4]])))
    expect(fp.countCodes(Int32Array.of(1, 2), Int32Array.of(1, 2), [1, 2], [1, 2])).toEqual(
      E.right(core.countCodes(Int32Array.of(1, 2), Int32Array.of(1, 2), [1, 2], [1, 2]))
    )
  })

  it("return Left with the StatsInputError the core function throws", () => {
    const ragged = fp.fromMatrix([[1, 2], [3]])
    expect(E.isLeft(ragged) && ragged.left).toBeInstanceOf(core.StatsInputError)
    expect(E.isLeft(ragged) && ragged.left.message).toBe("row 2 has 1 counts but row 1 has 2")
    expect(leftCode(fp.fromMatrix([[1, -2], [3, 4]]))).toBe("NEGATIVE_COUNT")
    expect(leftCode(fp.countCodes(Int32Array.of(1, 2), Int32Array.of(1), [1, 2], [1, 2]))).toBe("BAD_DIMENSIONS")
    const zeroColumn = core.fromMatrix([[1, 0], [3, 0]])
    expect(leftCode(fp.pearsonChiSquare(zeroColumn))).toBe("ZERO_MARGIN")
    expect(leftCode(fp.likelihoodRatio(zeroColumn))).toBe("ZERO_MARGIN")
    expect(leftCode(fp.yatesChiSquare(table))).toBe("BAD_DIMENSIONS")
    expect(leftCode(fp.fisherExact2x2(core.fromMatrix([[1.5, 2], [3, 4]])))).toBe("NON_INTEGER_COUNT")
    expect(leftCode(fp.fisherFreemanHalton(table, { B: -1 }))).toBe("BAD_OPTION")
    expect(leftCode(fp.linearByLinear(table, { rowScores: [1, 1, 1] }))).toBe("BAD_SCORES")
    expect(leftCode(fp.expectedCounts(core.fromMatrix([[0, 0], [0, 0]])))).toBe("EMPTY_TABLE")
    expect(leftCode(fp.wilsonInterval(5, 3))).toBe("BAD_OPTION")
    expect(leftCode(fp.clopperPearsonInterval(1, 2, 1.5))).toBe("BAD_OPTION")
  })

  it("tryStats re-throws what is not a StatsInputError (a bug is not a value)", () => {
    const boom = fp.tryStats((x: number) => {
      if (x > 0) throw new TypeError("bug")
      return x
    })
    expect(boom(0)).toEqual(E.right(0))
    expect(() => boom(1)).toThrow(TypeError)
  })
})

describe("Either wrappers of the multiple-response, Likert, measure and adjustment functions", () => {
  const data = {
    groups: Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]),
    groupCount: 3,
    items: [
      Uint8Array.from([1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 1, 1]),
      Uint8Array.from([0, 1, 1, 0, 1, 0, 0, 0, 1, 1, 0, 1])
    ]
  }
  const leftCode = (e: E.Either<core.StatsInputError, unknown>) => (E.isLeft(e) ? e.left.code : "right")

  it("return Right with the core result", () => {
    const table = core.fromMatrix([[10, 20], [30, 40]])
    expect(fp.phi(table)).toEqual(E.right(core.phi(table)))
    expect(fp.kendallTauB(table)).toEqual(E.right(core.kendallTauB(table)))
    expect(fp.lowExpectedCounts(table)).toEqual(E.right(core.lowExpectedCounts(table)))
    expect(fp.holm([0.01, 0.04, 0.03])).toEqual(E.right(core.holm([0.01, 0.04, 0.03])))
    expect(fp.mmiRaoScott2(data)).toEqual(E.right(core.mmiRaoScott2(data)))
    expect(fp.perItemTests(data)).toEqual(E.right(core.perItemTests(data)))
    expect(fp.kruskalWallis(Float64Array.of(1, 2, 2, 3, 3, 3), Int32Array.of(0, 0, 1, 1, 2, 2), 3))
      .toEqual(E.right(core.kruskalWallis(Float64Array.of(1, 2, 2, 3, 3, 3), Int32Array.of(0, 0, 1, 1, 2, 2), 3)))
  })

  it("return Left for bad input", () => {
    expect(leftCode(fp.phi(core.fromMatrix([[1, 0], [2, 0]])))).not.toBe("right")
    expect(leftCode(fp.bonferroni([0.01, 2]))).toBe("BAD_OPTION")
    expect(leftCode(fp.cronbachAlpha([Float64Array.of(1, 2, 3)]))).toBe("BAD_DIMENSIONS")
    expect(leftCode(fp.kruskalWallis(Float64Array.of(1, 2), Int32Array.of(0), 2))).toBe("BAD_DIMENSIONS")
    expect(
      leftCode(fp.multipleResponseTable({ ...data, items: [Uint8Array.from([2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])] }))
    ).toBe("BAD_CODE")
    expect(leftCode(fp.mmiBootstrap(data, { B: -1 }))).toBe("BAD_OPTION")
    expect(leftCode(fp.netDifficulty([-1, 2, 3], [0], [2]))).toBe("BAD_OPTION")
  })

  // Drift guard: a function added to the main entry with `@throws StatsInputError` in its doc comment needs its
  // Either version here (one line: `export const f = tryStats(core.f)` with a doc comment). assert* helpers,
  // which only validate, are left out.
  it("cover every function of the main entry documented as throwing StatsInputError", () => {
    const entry = fileURLToPath(new URL("../src/index.ts", import.meta.url))
    const program = ts.createProgram([entry], {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      noEmit: true,
      skipLibCheck: true
    })
    const checker = program.getTypeChecker()
    const throwing = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(entry)!)!)
      .filter((e) => {
        const symbol = e.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(e) : e
        return symbol.getJsDocTags(checker).some((t) =>
          t.name === "throws" && ts.displayPartsToString(t.text).startsWith("StatsInputError")
        )
      })
      .map((e) => e.name)
      .filter((name) => !name.startsWith("assert"))
    expect(throwing.length).toBeGreaterThan(30)
    expect(throwing.filter((name) => typeof (fp as Record<string, unknown>)[name] !== "function")).toEqual([])
  })
})
