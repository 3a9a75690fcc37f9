import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { screenshot, seriousViolations } from "./browser.js"
import { useExampleAnalysis } from "./exampleAnalysis.js"

/**
 * Issue 17, acceptance item 3 (recipe steps as forms): a recode step and a filter step added by the form, each
 * previewed by the server; a bad rule explained in the page's language; the result stored as a new dataset
 * that the dataset list shows; recipe.json and the `danvan prepare --recipe` line offered.
 */

const example = useExampleAnalysis()

describe("recipe steps as forms", () => {
  it("adds a recode and a filter step, previews each, and saves the result as a new dataset", async () => {
    const { page } = example.app
    await page.getByText("Chuẩn bị dữ liệu (công thức)").click()
    const form = page.getByTestId("recipe-form")
    await form.locator("#recode-var").selectOption("level")
    await form.getByLabel("Quy tắc (cũ=mới; …)").fill("1=1 2")
    await form.getByRole("button", { name: "Thêm bước và xem trước" }).click()
    await expect(page.locator(".recipe [role=alert]").innerText()).resolves.toContain("Không hiểu quy tắc “1=1 2”")

    await form.getByLabel("Quy tắc (cũ=mới; …)").fill("1=1; 2,3=2")
    await form.getByLabel("Vào biến mới (để trống: sửa tại chỗ)").fill("city")
    await form.getByLabel("Giá trị khác").selectOption("missing")
    await form.getByLabel("Nhãn tiếng Việt").fill("Thành phố hay không")
    await form.getByRole("button", { name: "Thêm bước và xem trước" }).click()
    const preview = page.getByTestId("recipe-preview")
    await expect(preview.innerText()).resolves.toContain("Biến mới city: 1.096 hợp lệ, 0 thiếu.")
    await expect(preview.innerText()).resolves.toContain("Giữ lại 1.096 trên 1.096 dòng.")

    await form.getByLabel("Lọc dòng (filter)").check()
    await form.getByLabel("Giữ các dòng thỏa điều kiện").fill("city == 1")
    await form.getByRole("button", { name: "Thêm bước và xem trước" }).click()
    await page.getByTestId("recipe-steps").locator("li").nth(1).waitFor()
    expect(await page.getByTestId("recipe-steps").locator("li").count()).toBe(2)
    await page.getByText(/^Giữ lại \d{3} trên 1\.096 dòng\.$/).waitFor()
    const kept = Number((await preview.innerText()).match(/Giữ lại (\d+) trên/)![1])
    expect(kept).toBeGreaterThan(0)
    expect(kept).toBeLessThan(1096)

    const command = await page.getByTestId("recipe-command").innerText()
    expect(command).toBe(
      "danvan prepare --recipe recipe.json --data hcmc-2024-synthetic.csv --codebook hcmc-2024 --out hcmc-2024-synthetic-prepared.sav"
    )
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("recipe-link").click()])
    const recipe = JSON.parse(readFileSync((await download.path())!, "utf8")) as { steps: Array<{ op: string }> }
    expect(recipe.steps.map((s) => s.op)).toEqual(["recode", "filter"])
    await screenshot(page, "16-recipe-vi")
    expect(await seriousViolations(page)).toEqual([])

    await page.getByLabel("Tên bộ dữ liệu mới").fill("chỉ thành phố")
    await page.getByRole("button", { name: "Lưu thành bộ dữ liệu mới" }).click()
    await page.getByText(`Đã lưu bộ dữ liệu mới “chỉ thành phố” (${kept} dòng)`).waitFor()
    await page.getByRole("button", { name: "← Danh sách bộ dữ liệu" }).click()
    await page.getByRole("button", { name: "Phân tích: chỉ thành phố" }).waitFor()
  })

  it("shows the form in English", async () => {
    const { page } = example.app
    await page.getByRole("button", { name: /English/ }).click()
    await page.getByRole("button", { name: "Analyse: hcmc-2024-synthetic.csv" }).click()
    await page.getByText("Data preparation (recipe)").click()
    await page.getByTestId("recipe-form").getByLabel("Compute a variable").check()
    await screenshot(page, "17-recipe-en")
    await page.getByRole("button", { name: /Tiếng Việt/ }).click()
  })
})
