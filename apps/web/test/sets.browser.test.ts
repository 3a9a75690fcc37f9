import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { fixed } from "@danvan/report"
import { afterAll, describe, expect, it } from "vitest"
import { screenshot, seriousViolations } from "./browser.js"
import { useExampleAnalysis } from "./exampleAnalysis.js"
import { cli, EXAMPLE_CSV, tempDir } from "./server.js"

/**
 * The Variable View's question sets: a new Likert set made of two items of the `difficulty` set is saved to the
 * dataset's codebook (PUT /v1/datasets/{id}/codebook), offered by the Likert analysis, and its result equals
 * `danvan likert` with the saved codebook; a set without items is refused in the page; a set is removed.
 */

const example = useExampleAnalysis()
const temp = tempDir()
afterAll(() => temp.cleanup())

/** The dataset's codebook as the API stores it (same-origin GET from the page: local mode, no key). */
const savedCodebook = () =>
  example.app.page.evaluate(async () => {
    const { csrf } = await (await fetch("/auth/session")).json() as { csrf: string }
    const headers = { "x-csrf-token": csrf }
    const list = await (await fetch("/v1/datasets", { headers })).json() as {
      datasets: Array<{ id: string; name: string }>
    }
    const id = list.datasets.find((d) => d.name === "hcmc-2024-synthetic.csv")!.id
    return (await fetch(`/v1/datasets/${id}/codebook`, { headers })).json() as Promise<any>
  })

describe("question sets in the Variable View", () => {
  it("adds a Likert set: saved in the codebook, offered by the Likert analysis, as the CLI computes it", async () => {
    const { page } = example.app
    await page.getByText("Danh sách biến (Variable View)").click()
    const sets = page.getByTestId("sets")
    await sets.getByText("difficulty").first().waitFor()
    const difficulty = (await savedCodebook()).indicatorSets.find((s: any) => s.name === "difficulty")
    expect(difficulty.items.length).toBeGreaterThan(2)
    const [a, b] = difficulty.items as Array<string>

    await sets.getByRole("button", { name: "Thêm bộ câu hỏi" }).click()
    const form = page.getByTestId("set-form")
    await form.locator("#set-name").fill("hai_kho_khan")
    await form.locator("#set-label-vi").fill("Hai khó khăn")
    await form.getByRole("button", { name: "Lưu vào sổ mã" }).click()
    await expect(form.getByRole("alert").innerText()).resolves.toBe("Hãy chọn ít nhất một câu hỏi cho bộ.")
    await form.locator(`input[type=checkbox][value="${b}"]`).check()
    await form.locator(`input[type=checkbox][value="${a}"]`).check()
    await screenshot(page, "80-sets-edit-vi")
    expect(await seriousViolations(page)).toEqual([])
    await form.getByRole("button", { name: "Lưu vào sổ mã" }).click()
    await page.getByRole("status").filter({ hasText: "Đã lưu bộ câu hỏi “hai_kho_khan”" }).waitFor()
    const codebook = await savedCodebook()
    const made = codebook.indicatorSets.find((s: any) => s.name === "hai_kho_khan")
    // Items in the dataset's column order, whatever order they were ticked in.
    expect(made).toEqual({
      name: "hai_kho_khan",
      label: { vi: "Hai khó khăn", en: "Hai khó khăn" },
      kind: "likert",
      items: [a, b]
    })

    await page.getByLabel("Thang Likert theo nhóm").check()
    await page.locator("#set option[value=hai_kho_khan]").waitFor({ state: "attached" })
    await page.locator("#set").selectOption("hai_kho_khan")
    await page.locator("#group-var").selectOption("level")
    await page.getByRole("button", { name: "Chạy" }).click()
    await page.locator("[data-testid=likert]").waitFor()
    const file = join(temp.dir, "codebook.json")
    writeFileSync(file, JSON.stringify(codebook))
    const expected = JSON.parse(
      cli([
        "likert",
        "--data",
        EXAMPLE_CSV,
        "--codebook",
        file,
        "--set",
        "hai_kho_khan",
        "--by",
        "level",
        "--format",
        "json"
      ])
    )
    expect(expected.items).toHaveLength(2)
    const rows = await page.locator("[data-testid=likert] tbody tr").allInnerTexts()
    expect(rows).toHaveLength(2)
    expected.items.forEach((item: any, i: number) => {
      const cells = rows[i]!.split("\t")
      expect(cells.slice(1, 1 + item.byGroup.length)).toEqual(item.byGroup.map((c: any) => fixed(c.mean, 2, "comma")))
    })
  })

  it("removes the set again; it leaves the codebook", async () => {
    const { page } = example.app
    await page.getByRole("button", { name: "Xóa bộ hai_kho_khan" }).click()
    await page.getByTestId("sets").locator("li", { hasText: "hai_kho_khan" }).waitFor({ state: "detached" })
    await expect(page.getByTestId("sets").innerText()).resolves.not.toContain("hai_kho_khan")
    const codebook = await savedCodebook()
    expect(codebook.indicatorSets.some((s: any) => s.name === "hai_kho_khan")).toBe(false)
    expect(codebook.indicatorSets.some((s: any) => s.name === "difficulty")).toBe(true)
    await page.getByRole("button", { name: /English/ }).click()
    await page.getByTestId("sets").getByRole("button", { name: "Add a question set" }).click()
    await page.getByTestId("set-form").locator("#set-type").selectOption("mr")
    await screenshot(page, "81-sets-edit-en")
    await page.getByRole("button", { name: /Tiếng Việt/ }).click()
  })
})
