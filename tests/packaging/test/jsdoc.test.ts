import { execFile } from "node:child_process"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { describe, expect, it } from "vitest"
import { formatMissing } from "../scripts/jsdoc.mjs"

// Every exported function of every published entry point has a doc comment with a one-line description and
// an `@example` (the API reference in docs/api is generated from them). A failure lists each one that lacks
// them as `file:line name (package) lacks ...`; `node tests/packaging/scripts/jsdoc.mjs` prints the same list.
// The TypeScript program is built in a child process: seconds of synchronous work would stall the test worker.
describe("API documentation", () => {
  it("every exported function has a doc comment and an @example", async () => {
    const script = fileURLToPath(new URL("../scripts/jsdoc.mjs", import.meta.url))
    const { stdout } = await promisify(execFile)(process.execPath, [script, "--json"], { maxBuffer: 64 << 20 })
    const { entries, functions, missing } = JSON.parse(stdout)
    expect(entries).toBeGreaterThanOrEqual(5)
    expect(functions).toBeGreaterThan(100)
    expect(formatMissing(missing)).toEqual([])
  })
})
