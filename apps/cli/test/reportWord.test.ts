import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, describe, expect, it } from "vitest"
import { run, STACK_FRAME, tempFiles } from "./run.js"

const DATA = fileURLToPath(new URL("../../../examples/hcmc-2024-synthetic.csv", import.meta.url))

// Quotes as the paper sets them (seed, p. 168-182): a text with commas and a line break, Vietnamese and English roles.
const EXCERPTS = [
  "text,theme,sex,role,role_en,age,level",
  "\"Công tác dân vận ngày càng được đổi mới cả về nội dung và phương thức hoạt động, phù hợp với tinh thần Đại hội\",content,Nam,cán bộ cơ sở Đảng,Party grassroots cadre,45,3",
  "\"Các chính sách ban hành đôi khi chưa phù hợp với tình hình địa phương,\ndẫn đến công tác dân vận khó thực hiện tốt\",difficulty,Nữ,cán bộ Đảng,Party cadre,44,2",
  "\"Công tác phối hợp giữa cơ quan Nhà nước với Mặt trận có lúc chưa chặt chẽ\",difficulty,Nam,cán bộ cựu chiến binh,CCB official,57,2"
].join("\n")

const plan = (excerpts: object) =>
  JSON.stringify({
    id: "thesis",
    title: { vi: "Luận văn", en: "Thesis" },
    codebook: "hcmc-2024",
    sections: [{
      kind: "likert",
      id: "difficulty",
      set: "difficulty",
      by: "level",
      title: { vi: "Khó khăn", en: "Difficulties" },
      excerpts
    }]
  })

const tmp = tempFiles({
  "excerpts.csv": EXCERPTS,
  "plan.json": plan({ file: "excerpts.csv", theme: "difficulty", filter: { sex: "nữ" } }),
  "plan-missing.json": plan({ file: "nosuch.csv" }),
  "no-text.csv": "quote,theme\nabc,x\n",
  "empty-row.csv": "text,theme\nabc,x\n,y\n"
})
afterAll(() => tmp.cleanup())

const fromData = (out: string, ...extra: Array<string>) =>
  run(["report", "--data", DATA, "--codebook", "hcmc-2024", "--plan", "hcmc-2024", "--out", out, ...extra])

describe("danvan report --out .docx / .pdf, --charts, --detail", () => {
  it("writes a Word document of the built-in plan (every table, every chart); --detail apa leaves out the tests table", () => {
    const out = join(tmp.dir, "report.docx")
    const r = fromData(out, "--lang", "vi")
    expect(r.stderr).toBe("")
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(`report written to ${out} (docx, vi: 5 sections, 6 tables, 4 charts)`)
    expect(readFileSync(out).subarray(0, 2).toString("latin1")).toBe("PK")
    const apa = fromData(join(tmp.dir, "apa.docx"), "--lang", "en", "--detail", "apa")
    expect(apa.code).toBe(0)
    expect(apa.stdout).toContain("(docx, en: 5 sections, 5 tables, 4 charts)")
  })

  it("prints the published tables to PDF with Chromium and writes every chart as SVG and PNG", () => {
    const out = join(tmp.dir, "published.pdf")
    const charts = join(tmp.dir, "charts")
    const r = run(["report", "hcmc-2024", "--out", out, "--lang", "en", "--charts", charts])
    expect(r.stderr).toBe("")
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("(pdf, en: 4 sections, 4 tables, 4 charts)")
    expect(r.stdout).toContain(`8 chart files (SVG and PNG, 300 dpi) written to ${charts}`)
    expect(readFileSync(out).subarray(0, 5).toString("latin1")).toBe("%PDF-")
    const files = readdirSync(charts).sort()
    expect(files.length).toBe(8)
    expect(files.filter((f) => f.endsWith(".svg")).map((f) => f.replace(/\.svg$/, ""))).toEqual(
      files.filter((f) => f.endsWith(".png")).map((f) => f.replace(/\.png$/, ""))
    )
  })

  it("a Chromium that cannot start is exit 1 with what to do, and no file is written", () => {
    const out = join(tmp.dir, "nochrome.pdf")
    const r = run(["report", "hcmc-2024", "--out", out], { CHROMIUM_PATH: "/nonexistent/chromium" })
    expect(r.code).toBe(1)
    expect(r.stderr).toContain("cannot start Chromium at /nonexistent/chromium")
    expect(r.stderr).toContain("CHROMIUM_PATH")
    expect(r.stderr).not.toMatch(STACK_FRAME)
    expect(readdirSync(tmp.dir)).not.toContain("nochrome.pdf")
  })
})

