import { readFileSync } from "node:fs"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { parseUpload } from "../src/worker/upload.js"

// A Google Forms export (packages/io/scripts/forms/make-fixtures.py; the expected counts computed there).
const fixtures = new URL("../../../packages/io/test/fixtures/forms/", import.meta.url)

describe("uploading a form export", () => {
  it("stores the inferred codebook with the dataset and says what was inferred", async () => {
    const body = new Uint8Array(readFileSync(new URL("google-forms.csv", fixtures)))
    const parsed = await parseUpload({
      kind: "parseUpload",
      body,
      contentType: "text/csv",
      name: "responses.csv",
      codebook: undefined,
      weight: undefined,
      maxRows: 1e6,
      maxColumns: 1e4
    })
    if (Either.isLeft(parsed)) throw new Error(JSON.stringify(parsed.left))
    const expected = JSON.parse(readFileSync(new URL("forms-expected.json", fixtures), "utf8"))
    expect(parsed.right.rows).toBe(expected.rows)
    expect(parsed.right.fileCodebook?.multipleResponseSets?.[0]?.items).toHaveLength(5)
    expect(parsed.right.warnings.map((w) => w.code)).toContain("FORM_INFERRED")
  })
})
