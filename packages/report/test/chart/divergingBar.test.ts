import { describe, expect, it } from "vitest"
import { ChartDataError, type DivergingBarChartData, divergingBarChartSvg, divergingSegments } from "../../src/index.js"
import { barGeometry, parseSvg } from "../svg.js"
import { difficulty } from "./fixtures.js"

/** x of the zero line (vega snaps a 1px rule to the half-pixel grid, so it is exact to 0.5 px). */
const zeroLineX = (svg: ReturnType<typeof parseSvg>) => {
  const rule = svg.groups("mark-rule", "role-mark")[0].getElementsByTagName("line")[0]
  const match = /translate\((-?[\d.]+),/.exec(rule.getAttribute("transform") ?? "")
  return Number(match?.[1])
}

describe("divergingSegments", () => {
  it("starts each row left of zero by its negatives plus half its neutral", () => {
    const rows = divergingSegments(difficulty).filter((segment) => segment.row === 0)
    // percents [20, 30, 10, 40]: negatives 50, neutral 10 -> start at -(50 + 5)
    expect(rows.map((s) => [s.start, s.end])).toEqual([[-55, -35], [-35, -5], [-5, 5], [5, 45]])
  })
  it("puts the boundary between negatives and positives at zero when there is no neutral", () => {
    const data: DivergingBarChartData = {
      ...difficulty,
      categories: [difficulty.categories[1], difficulty.categories[3]],
      rows: [{ label: difficulty.rows[0].label, percents: [35, 65] }]
    }
    expect(divergingSegments(data).map((s) => [s.start, s.end])).toEqual([[-35, 0], [0, 65]])
  })
})

describe("divergingBarChartSvg", () => {
  it("renders well-formed SVG with one segment per row and category in diverging colours", async () => {
    const svg = parseSvg(await divergingBarChartSvg(difficulty, { lang: "vi" }))
    const bars = svg.bars()
    expect(bars).toHaveLength(difficulty.rows.length * difficulty.categories.length)
    // two negatives (dark, light orange), neutral grey, one positive (purple)
    expect(bars.slice(0, 4).map((bar) => bar.getAttribute("fill"))).toEqual([
      "#b35806",
      "#fdb863",
      "#bababa",
      "#8073ac"
    ])
  })

  it("centres the neutral category on zero and draws negatives left, positives right", async () => {
    const svg = parseSvg(await divergingBarChartSvg(difficulty, { lang: "en" }))
    const zero = zeroLineX(svg)
    const bars = svg.bars().map(barGeometry)
    const perRow = difficulty.categories.length
    difficulty.rows.forEach((row, r) => {
      const [veryDifficult, difficult, neutral, notDifficult] = bars.slice(r * perRow, (r + 1) * perRow)
      expect(Math.abs(neutral.x + neutral.width / 2 - zero)).toBeLessThanOrEqual(0.5)
      expect(difficult.x + difficult.width).toBeCloseTo(neutral.x, 6)
      expect(veryDifficult.x + veryDifficult.width).toBeCloseTo(difficult.x, 6)
      expect(notDifficult.x).toBeCloseTo(neutral.x + neutral.width, 6)
      const pxPerPercent = notDifficult.width / row.percents[3]
      expect(difficult.width).toBeCloseTo(row.percents[1] * pxPerPercent, 6)
    })
  })

  it("shows lengths, not signs, on the percent axis, with a decimal comma when asked", async () => {
    const svg = parseSvg(await divergingBarChartSvg(difficulty, { lang: "vi", decimalComma: true }))
    const ticks = svg.textsIn("role-axis-label").filter((label) => /^[-\d.,]+$/.test(label))
    expect(ticks.length).toBeGreaterThan(4)
    expect(ticks.some((tick) => tick.startsWith("-"))).toBe(false)
    expect(ticks.filter((tick) => tick === "0")).toHaveLength(1)
    const small: DivergingBarChartData = {
      ...difficulty,
      rows: [{ label: difficulty.rows[0].label, percents: [0.5, 0.5, 0.4, 1.3] }]
    }
    const decimals = parseSvg(await divergingBarChartSvg(small, { lang: "vi", decimalComma: true })).textsIn(
      "role-axis-label"
    )
    expect(decimals.some((tick) => /^\d,\d$/.test(tick))).toBe(true)
    expect(decimals.some((tick) => /^\d\.\d$/.test(tick))).toBe(false)
  })

  it("puts the legend, axis title and tooltips in the chosen language", async () => {
    const vi = parseSvg(await divergingBarChartSvg(difficulty, { lang: "vi", decimalComma: true }))
    expect(vi.textsIn("role-legend-label")).toEqual(["Rất khó khăn", "Khó khăn", "Bình thường", "Không khó khăn"])
    expect(vi.textsIn("role-axis-title")).toEqual(["% số người trả lời"])
    expect(vi.bars()[7].getElementsByTagName("title")[0].textContent).toBe(
      "Niềm tin của nhân dân còn hạn chế — Không khó khăn: 40,0%"
    )
    const en = parseSvg(await divergingBarChartSvg(difficulty, { lang: "en" }))
    expect(en.textsIn("role-legend-label")).toEqual(["Very difficult", "Difficult", "Neutral", "Not difficult"])
    expect(en.textsIn("role-axis-title")).toEqual(["% of respondents"])
    expect(en.root.getAttribute("aria-label")).toBe("Difficulty")
  })

  it("is deterministic", async () => {
    const options = { lang: "vi", decimalComma: true } as const
    const [a, b] = await Promise.all([
      divergingBarChartSvg(difficulty, options),
      divergingBarChartSvg(difficulty, options)
    ])
    expect(a).toBe(b)
    expect(await divergingBarChartSvg(difficulty, options)).toBe(a)
  })
})

describe("divergingBarChartSvg input checks", () => {
  const rejects = async (data: DivergingBarChartData, code: string, message: RegExp) => {
    const error = await divergingBarChartSvg(data, { lang: "en" }).then(
      () => undefined,
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(ChartDataError)
    expect((error as ChartDataError).code).toBe(code)
    expect((error as ChartDataError).message).toMatch(message)
  }
  const [veryDifficult, difficult, neutral, notDifficult] = difficulty.categories

  it("names the row whose percents do not match the categories", () =>
    rejects(
      { ...difficulty, rows: [difficulty.rows[0], { label: difficulty.rows[1].label, percents: [50, 50] }] },
      "LENGTH_MISMATCH",
      /row 2 "People's trust is limited" has 2 percents, expected 4 \(one per category\)/
    ))
  it("names the row and category of a bad percent", () =>
    rejects(
      { ...difficulty, rows: [{ label: difficulty.rows[2].label, percents: [0, Number.POSITIVE_INFINITY, 1, 2] }] },
      "BAD_PERCENT",
      /row 1 "Cadre capacity", category 2: percent Infinity/
    ))
  it("rejects categories out of scale order, two neutrals and too many on one side", async () => {
    await rejects(
      { ...difficulty, categories: [notDifficult, veryDifficult, difficult, neutral] },
      "BAD_SCALE",
      /category 2 "Very difficult" \(negative\) comes after a positive one/
    )
    await rejects(
      { ...difficulty, categories: [difficult, neutral, neutral, notDifficult] },
      "BAD_SCALE",
      /2 neutral categories/
    )
    const five = Array.from({ length: 5 }, () => difficult)
    await rejects(
      { ...difficulty, categories: five, rows: [{ label: difficulty.rows[0].label, percents: [20, 20, 20, 20, 20] }] },
      "BAD_SCALE",
      /5 negative categories, at most 4/
    )
  })
  it("rejects an empty chart", () => rejects({ ...difficulty, rows: [] }, "EMPTY", /no rows/))
})
