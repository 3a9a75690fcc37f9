import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { openApp, type OpenedApp, screenshot, seriousViolations, WEB_DIST } from "./browser.js"
import { cli, EXAMPLE_CSV, type Running, startServer, tempDir } from "./server.js"

/**
 * `append` and `merge` recipe steps from the web: another uploaded dataset appended, a third merged on a key,
 * each previewed by the API (which is told which stored dataset each step's `data` names); the steps' summaries
 * and rows equal `danvan prepare` with the same recipe.json and the files beside it; the result saved as a new
 * dataset; a merge key the other dataset lacks refused with the API's message.
 */

const temp = tempDir()
let server: Running | undefined
let app: OpenedApp | undefined
const WAVE2 = join(temp.dir, "wave2.csv")
const EXTRA = join(temp.dir, "extra.csv")

const upload = async (file: string, name: string, codebook: string) => {
  const { page } = app!
  await page.locator("#codebook").selectOption(codebook)
  await page.locator("#file").setInputFiles(file)
  await page.getByRole("button", { name: `Phân tích: ${name}` }).waitFor()
}

beforeAll(async () => {
  const lines = readFileSync(EXAMPLE_CSV, "utf8").split("\n")
  writeFileSync(WAVE2, lines.slice(0, 51).join("\n") + "\n")
  const extra = Array.from({ length: 40 }, (_, i) => `${i + 1},${((i + 1) % 4) + 1}`)
  writeFileSync(EXTRA, ["id,district", ...extra].join("\n") + "\n")
  server = await startServer(temp.db, { DANVAN_WEB_DIR: WEB_DIST })
  app = await openApp(server.url)
  await upload(EXAMPLE_CSV, "hcmc-2024-synthetic.csv", "hcmc-2024")
  await upload(WAVE2, "wave2.csv", "hcmc-2024")
  await upload(EXTRA, "extra.csv", "")
  await app.page.getByRole("button", { name: "Phân tích: hcmc-2024-synthetic.csv" }).click()
  await app.page.getByText("Chuẩn bị dữ liệu (công thức)").click()
})
afterAll(async () => {
  await app?.close()
  await server?.stop()
  temp.cleanup()
})

const add = () => app!.page.getByTestId("recipe-form").getByRole("button", { name: "Thêm bước và xem trước" }).click()

describe("append and merge steps from the web", () => {
  it("a merge key the other dataset lacks is refused with the API's message; nothing is added", async () => {
    const { page } = app!
    const form = page.getByTestId("recipe-form")
    await form.getByLabel("Ghép theo khóa (merge)").check()
    await form.locator("#other-dataset option", { hasText: "extra.csv" }).waitFor({ state: "attached" })
    await add()
    await expect(page.locator(".recipe [role=alert]").innerText()).resolves.toContain(
      "Hãy chọn bộ dữ liệu cần nối hoặc ghép."
    )
    await form.locator("#other-dataset").selectOption({ label: "extra.csv" })
    await form.locator("#merge-key").selectOption("level")
    await add()
    const alert = page.locator(".recipe [role=alert]")
    await alert.filter({ hasText: "Máy chủ không thể thực hiện yêu cầu" }).waitFor()
    expect(await alert.innerText()).toContain("level")
    expect(await page.getByTestId("recipe-steps").count()).toBe(0)
  })

  it("appends one dataset and merges another: the CLI's rows and step summaries; saved as a new dataset", async () => {
    const { page } = app!
    const form = page.getByTestId("recipe-form")
    await form.getByLabel("Nối thêm dòng (append)").check()
    await form.locator("#other-dataset").selectOption({ label: "wave2.csv" })
    await add()
    await page.getByTestId("recipe-steps").locator("li").first().waitFor()
    await form.getByLabel("Ghép theo khóa (merge)").check()
    await form.locator("#other-dataset").selectOption({ label: "extra.csv" })
    await form.locator("#merge-key").selectOption("id")
    await add()
    await page.getByTestId("recipe-steps").locator("li").nth(1).waitFor()

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("recipe-link").click()])
    const recipeFile = join(temp.dir, "recipe.json")
    writeFileSync(recipeFile, readFileSync((await download.path())!))
    expect(JSON.parse(readFileSync(recipeFile, "utf8")).steps).toEqual([
      { op: "append", data: "wave2.csv" },
      { op: "merge", data: "extra.csv", by: "id" }
    ])
    // The same recipe.json on the command line, with wave2.csv and extra.csv beside it.
    const expected = JSON.parse(
      cli([
        "prepare",
        "--recipe",
        recipeFile,
        "--data",
        EXAMPLE_CSV,
        "--codebook",
        "hcmc-2024",
        "--out",
        join(temp.dir, "out.csv"),
        "--format",
        "json"
      ])
    )
    expect(expected.steps).toHaveLength(2)
    const preview = page.getByTestId("recipe-preview")
    await preview.getByText("Kết quả có 1.146 dòng").waitFor()
    expect(expected.rows).toBe(1146)
    await preview.locator("summary").click()
    const log = await preview.locator("ol").innerText()
    for (const step of expected.steps) expect(log).toContain(step.summary)
    expect(await preview.innerText()).toContain("Biến mới district:")
    expect(await page.getByTestId("recipe-command").innerText()).toBe(
      "danvan prepare --recipe recipe.json --data hcmc-2024-synthetic.csv --codebook hcmc-2024 " +
        "--out hcmc-2024-synthetic-prepared.sav"
    )
    await screenshot(page, "70-recipe-join-vi")
    expect(await seriousViolations(page)).toEqual([])

    await page.getByLabel("Tên bộ dữ liệu mới").fill("hai đợt")
    await page.getByRole("button", { name: "Lưu thành bộ dữ liệu mới" }).click()
    await page.getByText("Đã lưu bộ dữ liệu mới “hai đợt” (1.146 dòng)").waitFor()

    await page.getByRole("button", { name: /English/ }).click()
    await page.getByTestId("recipe-form").getByLabel("Merge on a key (merge)").check()
    await screenshot(page, "71-recipe-join-en")
    await page.getByRole("button", { name: /Tiếng Việt/ }).click()
    await page.getByRole("button", { name: "← Danh sách bộ dữ liệu" }).click()
    const row = page.locator("tr", { hasText: "hai đợt" })
    await row.waitFor()
    expect(await row.innerText()).toContain("1.146")
  })
})
