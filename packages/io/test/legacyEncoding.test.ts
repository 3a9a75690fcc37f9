import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { decodeText, detectLegacyEncoding, TCVN3_TABLE, tcvn3ToUnicode, vniToUnicode } from "../src/index.js"

// glibc iconv's TCVN5712-1 decoding of the upper half and known words (scripts/encoding/tcvn3-iconv.sh).
const iconv = JSON.parse(readFileSync(join(__dirname, "fixtures", "encoding", "tcvn3-iconv.json"), "utf8"))
const latin1 = (hex: string) => Buffer.from(hex, "hex").toString("latin1")

describe("TCVN3 (ABC)", () => {
  it("its table is iconv's TCVN5712-1 for every Vietnamese letter of the upper half", () => {
    const bytes = Object.entries(iconv.bytes as Record<string, string>).filter(([, ch]) =>
      ch.charCodeAt(0) > 0x7f && /\p{L}/u.test(ch)
    )
    expect(bytes.length).toBeGreaterThan(60)
    for (const [hex, ch] of bytes) expect(TCVN3_TABLE.get(parseInt(hex, 16)), hex).toBe(ch.normalize("NFC"))
    expect(TCVN3_TABLE.size).toBe(bytes.length)
  })

  it("converts known words as iconv encodes them", () => {
    const words = Object.entries(iconv.words as Record<string, string>)
    expect(words.length).toBe(9)
    for (const [word, hex] of words) expect(tcvn3ToUnicode(latin1(hex))).toBe(word)
  })
})

describe("VNI Windows", () => {
  it("converts known words", () => {
    const words: Record<string, string> = {
      "Tieáng Vieät raát hay": "Tiếng Việt rất hay",
      "Xin chaøo caùc baïn": "Xin chào các bạn",
      "Thaønh phoá": "Thành phố",
      "Quaän/Huyeän": "Quận/Huyện",
      "Phöôøng/Xaõ": "Phường/Xã",
      "Raát khoù khaên": "Rất khó khăn",
      "Ñaûng uûy": "Đảng ủy",
      "Khoâng ñoàng yù": "Không đồng ý",
      "Möôøi ngöôøi Vieät Nam": "Mười người Việt Nam"
    }
    for (const [vni, unicode] of Object.entries(words)) expect(vniToUnicode(vni)).toBe(unicode)
  })
})

describe("detection", () => {
  it("tells TCVN3, VNI and Unicode apart", () => {
    expect(detectLegacyEncoding(latin1(iconv.words["Rất khó khăn"]) + " " + latin1(iconv.words["Tiếng Việt"]))).toBe(
      "tcvn3"
    )
    expect(detectLegacyEncoding("Raát khoù khaên, Tieáng Vieät")).toBe("vni")
    expect(detectLegacyEncoding("Rất khó khăn, Tiếng Việt")).toBeUndefined()
    expect(detectLegacyEncoding("level,sex\n1,2\n")).toBeUndefined()
  })

  it("a TCVN3 CSV (bytes) is converted with a warning naming the encoding", () => {
    const bytes = Buffer.concat([
      Buffer.from("level\n"),
      Buffer.from(iconv.words["Thành phố"], "hex"),
      Buffer.from("\n"),
      Buffer.from(iconv.words["Phường/Xã"], "hex"),
      Buffer.from("\n")
    ])
    const { text, warnings } = decodeText(bytes)
    expect(text).toBe("level\nThành phố\nPhường/Xã\n")
    expect(warnings.map((w) => w.code)).toEqual(["LEGACY_ENCODING"])
    expect(warnings[0].message).toMatch(/TCVN3/)
  })

  it("a named encoding is used as named", () => {
    expect(decodeText(new TextEncoder().encode("Thaønh phoá"), "vni").text).toBe("Thành phố")
    expect(decodeText(Buffer.from("Ph\xfd\xf5\xccng", "latin1"), "windows-1258").text).toBe("Phường")
  })
})

describe("a form export typed in TCVN3", () => {
  it("is converted before its answers become categories", async () => {
    const { Effect } = await import("effect")
    const { readDataBytes } = await import("../src/index.js")
    const w = (word: string) => Buffer.from(iconv.words[word], "hex")
    const bytes = Buffer.concat([
      Buffer.from("Timestamp,"),
      w("Dân vận"),
      Buffer.from("\n1/1/2024,"),
      w("Thành phố"),
      Buffer.from("\n1/1/2024,"),
      w("Phường/Xã"),
      Buffer.from("\n1/1/2024,"),
      w("Thành phố"),
      Buffer.from("\n")
    ])
    const read = await Effect.runPromise(readDataBytes(bytes, "f.csv"))
    expect(read.codebook?.variables[0].label.vi).toBe("Dân vận")
    expect(read.codebook?.variables[0].values.map((v) => v.label.vi)).toEqual(["Thành phố", "Phường/Xã"])
    expect(read.warnings.some((w) => w.code === "LEGACY_ENCODING")).toBe(true)
  })
})

describe("an old .sav file with TCVN3 labels", () => {
  it("has its variable and value labels converted, with a warning", async () => {
    const { Effect } = await import("effect")
    const { makeDataset, decodeCodebook } = await import("@danvan/domain")
    const { readDataBytes, writeSav } = await import("../src/index.js")
    const w = (word: string) => latin1(iconv.words[word])
    const codebook = decodeCodebook({
      id: "old",
      title: { vi: w("Dân vận"), en: w("Dân vận") },
      variables: [{
        name: "level",
        label: { vi: w("Dân vận"), en: w("Dân vận") },
        kind: "single",
        values: [{ code: 1, label: { vi: w("Thành phố"), en: w("Thành phố") } }, {
          code: 3,
          label: { vi: w("Phường/Xã"), en: w("Phường/Xã") }
        }]
      }]
    })
    if (codebook._tag === "Left") throw new Error(codebook.left.message)
    const { bytes } = writeSav(
      makeDataset([{ name: "level", type: "codes", values: Int32Array.of(1, 3) }]),
      codebook.right
    )
    const read = await Effect.runPromise(readDataBytes(bytes, "old.sav"))
    expect(read.codebook?.variables[0].label.vi).toBe("Dân vận")
    expect(read.codebook?.variables[0].values.map((v) => v.label.vi)).toEqual(["Thành phố", "Phường/Xã"])
    expect(read.warnings.some((x) => x.code === "LEGACY_ENCODING")).toBe(true)
  })
})
