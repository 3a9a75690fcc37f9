import type { AnalysisWarning } from "./results.js"

/**
 * The LOW_EXPECTED_ITEMS warning of a multiple-response set, or undefined: items whose r x 2 table (group by
 * selected / not selected) has an expected count below 5. Each per-item Pearson test, their Bonferroni
 * combination and the second-order Rao-Scott test rest on chi-square approximations that can be poor there (on
 * a set with rare items the Rao-Scott p was 0.17 where the bootstrap gave 0.042), so the warning names the
 * bootstrap, which does not rely on them.
 *
 * @param groupN respondents per group (groups used in the tests)
 * @param selected selections per item, over all groups
 * @example
 * lowExpectedItems(["a", "b"], [40, 40, 40], [3, 60], "rs2")?.message // items "a" ... --method bootstrap
 */
export const lowExpectedItems = (
  names: ReadonlyArray<string>,
  groupN: ReadonlyArray<number>,
  selected: ArrayLike<number>,
  method: "bonferroni" | "rs2" | "bootstrap"
): AnalysisWarning | undefined => {
  const n = groupN.reduce((a, b) => a + b, 0)
  const rare: Array<string> = []
  let minExpected = Infinity
  names.forEach((name, j) => {
    let min = Infinity
    for (const g of groupN) min = Math.min(min, (g * selected[j]) / n, (g * (n - selected[j])) / n)
    if (min < 5) rare.push(name)
    minExpected = Math.min(minExpected, min)
  })
  if (rare.length === 0) return undefined
  const list = rare.map((x) => `"${x}"`).join(", ")
  const advice = method === "bootstrap"
    ? "the bootstrap p reported here does not rely on them"
    : "use the bootstrap test (--method bootstrap), which does not rely on them"
  return {
    code: "LOW_EXPECTED_ITEMS",
    items: rare,
    minExpected,
    message: `${rare.length === 1 ? "item" : "items"} ${list} ${rare.length === 1 ? "has" : "have"} an expected ` +
      "count below 5 " +
      `in some group (the smallest is ${minExpected.toFixed(2)}): the per-item chi-square, Bonferroni and Rao-Scott ` +
      `p-values are approximations that can be poor there; ${advice}`
  }
}

/**
 * The warning for items whose design-based test is R survey's `svychisq` of the item by the group: every group
 * ticks them all or none, so their domain proportions have no design variance and the MMI correction is 0/0.
 *
 * @example
 * svychisqWarning(["a"]).code // "ITEM_TEST_SVYCHISQ"
 */
export const svychisqWarning = (items: ReadonlyArray<string>): AnalysisWarning => ({
  code: "ITEM_TEST_SVYCHISQ",
  items,
  message: `${items.length === 1 ? "item" : "items"} ${items.map((x) => `"${x}"`).join(", ")}: every group ticks ` +
    `${items.length === 1 ? "it" : "each"} all or none, so the design-based MMI correction is 0/0; ` +
    `${items.length === 1 ? "its" : "their"} test is the Rao-Scott F of the item by the group ` +
    "(R survey's svychisq)"
})