describe("interview excerpts", () => {
  it("a plan section's excerpts (file beside the plan, theme and filter) are printed after its table with the paper's attribution", () => {
    const out = join(tmp.dir, "thesis.md")
    const r = run(["report", "--data", DATA, "--plan", tmp.paths["plan.json"], "--out", out, "--lang", "vi"])
    expect(r.stderr).toBe("")
    expect(r.code).toBe(0)
    const md = readFileSync(out, "utf8")
    expect(md).toContain("(Nữ, cán bộ Đảng, 44 tuổi)")
    expect(md).toContain(
      "Các chính sách ban hành đôi khi chưa phù hợp với tình hình địa phương,\ndẫn đến".replace("\n", " ")
    )
    // the filter (sex = nữ) and theme leave the other two quotes out
    expect(md).not.toContain("57 tuổi")
    expect(md).not.toContain("45 tuổi")
    const en = join(tmp.dir, "thesis-en.md")
    expect(run(["report", "--data", DATA, "--plan", tmp.paths["plan.json"], "--out", en, "--lang", "en"]).code).toBe(0)
    expect(readFileSync(en, "utf8")).toContain("(Female, Party cadre, 44 years old)")
  })

  it("an excerpts file that is not there: exit 1 naming it", () => {
    const r = run(["report", "--data", DATA, "--plan", tmp.paths["plan-missing.json"], "--out", join(tmp.dir, "x.md")])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(join(tmp.dir, "nosuch.csv"))
    expect(r.stderr).not.toMatch(STACK_FRAME)
  })

  it("danvan excerpts --by theme lists them grouped, attributed in vi or en; --filter and --format json", () => {
    const r = run(["excerpts", "--data", tmp.paths["excerpts.csv"], "--by", "theme", "--lang", "vi"])
    expect(r.stderr).toBe("")
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("theme: content (1)")
    expect(r.stdout).toContain("theme: difficulty (2)")
    expect(r.stdout).toContain("(Nam, cán bộ cơ sở Đảng, 45 tuổi)")
    expect(r.stdout).toContain("(Nam, cán bộ cựu chiến binh, 57 tuổi)")
    const j = run([
      "excerpts",
      "--data",
      tmp.paths["excerpts.csv"],
      "--by",
      "level",
      "--filter",
      "sex=Nam",
      "--format",
      "json",
      "--lang",
      "en"
    ])
    expect(j.code).toBe(0)
    const json = JSON.parse(j.stdout)
    expect(json.total).toBe(2)
    expect(json.groups.map((g: { value: string }) => g.value)).toEqual(["3", "2"])
    expect(json.groups[1].excerpts[0].attribution).toBe("Male, CCB official, 57 years old")
  })

  it("bad excerpt files and filters: the file, row and column, and what to do", () => {
    const noText = run(["excerpts", "--data", tmp.paths["no-text.csv"]])
    expect(noText.code).toBe(1)
    expect(noText.stderr).toContain(tmp.paths["no-text.csv"])
    expect(noText.stderr).toContain("a column named text")
    const empty = run(["excerpts", "--data", tmp.paths["empty-row.csv"]])
    expect(empty.code).toBe(1)
    expect(empty.stderr).toContain("row 3, column \"text\"")
    const filter = run(["excerpts", "--data", tmp.paths["excerpts.csv"], "--filter", "sex"])
    expect(filter.code).toBe(2)
    expect(filter.stderr).toContain("COLUMN=VALUE")
    for (const x of [noText, empty, filter]) expect(x.stderr).not.toMatch(STACK_FRAME)
  })
})
