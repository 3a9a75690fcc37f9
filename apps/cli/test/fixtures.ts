import type { CrosstabResult, FrequenciesResult, MeasureWithTest } from "@danvan/analysis"
import { lowExpectedText } from "@danvan/report/sentences"

/**
 * Result objects for renderer tests, built by hand (the renderers are pure, so they are tested without the
 * analysis package). Cell quantities follow from the counts; tests and measures are fixed plausible values.
 */

const m = (value: number, ase: number, t: number, p: number): MeasureWithTest => ({ value, ase, t, p })

// The stats kernel's footnote (checked there against SPSS's text), through the one place that words it.
const lowExpectedOf = (expected: ReadonlyArray<ReadonlyArray<number>>) => {
  const all = expected.flat()
  const cells = all.filter((e) => e < 5).length
  const percent = (100 * cells) / all.length
  const minExpected = Math.min(...all)
  return { cells, percent, minExpected, message: lowExpectedText({ cells, percent, minExpected }, "en") }
}

export const makeCrosstab = (
  counts: ReadonlyArray<ReadonlyArray<number>>,
  overrides: Partial<CrosstabResult> = {}
): CrosstabResult => {
  const R = counts.length
  const C = counts[0].length
  const rowTotals = counts.map((r) => r.reduce((a, b) => a + b, 0))
  const colTotals = counts[0].map((_, j) => counts.reduce((a, r) => a + r[j], 0))
  const N = rowTotals.reduce((a, b) => a + b, 0)
  const expected = counts.map((_, i) => counts[0].map((__, j) => (rowTotals[i] * colTotals[j]) / N))
  const raw = counts.map((r, i) => r.map((x, j) => x - expected[i][j]))
  const standardized = raw.map((r, i) => r.map((x, j) => x / Math.sqrt(expected[i][j])))
  const adjusted = raw.map((r, i) =>
    r.map((x, j) => x / Math.sqrt(expected[i][j] * (1 - rowTotals[i] / N) * (1 - colTotals[j] / N)))
  )
  const levels = ["City", "District", "Ward/Commune", "Other", "More"]
  const levelsVi = ["Thành phố", "Quận/Huyện", "Phường/Xã", "Khác", "Thêm"]
  const answers = ["Difficult", "Normal", "Not difficult", "Other", "More"]
  const answersVi = ["Khó khăn", "Bình thường", "Không khó khăn", "Khác", "Thêm"]
  return {
    kind: "crosstab",
    row: {
      name: "level",
      label: { vi: "Cấp cán bộ", en: "Cadre level" },
      measure: "ordinal",
      categories: Array.from({ length: R }, (_, i) => ({ code: i + 1, label: { vi: levelsVi[i], en: levels[i] } }))
    },
    col: {
      name: "people_trust_limited",
      label: { vi: "Niềm tin của Nhân dân còn hạn chế", en: "People's trust is limited" },
      measure: "ordinal",
      categories: Array.from({ length: C }, (_, j) => ({ code: j + 1, label: { vi: answersVi[j], en: answers[j] } }))
    },
    weighted: false,
    n: { valid: N, missing: 0, total: N },
    missingByCode: [],
    counts,
    expected,
    rowTotals,
    colTotals,
    percents: {
      row: counts.map((r, i) => r.map((x) => (100 * x) / rowTotals[i])),
      col: counts.map((r) => r.map((x, j) => (100 * x) / colTotals[j])),
      total: counts.map((r) => r.map((x) => (100 * x) / N))
    },
    residuals: { raw, standardized, adjusted, adjustedP: adjusted.map((r) => r.map(() => 0.5)) },
    tests: {
      pearson: { statistic: 35.51234, df: (R - 1) * (C - 1), p: 3.6e-7 },
      likelihoodRatio: { statistic: 36.0071, df: (R - 1) * (C - 1), p: 2.9e-7 },
      linearByLinear: { statistic: 0.0213, df: 1, p: 0.884 },
      fisherExact: { p: 0.0004, method: "exact" }
    },
    measures: {
      phi: 0.18,
      cramersV: 0.127,
      contingencyCoefficient: 0.177,
      lambda: {
        ...m(0.0123, 0.01, 1.2, 0.23),
        rowDependent: m(0.02, 0.012, 1.6, 0.11),
        colDependent: m(0, 0, Number.NaN, Number.NaN)
      },
      goodmanKruskalTau: {
        rowDependent: { value: 0.017, ase: 0.005, statistic: 37.2, df: (R - 1) * (C - 1), p: 3.1e-7 },
        colDependent: { value: 0.026, ase: 0.008, statistic: 56.9, df: (R - 1) * (C - 1), p: 1.2e-11 }
      },
      uncertaintyCoefficient: {
        ...m(0.015, 0.005, 3.0, 2.9e-7),
        rowDependent: m(0.016, 0.005, 3, 2.9e-7),
        colDependent: m(0.014, 0.004, 3, 2.9e-7)
      },
      gamma: m(-0.0123, 0.045, -0.273, 0.785),
      kendallTauB: m(-0.007, 0.028, -0.25, 0.8),
      kendallTauC: m(-0.0065, 0.026, -0.25, 0.8),
      somersD: {
        ...m(-0.007, 0.028, -0.25, 0.8),
        rowDependent: m(-0.0072, 0.029, -0.25, 0.8),
        colDependent: m(-0.0068, 0.027, -0.25, 0.8)
      }
    },
    lowExpected: lowExpectedOf(expected),
    warnings: [],
    ...overrides
  }
}

