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
import { csvTable, inferForm, readDataBytes, readDataFile, splitAnswer } from "../src/index.js"

const dir = join(__dirname, "fixtures", "forms")
const expected = JSON.parse(readFileSync(join(dir, "forms-expected.json"), "utf8"))

const countOf = (dataset: Dataset, codebook: Codebook, name: string): Record<string, number> => {
  const column = getColumn(dataset, name)
  const variable = findVariable(codebook, name)
  if (column === undefined || column.type !== "codes" || variable === undefined) {
    throw new Error(`no code column ${name}`)
  }
  const out: Record<string, number> = {}
  for (const v of variable.values) out[v.label.vi] = column.values.filter((c) => c === v.code).length
  return out
}

const checkCounts = (dataset: Dataset, codebook: Codebook) => {
  expect(dataset.rowCount).toBe(expected.rows)
  expect(countOf(dataset, codebook, "q1")).toEqual(expected.q1)
  expect(countOf(dataset, codebook, "q2")).toEqual(expected.q2)
  const set = codebook.multipleResponseSets.find((s) => s.name === "q3")!
  expect(set.items.length).toBe(Object.keys(expected.q3.selected).length)
  const selected: Record<string, number> = {}
  let answered = 0
  const columns = set.items.map((i) => getColumn(dataset, i)!.values)
  for (let r = 0; r < dataset.rowCount; r++) if (columns[0][r] !== SYSTEM_MISSING) answered++
  set.items.forEach((
    item,
    k
  ) => (selected[findVariable(codebook, item)!.label.vi] = columns[k].filter((c) => c === 1).length))
  expect(selected).toEqual(expected.q3.selected)
  expect(answered).toBe(expected.q3.answered)
  expect(expected.q4.length).toBe(3)
  expected.q4.forEach((counts: Record<string, number>, k: number) =>
    expect(countOf(dataset, codebook, `q4_${k + 1}`)).toEqual(counts)
  )
  // The difficulty scale keeps its natural order, the agreement scale too (an unseen category still listed).
  expect(findVariable(codebook, "q4_1")!.values.map((v) => v.label.vi)).toEqual(Object.keys(expected.q4[0]))
  expect(countOf(dataset, codebook, "q5")).toEqual(expected.q5)
  expect(countOf(dataset, codebook, "q6")).toEqual(expected.q6)
  const age = getColumn(dataset, "q7")!
  expect(Array.from(age.values).reduce((a, b) => a + b, 0)).toBe(expected.q7_sum)
  expect(dataset.typing?.map((t) => `${t.name}:${t.type}`)).toContain("q8:text")
  // The inferred codebook is a valid codebook file.
  const json = JSON.parse(JSON.stringify(codebookToJson(codebook)))
  expect(Either.isRight(decodeCodebook(json))).toBe(true)
}

