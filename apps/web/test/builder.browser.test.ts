import { readFileSync } from "node:fs"
import JSZip from "jszip"
import { describe, expect, it } from "vitest"
import { screenshot, seriousViolations } from "./browser.js"
import { useExampleAnalysis } from "./exampleAnalysis.js"

/**
 * Issue 17, acceptance item 5: the report builder. Two results are added, reordered by keyboard, and the DOCX
 * of their plan (built by the page, rendered by the API's report endpoint) holds both section titles in the
 * chosen order; the plan.json link holds the same plan.
 */

const example = useExampleAnalysis()

const runSet = async (kind: string, set: string, testId: string) => {
  const { page } = example.app
  await page.getByLabel(kind).check()
  await page.locator(`#set option[value=${set}]`).waitFor({ state: "attached" })
  await page.locator("#set").selectOption(set)
  await page.locator("#group-var").selectOption("level")
  await page.getByRole("button", { name: "Chạy" }).click()
  await page.locator(`[data-testid=${testId}]`).waitFor()
}

const titles = () => example.app.page.locator("[data-testid=report-item] .item-title").allInnerTexts()

describe("the report builder", () => {
  it("adds two results, reorders them by keyboard, downloads a DOCX with both sections in that order", async () => {
    const { page } = example.app
    await expect(page.getByTestId("report-builder").innerText()).resolves.toContain("Chưa có kết quả nào")
    await runSet("Câu hỏi nhiều lựa chọn theo nhóm", "purpose", "mr")
    await page.getByRole("button", { name: "Thêm vào báo cáo" }).click()
    await page.getByRole("status").filter({ hasText: "Đã thêm vào báo cáo (1 mục)" }).waitFor()
    await runSet("Thang Likert theo nhóm", "difficulty", "likert")
    await page.getByRole("button", { name: "Thêm vào báo cáo" }).click()
    await page.getByRole("status").filter({ hasText: "Đã thêm vào báo cáo (2 mục)" }).waitFor()

    const before = await titles()
    expect(before).toHaveLength(2)
    expect(before[0]).toMatch(/ theo /)
    expect(before[0]).not.toBe(before[1])
    // The second item moves up with the keyboard: focus its "move up" button, press Enter.
    await page.getByRole("button", { name: `Chuyển lên: ${before[1]}` }).focus()
    await page.keyboard.press("Enter")
    const after = await titles()
    expect(after).toEqual([before[1], before[0]])
    await page.locator("#builder-report-title").fill("Báo cáo thử nghiệm")
    await page.locator("#builder-format").selectOption("docx")
    expect(await page.getByTestId("builder-command").innerText()).toBe(
      "danvan report --data hcmc-2024-synthetic.csv --codebook hcmc-2024 --plan plan.json --out report.docx --lang vi"
    )
    await screenshot(page, "30-builder-vi")
    expect(await seriousViolations(page)).toEqual([])

    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      page.getByRole("button", { name: "Tải báo cáo tự chọn" }).click()
    ])
    expect(download.suggestedFilename()).toBe("report.docx")
    const bytes = readFileSync((await download.path())!)
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK")
    const xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string")
    const first = xml.indexOf(after[0]!)
    const second = xml.indexOf(after[1]!)
    expect(first).toBeGreaterThan(-1)
    expect(second).toBeGreaterThan(first)
    expect(xml).toContain("Báo cáo thử nghiệm")

    const [planFile] = await Promise.all([page.waitForEvent("download"), page.getByTestId("plan-link").click()])
    const plan = JSON.parse(readFileSync((await planFile.path())!, "utf8"))
    expect(plan.sections.map((s: any) => [s.id, s.kind, s.set, s.by])).toEqual([
      ["s1-likert", "likert", "difficulty", "level"],
      ["s2-multiple-response", "multiple-response", "purpose", "level"]
    ])
  })

  it("removes an item", async () => {
    const { page } = example.app
    const [first, second] = await titles()
    await page.getByRole("button", { name: `Bỏ: ${first}` }).click()
    expect(await titles()).toEqual([second])
  })

  it("the report's title follows the output language: each language's title in its report", async () => {
    const { page } = example.app
    const html = async () => {
      const [file] = await Promise.all([
        page.waitForEvent("download", { timeout: 60_000 }),
        page.locator("[data-testid=report-builder] button[type=submit].primary").click()
      ])
      return readFileSync((await file.path())!, "utf8")
    }
    await page.locator("#builder-format").selectOption("html")
    await page.getByRole("button", { name: /English/ }).click()
    const title = page.locator("#builder-report-title")
    // Typed in Vietnamese only, it stands for both; typed in English, the English report takes it.
    expect(await title.inputValue()).toBe("Báo cáo thử nghiệm")
    await title.fill("Trial report")
    expect(await html()).toContain("<title>Trial report</title>")
    await screenshot(page, "31-builder-title-en")
    await page.getByRole("button", { name: /Tiếng Việt/ }).click()
    expect(await title.inputValue()).toBe("Báo cáo thử nghiệm")
    expect(await html()).toContain("<title>Báo cáo thử nghiệm</title>")
  })
})
