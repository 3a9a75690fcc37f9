import { describe, expect, it } from "vitest"
import { screenshot, seriousViolations } from "./browser.js"
import { useExampleAnalysis } from "./exampleAnalysis.js"

/**
 * Issue 17, acceptance item 3: the Variable View's edits are saved as the dataset's codebook (PUT
 * /v1/datasets/{id}/codebook) and a later analysis uses them; an edit that leaves a stored code unlabelled is
 * refused with a message in the page's language naming the variable and the code.
 */

const example = useExampleAnalysis()

const levelRow = () =>
  example.app.page.locator("[data-testid=variables] tbody tr", {
    has: example.app.page.locator("code", { hasText: /^level$/ })
  })

describe("the Variable View's editor", () => {
  it("saves a label, a value label and a missing code; a later frequencies table shows them", async () => {
    const { page } = example.app
    await page.getByText("Danh sách biến (Variable View)").click()
    await page.getByRole("button", { name: "Sửa biến level" }).click()
    const editor = page.getByTestId("variable-editor")
    await editor.getByLabel("Nhãn tiếng Việt", { exact: true }).fill("Cấp công tác")
    await editor.getByLabel("Nhãn tiếng Việt: 1").fill("Thành phố Hồ Chí Minh")
    await editor.getByLabel("Giá trị khuyết: 3").check()
    await screenshot(page, "12-variable-edit-vi")
    expect(await seriousViolations(page)).toEqual([])
    await editor.getByRole("button", { name: "Lưu vào sổ mã" }).click()
    await page.getByRole("status").filter({ hasText: "Đã lưu biến level" }).waitFor()
    await expect(levelRow().innerText()).resolves.toContain("Cấp công tác")
    await expect(levelRow().innerText()).resolves.toContain("3 = Phường/Xã (giá trị khuyết)")

    await page.getByLabel("Tần suất").check()
    await page.locator("#row-var").selectOption("level")
    await page.getByRole("button", { name: "Chạy" }).click()
    const result = page.getByTestId("result")
    await result.waitFor()
    const text = await result.innerText()
    expect(text).toContain("Cấp công tác")
    expect(text).toContain("Thành phố Hồ Chí Minh")
    await screenshot(page, "13-variable-saved-frequencies-vi")
  })

  it("refuses an edit that leaves a stored code without a label, in the page's language; nothing is saved", async () => {
    const { page } = example.app
    await page.getByRole("button", { name: "Sửa biến level" }).click()
    const editor = page.getByTestId("variable-editor")
    await editor.getByRole("button", { name: "Bỏ mã 2" }).click()
    await editor.getByRole("button", { name: "Lưu vào sổ mã" }).click()
    const alert = page.locator(".variables [role=alert]")
    await alert.waitFor()
    const message = await alert.innerText()
    expect(message).toContain("biến “level” có mã 2 ở")
    expect(message).toContain("Hãy thêm nhãn cho mã này hoặc đánh dấu là giá trị khuyết")
    await screenshot(page, "14-variable-refused-vi")
    await editor.getByRole("button", { name: "Hủy" }).click()
    await expect(levelRow().innerText()).resolves.toContain("2 = Quận/Huyện")
  })

  it("shows the editor in English", async () => {
    const { page } = example.app
    await page.getByRole("button", { name: /English/ }).click()
    await page.getByRole("button", { name: "Edit variable people_trust_limited" }).click()
    const editor = page.getByTestId("variable-editor")
    await expect(editor.innerText()).resolves.toContain("Reverse the scores")
    await screenshot(page, "15-variable-edit-likert-en")
    await editor.getByRole("button", { name: "Cancel" }).click()
    await page.getByRole("button", { name: /Tiếng Việt/ }).click()
  })
})
