import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import ExcelJS from "exceljs"
import { dataFormatOf, readDataBytes, readDataFile, readSav, writeSavFile } from "../src/index.js"

const dir = mkdtempSync(join(tmpdir(), "danvan-io-"))
const fixture = new URL("./fixtures/sav/survey-utf8.zsav", import.meta.url)

describe("readDataFile", () => {
  it.effect("reads .zsav with the file's own codebook, .xlsx and CSV by extension", () =>
    Effect.gen(function*() {
      const zsav = join(dir, "survey.zsav")
      copyFileSync(fixture, zsav)
      const sav = yield* readDataFile(zsav)
      expect(sav.format).toBe("sav")
      expect(sav.codebook?.id).toBe("survey")
      expect(sav.dataset.rowCount).toBe(200)
      expect(sav.textColumns.map((c) => c.name)).toEqual(["ten_don_vi", "tinh", "ghi_chu_dai"])

      const wb = new ExcelJS.Workbook()
      wb.addWorksheet("Data").addRows([["level"], [1], [2]])
      const xlsx = join(dir, "survey.xlsx")
      writeFileSync(xlsx, new Uint8Array(yield* Effect.promise(() => wb.xlsx.writeBuffer())))
      const x = yield* readDataFile(xlsx, { sheet: "Data" })
      expect([x.format, x.codebook, Array.from(x.dataset.columns[0].values)]).toEqual(["xlsx", undefined, [1, 2]])

      const csv = join(dir, "survey.csv")
      writeFileSync(csv, "level\n3\n")
      expect((yield* readDataFile(csv)).format).toBe("csv")
      // A .sav renamed to .dat is recognised by its signature.
      const renamed = join(dir, "survey.dat")
      copyFileSync(fixture, renamed)
      expect((yield* readDataFile(renamed)).format).toBe("sav")
    }))

  it.effect("rejects --sheet for a file that is not a workbook", () =>
    Effect.gen(function*() {
      const csv = join(dir, "s.csv")
      writeFileSync(csv, "level\n3\n")
      const error = yield* Effect.flip(readDataFile(csv, { sheet: "Data" }))
      expect(error.message).toContain(
        "a sheet name (\"Data\") for a CSV file — expected a sheet name only with an .xlsx workbook"
      )
    }))

  it.effect("writes .sav and .zsav files atomically that read back", () =>
    Effect.gen(function*() {
      const source = Either.getOrThrow(readSav(readFileSync(fixture), { fileName: "survey.zsav" }))
      for (const name of ["out.sav", "out.zsav"]) {
        const path = join(dir, name)
        yield* writeSavFile(path, source.dataset, source.codebook)
        const back = yield* readDataFile(path)
        expect(back.dataset.columns).toEqual(source.dataset.columns)
      }
      const failed = yield* Effect.flip(writeSavFile(join(dir, "no/such/dir.sav"), source.dataset, source.codebook))
      expect(failed.message).toBe(`cannot write ${join(dir, "no/such/dir.sav")}: the folder does not exist`)
    }))
})

describe("readDataBytes (uploads)", () => {
  it("with sniff: content the bytes decide, whatever the name says", async () => {
    const zsav = new Uint8Array(readFileSync(fixture))
    const sav = await Effect.runPromise(readDataBytes(zsav, "upload.csv", { sniff: "content" }))
    expect([sav.format, sav.codebook?.id, sav.dataset.rowCount]).toEqual(["sav", "upload", 200])
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet("Data").addRows([["level"], [1], [2]])
    const xlsx = await Effect.runPromise(
      readDataBytes(new Uint8Array(await wb.xlsx.writeBuffer()), "upload.csv", { sniff: "content" })
    )
    expect(xlsx.format).toBe("xlsx")
    const csv = await Effect.runPromise(
      readDataBytes(new TextEncoder().encode("level\n1\n"), "upload.sav", { sniff: "content" })
    )
    expect(csv.format).toBe("csv")
    expect([dataFormatOf("x.sav", new Uint8Array()), dataFormatOf("x.sav", new Uint8Array(), "content")]).toEqual([
      "sav",
      "csv"
    ])
  })
})