/** The paper's example table (DESIGN.md): 3 cadre levels by a 3-point item. */
export const example = (): CrosstabResult => makeCrosstab([[66, 209, 35], [158, 177, 41], [163, 216, 31]])

export const twoByTwo = (): CrosstabResult =>
  makeCrosstab([[3, 7], [8, 2]], {
    tests: {
      pearson: { statistic: 5.051, df: 1, p: 0.0246 },
      yates: { statistic: 3.232, df: 1, p: 0.0722 },
      likelihoodRatio: { statistic: 5.3, df: 1, p: 0.0213 },
      linearByLinear: { statistic: 4.8, df: 1, p: 0.0285 },
      fisherExact: { p: 0.0698, method: "monte-carlo", B: 10000, seed: 42, standardError: 0.0025 }
    },
    lowExpected: {
      cells: 2,
      percent: 50,
      minExpected: 4.5,
      message: "2 cells (50.0%) have expected count less than 5. The minimum expected count is 4.50."
    },
    warnings: [
      {
        code: "LOW_EXPECTED",
        message: "2 cells (50.0%) have expected count less than 5. The minimum expected count is 4.50.",
        cells: 2,
        percent: 50,
        minExpected: 4.5
      },
      {
        code: "EMPTY_CATEGORY",
        message: "Category 9 of \"level\" has no valid cases and was dropped.",
        variable: "level",
        categoryCode: 9
      }
    ]
  })

export const frequencyResult = (): FrequenciesResult => ({
  kind: "frequencies",
  variable: { name: "level", label: { vi: "Cấp cán bộ", en: "Cadre level" } },
  weighted: false,
  n: { valid: 7, missing: 3, total: 10 },
  rows: [
    {
      code: 1,
      label: { vi: "Thành phố", en: "City" },
      missing: false,
      count: 2,
      percent: 20,
      validPercent: (200 / 7),
      cumulativePercent: (200 / 7)
    },
    {
      code: 2,
      label: { vi: "Quận/Huyện", en: "District" },
      missing: false,
      count: 3,
      percent: 30,
      validPercent: (300 / 7),
      cumulativePercent: (500 / 7)
    },
    {
      code: 3,
      label: { vi: "Phường/Xã", en: "Ward/Commune" },
      missing: false,
      count: 2,
      percent: 20,
      validPercent: (200 / 7),
      cumulativePercent: 100
    },
    {
      code: 9,
      label: { vi: "Không trả lời", en: "No answer" },
      missing: true,
      count: 2,
      percent: 20,
      validPercent: null,
      cumulativePercent: null
    },
    {
      code: "system",
      label: { vi: "Hệ thống", en: "System" },
      missing: true,
      count: 1,
      percent: 10,
      validPercent: null,
      cumulativePercent: null
    }
  ],
  warnings: []
})
