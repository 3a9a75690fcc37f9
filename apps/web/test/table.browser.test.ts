import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { screenshot, seriousViolations } from "./browser.js"
import { useExampleAnalysis } from "./exampleAnalysis.js"

/**
 * Issue 15 in the web app: the report builder's custom table ("Bảng tùy chỉnh"). Rows, columns and a net typed
 * as `danvan table` takes them become a plan section {"kind": "table"}; the downloaded HTML report holds the
 * banner table with its net; a malformed net is said at once, an unknown variable by the API when the report runs.
 */

const example = useExampleAnalysis()

const fillTable = async (rows: string, cols: string, nets: string) => {
  const { page } = example.app
  await page.getByLabel("Hàng của bảng", { exact: false }).fill(rows)
  await page.getByLabel("Cột của bảng", { exact: false }).fill(cols)
  await page.getByLabel("Nhóm gộp", { exact: false }).fill(nets)
  await page.getByRole("button", { name: "Thêm bảng vào báo cáo" }).click()
}

describe("the report builder's custom table", () => {
  it("a malformed net is said at once and nothing is added", async () => {
    const { page } = example.app
    await fillTable("people_trust_limited", "level", "people_trust_limited Top 2")
    await expect(page.getByTestId("table-adder").getByRole("alert").innerText()).resolves.toContain(
      "không có dạng BIẾN:TÊN=MÃ,MÃ"
    )
    expect(await page.locator("[data-testid=report-item]").count()).toBe(0)
  })

  it("adds a table with a net and an MR set; the HTML report holds it; the plan has the table section", async () => {
    const { page } = example.app
    await fillTable("people_trust_limited, purpose", "level", "people_trust_limited:Top 2=1,2")
    await page.getByTestId("table-adder").getByRole("status").filter({ hasText: "Đã thêm bảng vào báo cáo" })
      .waitFor()
    const titles = await page.locator("[data-testid=report-item] .item-title").allInnerTexts()
    expect(titles).toEqual(["people_trust_limited, purpose theo level"])
    await screenshot(page, "32-builder-table-vi")
    expect(await seriousViolations(page)).toEqual([])

    await page.locator("#builder-format").selectOption("html")
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      page.getByRole("button", { name: "Tải báo cáo tự chọn" }).click()
    ])
    expect(download.suggestedFilename()).toBe("report.html")
    const html = readFileSync((await download.path())!, "utf8")
    expect(html).toContain("Top 2")
    // the banner's columns carry their letters, and the Total column is there
    expect(html).toContain("(A)")
    expect(html).toContain("Tổng")

    const [planFile] = await Promise.all([page.waitForEvent("download"), page.getByTestId("plan-link").click()])
    const plan = JSON.parse(readFileSync((await planFile.path())!, "utf8"))
    expect(plan.sections).toEqual([{
      id: "s1-table",
      kind: "table",
      title: { vi: "people_trust_limited, purpose theo level", en: "people_trust_limited, purpose by level" },
      rows: ["people_trust_limited", "purpose"],
      cols: ["level"],
      nets: [{ variable: "people_trust_limited", name: "Top 2", codes: [1, 2] }]
    }])
  })

  it("an unknown variable is the API's message when the report runs", async () => {
    const { page } = example.app
    await fillTable("q9", "level", "")
    await page.getByRole("button", { name: "Tải báo cáo tự chọn" }).click()
    await expect(page.getByTestId("report-builder").locator(".error").innerText()).resolves.toContain("q9")
  })
})
