import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { run, STACK_FRAME, tempFiles } from "./run.js"

// TCVN3 bytes of Vietnamese words, from iconv's TCVN table (packages/io/test/fixtures/encoding, its script beside it).
const iconv = JSON.parse(
  readFileSync(new URL("../../../packages/io/test/fixtures/encoding/tcvn3-iconv.json", import.meta.url), "utf8")
) as { words: Record<string, string> }
const files = tempFiles({})
afterAll(files.cleanup)

// A Google Forms export typed in TCVN3 (its answers become categories): Thành phố twice, Quận/Huyện once.
const path = join(files.dir, "tcvn3-form.csv")
const w = (word: string) => Buffer.from(iconv.words[word], "hex")
writeFileSync(
  path,
  Buffer.concat([
    Buffer.from("Timestamp,"),
    w("Dân vận"),
    ...["Thành phố", "Quận/Huyện", "Thành phố"].flatMap((word) => [Buffer.from("\n1/1/2024,"), w(word)]),
    Buffer.from("\n")
  ])
)

const labels = (args: ReadonlyArray<string>) => {
  const r = run(["frequencies", "--data", path, "q1", "--format", "json", ...args])
  expect(r.code, r.stderr).toBe(0)
  expect(r.stderr).not.toMatch(STACK_FRAME)
  const json = JSON.parse(r.stdout)
  return { stderr: r.stderr, text: JSON.stringify(json) }
}

describe("--encoding on a data command", () => {
  it("--encoding tcvn3 reads the TCVN3 answers as Vietnamese", () => {
    const { text } = labels(["--encoding", "tcvn3"])
    expect(text).toContain("Thành phố")
    expect(text).toContain("Quận/Huyện")
  })

  it("--encoding windows-1258 reads the same bytes as named (no conversion)", () => {
    const { text } = labels(["--encoding=windows-1258"])
    expect(text).not.toContain("Thành phố")
  })

  it("an unknown encoding, or the flag twice, is a usage error (exit 2)", () => {
    const bad = run(["frequencies", "--data", path, "q1", "--encoding", "latin9"])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain("--encoding latin9: expected one of auto, utf-8, windows-1258, tcvn3, vni")
    expect(run(["frequencies", "--data", path, "q1", "--encoding", "vni", "--encoding", "vni"]).code).toBe(2)
  })
})

describe("--encoding and --recipe in each data command's own help", () => {
  const commands = [
    "crosstab",
    "frequencies",
    "describe",
    "mr",
    "likert",
    "means",
    "correlate",
    "table",
    "report",
    "check",
    "plan init"
  ]
  it.each(commands)("danvan %s --help lists both, in the usage line and as options", (command) => {
    const r = run([...command.split(" "), "--help"])
    expect(r.code, r.stderr).toBe(0)
    const usage = r.stdout.split("\n").find((l) => l.startsWith("$ danvan"))
    expect(usage).toContain("[--encoding auto | utf-8 | windows-1258 | tcvn3 | vni] [--recipe file]")
    expect(r.stdout).toMatch(/^--encoding auto \| utf-8 \| windows-1258 \| tcvn3 \| vni\n\n {2}Text encoding of a CSV/m)
    expect(r.stdout).toMatch(/^--recipe file\n\n {2}A data-preparation recipe/m)
    expect(r.stdout.match(/^--(encoding|recipe) /gm)).toHaveLength(2)
  })

  it("prepare lists its own --recipe once and --encoding; convert and codebook from their own --encoding once", () => {
    const prepare = run(["prepare", "--help"]).stdout
    expect(prepare.match(/^--recipe file$/gm)).toHaveLength(1)
    expect(prepare).toMatch(/^--encoding auto/m)
    for (const command of [["convert"], ["codebook", "from"]]) {
      const help = run([...command, "--help"]).stdout
      expect(help.match(/^--encoding /gm)).toHaveLength(1)
      expect(help).not.toMatch(/^--recipe /m)
    }
  })
})
