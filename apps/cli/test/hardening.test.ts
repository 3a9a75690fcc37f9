import { createServer } from "node:net"
import { afterAll, describe, expect, it } from "vitest"
import { run, STACK_FRAME, tempFiles } from "./run.js"

// Regressions from the fuzzing run of issue 20: each input was an internal error (exit 70) before.
const files = tempFiles({
  "deep.json": "[".repeat(3000) + "]".repeat(3000),
  "deep-object.json": "{\"a\":".repeat(3000) + "1" + "}".repeat(3000),
  "blank.csv": "a,b,c\n1,,2\n2,,1\n1,,1\n2,,2\n",
  "proto.csv": "constructor,toString,__proto__\n1,1,1\n2,2,2\n1,2,1\n2,1,2\n"
})
afterAll(files.cleanup)

const expectInputError = (r: ReturnType<typeof run>, message: RegExp) => {
  expect(r.stderr).toMatch(message)
  expect(r.stderr).not.toMatch(STACK_FRAME)
  expect(r.code).toBe(1)
}

describe("deeply nested JSON", () => {
  it("a codebook nested 3,000 deep is exit 1 naming the file and the depth", () => {
    expectInputError(
      run(["codebook", "show", files.paths["deep.json"]!]),
      /^danvan: error: invalid codebook .*deep\.json:\n {2}\$: nested too deeply: deeper than 64 levels/
    )
    expectInputError(
      run([
        "crosstab",
        "--data",
        files.paths["blank.csv"]!,
        "--row",
        "a",
        "--col",
        "c",
        "--codebook",
        files.paths["deep-object.json"]!
      ]),
      /invalid codebook .*deep-object\.json:\n {2}\$: nested too deeply/
    )
  })
})

describe("--missing with names of Object.prototype", () => {
  for (const name of ["__proto__", "constructor", "toString", "hasOwnProperty"]) {
    it(`--missing ${name}=1 is an unknown variable when the data has no such column`, () => {
      expectInputError(
        run(["crosstab", "--data", files.paths["blank.csv"]!, "--row", "a", "--col", "c", "--missing", `${name}=1`]),
        new RegExp(`^danvan: error: unknown variable "${name}": the data has the columns a, b, c`)
      )
    })
  }
  it("columns named constructor, toString and __proto__ are ordinary variables, with and without --missing", () => {
    const plain = run([
      "crosstab",
      "--data",
      files.paths["proto.csv"]!,
      "--row",
      "constructor",
      "--col",
      "toString",
      "--format",
      "json"
    ])
    expect(plain.code).toBe(0)
    expect(JSON.parse(plain.stdout).counts).toEqual([
      [1, 1],
      [1, 1]
    ])
    const missing = run([
      "crosstab",
      "--data",
      files.paths["proto.csv"]!,
      "--row",
      "__proto__",
      "--col",
      "toString",
      "--missing",
      "__proto__=2",
      "--format",
      "json"
    ])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/"__proto__" has valid cases in only 1 category/)
  })
})

describe("a variable blank in every row", () => {
  it("crosstab names the variable and exits 1", () => {
    expectInputError(
      run(["crosstab", "--data", files.paths["blank.csv"]!, "--row", "a", "--col", "b"]),
      /^danvan: error: variable "b" has no valid values: it is blank or user-missing in every row/
    )
  })
  it("mr and likert grouped by it exit 1", () => {
    expectInputError(
      run(["mr", "--data", files.paths["blank.csv"]!, "--group", "b", "--items", "a,c"]),
      /"b" has respondents in only 0 group/
    )
    expectInputError(
      run(["likert", "--data", files.paths["blank.csv"]!, "--by", "b", "--items", "a,c"]),
      /"b" has respondents in only 0 group/
    )
  })
})

describe("danvan serve on a port in use", () => {
  it("says which port and address, and exits 1", async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve))
    const port = (blocker.address() as { port: number }).port
    try {
      const r = run(["serve", "--port", String(port), "--db", `${files.dir}/serve.sqlite`])
      expectInputError(r, new RegExp(`^danvan: error: port ${port} on 127\\.0\\.0\\.1 is already in use`))
    } finally {
      await new Promise((resolve) => blocker.close(resolve))
    }
  })
})
