import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { fixed, formatP } from "@danvan/report"
import { classicalTestsNote, designStatement, designWaldLine, raoScottLine } from "@danvan/report/sentences"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { openApp, type OpenedApp, screenshot, seriousViolations, WEB_DIST } from "./browser.js"
import { cli, type Running, startServer, tempDir } from "./server.js"

/**
 * Issue 18 in the web app: the "Weights and design" section of the analysis form. A design-based crosstab run by
 * clicking shows the Rao-Scott tests and the design statement of `danvan crosstab --format json` with the same
 * flags (the CLI and the API are checked against R survey in apps/api/test/design.test.ts and packages/stats), and
 * the `danvan ...` line with those flags; frequency weights, the lonely-PSU rule and the report plan's `design`.
 * The data: a copy of packages/stats/test/fixtures/survey-design.csv (strata huyen, PSUs xa, fpc nxa, weight
 * trongso).
 */

const CSV = fileURLToPath(new URL("./fixtures/survey-design.csv", import.meta.url))
const DESIGN = ["--weight", "trongso", "--strata", "huyen", "--cluster", "xa", "--fpc", "nxa"]
const temp = tempDir()
let server: Running | undefined
let app: OpenedApp | undefined

const cliJson = (args: ReadonlyArray<string>): any => JSON.parse(cli([...args, "--data", CSV, "--format", "json"]))

beforeAll(async () => {
  server = await startServer(temp.db, { DANVAN_WEB_DIR: WEB_DIST })
  app = await openApp(server.url)
  const { page } = app
  await page.locator("#codebook").selectOption("")
  await page.locator("#file").setInputFiles(CSV)
  await page.getByRole("status").filter({ hasText: "Đã tải lên" }).waitFor()
  await page.getByRole("button", { name: "Phân tích: survey-design.csv" }).click()
  await page.getByRole("heading", { name: "Phân tích: survey-design.csv" }).waitFor()
})
afterAll(async () => {
  await app?.close()
  await server?.stop()
  temp.cleanup()
})

const choose = async (id: string, value: string) => {
  const { page } = app!
  await page.locator(`#${id} option[value="${value}"]`).waitFor({ state: "attached" })
  await page.locator(`#${id}`).selectOption(value)
}

