import { describe, expect, it } from "vitest"
import {
  chiSquareSentence,
  coefficient,
  fisherSentence,
  formatP,
  kruskalWallisSentence,
  mmiSentence,
  pClause
} from "../src/index.js"
import { examplePlanResult, fixture } from "./helpers.js"

// Reference numbers come from R, through the committed fixtures of packages/stats (scripts/*.R).
const chisq = fixture("stats/test/fixtures/chisq.json").tables.find((t: { id: string }) =>
  t.id === "paper-table4-item1"
)
const kw = fixture("stats/test/fixtures/likert.json").kruskalWallis.find((t: { id: string }) => t.id === "table4-item1")
const mmi = fixture("stats/test/fixtures/mmi.json").datasets[0]
const fisher = fixture("stats/test/fixtures/fisher.json").tables[0]

const sum = (m: ReadonlyArray<ReadonlyArray<number>>) => m.flat().reduce((a, b) => a + b, 0)
// Cramér's V from R's X²: sqrt(X² / (N (min(r, c) - 1))).
const cramersV = (x2: number, m: ReadonlyArray<ReadonlyArray<number>>) =>
  Math.sqrt(x2 / (sum(m) * (Math.min(m.length, m[0].length) - 1)))

describe("APA 7 sentences", () => {
  it("the paper's Table 4 item 1: χ²(4, N = 1096) = 41.03, p < .001, Cramér's V = .14 (R's chisq.test)", () => {
    const v = cramersV(chisq.pearson.statistic, chisq.counts)
    expect(chiSquareSentence(chisq.pearson, sum(chisq.counts), v, { lang: "en" })).toBe(
      "χ²(4, N = 1096) = 41.03, p < .001, Cramér's V = .14"
    )
    expect(chiSquareSentence(chisq.pearson, sum(chisq.counts), v, { lang: "vi", decimal: "comma" })).toBe(
      "χ²(4; N = 1096) = 41,03; p < 0,001; V Cramér = 0,14"
    )
  })

  it("our plan result writes the same sentence as R's numbers (Table 4 item 1 on the synthetic example)", () => {
    const t4 = examplePlanResult().sections[4]
    if (t4.kind !== "likert") throw new Error("expected Table 4")
    const x = t4.itemTests[0]
    expect(chiSquareSentence(x.tests.pearson, x.n.valid, x.measures.cramersV, { lang: "en" })).toBe(
      chiSquareSentence(chisq.pearson, sum(chisq.counts), cramersV(chisq.pearson.statistic, chisq.counts), {
        lang: "en"
      })
    )
    expect(kruskalWallisSentence(t4.result.items[0].kruskalWallis, t4.result.items[0].total.n, { lang: "en" })).toBe(
      kruskalWallisSentence(kw, kw.n, { lang: "en" })
    )
  })

  it("Kruskal-Wallis, Fisher and MMI sentences from R's values", () => {
    expect(kruskalWallisSentence(kw, kw.n, { lang: "en" })).toBe("Kruskal-Wallis H(2, N = 1096) = 30.54, p < .001")
    expect(fisherSentence({ p: fisher.p, method: "exact" }, { lang: "en" })).toBe(
      "Fisher's exact test (exact), p < .001"
    )
    expect(fisherSentence({ p: 0.0234, method: "monte-carlo", B: 10000 }, { lang: "vi", decimal: "comma" })).toBe(
      "Kiểm định chính xác Fisher (Monte Carlo, B = 10000); p = 0,023"
    )
    const r = {
      n: { valid: sum(mmi.counts.map((_: unknown, i: number) => [mmi.groupN[i]])) },
      sumStatistic: mmi.mmi.sumStatistic,
      bonferroni: mmi.mmi.bonferroni,
      rs2: mmi.mmi.rs2,
      bootstrap: mmi.mmi.bootstrap
    }
    expect(mmiSentence({ ...r, method: "bonferroni" }, { lang: "en" })).toBe(
      "MMI test, Bonferroni: X²S = 16.91, N = 300, p = .035"
    )
    expect(mmiSentence({ ...r, method: "rs2" }, { lang: "en" })).toBe(
      "MMI test, second-order Rao-Scott: X²S(RS2)(7.16, N = 300) = 15.12, p = .037"
    )
    expect(mmiSentence({ ...r, method: "bootstrap" }, { lang: "en" })).toBe(
      "MMI test, bootstrap (B = 20000): X²S = 16.91, N = 300, p = .041"
    )
    expect(mmiSentence({ ...r, method: "rs2" }, { lang: "vi", decimal: "comma" })).toBe(
      "Kiểm định độc lập biên bội (MMI), Rao-Scott bậc hai: X²S(RS2)(7,16; N = 300) = 15,12; p = 0,037"
    )
  })

  it("p is exact to three decimals from .001 up, '< .001' below, never '.000'; no leading zero", () => {
    const cases: Array<[number, string]> = [
      [0, "< .001"],
      [1e-300, "< .001"],
      [0.000999, "< .001"],
      [0.00049, "< .001"],
      [0.0009999, "< .001"],
      [0.001, ".001"],
      [0.0234, ".023"],
      [0.05, ".050"],
      [0.9996, "1.000"],
      [1, "1.000"]
    ]
    for (const [p, s] of cases) expect(formatP(p)).toBe(s)
    for (let e = 1; e <= 20; e++) expect(formatP(10 ** -e)).not.toContain(".000")
    expect(pClause(0.0234)).toBe("p = .023")
    expect(pClause(1e-9)).toBe("p < .001")
    expect(coefficient(0.1368)).toBe(".14")
    expect(coefficient(-0.25)).toBe("-.25")
    expect(formatP(Number.NaN)).toBe("—")
  })
})
