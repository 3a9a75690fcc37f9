import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { run, STACK_FRAME, tempFiles } from "./run.js"

// TCVN3 bytes of Vietnamese words, from iconv's TCVN table (packages/io/test/fixtures/encoding, its script beside it).
const iconv = JSON.parse(
  readFileSync(new URL("../../../packages/io/test/fixtures/encoding/tcvn3-iconv.json", import.meta.url), "utf8")
) as { words: Record<string, string> }
const files = tempFiles({ "r.json": JSON.stringify({ steps: [] }) })
afterAll(files.cleanup)

// An excerpts CSV typed in TCVN3: two quotes, theme "Dân vận".
const path = join(files.dir, "tcvn3-excerpts.csv")
const w = (word: string) => Buffer.from(iconv.words[word], "hex")
writeFileSync(
  path,
  Buffer.concat([
    Buffer.from("text,theme\n"),
    w("Rất khó khăn"),
    Buffer.from(","),
    w("Dân vận"),
    Buffer.from("\n"),
    w("Không đồng ý"),
    Buffer.from(","),
    w("Dân vận"),
    Buffer.from("\n")
  ])
)

const excerpts = (args: ReadonlyArray<string>) => {
  const r = run(["excerpts", "--data", path, "--format", "json", ...args])
  expect(r.code, r.stderr).toBe(0)
  expect(r.stderr).not.toMatch(STACK_FRAME)
  return JSON.stringify(JSON.parse(r.stdout))
}

describe("danvan excerpts honours --encoding and refuses --recipe", () => {
  it("--encoding tcvn3 reads the TCVN3 quotes and theme as Vietnamese", () => {
    const text = excerpts(["--encoding", "tcvn3"])
    expect(text).toContain("Rất khó khăn")
    expect(text).toContain("Không đồng ý")
    expect(text).toContain("Dân vận")
  })

  it("--encoding windows-1258 reads the same bytes as named (no conversion)", () => {
    const text = excerpts(["--encoding=windows-1258"])
    expect(text).not.toContain("Rất khó khăn")
    expect(text).not.toContain("Dân vận")
  })

  it("--recipe is a usage error (exit 2) that names the flag and says why", () => {
    const r = run(["excerpts", "--data", path, "--recipe", files.paths["r.json"]!])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe("")
    expect(r.stderr).not.toMatch(STACK_FRAME)
    expect(r.stderr).toContain("--recipe does not apply to excerpts")
    expect(r.stderr).toContain("not a dataset")
  })

  it("its help lists --encoding but not --recipe", () => {
    const r = run(["excerpts", "--help"])
    expect(r.code, r.stderr).toBe(0)
    const usage = r.stdout.split("\n").find((l) => l.startsWith("$ danvan"))
    expect(usage).toContain("[--encoding auto | utf-8 | windows-1258 | tcvn3 | vni]")
    expect(usage).not.toContain("--recipe")
    expect(r.stdout).toMatch(/^--encoding auto \| utf-8/m)
    expect(r.stdout).not.toMatch(/^--recipe /m)
  })
})
