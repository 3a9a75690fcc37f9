import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { builtinCodebook, codebookToJson, decodeCodebook } from "../src/index.js"

const withText = (textVariables: unknown) => ({
  id: "mini",
  title: { vi: "Khảo sát", en: "Survey" },
  variables: [
    {
      name: "level",
      label: { vi: "Cấp", en: "Level" },
      kind: "single",
      values: [{ code: 1, label: { vi: "Thành phố", en: "City" } }]
    }
  ],
  textVariables
})

describe("textVariables: the free-answer questions of a codebook", () => {
  it("round-trips through codebookToJson and decodeCodebook, NFC and in order", () => {
    const decomposed = "Ý kiến khác".normalize("NFD")
    const cb = Either.getOrThrow(decodeCodebook(withText([
      { name: "y_kien", label: { vi: decomposed, en: "Other comments" } },
      { name: "ngay", label: { vi: "Ngày phỏng vấn", en: "Interview date" } }
    ])))
    expect(cb.textVariables).toEqual([
      { name: "y_kien", label: { vi: "Ý kiến khác", en: "Other comments" } },
      { name: "ngay", label: { vi: "Ngày phỏng vấn", en: "Interview date" } }
    ])
    const json = codebookToJson(cb)
    expect(json.textVariables).toEqual(cb.textVariables)
    const again = Either.getOrThrow(decodeCodebook(JSON.parse(JSON.stringify(json))))
    expect(again).toEqual(cb)
  })

  it("is optional and additive: a codebook without it has none and writes none", () => {
    const hcmc = Either.getOrThrow(builtinCodebook("hcmc-2024"))
    expect(hcmc.textVariables).toBeUndefined()
    expect("textVariables" in codebookToJson(hcmc)).toBe(false)
    const empty = Either.getOrThrow(decodeCodebook(withText([])))
    expect(empty.textVariables).toBeUndefined()
  })

  it("a name that is also a variable, given twice or empty is an issue with its JSON path", () => {
    const clash = decodeCodebook(withText([
      { name: "level", label: { vi: "Cấp", en: "Level" } },
      { name: "x", label: { vi: "X", en: "X" } },
      { name: "x", label: { vi: "X", en: "X" } }
    ]))
    expect(Either.isLeft(clash)).toBe(true)
    const issues = Either.isLeft(clash) ? clash.left.issues : []
    expect(issues).toEqual([
      { path: "$.textVariables[0].name", message: "text variable \"level\" is also a variable" },
      { path: "$.textVariables[2].name", message: "text variable \"x\" is given twice" }
    ])
    const empty = decodeCodebook(withText([{ name: "", label: { vi: "X", en: "X" } }]))
    expect(Either.isLeft(empty) && JSON.stringify(empty.left.issues)).toContain("textVariables")
  })
})
