import { describe, expect, it } from "vitest"
import { decodeText } from "../src/index.js"
import { bytesOf, encodeWindows1258, read, WINDOWS_1258 } from "./helpers.js"

const windows1258 = new TextDecoder("windows-1258")

describe("the windows-1258 test table", () => {
  it("matches Node's windows-1258 decoder byte for byte", () => {
    for (const [ch, byte] of Object.entries(WINDOWS_1258)) expect(windows1258.decode(Uint8Array.of(byte))).toBe(ch)
  })

  it("encodes Phường and Thành phố with combining tone marks, as Windows does", () => {
    expect([...encodeWindows1258("Phường")]).toEqual([0x50, 0x68, 0xfd, 0xf5, 0xcc, 0x6e, 0x67])
    expect([...encodeWindows1258("Thành phố")]).toEqual([0x54, 0x68, 0xe0, 0x6e, 0x68, 0x20, 0x70, 0x68, 0xf4, 0xec])
  })
})

describe("decodeText", () => {
  it("decodes UTF-8 and drops a byte order mark", () => {
    const withBom = Uint8Array.from([0xef, 0xbb, 0xbf, ...bytesOf("cấp\n1\n")])
    expect(decodeText(withBom)).toEqual({ text: "cấp\n1\n", encoding: "utf-8", warnings: [] })
    expect(decodeText(bytesOf("cấp\n1\n"))).toEqual({ text: "cấp\n1\n", encoding: "utf-8", warnings: [] })
  })

  it("falls back to windows-1258 for bytes that are not UTF-8 and composes the tone marks (NFC)", () => {
    const bytes = encodeWindows1258("Phường,Thành phố")
    const { text, encoding, warnings } = decodeText(bytes)
    expect(encoding).toBe("windows-1258")
    expect(text).toBe("Phường,Thành phố".normalize("NFC"))
    expect(text).toHaveLength("Phường,Thành phố".normalize("NFC").length)
    expect(text.includes("\u0300")).toBe(false)
    expect(warnings).toHaveLength(1)
    expect(warnings[0].code).toBe("ENCODING_FALLBACK")
    expect(warnings[0].message).toContain("not valid UTF-8 (byte 0xFD at offset 2)")
    expect(warnings[0].message).toContain("windows-1258")
  })

  it("drops a UTF-8 byte order mark before a windows-1258 fallback", () => {
    const { text, encoding } = decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...encodeWindows1258("Phường")]))
    expect(encoding).toBe("windows-1258")
    expect(text).toBe("Phường".normalize("NFC"))
  })

  it("normalises decomposed (NFD) UTF-8 to NFC", () => {
    const nfd = "Phường".normalize("NFD")
    expect(nfd).not.toBe("Phường".normalize("NFC"))
    expect(decodeText(bytesOf(nfd)).text).toBe("Phường".normalize("NFC"))
  })
})

describe("readCsv encodings", () => {
  it("reads a UTF-8 file with a BOM: the first column name is clean", () => {
    const { dataset, encoding, warnings } = read(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytesOf("level,sex\n1,2\n")]))
    expect(encoding).toBe("utf-8")
    expect(warnings).toEqual([])
    expect(dataset.columns.map((c) => c.name)).toEqual(["level", "sex"])
  })

  it("reads windows-1258 column names as NFC and warns, naming the file", () => {
    const { dataset, encoding, warnings } = read(encodeWindows1258("Phường;Thành phố\n1;2\n"), {
      fileName: "quan1.csv"
    })
    expect(encoding).toBe("windows-1258")
    expect(dataset.columns.map((c) => c.name)).toEqual(["Phường".normalize("NFC"), "Thành phố".normalize("NFC")])
    expect(warnings).toEqual([{
      code: "ENCODING_FALLBACK",
      message: expect.stringMatching(/^quan1\.csv: not valid UTF-8 .*windows-1258/)
    }])
  })

  it("reads NFD column names as NFC", () => {
    const { dataset } = read(`${"Phường".normalize("NFD")},x\n1,2\n`)
    expect(dataset.columns[0].name).toBe("Phường".normalize("NFC"))
  })
})
