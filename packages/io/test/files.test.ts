import { mkdtemp, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { CodebookError } from "@danvan/domain"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { DataFileError, FileReadError, loadCodebook, readCsvFile } from "../src/index.js"
import { hcmc } from "./helpers.js"

const tmp = () => Effect.promise(() => mkdtemp(join(tmpdir(), "danvan-io-")))

describe("readCsvFile", () => {
  it.effect("reads a file, naming it by its path in warnings", () =>
    Effect.gen(function*() {
      const dir = yield* tmp()
      const path = join(dir, "survey.csv")
      yield* Effect.promise(() => writeFile(path, "level,stt\n1,7\n"))
      const result = yield* readCsvFile(path, { codebook: hcmc })
      expect(result.dataset.rowCount).toBe(1)
      expect(result.dataset.codebookId).toBe("hcmc-2024")
      expect(result.warnings[0].message).toBe(
        `${path}: 1 column not in codebook hcmc-2024, typed from their contents (integer codes, numbers or text): stt`
      )
    }))

  it.effect("fails with FileReadError for a missing path", () =>
    Effect.gen(function*() {
      const path = join(yield* tmp(), "missing.csv")
      const error = yield* Effect.flip(readCsvFile(path))
      expect(error).toBeInstanceOf(FileReadError)
      expect(error).toMatchObject({ _tag: "FileReadError", path, reason: "no such file" })
      expect(error.message).toBe(`cannot read ${path}: no such file`)
    }))

  it.effect("fails with FileReadError for a directory", () =>
    Effect.gen(function*() {
      const dir = yield* tmp()
      const error = yield* Effect.flip(readCsvFile(dir))
      expect(error.message).toBe(`cannot read ${dir}: it is a directory, not a file`)
    }))

  it.effect("fails with DataFileError for bad content", () =>
    Effect.gen(function*() {
      const path = join(yield* tmp(), "bad.csv")
      yield* Effect.promise(() => writeFile(path, "level\nx\n"))
      const error = yield* Effect.flip(readCsvFile(path, { typeColumns: false }))
      expect(error).toBeInstanceOf(DataFileError)
      expect(error.message).toBe(
        `data file ${path}: 1 problem, nothing was read:\n  row 2, column "level": value "x" — expected an integer code`
      )
    }))
})

describe("loadCodebook", () => {
  it.effect("loads a built-in codebook by id", () =>
    Effect.gen(function*() {
      const codebook = yield* loadCodebook("hcmc-2024")
      expect(codebook.id).toBe("hcmc-2024")
      expect(codebook.groupVariable).toBe("level")
    }))

  it.effect("loads a codebook file by path", () =>
    Effect.gen(function*() {
      const path = join(yield* tmp(), "mini.json")
      const json = {
        id: "mini",
        title: { vi: "Khảo sát", en: "Survey" },
        variables: [{
          name: "level",
          label: { vi: "Cấp", en: "Level" },
          kind: "single",
          values: [{ code: 1, label: { vi: "Thành phố", en: "City" } }]
        }]
      }
      yield* Effect.promise(() => writeFile(path, JSON.stringify(json)))
      const codebook = yield* loadCodebook(path)
      expect(codebook.id).toBe("mini")
    }))

  it.effect("gives a CodebookError with JSON paths for an invalid codebook file", () =>
    Effect.gen(function*() {
      const dir = yield* tmp()
      const invalid = join(dir, "invalid.json")
      yield* Effect.promise(() =>
        writeFile(
          invalid,
          JSON.stringify({
            id: "x",
            title: { vi: "T", en: "T" },
            variables: [{
              name: "level",
              label: { vi: "C", en: "L" },
              kind: "single",
              values: [{ code: "one", label: { vi: "a", en: "a" } }]
            }]
          })
        )
      )
      const error = yield* Effect.flip(loadCodebook(invalid))
      expect(error).toBeInstanceOf(CodebookError)
      if (!(error instanceof CodebookError)) return
      expect(error.source).toBe(invalid)
      expect(error.issues.map((i) => i.path)).toContain("$.variables[0].values[0].code")
      expect(error.message).toContain(`invalid codebook ${invalid}:`)

      const syntax = join(dir, "syntax.json")
      yield* Effect.promise(() => writeFile(syntax, "{ not json"))
      const syntaxError = yield* Effect.flip(loadCodebook(syntax))
      expect(syntaxError).toMatchObject({
        _tag: "CodebookError",
        source: syntax,
        issues: [{ path: "$", message: expect.stringContaining("not valid JSON") }]
      })
    }))

  it.effect("gives a FileReadError listing the built-in ids for an unknown id", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(loadCodebook("nope"))
      expect(error).toBeInstanceOf(FileReadError)
      expect(error.message).toBe("cannot read nope: no such file, and not a built-in codebook (built-in: hcmc-2024)")
    }))
})
