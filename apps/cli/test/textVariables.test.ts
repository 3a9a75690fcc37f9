import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { readSav } from "@danvan/io"
import * as Either from "effect/Either"
import { afterAll, describe, expect, it } from "vitest"
import { run, STACK_FRAME, tempFiles } from "./run.js"

// The Kobo export and its XLSForm built by packages/io/scripts (expected values computed there).
const kobo = new URL("../../../packages/io/test/fixtures/kobo/", import.meta.url)
const koboExpected = JSON.parse(readFileSync(new URL("kobo-expected.json", kobo), "utf8"))
const files = tempFiles({
  "notes.csv": "level,ghichu\n1,abc\n2,Đã gặp\n",
  "notes.codebook.json": JSON.stringify({
    id: "notes",
    title: { vi: "Khảo sát", en: "Survey" },
    variables: [{
      name: "level",
      label: { vi: "Cấp", en: "Level" },
      kind: "single",
      values: [{ code: 1, label: { vi: "Thành phố", en: "City" } }, { code: 2, label: { vi: "Quận", en: "District" } }]
    }],
    textVariables: [{ name: "ghichu", label: { vi: "Ghi chú của điều tra viên", en: "Interviewer's note" } }]
  })
})
afterAll(files.cleanup)

const ok = (args: ReadonlyArray<string>) => {
  const r = run(args)
  expect(r.code, r.stderr).toBe(0)
  expect(r.stderr).not.toMatch(STACK_FRAME)
  return r
}
const savLabel = (path: string, name: string) =>
  Either.getOrThrow(readSav(readFileSync(path), { fileName: path })).file.variables.find((v) => v.name === name)?.label

describe("a codebook saved as JSON keeps the text questions' labels (textVariables)", () => {
  it("codebook from an XLSForm writes them; convert with the saved codebook labels the string variable", () => {
    const saved = join(files.dir, "xlsform.codebook.json")
    ok(["codebook", "from", new URL("xlsform.xlsx", kobo).pathname, "--out", saved])
    const json = JSON.parse(readFileSync(saved, "utf8"))
    expect(json.textVariables).toContainEqual({ name: "ykien", label: { vi: "Ý kiến", en: "Comments" } })
    const out = join(files.dir, "kobo-saved.sav")
    const r = ok(["convert", new URL("kobo-xml.csv", kobo).pathname, "--codebook", saved, "--out", out])
    expect(r.stderr).not.toContain("not written")
    const back = Either.getOrThrow(readSav(readFileSync(out), { fileName: out }))
    expect(back.textColumns.find((c) => c.name === "ykien")?.values).toEqual(koboExpected.ykien)
    expect(savLabel(out, "ykien")).toBe("Ý kiến")
    const english = join(files.dir, "kobo-saved-en.sav")
    ok(["convert", new URL("kobo-xml.csv", kobo).pathname, "--codebook", saved, "--out", english, "--lang", "en"])
    expect(savLabel(english, "ykien")).toBe("Comments")
  })

  it("codebook from a .sav keeps its labelled string variables, and they label a plain CSV's text column", () => {
    const out = join(files.dir, "notes.sav")
    ok(["convert", files.paths["notes.csv"]!, "--codebook", files.paths["notes.codebook.json"]!, "--out", out])
    expect(savLabel(out, "ghichu")).toBe("Ghi chú của điều tra viên")
    const fromSav = JSON.parse(ok(["codebook", "from", out]).stdout)
    expect(fromSav.textVariables).toEqual([
      { name: "ghichu", label: { vi: "Ghi chú của điều tra viên", en: "Ghi chú của điều tra viên" } }
    ])
    const saved = join(files.dir, "notes-from-sav.codebook.json")
    writeFileSync(saved, JSON.stringify(fromSav))
    const again = join(files.dir, "notes-again.sav")
    ok(["convert", files.paths["notes.csv"]!, "--codebook", saved, "--out", again])
    expect(savLabel(again, "ghichu")).toBe("Ghi chú của điều tra viên")
  })

  it("without textVariables a plain CSV's text column is labelled by its header, as before", () => {
    const plain = join(files.dir, "plain.codebook.json")
    const json = JSON.parse(readFileSync(files.paths["notes.codebook.json"]!, "utf8"))
    delete json.textVariables
    writeFileSync(plain, JSON.stringify(json))
    const out = join(files.dir, "notes-plain.sav")
    ok(["convert", files.paths["notes.csv"]!, "--codebook", plain, "--out", out])
    expect(savLabel(out, "ghichu")).toBe("ghichu")
  })
})
