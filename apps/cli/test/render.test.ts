import { builtinCodebook, decodeCodebook } from "@danvan/domain"
import {
  codebookToJson,
  displayWidth,
  formatP,
  renderCodebookText,
  renderCrosstabCsv,
  renderCrosstabJson,
  renderCrosstabMarkdown,
  renderCrosstabText,
  renderFrequenciesCsv,
  renderFrequenciesMarkdown,
  renderFrequenciesText
} from "@danvan/report/text"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { parseMissingSpec } from "../src/flags.js"
import { example, frequencyResult, makeCrosstab, twoByTwo } from "./fixtures.js"

const indexOfAll = (text: string, needles: ReadonlyArray<string>) => needles.map((n) => text.indexOf(n))

describe("formatP (APA)", () => {
  it("prints < .001 below .001 and three decimals without a leading zero otherwise", () => {
    expect(formatP(1.9287498479639e-22)).toBe("< .001")
    expect(formatP(0.0009999)).toBe("< .001")
    expect(formatP(0.0004)).toBe("< .001")
    expect(formatP(0.001)).toBe(".001")
    expect(formatP(0.0234)).toBe(".023")
    expect(formatP(0.5)).toBe(".500")
    expect(formatP(1)).toBe("1.000")
    expect(formatP(0)).toBe("< .001")
  })
  it("never prints .000, whatever the p", () => {
    for (let k = 0; k < 2000; k++) {
      const p = Math.pow(10, -8 + (8 * k) / 2000)
      expect(formatP(p)).not.toMatch(/^\.000$|^0\.000$/)
    }
  })
  it("shows NaN as a dash", () => {
    expect(formatP(Number.NaN)).toBe("—")
  })
})

describe("display width", () => {
  it("counts Vietnamese letters once whether composed (NFC) or decomposed (NFD)", () => {
    const word = "Phường/Xã"
    expect(displayWidth(word)).toBe(9)
    expect(displayWidth(word.normalize("NFD"))).toBe(9)
    expect(displayWidth("\u001b[1mTổng\u001b[22m")).toBe(4)
  })
})

