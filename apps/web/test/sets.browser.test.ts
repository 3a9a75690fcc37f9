import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { fixed } from "@danvan/report"
import { mrDesignStatementText } from "@danvan/report/sentences"
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

  it("sets under a sampling design (each case its own PSU): the design-based Rao-Scott tests of the CLI", async () => {
    const { page } = example.app
    const design = ["--cluster", "id", "--format", "json"]
    const cliJson = (args: ReadonlyArray<string>) =>
      JSON.parse(cli([...args, "--data", EXAMPLE_CSV, "--codebook", "hcmc-2024", ...design]))
    await page.getByLabel("Câu hỏi nhiều lựa chọn theo nhóm").check()
    await page.locator("#set option[value=purpose]").waitFor({ state: "attached" })
    await page.locator("#set").selectOption("purpose")
    await page.locator("#group-var").selectOption("level")
    await page.locator("#cluster-var").selectOption("id")
    await page.getByRole("button", { name: "Chạy" }).click()
    await page.locator("[data-testid=mr]").waitFor()
    await page.locator("[data-testid=rao-scott]").waitFor()
    const mr = cliJson(["mr", "--set", "purpose", "--group", "level"])
    expect(mr.design.mode).toBe("sampling")
    expect(await page.getByTestId("design-note").innerText()).toBe(mrDesignStatementText(mr, "vi"))
    expect(await page.getByTestId("rao-scott-f").innerText()).toBe(fixed(mr.raoScott.statistic, 3, "comma"))
    expect(await page.getByTestId("command").innerText()).toContain("--group level --cluster id --lang vi")
    await screenshot(page, "82-design-mr-vi")

    await page.getByLabel("Thang Likert theo nhóm").check()
    await page.locator("#set option[value=difficulty]").waitFor({ state: "attached" })
    await page.locator("#set").selectOption("difficulty")
    await page.locator("#group-var").selectOption("level")
    await page.getByRole("button", { name: "Chạy" }).click()
    await page.locator("[data-testid=likert]").waitFor()
    await page.locator("[data-testid=rao-scott]").waitFor()
    const likert = cliJson(["likert", "--set", "difficulty", "--by", "level"])
    const tested = likert.items.filter((item: any) => item.design?.tests !== undefined)
    expect(tested.length).toBeGreaterThan(1)
    const rows = await page.locator("[data-testid=rao-scott] tbody tr").allInnerTexts()
    expect(rows).toHaveLength(tested.length)
    tested.forEach((item: any, k: number) =>
      expect(rows[k]!.split("\t")[1]).toBe(fixed(item.design.tests.raoScott.statistic, 3, "comma"))
    )
    await screenshot(page, "83-design-likert-vi")
    expect(await seriousViolations(page)).toEqual([])
    await page.locator("#cluster-var").selectOption("")
  })
})
