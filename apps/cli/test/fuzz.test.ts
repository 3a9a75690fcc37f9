import fc from "fast-check"
import { afterAll, describe, expect, it } from "vitest"
import { parseMissingSpec } from "../src/flags.js"
import { run, STACK_FRAME, tempFiles } from "./run.js"

// Seeded property tests of the CLI's flags (issue 20): whatever the flag values, `danvan` answers with a result,
// an input error (exit 1) or a usage error (exit 2), never an internal error (70) or a stack trace. Fixed seed
// and runs for CI; `node scripts/fuzz.mjs` runs more with FUZZ_SEED / FUZZ_SCALE.

const SEED = Number(process.env["FUZZ_SEED"] ?? 20)
const SCALE = Number(process.env["FUZZ_SCALE"] ?? 1)
const runs = (n: number) => ({ seed: SEED, numRuns: Math.max(1, Math.round(n * SCALE)), endOnFailure: true })

const files = tempFiles({
  "data.csv": "level,people_trust_limited,blank,constructor\n1,1,,1\n2,2,,2\n3,1,,1\n1,3,,2\n2,1,,1\n3,2,,2\n",
  "deep.json": "[".repeat(500) + "]".repeat(500)
})
afterAll(files.cleanup)

describe("--missing VAR=CODE[,CODE...]", () => {
  it("parseMissingSpec never throws: a name with integer codes, or a message quoting the spec", () => {
    const spec = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc
        .tuple(
          fc.constantFrom("__proto__", "constructor", "toString", "level", "", " "),
          fc.array(fc.oneof(fc.integer().map(String), fc.string({ maxLength: 3 })), { maxLength: 4 })
        )
        .map(([n, c]) => `${n}=${c.join(",")}`)
    )
    fc.assert(
      fc.property(spec, (s) => {
        const parsed = parseMissingSpec(s)
        if (typeof parsed === "string") expect(parsed).toContain("\"")
        else {
          expect(parsed[0].length).toBeGreaterThan(0)
          for (const code of parsed[1]) expect(Number.isInteger(code)).toBe(true)
        }
      }),
      runs(500)
    )
  })
})

describe("crosstab flags, run through the built CLI", () => {
  it(
    "odd variable names, missing specs, formats and codebooks exit 0, 1 or 2 without a stack",
    () => {
      const name = fc.constantFrom(
        "level",
        "people_trust_limited",
        "blank",
        "constructor",
        "__proto__",
        "toString",
        "nope",
        "",
        "-x"
      )
      const missing = fc.oneof(
        fc.constant(undefined),
        fc.tuple(name, fc.constantFrom("1", "9", "1,2", "x", "", "99999999999")).map(([n, c]) => `${n}=${c}`)
      )
      const format = fc.constantFrom("text", "json", "csv", "md", "xml")
      const codebook = fc.constantFrom(undefined, "hcmc-2024", files.paths["deep.json"]!, "missing.json")
      fc.assert(
        fc.property(name, name, missing, format, codebook, (row, col, miss, fmt, cb) => {
          const args = ["crosstab", "--data", files.paths["data.csv"]!, "--row", row, "--col", col, "--format", fmt]
          if (miss !== undefined) args.push("--missing", miss)
          if (cb !== undefined) args.push("--codebook", cb)
          const r = run(args)
          expect([0, 1, 2], `${args.join(" ")}\n${r.stderr}`).toContain(r.code)
          expect(r.stderr).not.toMatch(STACK_FRAME)
          expect(r.stderr).not.toContain("internal error")
        }),
        runs(12)
      )
    },
    120_000 * Math.max(1, SCALE)
  )
})
