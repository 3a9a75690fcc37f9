import { readFileSync } from "node:fs"
import { join } from "node:path"
import {
  type Codebook,
  codebookToJson,
  type Dataset,
  decodeCodebook,
  findVariable,
  getColumn,
  SYSTEM_MISSING
} from "@danvan/domain"
import { it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { describe, expect } from "vitest"
import { loadCodebook, readDataFile, readXlsFormFile } from "../src/index.js"

// Built by scripts/forms/make-kobo.py (expected counts computed there from the simulated answers).
const dir = join(__dirname, "fixtures", "kobo")
const expected = JSON.parse(readFileSync(join(dir, "kobo-expected.json"), "utf8"))
const form = join(dir, "xlsform.xlsx")

const counts = (dataset: Dataset, codebook: Codebook, name: string) => {
  const column = getColumn(dataset, name)!.values
  return Object.fromEntries(
    findVariable(codebook, name)!.values.map((v) => [v.label.en, column.filter((c) => c === v.code).length])
  )
}

const check = (dataset: Dataset, codebook: Codebook, split: boolean) => {
  expect(dataset.rowCount).toBe(expected.rows)
  expect(counts(dataset, codebook, "level")).toEqual(expected.level)
  expect(counts(dataset, codebook, "kk")).toEqual(expected.kk)
  expect(Array.from(getColumn(dataset, "age")!.values).reduce((a, b) => a + b, 0)).toBe(expected.age_sum)
  const set = codebook.multipleResponseSets[0]
  expect(set.items).toHaveLength(4)
  const items = set.items.map((i) => getColumn(dataset, i)!.values)
  expect(
    Object.fromEntries(set.items.map((i, k) => [
      findVariable(codebook, i)!.label.en,
      items[k].filter((c) => c === 1).length
    ]))
  ).toEqual(expected.kenh_selected)
  const answered = items[0].filter((c) => c !== SYSTEM_MISSING).length
  const none = items[0].filter((_, r) => items.every((col) => col[r] === 0)).length
  // Split 0/1 columns keep "none chosen" (all 0) apart from "not asked" (blank); a joined column alone cannot.
  expect(answered).toBe(split ? expected.kenh_asked : expected.kenh_any_chosen)
  expect(none).toBe(split ? expected.kenh_none_chosen : 0)
}

describe("XLSForm as codebook", () => {
  it.effect("select_one, select_multiple, integer, groups, bilingual labels and notes", () =>
    Effect.gen(function*() {
      const codebook = (yield* readXlsFormFile(form))!
      expect(codebook.id).toBe("dan_van_2024")
      expect(codebook.title).toEqual({ vi: "Khảo sát cán bộ dân vận", en: "Khảo sát cán bộ dân vận" })
      const level = findVariable(codebook, "level")!
      expect(level.label).toEqual({ vi: "Cấp cán bộ", en: "Cadre level" })
      expect(level.values.map((v) => `${v.code}=${v.name}`)).toEqual(["1=thanh_pho", "2=quan_huyen", "3=phuong_xa"])
      expect(level.note).toBe("group info; required")
      expect(findVariable(codebook, "kenh/mxh")?.note).toBe("group hd; relevant: ${age} < 55")
      expect(findVariable(codebook, "age")?.kind).toBe("numeric")
      expect(findVariable(codebook, "ykien")).toBeUndefined()
      expect(Either.isRight(decodeCodebook(JSON.parse(JSON.stringify(codebookToJson(codebook)))))).toBe(true)
    }))
})

describe("KoboToolbox and ODK Central exports resolved to the XLSForm", () => {
  it.effect("Kobo CSV with ';', XML values, '/' group paths, split and joined select_multiple, metadata", () =>
    Effect.gen(function*() {
      const codebook = yield* loadCodebook(form)
      const read = yield* readDataFile(join(dir, "kobo-xml.csv"), { codebook })
      check(read.dataset, codebook, true)
      expect(read.dataset.typing?.find((t) => t.name === "_submission_time")?.type).toBe("date")
      expect(read.dataset.typing?.find((t) => t.name === "_uuid")?.type).toBe("text")
    }))

  it.effect("ODK Central CSV with '-' group paths and only the joined column", () =>
    Effect.gen(function*() {
      const codebook = yield* loadCodebook(form)
      const read = yield* readDataFile(join(dir, "odk-central.csv"), { codebook })
      check(read.dataset, codebook, false)
    }))

  it.effect("Kobo XLSX with label headers", () =>
    Effect.gen(function*() {
      const codebook = yield* loadCodebook(form)
      const read = yield* readDataFile(join(dir, "kobo-labels.xlsx"), { codebook })
      check(read.dataset, codebook, true)
    }))

  it.effect("a value that is no choice is refused, naming row, column and value", () =>
    Effect.gen(function*() {
      const codebook = yield* loadCodebook(form)
      const { readDataBytes } = yield* Effect.promise(() => import("../src/index.js"))
      const csv = "start;info/level;_uuid\n2024-01-01;thanh_pho;a\n2024-01-01;tinh;b\n"
      const result = yield* Effect.either(readDataBytes(new TextEncoder().encode(csv), "k.csv", { codebook }))
      expect(Either.isLeft(result) && result.left.message).toContain("row 3, column \"info/level\": value \"tinh\"")
    }))
})
