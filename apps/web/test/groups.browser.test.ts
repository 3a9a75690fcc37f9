import { fixed, formatP, kruskalWallisSentence, mmiSentence } from "@danvan/report"
import { describe, expect, it } from "vitest"
import { screenshot, seriousViolations } from "./browser.js"
import { useExampleAnalysis } from "./exampleAnalysis.js"
import { cli, EXAMPLE_CSV } from "./server.js"

/**
 * Issue 17: sets by group, means by group, describe and the layered crosstab on the analyses screen, each
 * checked against the CLI's JSON for the same file (numbers as the page formats them: decimal comma in vi),
 * with the APA sentence of @danvan/report and the `danvan ...` line that repeats it.
 */

const example = useExampleAnalysis()

const cliJson = (args: ReadonlyArray<string>): any =>
  JSON.parse(cli([...args, "--data", EXAMPLE_CSV, "--codebook", "hcmc-2024", "--format", "json"]))
const vi = { lang: "vi" as const, decimal: "comma" as const }
const en = { lang: "en" as const, decimal: "point" as const }
const DATA = "--data hcmc-2024-synthetic.csv --codebook hcmc-2024"

const run = async (button = "Chạy") => {
  const { page } = example.app
  await page.getByRole("button", { name: button }).click()
}

describe("the analyses screen: sets, means, describe, layers", () => {
  it("a multiple-response set by group: % of cases with the column letters, the MMI sentence, the command", async () => {
    const { page } = example.app
    await page.getByLabel("Câu hỏi nhiều lựa chọn theo nhóm").check()
    await page.locator("#set option[value=purpose]").waitFor({ state: "attached" })
    await page.locator("#set").selectOption("purpose")
    await page.locator("#group-var").selectOption("level")
    await run()
    await page.locator("[data-testid=mr]").waitFor()
    const expected = cliJson(["mr", "--set", "purpose", "--group", "level"])
    expect(expected.items.length).toBeGreaterThan(3)
    const rows = await page.locator("[data-testid=mr] tbody tr").allInnerTexts()
    expect(rows).toHaveLength(expected.items.length + 1)
    expected.items.forEach((item: any, i: number) => {
      const cells = rows[i].split("\t")
      expect(cells[0]).toBe(item.label.vi)
      item.percentOfCases.forEach((p: number, j: number) =>
        expect(cells[1 + j].trim()).toBe(`${fixed(p, 1, "comma")}% ${item.largerThan[j]}`.trim())
      )
    })
    expect(await page.locator("[data-testid=apa]").innerText()).toBe(mmiSentence(expected, vi))
    expect(await page.locator("[data-testid=command]").innerText()).toBe(
      `danvan mr ${DATA} --set purpose --group level --lang vi`
    )
    await screenshot(page, "20-mr-vi")
    expect(await seriousViolations(page)).toEqual([])
  })

  it("a Likert set by group: mean scores and Kruskal-Wallis per item as the CLI's, the direction in words", async () => {
    const { page } = example.app
    await page.getByLabel("Thang Likert theo nhóm").check()
    await page.locator("#set option[value=difficulty]").waitFor({ state: "attached" })
    await page.locator("#set").selectOption("difficulty")
    await page.locator("#group-var").selectOption("level")
    await run()
    await page.locator("[data-testid=likert]").waitFor()
    const expected = cliJson(["likert", "--set", "difficulty", "--by", "level"])
    expect(expected.items.length).toBeGreaterThan(1)
    const rows = await page.locator("[data-testid=likert] tbody tr").allInnerTexts()
    expect(rows).toHaveLength(expected.items.length)
    expected.items.forEach((item: any, i: number) => {
      const cells = rows[i].split("\t")
      expect(cells.slice(1, 1 + item.byGroup.length)).toEqual(item.byGroup.map((c: any) => fixed(c.mean, 2, "comma")))
      expect(cells.at(-1)).toBe(formatP(item.kruskalWallis.p, "comma"))
    })
    const apa = await page.locator("[data-testid=apa]").innerText()
    expect(apa).toContain(
      kruskalWallisSentence(expected.items[0].kruskalWallis, Math.round(expected.items[0].total.n), vi)
    )
    expect(await page.locator("[data-testid=likert] caption").innerText()).toContain(
      "Điểm trung bình càng cao càng gần"
    )
    expect(await page.locator("[data-testid=command]").innerText()).toBe(
      `danvan likert ${DATA} --set difficulty --by level --lang vi`
    )
    await screenshot(page, "21-likert-vi")
  })

  it("means by group: per-group means and the ANOVA as `danvan means`, unweighted on request", async () => {
    const { page } = example.app
    await page.getByLabel("Trung bình theo nhóm").check()
    await page.locator("#numeric-var").selectOption("people_trust_limited")
    await page.locator("#group-var").selectOption("level")
    await page.locator("#weight-var").selectOption({ label: "Không dùng trọng số" })
    await run()
    await page.locator("[data-testid=means]").waitFor()
    const expected = cliJson(["means", "--var", "people_trust_limited", "--by", "level", "--no-weight"])
    expect(expected.groups).toHaveLength(3)
    const rows = await page.locator("[data-testid=means] tbody tr").allInnerTexts()
    expect(rows).toHaveLength(4)
    expected.groups.forEach((g: any, i: number) => {
      const cells = rows[i].split("\t")
      expect(cells[0]).toBe(g.label.vi)
      expect(cells.slice(1, 4)).toEqual([String(g.n), fixed(g.mean, 2, "comma"), fixed(g.sd, 2, "comma")])
    })
    expect(await page.locator("[data-testid=means-tests]").innerText()).toContain("p < 0,001")
    expect(await page.locator("[data-testid=means-tests]").innerText()).not.toContain("= <")
    const a = expected.tests.anova
    expect(await page.locator("[data-testid=anova-statistic]").innerText()).toBe(
      `F(${a.df1}, ${a.df2}) = ${fixed(a.statistic, 2, "comma")}`
    )
    expect(await page.locator("[data-testid=apa]").innerText()).toBe(
      kruskalWallisSentence(expected.tests.kruskalWallis, Math.round(expected.total.n), vi)
    )
    expect(await page.locator("[data-testid=command]").innerText()).toBe(
      `danvan means ${DATA} --var people_trust_limited --by level --no-weight --lang vi`
    )
    await screenshot(page, "22-means-vi")
    expect(await seriousViolations(page)).toEqual([])
  })

  it("describe: the statistics of `danvan describe`", async () => {
    const { page } = example.app
    await page.getByLabel("Thống kê mô tả").check()
    await page.locator("#weight-var").selectOption("")
    await run()
    await page.locator("[data-testid=describe]").waitFor()
    const [expected] = cliJson(["describe", "people_trust_limited"])
    const cells = (await page.locator("[data-testid=describe] tbody tr").first().innerText()).split("\t")
    expect(cells[0]).toBe(expected.variable.label.vi)
    expect(cells.slice(1, 4)).toEqual(["1.096", fixed(expected.mean, 2, "comma"), fixed(expected.sd, 2, "comma")])
    expect(expected.n.valid).toBe(1096)
    expect(await page.locator("[data-testid=command]").innerText()).toBe(
      `danvan describe ${DATA} --lang vi people_trust_limited`
    )
    await screenshot(page, "23-describe-vi")
  })

  it("a crosstab with a layer: one table per layer and the CMH test as `danvan crosstab --layer`; in English too", async () => {
    const { page } = example.app
    await page.getByLabel("Bảng chéo").check()
    await page.locator("#row-var").selectOption("independent_democratic_society")
    await page.locator("#col-var").selectOption("clean_strong_party")
    await page.locator("#layer-var").selectOption("level")
    await run()
    await page.locator("[data-testid=cmh]").waitFor()
    const expected = cliJson([
      "crosstab",
      "--row",
      "independent_democratic_society",
      "--col",
      "clean_strong_party",
      "--layer",
      "level"
    ])
    expect(expected.layers).toHaveLength(3)
    expect(await page.locator("[data-testid=layer]").count()).toBe(3)
    const c = expected.cochranMantelHaenszel
    expect(await page.locator("[data-testid=cmh-statistic]").innerText()).toBe(
      `χ²(${c.df}) = ${fixed(c.statistic, 3, "comma")}`
    )
    expect(await page.locator("[data-testid=command]").innerText()).toBe(
      `danvan crosstab ${DATA} --row independent_democratic_society --col clean_strong_party --layer level --lang vi`
    )
    await screenshot(page, "24-layered-vi")
    await page.getByRole("button", { name: /English/ }).click()
    await page.getByRole("heading", { name: "Analysis: hcmc-2024-synthetic.csv" }).waitFor()
    expect(await page.locator("[data-testid=cmh-statistic]").innerText()).toBe(
      `χ²(${c.df}) = ${fixed(c.statistic, 3, "point")}`
    )
    expect(await page.locator("[data-testid=cmh]").innerText()).toContain("Mantel-Haenszel common odds ratio")
    expect(await page.getByText("Layer (control) variable").count()).toBe(1)
    await screenshot(page, "25-layered-en")
    expect(await seriousViolations(page)).toEqual([])
    // the MR letters note and sentence follow the language too
    await page.getByLabel("Multiple response by group").check()
    // switching kind cleared the set (the Likert one is no MR set): the page asks for one before running
    await run("Run")
    await page.getByRole("alert").filter({ hasText: "Choose a question set and a group variable." }).waitFor()
    await page.locator("#set").selectOption("purpose")
    await page.locator("#group-var").selectOption("level")
    await run("Run")
    await page.locator("[data-testid=mr]").waitFor()
    const mr = cliJson(["mr", "--set", "purpose", "--group", "level"])
    expect(await page.locator("[data-testid=apa]").innerText()).toBe(mmiSentence(mr, en))
    expect(await page.locator("[data-testid=command]").innerText()).toBe(
      `danvan mr ${DATA} --set purpose --group level --lang en`
    )
    await screenshot(page, "26-mr-en")
  })
})
