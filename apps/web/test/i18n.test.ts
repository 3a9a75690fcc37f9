import { describe, expect, it } from "vitest"
import {
  crosstabCommand,
  describeCommand,
  frequenciesCommand,
  likertCommand,
  meansCommand,
  mrCommand,
  shellWord
} from "../src/command.js"
import { dataProblems, describeError, fromEnvelope } from "../src/errors.js"
import { dictionary, formatNumber, formatPValue, formatStat, translate } from "../src/i18n.js"

// The page's words and numbers, without a browser: both languages complete, Vietnamese in NFC, decimal comma in
// vi, p-values never ".000", errors in words without the server's text when it is not the API's envelope.

describe("the dictionary", () => {
  it("has the same keys in vi and en, every string non-empty, Vietnamese in NFC", () => {
    const vi = Object.keys(dictionary.vi).sort()
    expect(vi.length).toBeGreaterThan(50)
    expect(Object.keys(dictionary.en).sort()).toEqual(vi)
    for (const lang of ["vi", "en"] as const) {
      for (const [key, text] of Object.entries(dictionary[lang])) {
        expect(text.trim(), `${lang}.${key}`).not.toBe("")
        expect(text, `${lang}.${key}`).toBe(text.normalize("NFC"))
      }
    }
  })

  it("uses the same placeholders in both languages", () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const key of Object.keys(dictionary.vi) as Array<keyof typeof dictionary.vi>) {
      expect(names(dictionary.en[key]), key).toEqual(names(dictionary.vi[key]))
    }
    expect(translate("en", "uploaded", { name: "a.csv", rows: "1,096" })).toBe("Uploaded a.csv: 1,096 rows.")
  })
})

describe("numbers", () => {
  it("vi writes a decimal comma and dot thousands, en the reverse", () => {
    expect(formatNumber("vi", 1096)).toBe("1.096")
    expect(formatNumber("en", 1096)).toBe("1,096")
    expect(formatNumber("vi", 1234.5, 1)).toBe("1.234,5")
    expect(formatStat("vi", 41.0308, 3)).toBe("41,031")
    expect(formatStat("en", 41.0308, 3)).toBe("41.031")
    expect(formatNumber("vi", Number.NaN)).toBe("—")
  })

  it("p-values as the reports write them: < .001, never .000", () => {
    expect(formatPValue("en", 2.6e-8)).toBe("< .001")
    expect(formatPValue("vi", 2.6e-8)).toBe("< 0,001")
    expect(formatPValue("en", 0.0234)).toBe(".023")
    expect(formatPValue("en", 0.0004999)).not.toContain(".000")
  })
})

describe("the danvan command of a result", () => {
  it("repeats the choice, quoting what the shell would split", () => {
    expect(crosstabCommand({ file: "survey.csv", codebook: "hcmc-2024" }, "level", "sex", "vi")).toBe(
      "danvan crosstab --data survey.csv --codebook hcmc-2024 --row level --col sex --lang vi"
    )
    expect(frequenciesCommand({ file: "khảo sát 2024.csv", codebook: null }, ["level"], "en")).toBe(
      "danvan frequencies --data 'khảo sát 2024.csv' --lang en level"
    )
    expect(shellWord("it's")).toBe("'it'\\''s'")
  })
})

describe("errors in words", () => {
  it("a body that is not the API's envelope is described by its status alone", () => {
    const e = fromEnvelope(500, "Error: boom\n    at handler (/srv/app.js:12:3)", "req-1")
    const text = describeError("vi", e)
    expect(text).toContain("mã 500")
    expect(text).toContain("req-1")
    expect(text).not.toContain("app.js")
  })

  it("a refused data file lists its problems; other statuses say what to do", () => {
    const body = JSON.stringify({
      error: {
        code: "INVALID_DATA",
        message: "data file x.csv: 1 problem",
        details: { problems: [{ row: 3, column: "level", value: "x", expected: "1, 2 or 3" }], totalProblems: 1 }
      }
    })
    const e = { ...fromEnvelope(422, body), fileName: "x.csv" }
    expect(dataProblems(e)).toEqual({
      problems: [{ row: 3, column: "level", value: "x", expected: "1, 2 or 3" }],
      total: 1
    })
    expect(describeError("en", e)).toBe(
      "The file x.csv could not be read (1 problem(s)); nothing was stored. Fix the places below and upload it again."
    )
    expect(describeError("en", { status: 0, code: "NETWORK", message: "" })).toContain("danvan serve")
    expect(describeError("vi", { status: 503, code: "BUSY", message: "" })).toContain("thử lại")
    expect(describeError("en", { status: 401, code: "UNAUTHORIZED", message: "unknown API key" })).toContain(
      "Sign in again"
    )
  })
})

describe("the command lines of the new analyses", () => {
  const d = { file: "khảo sát.csv", codebook: "hcmc-2024" }
  it("crosstab with a layer and a weight; sets, means and describe with --no-weight", () => {
    expect(crosstabCommand(d, "level", "q1", "en", { layer: "sex", weight: "w" })).toBe(
      "danvan crosstab --data 'khảo sát.csv' --codebook hcmc-2024 --row level --col q1 --layer sex --weight w --lang en"
    )
    expect(mrCommand(d, "purpose", "level", "vi", { noWeight: true })).toBe(
      "danvan mr --data 'khảo sát.csv' --codebook hcmc-2024 --set purpose --group level --no-weight --lang vi"
    )
    expect(likertCommand(d, "difficulty", "level", "vi")).toBe(
      "danvan likert --data 'khảo sát.csv' --codebook hcmc-2024 --set difficulty --by level --lang vi"
    )
    expect(meansCommand(d, "age", "level", "en", { weight: "w" })).toBe(
      "danvan means --data 'khảo sát.csv' --codebook hcmc-2024 --var age --by level --weight w --lang en"
    )
    expect(describeCommand({ file: "a.csv", codebook: null }, ["age", "tenure"], "en", { noWeight: true })).toBe(
      "danvan describe --data a.csv --no-weight --lang en age tenure"
    )
  })
})