describe("weights and design in the web app", () => {
  it("a design-based crosstab from the form: the Rao-Scott test and design statement of the CLI, the command", async () => {
    const { page } = app!
    await expect(page.getByRole("group", { name: "Trọng số và thiết kế mẫu" }).isVisible()).resolves.toBe(true)
    await choose("row-var", "capbac")
    await choose("col-var", "gioitinh")
    await choose("weight-var", "trongso")
    await choose("strata-var", "huyen")
    await choose("cluster-var", "xa")
    await choose("fpc-var", "nxa")
    await page.getByRole("button", { name: "Chạy" }).click()
    await page.locator("[data-testid=rao-scott]").waitFor()
    const expected = cliJson(["crosstab", "--row", "capbac", "--col", "gioitinh", ...DESIGN])
    expect(expected.design).toMatchObject({ mode: "sampling", strata: "huyen", cluster: "xa", fpc: "nxa" })
    const f = expected.tests.raoScott
    expect(f.p).toBeGreaterThan(0)
    expect(await page.getByTestId("rao-scott-f").innerText()).toBe(fixed(f.statistic, 3, "comma"))
    expect(await page.getByTestId("rao-scott-p").innerText()).toBe(formatP(f.p, "comma"))
    expect(await page.getByTestId("design-note").innerText()).toBe(designStatement(expected.design, "vi"))
    expect(await page.getByTestId("apa").innerText()).toBe(raoScottLine(expected.tests, "vi", "comma"))
    // SPSS's chi-square tests are not shown under a sampling design; the cells carry their SE and deff.
    expect(await page.locator("[data-testid=tests]").count()).toBe(0)
    const first = expected.designCells.total[0][0]
    expect(await page.locator("[data-testid=design-cells] tbody td").first().innerText()).toBe(
      `${fixed(first.estimate, 1, "comma")} (${fixed(first.se, 1, "comma")}; ${fixed(first.deff, 2, "comma")})`
    )
    expect(await page.getByTestId("command").innerText()).toBe(
      "danvan crosstab --data survey-design.csv --row capbac --col gioitinh --weight trongso --strata huyen " +
        "--cluster xa --fpc nxa --lang vi"
    )
    await screenshot(page, "60-design-crosstab-vi")
    expect(await seriousViolations(page)).toEqual([])

    await page.getByRole("button", { name: /English/ }).click()
    await page.getByRole("group", { name: "Weights and design" }).waitFor()
    expect(await page.getByTestId("rao-scott-f").innerText()).toBe(fixed(f.statistic, 3, "point"))
    expect(await page.getByTestId("design-note").innerText()).toBe(designStatement(expected.design, "en"))
    expect(await page.getByTestId("command").innerText()).toContain("--fpc nxa --lang en")
    await screenshot(page, "61-design-crosstab-en")
    expect(await seriousViolations(page)).toEqual([])
    await page.getByRole("button", { name: /Tiếng Việt/ }).click()
    await page.getByRole("group", { name: "Trọng số và thiết kế mẫu" }).waitFor()
  })

  it("the design goes into the report's plan.json as its design field", async () => {
    const { page } = app!
    await page.getByRole("button", { name: "Thêm vào báo cáo" }).click()
    const [planFile] = await Promise.all([page.waitForEvent("download"), page.getByTestId("plan-link").click()])
    const plan = JSON.parse(readFileSync((await planFile.path())!, "utf8"))
    expect(plan.weight).toBe("trongso")
    expect(plan.design).toEqual({ strata: "huyen", cluster: "xa", fpc: "nxa" })
    expect(plan.sections).toHaveLength(1)
    expect(plan.title).toEqual({ vi: "Báo cáo: survey-design.csv", en: "Report: survey-design.csv" })
  })

  it("the report's title follows the page's language; a typed title is kept for its language (plan.json)", async () => {
    const { page } = app!
    await page.getByRole("button", { name: /English/ }).click()
    const title = page.locator("#builder-report-title")
    expect(await title.inputValue()).toBe("Report: survey-design.csv")
    await title.fill("Cadre survey 2026")
    await page.getByRole("button", { name: /Tiếng Việt/ }).click()
    // Typed in English only: it stands for both until a Vietnamese title is typed; the default follows the language.
    expect(await title.inputValue()).toBe("Cadre survey 2026")
    await title.fill("Khảo sát cán bộ 2026")
    const [planFile] = await Promise.all([page.waitForEvent("download"), page.getByTestId("plan-link").click()])
    const plan = JSON.parse(readFileSync((await planFile.path())!, "utf8"))
    expect(plan.title).toEqual({ vi: "Khảo sát cán bộ 2026", en: "Cadre survey 2026" })
  })

  it("a stratum with one PSU is refused with the API's message; the lonely-PSU rule then runs it", async () => {
    const { page } = app!
    await choose("strata-var", "tang")
    await choose("fpc-var", "")
    await page.getByRole("button", { name: "Chạy" }).click()
    const alert = page.getByRole("alert")
    await alert.waitFor()
    expect(await alert.innerText()).toContain("only one PSU")
    await choose("lonely-psu", "adjust")
    await page.getByRole("button", { name: "Chạy" }).click()
    await page.locator("[data-testid=rao-scott]").waitFor()
    const expected = cliJson([
      "crosstab",
      "--row",
      "capbac",
      "--col",
      "gioitinh",
      "--weight",
      "trongso",
      "--strata",
      "tang",
      "--cluster",
      "xa",
      "--lonely-psu",
      "adjust"
    ])
    expect(await page.getByTestId("rao-scott-f").innerText()).toBe(fixed(expected.tests.raoScott.statistic, 3, "comma"))
    expect(await page.getByTestId("command").innerText()).toBe(
      "danvan crosstab --data survey-design.csv --row capbac --col gioitinh --weight trongso --strata tang " +
        "--cluster xa --lonely-psu adjust --lang vi"
    )
    // Another design than the picked result's cannot join the same report.
    await page.getByRole("button", { name: "Thêm vào báo cáo" }).click()
    await page.getByText("Báo cáo dùng một thiết kế mẫu cho mọi phần").waitFor()
  })

  it("frequency weights (SPSS WEIGHT BY) on means by group: the statement and --weight-mode frequency", async () => {
    const { page } = app!
    await page.getByLabel("Trung bình theo nhóm").check()
    await choose("numeric-var", "diem")
    await choose("group-var", "capbac")
    await choose("weight-var", "trongso")
    await choose("strata-var", "")
    await choose("cluster-var", "")
    await choose("lonely-psu", "")
    await choose("weight-mode", "frequency")
    await page.getByRole("button", { name: "Chạy" }).click()
    await page.locator("[data-testid=means]").waitFor()
    const expected = cliJson([
      "means",
      "--var",
      "diem",
      "--by",
      "capbac",
      "--weight",
      "trongso",
      "--weight-mode",
      "frequency"
    ])
    expect(expected.design.mode).toBe("frequency")
    expect(await page.getByTestId("design-note").innerText()).toBe(designStatement(expected.design, "vi"))
    expect(await page.getByTestId("command").innerText()).toBe(
      "danvan means --data survey-design.csv --var diem --by capbac --weight trongso --weight-mode frequency --lang vi"
    )
    // A sampling design on the same: design-based means with SE as the CLI's.
    await choose("weight-mode", "")
    await choose("cluster-var", "xa")
    await page.getByRole("button", { name: "Chạy" }).click()
    await page.locator("[data-testid=design-estimates]").waitFor()
    const sampled = cliJson(["means", "--var", "diem", "--by", "capbac", "--weight", "trongso", "--cluster", "xa"])
    const row = (await page.locator("[data-testid=design-estimates] tbody tr").first().innerText()).split("\t")
    expect(row[1]).toBe(fixed(sampled.groups[0].design.estimate, 2, "comma"))
    expect(row[2]).toBe(fixed(sampled.groups[0].design.se, 2, "comma"))
    // The design-based Wald test of equal means (R's regTermTest on svyglm), worded by report as the CLI's.
    expect(sampled.tests.designWald).toBeDefined()
    expect(await page.getByTestId("classical-tests-note").innerText()).toBe(classicalTestsNote("vi"))
    expect(await page.getByTestId("means-design-wald").innerText()).toBe(
      designWaldLine(sampled.tests.designWald, "vi", "comma")
    )
    await screenshot(page, "62-design-means-vi")
    expect(await seriousViolations(page)).toEqual([])
  })

  it("frequencies and describe under a design: the design-based percents and mean with SE, as the CLI's", async () => {
    const { page } = app!
    await page.getByLabel("Tần suất").check()
    await choose("row-var", "hailong")
    await choose("strata-var", "huyen")
    await choose("cluster-var", "xa")
    await choose("fpc-var", "nxa")
    await page.getByRole("button", { name: "Chạy" }).click()
    await page.locator("[data-testid=frequencies]").waitFor()
    await page.locator("[data-testid=design-estimates]").waitFor()
    // Frequencies take the codebook's weight (none here): an unweighted design, as the CLI without --weight.
    const [expected] = cliJson(["frequencies", "--strata", "huyen", "--cluster", "xa", "--fpc", "nxa", "hailong"])
    const valid = expected.rows.filter((r: any) => r.design !== undefined)
    expect(valid.length).toBe(5)
    const rows = await page.locator("[data-testid=design-estimates] tbody tr").allInnerTexts()
    expect(rows).toHaveLength(5)
    valid.forEach((r: any, k: number) => {
      const cells = rows[k]!.split("\t")
      expect(cells[1]).toBe(fixed(r.design.estimate, 1, "comma"))
      expect(cells[2]).toBe(fixed(r.design.se, 1, "comma"))
    })
    expect(await page.getByTestId("command").innerText()).toBe(
      "danvan frequencies --data survey-design.csv --strata huyen --cluster xa --fpc nxa --lang vi hailong"
    )
    await screenshot(page, "65-design-frequencies-vi")

    await page.getByLabel("Thống kê mô tả").check()
    await choose("numeric-var", "diem")
    await choose("weight-var", "trongso")
    await page.getByRole("button", { name: "Chạy" }).click()
    await page.locator("[data-testid=describe]").waitFor()
    await page.locator("[data-testid=design-estimates]").waitFor()
    const [described] = cliJson(["describe", ...DESIGN, "diem"])
    const cells = (await page.locator("[data-testid=design-estimates] tbody tr").first().innerText()).split("\t")
    expect(cells[1]).toBe(fixed(described.designMean.estimate, 2, "comma"))
    expect(cells[2]).toBe(fixed(described.designMean.se, 2, "comma"))
    expect(await page.getByTestId("design-note").innerText()).toBe(designStatement(described.design, "vi"))
    await screenshot(page, "66-design-describe-vi")
    expect(await seriousViolations(page)).toEqual([])
  })
})
