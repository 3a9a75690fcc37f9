import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { generators } from "../../../scripts/fixtures.mjs"

const root = new URL("../../../", import.meta.url).pathname

describe("pnpm fixtures", () => {
  const found = generators()

  it("is scripts/fixtures.mjs", () => {
    expect(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts.fixtures).toBe(
      "node scripts/fixtures.mjs"
    )
  })

  it("runs every generator, the mpmath one included, stats first", () => {
    const names = found.map((g) => g.file)
    expect(names.length).toBeGreaterThanOrEqual(12)
    expect(names).toContain("gamma-mpmath.py")
    expect(names).toContain("references.R")
    expect(names).toContain("replicate.R")
    expect(names).toContain("sav-fixtures.sh")
    expect(found[0].dir).toMatch(/packages\/stats\/scripts$/)
  })

  it("leaves out only scripts that a generator sources or runs", () => {
    const scriptsDirs = [...new Set(found.map((g) => g.dir))]
    expect(scriptsDirs.length).toBeGreaterThanOrEqual(3)
    const generatorText = found.map((g) => readFileSync(join(g.dir, g.file), "utf8")).join("\n")
    for (const dir of scriptsDirs) {
      for (const file of readdirSync(dir).filter((f) => /\.(R|py|sh|mjs)$/.test(f))) {
        if (found.some((g) => g.dir === dir && g.file === file)) continue
        expect(generatorText, `${dir}/${file} is neither a generator nor used by one`).toContain(file)
      }
    }
  })
})
