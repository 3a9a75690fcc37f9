import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { extractExamples, mismatch, type Outcome, parseClaim, runExample } from "./examples.js"

const root = new URL("../../../", import.meta.url).pathname

/**
 * Runs every example of a package's sources. In scope: the file's exports, then the package's main exports over
 * them, then the documented export itself (so that the fp-ts entry's `fromMatrix` example uses its own `fromMatrix`
 * while its other examples build tables with the main one).
 */
const runPackage = async (name: string): Promise<Array<Outcome>> => {
  const index = await import(join(root, "packages", name, "src", "index.ts"))
  const effect = { Either: await import("effect/Either"), Option: await import("effect/Option") }
  const outcomes: Array<Outcome> = []
  for (const example of extractExamples(join(root, "packages", name, "src"), root)) {
    const own = await import(join(root, example.file))
    const documented = example.name !== undefined && example.name in own ? { [example.name]: own[example.name] } : {}
    outcomes.push(runExample(example, { ...effect, ...own, ...index, ...documented }))
  }
  return outcomes
}

const report = (outcomes: ReadonlyArray<Outcome>) =>
  outcomes.flatMap((o) => o.problems.map((p) => `${o.example.file}:${o.example.line} ${p}`))

describe("the claim reader", () => {
  it("reads numbers to their printed digits, typed arrays, partial objects, Right/Left and throws", () => {
    const value = (c: string) => (parseClaim(c) as { value: unknown }).value
    expect(mismatch(0.13681, value("0.1368"))).toBeUndefined()
    expect(mismatch(0.1369, value("0.1368"))).toContain("does not print as 0.1368")
    expect(mismatch(8.6136590338381, value("8.613659033838..."))).toBeUndefined()
    expect(mismatch(2.03201825391e-22, value("2.0320182539...e-22"))).toBeUndefined()
    expect(mismatch(2.0330182539e-22, value("2.0320182539...e-22"))).toContain("does not print")
    expect(mismatch(Float64Array.of(12, 18), value("Float64Array [12, 18]"))).toBeUndefined()
    expect(mismatch([12, 18], value("Float64Array [12, 18]"))).toContain("Array")
    expect(mismatch({ p: 0.1, method: "exact", tables: 3 }, value("{ p: 0.1, method: \"exact\", ... }")))
      .toBeUndefined()
    expect(mismatch({ p: 0.2 }, value("{ p: 0.1 }"))).toContain("value.p")
    expect(mismatch({ _tag: "Right", right: 3 }, value("Right(3)"))).toBeUndefined()
    expect(parseClaim("throws StatsInputError \"column 2\"")).toEqual({ kind: "throws", message: "column 2" })
    expect(parseClaim("a number in [0, 1); the same on every run")).toBeUndefined()
  })

  it("finds a wrong printed value in an example", () => {
    const ex = { file: "x.ts", line: 1, code: "add(1, 2) // 3\nadd(2, 2) // 5", name: undefined }
    const out = runExample(ex, { add: (a: number, b: number) => a + b })
    expect(out.claims).toBe(2)
    expect(out.problems).toHaveLength(1)
  })
})

describe.each([
  { name: "stats", atLeast: 85 },
  { name: "domain", atLeast: 12 }
])("JSDoc @examples of @danvan/$name print what they say", ({ name, atLeast }) => {
  it("every claim holds", async () => {
    const outcomes = await runPackage(name)
    const claims = outcomes.reduce((n, o) => n + o.claims, 0)
    expect(report(outcomes)).toEqual([])
    expect(claims).toBeGreaterThanOrEqual(atLeast)
  })
})
