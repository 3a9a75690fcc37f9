import { existsSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { readSav } from "@danvan/io"
import * as Either from "effect/Either"
import { afterAll, describe, expect, it } from "vitest"
import { run, STACK_FRAME, tempFiles } from "./run.js"

// Form exports built by packages/io/scripts/forms/make-fixtures.py (expected counts computed there).
const fixtures = new URL("../../../packages/io/test/fixtures/forms/", import.meta.url)
const google = new URL("google-forms.csv", fixtures).pathname
const microsoft = new URL("microsoft-forms.xlsx", fixtures).pathname
const expected = JSON.parse(readFileSync(new URL("forms-expected.json", fixtures), "utf8"))
const files = tempFiles({
  "ambiguous.csv": "Timestamp,Kênh\n1/1/2024,Báo chí\n1/1/2024,\"Báo chí, Tiếp xúc, Đối thoại\"\n"
})
afterAll(files.cleanup)

const ok = (args: ReadonlyArray<string>) => {
  const r = run(args)
  expect(r.code, r.stderr).toBe(0)
  expect(r.stderr).not.toMatch(STACK_FRAME)
  return r
}

describe("form exports in one step", () => {
  it("codebook from a Google Forms CSV prints the inferred codebook JSON", () => {
    const codebook = JSON.parse(ok(["codebook", "from", google]).stdout)
    expect(codebook.variables.map((v: { name: string }) => v.name).slice(0, 3)).toEqual(["q1", "q2", "q3_1"])
    expect(codebook.multipleResponseSets[0].items).toHaveLength(5)
    expect(codebook.indicatorSets[0]).toMatchObject({ name: "q4", kind: "likert" })
  })

  it("crosstab reads a Microsoft Forms .xlsx directly, warns what it inferred, and counts as the generator did", () => {
    const r = ok(["crosstab", "--data", microsoft, "--row", "q1", "--col", "q2", "--format", "json"])
    expect(r.stderr).toMatch(/a Microsoft Forms export; codebook inferred \(id numeric/)
    const table = JSON.parse(r.stdout)
    const rows = Object.fromEntries(
      table.row.categories.map((
        c: { label: { vi: string } },
        k: number
      ) => [c.label.vi, table.counts[k].reduce((a: number, b: number) => a + b, 0)])
    )
    expect(rows).toEqual(expected.q1)
  })

  it("frequencies of a checkbox option keep 'not answered' apart from 'not ticked'", () => {
    const r = JSON.parse(ok(["frequencies", "--data", google, "q3_2", "--format", "json"]).stdout)
    expect(JSON.stringify(r)).toContain(`"valid":${expected.q3.answered}`)
  })

  it("an ambiguous checkbox answer is a warning naming column, row and value", () => {
    const r = ok(["codebook", "from", files.paths["ambiguous.csv"]])
    expect(r.stderr).toContain("row 3, column \"Kênh\": value \"Báo chí, Tiếp xúc, Đối thoại\"")
  })

  it("--codebook from the inferred one gives the same table", () => {
    const out = join(files.dir, "c.json")
    ok(["codebook", "from", google, "--out", out])
    const a = JSON.parse(ok(["crosstab", "--data", google, "--row", "q1", "--col", "q5", "--format", "json"]).stdout)
    const b = JSON.parse(
      ok(["crosstab", "--data", google, "--row", "q1", "--col", "q5", "--codebook", out, "--format", "json"]).stdout
    )
    expect(b.counts).toEqual(a.counts)
  })
})

describe("convert", () => {
  const kobo = new URL("../../../packages/io/test/fixtures/kobo/", import.meta.url)
  const koboExpected = JSON.parse(readFileSync(new URL("kobo-expected.json", kobo), "utf8"))

  it("a Google Forms export to .sav: read back, the same counts", () => {
    const out = join(files.dir, "clean.sav")
    ok(["convert", google, "--out", out])
    const back = JSON.parse(ok(["frequencies", "--data", out, "q1", "--format", "json"]).stdout)
    expect(JSON.stringify(back)).toContain(`"valid":${expected.rows}`)
    const table = JSON.parse(ok(["crosstab", "--data", out, "--row", "q1", "--col", "q2", "--format", "json"]).stdout)
    expect(table.row.categories.map((c: { label: { vi: string } }) => c.label.vi).sort()).toEqual(
      Object.keys(expected.q1).sort()
    )
  })

  it("a Google Forms export to .sav keeps its date and text answers as string variables", () => {
    const out = join(files.dir, "text.sav")
    const r = ok(["convert", google, "--out", out])
    expect(r.stderr).not.toContain("not written")
    const back = Either.getOrThrow(readSav(readFileSync(out), { fileName: out }))
    expect(back.textColumns.map((c) => c.name)).toEqual(["timestamp", "email", "q8"])
    const source = readFileSync(google, "utf8").split("\n")
    expect(back.textColumns[2].values).toHaveLength(expected.rows)
    expect(back.textColumns[2].values.slice(0, 2)).toEqual(["", "Ý kiến số 2"])
    expect(source[2]).toContain("Ý kiến số 2")
    expect(back.textColumns[0].values[0]).toBe("2024/03/05 9:00:00 AM GMT+7")
    const csv = ok(["convert", google, "--out", join(files.dir, "text.csv")])
    expect(csv.stderr).toContain("text and date columns not written")
  })

  it("a Kobo export with its XLSForm to .sav: SPSS-safe names, the set kept", () => {
    const out = join(files.dir, "kobo.sav")
    const r = ok([
      "convert",
      new URL("kobo-xml.csv", kobo).pathname,
      "--codebook",
      new URL("xlsform.xlsx", kobo).pathname,
      "--out",
      out
    ])
    expect(r.stderr).toContain("kenh/mxh -> kenh_mxh")
    const codebook = JSON.parse(ok(["codebook", "from", out]).stdout)
    expect(codebook.multipleResponseSets[0].items).toEqual(["kenh_bao_chi", "kenh_mxh", "kenh_tiep_xuc", "kenh_khac"])
    const mxh = JSON.parse(ok(["frequencies", "--data", out, "kenh_mxh", "--format", "json"]).stdout)
    expect(JSON.stringify(mxh)).toContain(`"valid":${koboExpected.kenh_asked}`)
  })

  it("a Kobo export's text question becomes a string variable named and labelled as in the XLSForm", () => {
    const out = join(files.dir, "kobo-text.sav")
    const r = ok([
      "convert",
      new URL("kobo-xml.csv", kobo).pathname,
      "--codebook",
      new URL("xlsform.xlsx", kobo).pathname,
      "--out",
      out
    ])
    expect(r.stderr).not.toContain("not written")
    const back = Either.getOrThrow(readSav(readFileSync(out), { fileName: out }))
    expect(koboExpected.ykien).toHaveLength(koboExpected.rows)
    const ykien = back.textColumns.find((c) => c.name === "ykien")
    expect(ykien?.values).toEqual(koboExpected.ykien)
    expect(back.file.variables.find((v) => v.name === "ykien")?.label).toBe("Ý kiến")
    expect(back.textColumns.map((c) => c.name)).toEqual(
      ["start", "end", "ykien", "deviceid", "v_id", "v_uuid", "v_submission_time", "v_validation_status", "v_index"]
    )
    const english = join(files.dir, "kobo-text-en.sav")
    ok([
      "convert",
      new URL("kobo-xml.csv", kobo).pathname,
      "--codebook",
      new URL("xlsform.xlsx", kobo).pathname,
      "--out",
      english,
      "--lang",
      "en"
    ])
    const en = Either.getOrThrow(readSav(readFileSync(english), { fileName: english }))
    expect(en.file.variables.find((v) => v.name === "ykien")?.label).toBe("Comments")
  })

  it("a plain CSV keeps its text columns, a long Vietnamese text whole (a very long string)", () => {
    const long = "Cán bộ dân vận cần lắng nghe, đối thoại trực tiếp với Nhân dân ở cơ sở. ".repeat(8).trim()
    expect(new TextEncoder().encode(long).length).toBeGreaterThan(255)
    const source = join(files.dir, "plain.csv")
    writeFileSync(
      source,
      `cap,ghi_chu
1,"${long}"
2,Ngắn
1,
`
    )
    const out = join(files.dir, "plain.sav")
    const r = ok(["convert", source, "--out", out])
    expect(r.stderr).not.toContain("not written")
    expect(r.stderr).toContain("(3 rows, 2 variables)")
    const back = Either.getOrThrow(readSav(readFileSync(out), { fileName: out }))
    expect(back.textColumns).toEqual([{
      name: "ghi_chu",
      values: [long, "Ngắn", ""],
      label: { vi: "ghi_chu", en: "ghi_chu" }
    }])
    expect(back.file.variables[1].width).toBe(new TextEncoder().encode(long).length)
  })

  it("an unknown output extension is a usage error; a bad input writes nothing", () => {
    expect(run(["convert", google, "--out", join(files.dir, "x.txt")]).code).toBe(2)
    const bad = join(files.dir, "bad.csv")
    writeFileSync(bad, "start;info/level;_uuid\n2024-01-01;tinh;a\n")
    const out = join(files.dir, "never.sav")
    const r = run(["convert", bad, "--codebook", new URL("xlsform.xlsx", kobo).pathname, "--out", out])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain("row 2, column \"info/level\": value \"tinh\"")
    expect(existsSync(out)).toBe(false)
  })
})
