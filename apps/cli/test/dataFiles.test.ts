import { copyFileSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import ExcelJS from "exceljs"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { run, STACK_FRAME, tempFiles } from "./run.js"

// PSPP-generated fixtures of packages/io (see packages/io/scripts/sav-fixtures.sh).
const fixtures = new URL("../../../packages/io/test/fixtures/sav/", import.meta.url)
const files = tempFiles({ "plain.csv": "level,q1\n1,1\n2,0\n" })
afterAll(files.cleanup)
const at = (name: string) => join(files.dir, name)
for (const name of ["survey-utf8-bytecode.sav", "survey-utf8.zsav", "survey-cp1258-bytecode.sav"]) {
  copyFileSync(new URL(name, fixtures), at(name))
}
const sav = at("survey-utf8-bytecode.sav")
const zsav = at("survey-utf8.zsav")

/** The same level and q1 columns as the .sav file, typed into a workbook from PSPP's own listing. */
beforeAll(async () => {
  const listing = readFileSync(new URL("survey-utf8-bytecode.sav.listing.csv", fixtures), "utf8").split("\n")
  const start = listing.indexOf("Table: Data List") + 2
  const rows = listing.slice(start, start + 200).map((line) => line.split(","))
  const wb = new ExcelJS.Workbook()
  wb.addWorksheet("Ghi chú").addRow(["not data"])
  const ws = wb.addWorksheet("Data")
  ws.addRow(["level", "q1"])
  for (const r of rows) ws.addRow([Number(r[1]), Number(r[2])])
  writeFileSync(at("survey.xlsx"), new Uint8Array(await wb.xlsx.writeBuffer()))
})

const ok = (args: ReadonlyArray<string>) => {
  const r = run(args)
  expect(r.code, r.stderr).toBe(0)
  expect(r.stderr).not.toMatch(STACK_FRAME)
  return r
}
const json = (args: ReadonlyArray<string>) => JSON.parse(ok([...args, "--format", "json"]).stdout)

describe("--data FILE.sav|.zsav|.xlsx", () => {
  it("crosstab reads a .sav with its own codebook: labels and user-missing codes from the dictionary", () => {
    const r = json(["crosstab", "--data", sav, "--row", "level", "--col", "q1"])
    expect(r.row.label.vi).toBe("Cấp cán bộ")
    expect(r.row.categories.map((c: { code: number }) => c.code)).toEqual([1, 2, 3])
    expect(r.n).toEqual({ valid: 195, missing: 5, total: 200 }) // level 9 is user-missing in the file
    expect(json(["crosstab", "--data", zsav, "--row", "level", "--col", "q1"]).counts).toEqual(r.counts)
  })

  it("codebook from FILE.sav --out writes a codebook that crosstab --codebook applies to the same data in .xlsx", () => {
    const out = at("survey.codebook.json")
    const r = ok(["codebook", "from", sav, "--out", out])
    expect(r.stdout).toBe("")
    const codebook = JSON.parse(readFileSync(out, "utf8"))
    expect(codebook.id).toBe("survey-utf8-bytecode")
    expect(codebook.multipleResponseSets[0]).toMatchObject({
      name: "muc_dich",
      items: ["q1", "q2", "q3"],
      countedValue: 1
    })
    const fromSav = json(["crosstab", "--data", sav, "--row", "level", "--col", "q1"])
    const fromXlsx = json([
      "crosstab",
      "--data",
      at("survey.xlsx"),
      "--sheet",
      "Data",
      "--codebook",
      out,
      "--row",
      "level",
      "--col",
      "q1"
    ])
    expect(fromXlsx.counts).toEqual(fromSav.counts)
    expect(fromXlsx.n).toEqual(fromSav.n)
    expect(fromXlsx.tests.pearson).toEqual(fromSav.tests.pearson)
  })

  it("codebook from prints to stdout without --out, and rejects a CSV file", () => {
    expect(JSON.parse(ok(["codebook", "from", at("survey-cp1258-bytecode.sav")]).stdout).title.vi).toBe(
      "Khảo sát cán bộ dân vận"
    )
    const r = run(["codebook", "from", files.paths["plain.csv"]!])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("is not an SPSS file; codebook from reads .sav and .zsav files")
  })

  it("frequencies reads .zsav and .xlsx (--sheet)", () => {
    const f = json(["frequencies", "--data", zsav, "level"])
    const x = json([
      "frequencies",
      "--data",
      at("survey.xlsx"),
      "--sheet",
      "Data",
      "--codebook",
      at("survey.codebook.json"),
      "level"
    ])
    expect(x).toEqual(f)
  })

  it("mr takes the file's multiple-response set without --codebook", () => {
    const r = json(["mr", "--data", sav, "--group", "level", "--set", "muc_dich"])
    expect(r.items.map((i: { name: string }) => i.name)).toEqual(["q1", "q2", "q3"])
  })

  it("likert scores an ordinal .sav variable by its codes", () => {
    const r = json(["likert", "--data", zsav, "--items", "kho_khan_chinh_sach", "--by", "level"])
    expect(r.kind).toBe("likert")
  })

  it("a broken .sav is exit 1 with the byte offset, no stack trace; a missing sheet names the sheets", () => {
    writeFileSync(at("cut.sav"), readFileSync(sav).subarray(0, 100))
    const r = run(["frequencies", "--data", at("cut.sav"), "level"])
    expect(r.code).toBe(1)
    expect(r.stderr).toBe(
      `danvan: error: data file ${
        at("cut.sav")
      }: 1 problem, nothing was read:\n  byte 92: the file ends after 8 more bytes — expected 17 bytes of the creation date and time\n`
    )
    const s = run(["frequencies", "--data", at("survey.xlsx"), "--sheet", "Sheet1", "level"])
    expect(s.code).toBe(1)
    expect(s.stderr).toContain("no sheet named \"Sheet1\" — expected one of the sheets \"Ghi chú\", \"Data\"")
  })
})