describe("Google Forms export", () => {
  it.effect("infers the codebook and reproduces the counts computed by the generator", () =>
    Effect.gen(function*() {
      const read = yield* readDataFile(join(dir, "google-forms.csv"))
      expect(read.codebook?.source).toMatch(/Google Forms/)
      checkCounts(read.dataset, read.codebook!)
      expect(read.dataset.typing?.find((t) => t.name === "timestamp")).toMatchObject({ type: "date", row: 2 })
      expect(read.dataset.typing?.find((t) => t.name === "email")).toMatchObject({ type: "text" })
      expect(read.warnings.find((w) => w.code === "FORM_INFERRED")?.message).toMatch(/q3 checkbox \(5 options/)
      expect(read.warnings.some((w) => w.code === "FORM_AMBIGUOUS_OPTION")).toBe(false)
    }))
})

describe("Microsoft Forms export", () => {
  it.effect("reads the .xlsx with its ID/Start time/Completion time metadata and ';' checkbox answers", () =>
    Effect.gen(function*() {
      const read = yield* readDataFile(join(dir, "microsoft-forms.xlsx"))
      expect(read.codebook?.source).toMatch(/Microsoft Forms/)
      checkCounts(read.dataset, read.codebook!)
      expect(findVariable(read.codebook!, "id")?.role).toBe("id")
    }))
})

describe("checkbox answers", () => {
  it("keeps bracketed and lower-case continued options whole", () => {
    expect(splitAnswer("Qua mạng xã hội (Zalo, Facebook), Hội nghị, họp dân", new Set(["Hội nghị, họp dân"]), ", "))
      .toEqual({
        options: ["Qua mạng xã hội (Zalo, Facebook)", "Hội nghị, họp dân"]
      })
    expect(splitAnswer("A;B (x;y);", new Set(), ";").options).toEqual(["A", "B (x;y)"])
  })

  it("reports an answer that could be one option or two, naming column, row and value, and does not split it", () => {
    const csv = "Timestamp,Kênh\n1/1/2024,Báo chí\n1/1/2024,\"Báo chí, Tiếp xúc, Đối thoại\"\n"
    const read = inferForm(csvTable(new TextEncoder().encode(csv)), { fileName: "f.csv" })
    const right = Either.getOrThrow(read)
    const warning = right.warnings.find((w) => w.code === "FORM_AMBIGUOUS_OPTION")
    expect(warning?.message).toContain("row 3, column \"Kênh\": value \"Báo chí, Tiếp xúc, Đối thoại\"")
    expect(right.codebook.variables.map((v) => v.label.vi)).toEqual(["Báo chí", "Tiếp xúc, Đối thoại"])
  })

  it.effect("follows a codebook's choice list: names, codes and the split", () =>
    Effect.gen(function*() {
      const codebook = Either.getOrThrow(decodeCodebook({
        id: "kenh",
        title: { vi: "k", en: "k" },
        variables: [
          {
            name: "cấp",
            label: { vi: "Cấp", en: "Level" },
            kind: "single",
            values: [{ code: 3, label: { vi: "Xã", en: "Commune" } }, {
              code: 1,
              label: { vi: "Tỉnh", en: "Province" }
            }]
          },
          {
            name: "kênh/a",
            label: { vi: "Báo chí", en: "Press" },
            kind: "multiple-response-item",
            values: [{ code: 1, label: { vi: "Có", en: "Yes" } }]
          },
          {
            name: "kênh/b",
            label: { vi: "Tiếp xúc, Đối thoại", en: "Meetings" },
            kind: "multiple-response-item",
            values: [{ code: 1, label: { vi: "Có", en: "Yes" } }]
          }
        ],
        multipleResponseSets: [{
          name: "q2",
          label: { vi: "Kênh", en: "Channels" },
          items: ["kênh/a", "kênh/b"],
          countedValue: 1
        }]
      }))
      const csv = "Timestamp,Cấp,Kênh\n1/1/2024,Xã,Báo chí\n1/1/2024,Tỉnh,\"Báo chí, Tiếp xúc, Đối thoại\"\n"
      const read = yield* readDataBytes(new TextEncoder().encode(csv), "f.csv", { codebook })
      expect(read.warnings.some((w) => w.code === "FORM_AMBIGUOUS_OPTION")).toBe(false)
      expect(Array.from(getColumn(read.dataset, "kênh/b")!.values)).toEqual([0, 1])
      expect(read.codebook).toBe(codebook)
    }))

  it.effect("refuses an answer the codebook does not list, naming row, column and value", () =>
    Effect.gen(function*() {
      const codebook = Either.getOrThrow(decodeCodebook({
        id: "c",
        title: { vi: "c", en: "c" },
        variables: [{
          name: "q1",
          label: { vi: "Cấp", en: "Level" },
          kind: "single",
          values: [{ code: 1, label: { vi: "Xã", en: "Commune" } }]
        }]
      }))
      const csv = "Timestamp,Cấp\n1/1/2024,Xã\n1/1/2024,Huyện\n"
      const result = yield* Effect.either(readDataBytes(new TextEncoder().encode(csv), "f.csv", { codebook }))
      expect(Either.isLeft(result) && result.left.message).toContain("row 3, column \"Cấp\": value \"Huyện\"")
    }))
})

describe("answer order", () => {
  it("cadre levels keep their customary order; other answers first appearance; a Likert set its natural order", () => {
    const csv =
      "Timestamp,Cấp,Màu,Mức độ\n1/1/2024,Phường/Xã,Xanh,Khó khăn\n1/1/2024,Thành phố,Đỏ,Rất khó khăn\n1/1/2024,Quận/Huyện,Xanh,Khó khăn\n"
    const read = Either.getOrThrow(inferForm(csvTable(new TextEncoder().encode(csv)), { fileName: "f.csv" }))
    const labels = (name: string) => findVariable(read.codebook, name)!.values.map((v) => v.label.vi)
    expect(labels("q1")).toEqual(["Thành phố", "Quận/Huyện", "Phường/Xã"])
    expect(labels("q2")).toEqual(["Xanh", "Đỏ"])
    // Both the 3- and the 4-point difficulty scales hold these answers: the shorter (the seed study's) is taken.
    expect(labels("q3")).toEqual(["Rất khó khăn", "Khó khăn", "Không khó khăn"])
    expect(findVariable(read.codebook, "q3")!.values.map((v) => v.score)).toEqual([1, 2, 3])
  })
})
