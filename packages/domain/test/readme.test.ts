import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { builtinCodebook, findVariable, parseCodebook, validCategories } from "../src/index.js"

// The README's example, run as written.
describe("README example", () => {
  it("lists the levels and reports a bad codebook with JSON paths", () => {
    const hcmc = Either.getOrThrow(builtinCodebook("hcmc-2024"))
    const level = findVariable(hcmc, "level")!
    expect(validCategories(level).map((c) => `${c.code} ${c.label.vi} / ${c.label.en}`)).toEqual([
      "1 Thành phố / City",
      "2 Quận/Huyện / District",
      "3 Phường/Xã / Ward/Commune"
    ])
    const bad = parseCodebook("{\"id\": \"x\", \"title\": {\"vi\": \"Khảo sát\"}, \"variables\": []}", "mine.json")
    expect(Either.isLeft(bad) && bad.left.message).toMatch(
      /^invalid codebook mine.json:\n {2}\$\.title\.en: is missing\n {2}\$\.variables: needs at least one entry$/
    )
  })
})
