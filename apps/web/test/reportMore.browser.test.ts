import { readFileSync } from "node:fs"
import { fixed } from "@danvan/report"
import JSZip from "jszip"
import { describe, expect, it } from "vitest"
import { openApp, screenshot, seriousViolations, WEB_DIST } from "./browser.js"
import { useExampleAnalysis } from "./exampleAnalysis.js"
import { cli, EXAMPLE_CSV, startServer, tempDir } from "./server.js"

/**
 * Issue 17, acceptance item 5: a means-by-group result added to the report builder (a `means` plan section);
 * the DOCX holds its tables with the numbers of `danvan means`; the same report downloads as a PDF printed by
 * the server's Chromium, and a server without one says so in the page's language.
 */

const example = useExampleAnalysis()

const cliJson = (args: ReadonlyArray<string>): any =>
  JSON.parse(cli([...args, "--data", EXAMPLE_CSV, "--codebook", "hcmc-2024", "--format", "json"]))

const download = async (format: string) => {
  const { page } = example.app
  await page.locator("#builder-format").selectOption(format)
  const [file] = await Promise.all([
    page.waitForEvent("download", { timeout: 90_000 }),
    page.getByRole("button", { name: "Tải báo cáo tự chọn" }).click()
  ])
  expect(file.suggestedFilename()).toBe(`report.${format}`)
  return readFileSync((await file.path())!)
}

describe("means in reports, and PDF", () => {
  it("adds a means result; the DOCX holds its section with the numbers of `danvan means`", async () => {
    const { page } = example.app
    await page.getByLabel("Trung bình theo nhóm").check()
    await page.locator("#numeric-var").selectOption("people_trust_limited")
    await page.locator("#group-var").selectOption("level")
    await page.locator("#weight-var").selectOption({ label: "Không dùng trọng số" })
    await page.getByRole("button", { name: "Chạy" }).click()
    await page.locator("[data-testid=means]").waitFor()
    await page.getByRole("button", { name: "Thêm vào báo cáo" }).click()
    await page.getByRole("status").filter({ hasText: "Đã thêm vào báo cáo (1 mục)" }).waitFor()
    const [title] = await page.locator("[data-testid=report-item] .item-title").allInnerTexts()
    expect(title).toContain(" theo ")

    const bytes = await download("docx")
    const xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string")
    expect(xml).toContain(title!)
    expect(xml).toContain("Kiểm định sự bằng nhau của trung bình và phương sai")
    const expected = cliJson(["means", "--var", "people_trust_limited", "--by", "level", "--no-weight"])
    for (const g of expected.groups) expect(xml).toContain(fixed(g.mean, 2, "comma"))

    const [planFile] = await Promise.all([page.waitForEvent("download"), page.getByTestId("plan-link").click()])
    const plan = JSON.parse(readFileSync((await planFile.path())!, "utf8"))
    expect(plan.sections).toEqual([
      { id: "s1-means", kind: "means", title: expect.anything(), variable: "people_trust_limited", by: "level" }
    ])
    expect(plan.weight).toBeNull()
  }, 120_000)

  it("downloads the report as a PDF", async () => {
    const { page } = example.app
    await page.locator("#builder-format").selectOption("pdf")
    expect(await page.getByTestId("builder-command").innerText()).toBe(
      "danvan report --data hcmc-2024-synthetic.csv --codebook hcmc-2024 --plan plan.json --out report.pdf --lang vi"
    )
    await screenshot(page, "31-builder-pdf-vi")
    expect(await seriousViolations(page)).toEqual([])
    const bytes = await download("pdf")
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-")
  }, 120_000)

  it("shows the builder with a means item in English", async () => {
    const { page } = example.app
    await page.getByRole("button", { name: /English/ }).click()
    await page.getByTestId("report-builder").waitFor()
    await screenshot(page, "32-builder-means-en")
    await page.getByRole("button", { name: /Tiếng Việt/ }).click()
  })
})

describe("PDF without a browser", () => {
  it("says in the page's language that the server cannot print a PDF and what to choose instead", async () => {
    const temp = tempDir()
    const other = await startServer(temp.db, {
      DANVAN_WEB_DIR: WEB_DIST,
      CHROMIUM_PATH: "/nonexistent/chromium"
    })
    const second = await openApp(other.url)
    try {
      const { page } = second
      await page.locator("#file").setInputFiles(EXAMPLE_CSV)
      await page.getByRole("status").filter({ hasText: "Đã tải lên" }).waitFor()
      await page.getByRole("button", { name: "Phân tích: hcmc-2024-synthetic.csv" }).click()
      await page.locator("#row-var").selectOption("level")
      await page.locator("#col-var").selectOption("people_trust_limited")
      await page.getByRole("button", { name: "Chạy" }).click()
      await page.getByTestId("result").waitFor()
      await page.getByRole("button", { name: "Thêm vào báo cáo" }).click()
      await page.locator("#builder-format").selectOption("pdf")
      await page.getByRole("button", { name: "Tải báo cáo tự chọn" }).click()
      const alert = page.getByTestId("report-builder").locator("[role=alert]")
      await alert.waitFor()
      expect(await alert.innerText()).toContain("Máy chủ không có trình duyệt Chromium để in PDF")
      await screenshot(page, "33-builder-no-pdf-vi")
    } finally {
      await second.close()
      await other.stop()
      temp.cleanup()
    }
  }, 120_000)
})
