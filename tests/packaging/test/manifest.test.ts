import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { publishedPackages, repoRoot } from "../scripts/lib.mjs"

type Pkg = { name: string; dir: string; relDir: string; manifest: Record<string, any> }
const packages: Array<Pkg> = publishedPackages()
const rootManifest = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8"))

// The checklist of CONTRIBUTING.md ("A new published package"), one test per package so a new package's
// missing field is named in the failure.
describe.each(packages.map((p) => [p.name, p] as const))("%s package.json", (_name, p) => {
  const m = p.manifest

  it("is ESM with conditional exports: types first, then default; ./package.json exported", () => {
    expect(m.type).toBe("module")
    expect(Object.keys(m.exports)).toContain(".")
    expect(m.exports["./package.json"]).toBe("./package.json")
    for (const [subpath, target] of Object.entries<any>(m.exports)) {
      if (subpath === "./package.json") continue
      expect(Object.keys(target), `exports["${subpath}"]`).toEqual(["types", "default"])
      expect(target.types, `exports["${subpath}"].types`).toMatch(/^\.\/dist\/.+\.d\.ts$/)
      expect(target.default, `exports["${subpath}"].default`).toMatch(/^\.\/dist\/.+\.js$/)
    }
  })

  it("has the publishing fields", () => {
    expect(m.sideEffects).toBe(false)
    expect(m.files).toEqual(expect.arrayContaining(["dist", "README.md", "CHANGELOG.md", "LICENSE"]))
    expect(m.engines).toEqual({ node: ">=20.19" })
    expect(m.license).toBe("MIT")
    expect(m.repository).toEqual({ type: "git", url: expect.stringMatching(/^git\+https:\/\//), directory: p.relDir })
    expect(m.publishConfig).toEqual({ access: "public", provenance: true })
    expect(typeof m.description).toBe("string")
  })

  it("ships README.md, CHANGELOG.md and LICENSE", () => {
    for (const f of ["README.md", "CHANGELOG.md", "LICENSE"]) {
      expect(existsSync(join(p.dir, f)), `${p.relDir}/${f}`).toBe(true)
    }
    expect(readFileSync(join(p.dir, "README.md"), "utf8"), "README.md needs a ```ts example").toMatch(/```ts\n/)
  })

  it("builds with tsup and has the typecheck/test scripts", () => {
    expect(m.scripts).toMatchObject({ build: "tsup", typecheck: "tsc --noEmit", test: "vitest run" })
    expect(existsSync(join(p.dir, "tsup.config.ts"))).toBe(true)
  })

  it("takes effect (shared with consumers) as a peer dependency, with an exact dev dependency", () => {
    expect(m.dependencies?.effect, "effect belongs in peerDependencies").toBeUndefined()
    if (m.peerDependencies?.effect !== undefined) {
      expect(m.devDependencies?.effect).toMatch(/^\d+\.\d+\.\d+$/)
      expect(m.peerDependencies.effect).toBe(`^${m.devDependencies.effect}`)
    }
  })

  it("marks peers it can run without as optional, each with an exact dev dependency and its own entry point", () => {
    for (const [peer, meta] of Object.entries<any>(m.peerDependenciesMeta ?? {})) {
      expect(meta.optional, peer).toBe(true)
      expect(m.devDependencies?.[peer], `devDependencies["${peer}"]`).toMatch(/^\d+\.\d+\.\d+$/)
      expect(Object.keys(m.exports), `an entry point "./${peer}" for the optional peer`).toContain(`./${peer}`)
    }
  })
})

describe("the workspace", () => {
  it("publishes at least the four original packages (discovery works)", () => {
    expect(packages.map((p) => p.name)).toEqual(
      expect.arrayContaining(["@danvan/domain", "@danvan/stats", "@danvan/io", "@danvan/analysis"])
    )
  })

  it("links the generated API reference and the new-package checklist from the README", () => {
    const readme = readFileSync(join(repoRoot, "README.md"), "utf8")
    expect(readme).toContain("(docs/api/README.md)")
    expect(readme).toContain("(CONTRIBUTING.md)")
    expect(existsSync(join(repoRoot, "docs", "api", "README.md"))).toBe(true)
    expect(existsSync(join(repoRoot, "CONTRIBUTING.md"))).toBe(true)
  })

  it("has a release script and changesets that never version private packages", () => {
    expect(rootManifest.scripts.release).toMatch(/changeset publish/)
    const config = JSON.parse(readFileSync(join(repoRoot, ".changeset", "config.json"), "utf8"))
    expect(config.access).toBe("public")
    expect(config.privatePackages).toEqual({ version: false, tag: false })
  })
})
