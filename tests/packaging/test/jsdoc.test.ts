import { describe, expect, it } from "vitest"
import { formatMissing, undocumentedFunctions } from "../scripts/jsdoc.mjs"

// Every exported function of every published entry point has a doc comment with a one-line description and
// an `@example` (the API reference in docs/api is generated from them). A failure lists each one that lacks
// them as `file:line name (package) lacks ...`; `node tests/packaging/scripts/jsdoc.mjs` prints the same list.
describe("API documentation", () => {
  it("every exported function has a doc comment and an @example", () => {
    const { entries, functions, missing } = undocumentedFunctions()
    expect(entries).toBeGreaterThanOrEqual(5)
    expect(functions).toBeGreaterThan(100)
    expect(formatMissing(missing)).toEqual([])
  })
})
