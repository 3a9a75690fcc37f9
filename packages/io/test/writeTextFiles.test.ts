import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { describe, expect } from "vitest"
import { writeTextFiles } from "../src/index.js"

describe("writeTextFiles", () => {
  it.effect("writes every file", () =>
    Effect.gen(function*() {
      const dir = mkdtempSync(join(tmpdir(), "danvan-write-"))
      yield* writeTextFiles([{ path: join(dir, "a.csv"), text: "Phường\n" }, {
        path: join(dir, "a.csv.meta.json"),
        text: "{}"
      }])
      expect(readFileSync(join(dir, "a.csv"), "utf8")).toBe("Phường\n")
      expect(readdirSync(dir).sort()).toEqual(["a.csv", "a.csv.meta.json"])
    }))

  it.effect("leaves nothing behind when one file cannot be written", () =>
    Effect.gen(function*() {
      const dir = mkdtempSync(join(tmpdir(), "danvan-write-"))
      const result = yield* Effect.either(
        writeTextFiles([{ path: join(dir, "ok.csv"), text: "x" }, {
          path: join(dir, "no", "such", "b.csv"),
          text: "y"
        }])
      )
      expect(Either.isLeft(result) && result.left.message).toBe(
        `cannot write ${join(dir, "no", "such", "b.csv")}: the folder does not exist`
      )
      expect(existsSync(join(dir, "ok.csv"))).toBe(false)
      expect(readdirSync(dir)).toEqual([])
    }))
})
