import { describe, expect, it } from "vitest"
import { ChartDataError, type GroupedBarChartData, groupedBarChartSvg } from "../../src/index.js"
import { barGeometry, parseSvg } from "../svg.js"
import { LEVELS, purpose } from "./fixtures.js"

/** Okabe-Ito colours in the order the chart assigns them to groups. */
const FIRST_THREE_GROUP_COLOURS = ["#0072B2", "#E69F00", "#009E73"]

const small: GroupedBarChartData = {
  title: { vi: "Tỷ lệ nhỏ", en: "Small rates" },
  groups: LEVELS.slice(0, 2),
  items: [
    { label: { vi: "Mục A", en: "Item A" }, percents: [0.4, 1.2] },
    { label: { vi: "Mục B", en: "Item B" }, percents: [0.9, 1.75] }
  ]
}

describe("groupedBarChartSvg", () => {
  it("renders well-formed SVG with one bar per item and group, coloured by group", async () => {
    const svg = parseSvg(await groupedBarChartSvg(purpose, { lang: "vi" }))
    const bars = svg.bars()
    expect(bars).toHaveLength(purpose.items.length * purpose.groups.length)
    const fills = bars.map((bar) => bar.getAttribute("fill"))
    for (const [g, colour] of FIRST_THREE_GROUP_COLOURS.entries()) {
      expect(fills.filter((fill) => fill === colour)).toHaveLength(purpose.items.length)
      expect(fills[g]).toBe(colour) // data order: item 1's bars in group order
    }
  })

  it("draws bar lengths proportional to the percents", async () => {
    const bars = parseSvg(await groupedBarChartSvg(purpose, { lang: "en" })).bars().map(barGeometry)
    const percents = purpose.items.flatMap((item) => item.percents)
    const pxPerPercent = bars[percents.indexOf(100)].width / 100
    bars.forEach((bar, i) => {
      expect(bar.x).toBeCloseTo(bars[0].x, 6) // all bars start at zero
      expect(bar.width).toBeCloseTo(percents[i] * pxPerPercent, 6)
    })
  })

  it("puts the legend, axis title, title and tooltips in the chosen language", async () => {
    const vi = parseSvg(await groupedBarChartSvg(purpose, { lang: "vi", decimalComma: true }))
    expect(vi.textsIn("role-legend-label")).toEqual(["Thành phố", "Quận/Huyện", "Phường/Xã"])
    expect(vi.textsIn("role-axis-title")).toEqual(["% số người trả lời"])
    expect(vi.textsIn("role-title-text")).toEqual(["Mục đích của công tác dân vận"])
    expect(vi.bars()[4].getElementsByTagName("title")[0].textContent).toBe(
      "Củng cố lòng tin của nhân dân — Quận/Huyện: 38,3%"
    )

    const en = parseSvg(await groupedBarChartSvg(purpose, { lang: "en" }))
    expect(en.textsIn("role-legend-label")).toEqual(["City", "District", "Ward/Commune"])
    expect(en.textsIn("role-axis-title")).toEqual(["% of cases"])
    expect(en.bars()[4].getElementsByTagName("title")[0].textContent).toBe(
      "Strengthening people's trust — District: 38.3%"
    )
  })

  it("labels the whole chart for screen readers", async () => {
    const svg = parseSvg(await groupedBarChartSvg(purpose, { lang: "vi" }))
    expect(svg.root.getAttribute("role")).toBe("img")
    expect(svg.root.getAttribute("aria-label")).toBe("Mục đích của công tác dân vận")
    const title = svg.root.firstChild as unknown as { nodeName: string; textContent: string }
    expect(title.nodeName).toBe("title")
    expect(title.textContent).toBe("Mục đích của công tác dân vận")
  })

  it("writes axis ticks with a decimal comma when asked, a point otherwise", async () => {
    const comma = parseSvg(await groupedBarChartSvg(small, { lang: "vi", decimalComma: true })).textsIn(
      "role-axis-label"
    )
    const point = parseSvg(await groupedBarChartSvg(small, { lang: "vi" })).textsIn("role-axis-label")
    const ticks = (labels: Array<string>) => labels.filter((label) => /^[\d.,]+$/.test(label))
    expect(ticks(comma).some((tick) => /^\d+,\d$/.test(tick))).toBe(true)
    expect(ticks(comma).every((tick) => !tick.includes("."))).toBe(true)
    expect(ticks(point)).toEqual(ticks(comma).map((tick) => tick.replace(",", ".")))
  })

  it("wraps long item labels on several lines and ends a cut label with an ellipsis", async () => {
    const svg = parseSvg(await groupedBarChartSvg(purpose, { lang: "vi" }))
    const multiLine = svg
      .groups("role-axis-label")
      .flatMap((g) => Array.from(g.getElementsByTagName("text")))
      .filter((text) => text.getElementsByTagName("tspan").length > 0)
    expect(multiLine).toHaveLength(1) // only the first item's label is long
    const lines = Array.from(multiLine[0].getElementsByTagName("tspan")).map((t) => t.textContent ?? "")
    expect(lines.length).toBe(3)
    expect(lines.every((line) => [...line].length <= 32)).toBe(true)
    expect(lines[2].endsWith("…")).toBe(true)
    expect(lines.join(" ").slice(0, 40)).toBe(purpose.items[0].label.vi.slice(0, 40))
  })

  it("uses the requested total width and a font stack with Vietnamese glyphs", async () => {
    const svg = parseSvg(await groupedBarChartSvg(purpose, { lang: "vi", width: 500 }))
    expect(svg.root.getAttribute("width")).toBe("500")
    const fonts = new Set(svg.all("text").map((t) => t.getAttribute("font-family")))
    expect([...fonts]).toEqual(["DejaVu Sans, Arial, Helvetica, sans-serif"])
  })

  it("is deterministic, also when charts render concurrently", async () => {
    const first = await groupedBarChartSvg(purpose, { lang: "vi", decimalComma: true })
    const again = await Promise.all([
      groupedBarChartSvg(purpose, { lang: "vi", decimalComma: true }),
      groupedBarChartSvg(small, { lang: "en" }),
      groupedBarChartSvg(purpose, { lang: "vi", decimalComma: true })
    ])
    expect(again[0]).toBe(first)
    expect(again[2]).toBe(first)
    expect(first).not.toMatch(/\sid="/) // no generated ids that could collide inside one HTML page
  })

  it("escapes markup characters in labels and tooltips", async () => {
    const tricky = `Nam & "Nữ" <b>'x'</b> \\ end`
    const data = {
      ...small,
      groups: [{ vi: tricky, en: tricky }, LEVELS[1]],
      items: [{ label: { vi: tricky, en: tricky }, percents: [1, 2] }]
    }
    const svg = parseSvg(await groupedBarChartSvg(data, { lang: "vi" }))
    expect(svg.textsIn("role-legend-label")).toEqual([tricky, "Quận/Huyện"])
    expect(svg.textsIn("role-axis-label")).toContain(tricky)
    expect(svg.bars()[0].getElementsByTagName("title")[0].textContent).toBe(`${tricky} — ${tricky}: 1.0%`)
  })

  it("normalizes Vietnamese labels to NFC", async () => {
    const nfd = { ...small, groups: [{ vi: "Phường/Xã".normalize("NFD"), en: "Ward" }, LEVELS[0]] }
    const svg = await groupedBarChartSvg(nfd, { lang: "vi" })
    expect(svg).toContain("Phường/Xã")
    expect(svg).not.toContain("Phường/Xã".normalize("NFD"))
  })
})

describe("groupedBarChartSvg input checks", () => {
  const rejects = async (data: GroupedBarChartData, code: string, message: RegExp, lang: "vi" | "en" = "vi") => {
    const error = await groupedBarChartSvg(data, { lang }).then(
      () => undefined,
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(ChartDataError)
    expect((error as ChartDataError)._tag).toBe("ChartDataError")
    expect((error as ChartDataError).code).toBe(code)
    expect((error as ChartDataError).message).toMatch(message)
  }
  const withItem = (percents: ReadonlyArray<number>): GroupedBarChartData => ({
    ...small,
    items: [small.items[0], { label: { vi: "Mục C", en: "Item C" }, percents }]
  })

  it("names the item whose percents do not match the groups", () =>
    rejects(withItem([1, 2, 3]), "LENGTH_MISMATCH", /item 2 "Item C" has 3 percents, expected 2 \(one per group\)/))
  it("names the item and group of a NaN", () =>
    rejects(withItem([1, Number.NaN]), "BAD_PERCENT", /item 2 "Item C", group 2: percent NaN/))
  it("rejects percents above 100 and below 0", async () => {
    await rejects(withItem([100.5, 1]), "BAD_PERCENT", /group 1: percent 100.5 is not a number from 0 to 100/)
    await rejects(withItem([1, -2]), "BAD_PERCENT", /group 2: percent -2/)
  })
  it("rejects an empty chart and an unknown language", async () => {
    await rejects({ ...small, items: [] }, "EMPTY", /no items/)
    await rejects({ ...small, groups: [] }, "EMPTY", /no groups/)
    await rejects(small, "BAD_OPTION", /language fr is not "vi" or "en"/, "fr" as "vi")
  })
})