describe("crosstab text", () => {
  const text = renderCrosstabText(example(), { lang: "en" })
  it("has SPSS CROSSTABS sections in order", () => {
    const at = indexOfAll(text, [
      "Case Processing Summary",
      "Cadre level * People's trust is limited Crosstabulation",
      "Chi-Square Tests",
      "Symmetric Measures",
      "Directional Measures"
    ])
    expect(at.every((i) => i >= 0)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
  })
  it("prints footnote a under Pearson even when no expected count is below 5, as SPSS does", () => {
    // the mark is a superscript letter after a space, never glued to the word or number ("Fisherb")
    expect(text).toMatch(/Pearson Chi-Square\s+35\.512 ᵃ/)
    expect(text).toMatch(/Fisher's Exact Test ᵇ/)
    expect(text).not.toMatch(/Test[a-d]\b|Error[a-d]\b|Approx\. T[a-d]\b|\d[a-d]\s/)
    expect(text).toContain("Asymp. Std. Error ᵃ")
    expect(text).toContain("a. 0 cells (0.0%) have expected count less than 5. The minimum expected count is 30.26.")
  })
  it("has the crosstab rows SPSS prints for each category", () => {
    for (
      const s of [
        "Count",
        "% within Cadre level",
        "% within People's trust is limited",
        "Expected Count",
        "Adjusted Residual",
        "Total"
      ]
    ) expect(text).toContain(s)
    for (
      const s of [
        "Pearson Chi-Square",
        "Likelihood Ratio",
        "Fisher's Exact Test",
        "Linear-by-Linear Association",
        "N of Valid Cases"
      ]
    ) expect(text).toContain(s)
    for (
      const s of [
        "Phi",
        "Cramér's V",
        "Contingency Coefficient",
        "Kendall's tau-b",
        "Kendall's tau-c",
        "Gamma",
        "Lambda",
        "Uncertainty Coefficient",
        "Somers' d"
      ]
    ) expect(text).toContain(s)
    expect(text).toContain("Asymp. Sig. (2-sided)")
    expect(text).toContain("Cadre level Dependent")
  })
  it("prints p as < .001 and never .000", () => {
    expect(text).toContain("< .001")
    expect(text).not.toMatch(/(^|[^0-9])\.000([^0-9]|$)/m)
  })
  it("says how Fisher's test was computed", () => {
    expect(text).toMatch(/Fisher's exact test: exact/)
    const mc = renderCrosstabText(twoByTwo(), { lang: "en" })
    expect(mc).toMatch(/Monte Carlo, B = 10000, seed 42/)
  })
  it("shows the continuity correction and the low-expected footnote for a 2x2 table", () => {
    const t = renderCrosstabText(twoByTwo(), { lang: "en" })
    expect(t).toContain("Continuity Correction")
    expect(t).toContain("5.051 ᵃ")
    expect(t).toContain("a. 2 cells (50.0%) have expected count less than 5. The minimum expected count is 4.50.")
    expect(t).toContain("Category 9 of \"level\" has no valid cases")
  })
  it("aligns columns: every line of a table is at most as wide as its rules", () => {
    for (const block of text.split("\n\n")) {
      const lines = block.split("\n")
      const rule = lines.find((l) => /^=+$/.test(l))!
      for (const l of lines.filter((x) => !/^[a-z]\. /.test(x))) {
        expect(displayWidth(l)).toBeLessThanOrEqual(rule.length)
      }
    }
  })
  it("right-aligns numbers in the crosstabulation", () => {
    const lines = text.split("\n")
    const count = lines.find((l) => l.startsWith("City") && l.includes("Count"))!
    const total = lines.find((l) => l.startsWith("Total") && l.includes("Count"))!
    expect(count.length).toBe(total.length)
    expect(count.endsWith("310")).toBe(true)
    expect(total.endsWith("1096")).toBe(true)
  })
  it("has no ANSI codes unless asked", () => {
    expect(text).not.toContain("\u001b")
    expect(renderCrosstabText(example(), { lang: "en", color: true })).toContain("\u001b[1m")
  })
})

describe("crosstab text in Vietnamese", () => {
  const text = renderCrosstabText(twoByTwo(), { lang: "vi" })
  it("uses Vietnamese headings with diacritics", () => {
    for (
      const s of [
        "Tóm tắt xử lý trường hợp",
        "Kiểm định Chi bình phương",
        "Bảng chéo Cấp cán bộ * Niềm tin của Nhân dân còn hạn chế",
        "Thiếu",
        "Tổng",
        "Phần trăm",
        "Tần số kỳ vọng",
        "Phần dư hiệu chỉnh",
        "Đo lường đối xứng",
        "Đo lường có hướng"
      ]
    ) {
      expect(text).toContain(s)
    }
    expect(text).toContain("Thành phố")
    expect(text).not.toContain("Case Processing Summary")
  })
  it("writes the low-expected footnote in Vietnamese from the warning's numbers", () => {
    expect(text).toContain("a. 2 ô (50.0%) có tần số kỳ vọng nhỏ hơn 5. Tần số kỳ vọng nhỏ nhất là 4.50.")
  })
})

describe("crosstab markdown", () => {
  const md = renderCrosstabMarkdown(twoByTwo(), { lang: "en" })
  it("has GitHub tables of the crosstab (count and row %) and the tests, with footnotes", () => {
    expect(md).toContain("### Cadre level \\* People's trust is limited Crosstabulation")
    expect(md).toContain("| --- | --- | ---: | ---: | ---: |")
    expect(md).toContain("| City | Count | 3 | 7 | 10 |")
    expect(md).toContain("|  | % within Cadre level | 30.0% | 70.0% | 100.0% |")
    expect(md).toContain("### Chi-Square Tests")
    expect(md).toContain("| Pearson Chi-Square | 5.051<sup>a</sup> | 1 | .025 |  |")
    expect(md).toContain("a. 2 cells (50.0%) have expected count less than 5.")
    expect(md).not.toMatch(/(^|[^0-9])\.000([^0-9]|$)/m)
  })
  it("gives every row of a table the same number of cells", () => {
    const tables = md.split("\n").filter((l) => l.startsWith("|"))
    const widths = new Set(tables.slice(0, 10).map((l) => l.split(" | ").length))
    expect(widths.size).toBe(1)
  })
})

describe("crosstab CSV", () => {
  const csv = renderCrosstabCsv(example(), { lang: "vi" })
  it("starts with a UTF-8 BOM and uses CRLF", () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(csv.slice(1)).not.toMatch(/[^\r]\n/)
  })
  it("has the labelled counts, a blank line, then the tests with numeric p", () => {
    const lines = csv.slice(1).split("\r\n")
    expect(lines[0]).toBe("Cấp cán bộ \\ Niềm tin của Nhân dân còn hạn chế,Khó khăn,Bình thường,Không khó khăn,Tổng")
    expect(lines[1]).toBe("Thành phố,66,209,35,310")
    expect(lines[4]).toBe("Tổng,387,602,107,1096")
    expect(lines[5]).toBe("")
    // then the row, column and total percents (full precision), each block with its totals and a blank line
    expect(lines[6]).toBe(
      "% trong Cấp cán bộ: Cấp cán bộ \\ Niềm tin của Nhân dân còn hạn chế,Khó khăn,Bình thường,Không khó khăn,Tổng"
    )
    expect(lines[7].split(",").map(Number).slice(1)).toEqual([
      (100 * 66) / 310,
      (100 * 209) / 310,
      (100 * 35) / 310,
      100
    ])
    expect(lines[12].startsWith("% trong Niềm tin của Nhân dân còn hạn chế:")).toBe(true)
    expect(lines[13].split(",").map(Number)[1]).toBeCloseTo((100 * 66) / 387, 12)
    expect(lines[18].startsWith("% trên tổng:")).toBe(true)
    expect(lines[19].split(",").map(Number)[1]).toBeCloseTo((100 * 66) / 1096, 12)
    const at = lines.findIndex((l) => l.startsWith("Kiểm định Chi bình phương,"))
    expect(at).toBe(24)
    const pearson = lines[at + 1].split(",")
    expect(pearson[0]).toBe("Chi bình phương Pearson")
    expect(Number(pearson[3])).toBeCloseTo(3.6e-7, 12)
  })
  it("quotes fields with commas", () => {
    const r = makeCrosstab([[1, 2], [3, 4]])
    const withComma = {
      ...r,
      row: { ...r.row, categories: [{ code: 1, label: { vi: "a, b", en: "say \"hi\", ok" } }, r.row.categories[1]] }
    }
    expect(renderCrosstabCsv(withComma, { lang: "en" })).toContain("\"say \"\"hi\"\", ok\",1,2,3")
  })
})

describe("crosstab JSON", () => {
  it("is the result object, with NaN and Infinity as null", () => {
    const r = makeCrosstab([[1, 2], [3, 4]])
    const json = renderCrosstabJson({
      ...r,
      measures: { ...r.measures, phi: Number.NaN, cramersV: Number.POSITIVE_INFINITY }
    })
    const back = JSON.parse(json)
    expect(back.kind).toBe("crosstab")
    expect(back.measures.phi).toBeNull()
    expect(back.measures.cramersV).toBeNull()
    expect(back.counts).toEqual([[1, 2], [3, 4]])
    expect(typeof back.tests.pearson.p).toBe("number")
  })
})

describe("frequencies", () => {
  it("renders SPSS FREQUENCIES rows: valid, missing by code, System, totals", () => {
    const text = renderFrequenciesText([frequencyResult()], { lang: "en" })
    for (
      const s of [
        "Statistics",
        "Cadre level (level)",
        "Frequency",
        "Percent",
        "Valid Percent",
        "Cumulative Percent",
        "Valid",
        "Missing",
        "No answer",
        "System",
        "Total"
      ]
    ) {
      expect(text).toContain(s)
    }
    const lines = text.split("\n")
    expect(lines.find((l) => l.includes("District"))).toMatch(/District\s+3\s+30\.0\s+42\.9\s+71\.4$/)
    expect(lines.find((l) => l.includes("System"))).toMatch(/System\s+1\s+10\.0$/)
    expect(lines.filter((l) => /^Total\s+10\s+100\.0$/.test(l))).toHaveLength(1)
  })
  it("uses Vietnamese headings", () => {
    const text = renderFrequenciesText([frequencyResult()], { lang: "vi" })
    for (
      const s of [
        "Tần số",
        "Phần trăm",
        "Phần trăm hợp lệ",
        "Phần trăm tích lũy",
        "Thiếu",
        "Tổng",
        "Hợp lệ",
        "Hệ thống",
        "Không trả lời"
      ]
    ) expect(text).toContain(s)
  })
  it("renders markdown and CSV", () => {
    const md = renderFrequenciesMarkdown([frequencyResult()], { lang: "en" })
    expect(md).toContain("| Valid | District | 3 | 30.0 | 42.9 | 71.4 |")
    const csv = renderFrequenciesCsv([frequencyResult()], { lang: "en" })
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(csv).toContain("\r\n9,No answer,Missing,2,20,,\r\n")
  })
})

describe("codebook", () => {
  const codebook = Either.getOrThrow(builtinCodebook("hcmc-2024"))
  it("lists variables with labels, kinds, measurement, value labels, scores and missing codes", () => {
    const text = renderCodebookText(codebook, { lang: "en" })
    expect(text).toContain("Codebook hcmc-2024")
    expect(text).toMatch(/^level {2}Cadre level {2}\[single choice, ordinal\]$/m)
    expect(text).toMatch(/^\s+1 {2}City\s*$/m)
    expect(text).toMatch(/^\s+9 {2}No answer\s+\(missing\)$/m)
    expect(text).toMatch(/^\s+1 {2}Difficult\s+3$/m)
    expect(text).toContain("Missing codes: 9")
    expect(text).toContain("Multiple-response sets")
    expect(text).toContain("Indicator sets")
  })
  it("in Vietnamese", () => {
    const text = renderCodebookText(codebook, { lang: "vi" })
    expect(text).toContain("Sổ mã hcmc-2024")
    expect(text).toMatch(/^level {2}Cấp cán bộ {2}\[một lựa chọn, thứ bậc\]$/m)
    expect(text).toContain("Thành phố")
  })
  it("codebookToJson gives a codebook file that decodes to the same codebook", () => {
    const back = decodeCodebook(JSON.parse(JSON.stringify(codebookToJson(codebook))), "round-trip")
    expect(Either.isRight(back)).toBe(true)
    expect(Either.getOrThrow(back)).toEqual(codebook)
  })
})

describe("--missing flag syntax", () => {
  it("parses VAR=CODE[,CODE...]", () => {
    expect(parseMissingSpec("level=9")).toEqual(["level", [9]])
    expect(parseMissingSpec("q1=8, 9")).toEqual(["q1", [8, 9]])
    expect(parseMissingSpec("q1=-1")).toEqual(["q1", [-1]])
  })
  it("rejects anything else with a message", () => {
    expect(parseMissingSpec("level")).toMatch(/not VAR=CODE/)
    expect(parseMissingSpec("=9")).toMatch(/not VAR=CODE/)
    expect(parseMissingSpec("level=")).toMatch(/not VAR=CODE/)
    expect(parseMissingSpec("level=x")).toMatch(/"x" .* not an integer/)
    expect(parseMissingSpec("level=1.5")).toMatch(/not an integer/)
  })
})
