import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { afterEach, describe, expect, it, vi } from "vitest"

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8")
const firstTsBlock = /```ts\n([\s\S]*?)```/.exec(readme)![1]
const spssBlock = /## SPSS, Excel and any data file[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)![1]

const runBlock = async (block: string, name: string): Promise<Array<string>> => {
  const dir = new URL("../.vitest/", import.meta.url)
  mkdirSync(dir, { recursive: true })
  const file = new URL(name, dir)
  writeFileSync(
    file,
    block.replace(
      "from \"@danvan/io\"",
      `from ${JSON.stringify(fileURLToPath(new URL("../src/index.ts", import.meta.url)))}`
    )
  )
  const printed: Array<string> = []
  vi.spyOn(console, "log").mockImplementation((...args: Array<unknown>) =>
    void printed.push(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" "))
  )
  await import(/* @vite-ignore */ fileURLToPath(file))
  return printed
}

describe("README", () => {
  afterEach(() => vi.restoreAllMocks())

  it("runs the first example and prints what its comments say", async () => {
    const dir = new URL("../.vitest/", import.meta.url)
    mkdirSync(dir, { recursive: true })
    const file = new URL("readme-example.ts", dir)
    writeFileSync(
      file,
      firstTsBlock.replace(
        "from \"@danvan/io\"",
        `from ${JSON.stringify(fileURLToPath(new URL("../src/index.ts", import.meta.url)))}`
      )
    )
    const printed: Array<string> = []
    vi.spyOn(console, "log").mockImplementation((...args: Array<unknown>) => void printed.push(args.join(" ")))
    await import(/* @vite-ignore */ fileURLToPath(file))
    expect(printed).toEqual([
      "3 hcmc-2024 utf-8 ;",
      "level: codes [1, 3, 2]\nsex: codes [2, 9, -2147483648]\nweight: numeric [1.25, 0.8, 1]",
      [
        "data file survey.csv: 3 problems, nothing was read:",
        "  row 3, column \"level\": value \"4\" — expected one of 1 (City), 2 (District), 3 (Ward/Commune) or missing 9",
        "  row 4, column \"sex\": value \"x\" — expected one of 1 (Male), 2 (Female) or missing 9",
        "  row 5: 1 field — expected 2 fields as in the header"
      ].join("\n")
    ])
    for (const line of printed.join("\n").split("\n").filter((l) => l.startsWith("  row"))) {
      expect(firstTsBlock).toContain(`// ${line}`)
    }
  })

  it("runs the SPSS example and prints what its comments say", async () => {
    const printed = await runBlock(spssBlock, "readme-spss-example.ts")
    expect(printed).toEqual([
      "bytecode utf-8 4",
      "Cấp cán bộ 1=Thành phố, 2=Quận/Huyện, 3=Phường/Xã, 9=Không trả lời [9]",
      "level: codes [1, 2, 3, 9]\nweight: numeric [1.25, 0.8, 1, NaN]"
    ])
    expect(spssBlock).toContain("// bytecode utf-8 4")
    expect(spssBlock).toContain("// Cấp cán bộ 1=Thành phố, 2=Quận/Huyện, 3=Phường/Xã, 9=Không trả lời [ 9 ]")
    expect(spssBlock).toContain("// level: codes [1, 2, 3, 9]\n  // weight: numeric [1.25, 0.8, 1, NaN]")
  })
})
