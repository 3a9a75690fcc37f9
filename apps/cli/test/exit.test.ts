import { AnalysisError } from "@danvan/analysis"
import { CodebookError } from "@danvan/domain"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as FiberId from "effect/FiberId"
import { afterEach, describe, expect, it, vi } from "vitest"
import { UsageError } from "../src/errors.js"
import { handle } from "../src/main.js"

/** The outcome -> exit code mapping, with what it prints on stderr. */
const outcome = (cause: Cause.Cause<unknown>, argv: ReadonlyArray<string> = ["node", "danvan", "crosstab"]) => {
  const lines: Array<string> = []
  const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk))
    return true
  })
  try {
    const code = Effect.runSync(handle(argv, [])(cause))
    return { code, stderr: lines.join("") }
  } finally {
    spy.mockRestore()
  }
}

afterEach(() => {
  delete process.env["DANVAN_DEBUG"]
})

describe("exit codes", () => {
  it("bad input (an analysis, data or codebook error) is 1 with its message only", () => {
    const r = outcome(
      Cause.fail(new AnalysisError({ code: "ZERO_MARGIN", message: "row 1 of the table has a total of 0" }))
    )
    expect(r.code).toBe(1)
    expect(r.stderr).toBe("danvan: error: row 1 of the table has a total of 0\n")
    const c = outcome(
      Cause.fail(new CodebookError({ source: "x.json", issues: [{ path: "$.id", message: "is missing" }] }))
    )
    expect(c.code).toBe(1)
    expect(c.stderr).toBe("danvan: error: invalid codebook x.json:\n  $.id: is missing\n")
  })
  it("bad usage found after parsing is 2 with a usage hint", () => {
    const r = outcome(
      Cause.fail(new UsageError({ command: "crosstab", message: "give either --counts or --data, not both" }))
    )
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^danvan: error: give either --counts or --data, not both\nusage: danvan crosstab /)
  })
  it("a defect is 70 with one line and no stack trace", () => {
    const r = outcome(Cause.die(new TypeError("x is not a function")))
    expect(r.code).toBe(70)
    expect(r.stderr.trim().split("\n")).toHaveLength(1)
    expect(r.stderr).toMatch(/^danvan: internal error: TypeError: x is not a function/)
    expect(r.stderr).not.toMatch(/^\s+at /m)
  })
  it("an unexpected failure value is 70 too", () => {
    expect(outcome(Cause.fail({ weird: true })).code).toBe(70)
  })
  it("DANVAN_DEBUG=1 shows the stack of a defect", () => {
    process.env["DANVAN_DEBUG"] = "1"
    const r = outcome(Cause.die(new TypeError("x is not a function")))
    expect(r.code).toBe(70)
    expect(r.stderr).toMatch(/^\s+at /m)
  })
  it("an interruption (Ctrl-C) is 130", () => {
    expect(outcome(Cause.interrupt(FiberId.none)).code).toBe(130)
  })
})
