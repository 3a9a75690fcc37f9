import { readFileSync } from "node:fs"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { openApp, type OpenedApp, screenshot, seriousViolations, WEB_DIST } from "./browser.js"
import { cli, EXAMPLE_CSV, type Running, startServer, tempDir } from "./server.js"

/**
 * Local mode (the default on 127.0.0.1): the whole job in Chromium against the built server and a temporary
 * database. The crosstab's chi-square on the page is checked against `danvan crosstab --format json`.
 */

const ROW = "level"
const COL = "people_trust_limited"
const temp = tempDir()
let server: Running
let app: OpenedApp

const expected = JSON.parse(
  cli(["crosstab", "--data", EXAMPLE_CSV, "--codebook", "hcmc-2024", "--row", ROW, "--col", COL, "--format", "json"])
) as { tests: { pearson: { statistic: number; df: number; p: number } }; n: { valid: number } }

beforeAll(async () => {
  server = await startServer(temp.db, { DANVAN_WEB_DIR: WEB_DIST })
  app = await openApp(server.url)
})

afterAll(async () => {
  await app?.close()
  await server?.stop()
  temp.cleanup()
})

const alertText = () => app.page.getByRole("alert").first().innerText()

describe("the web app in local mode", () => {
  it("opens in Vietnamese with no key to type, served with caching headers", async () => {
    const { page } = app
    expect(await page.getAttribute("html", "lang")).toBe("vi")
    await page.getByRole("heading", { name: "Tải dữ liệu lên" }).waitFor()
    expect(await page.locator("header").innerText()).toContain("Chế độ máy cá nhân")
    expect(await page.locator("#api-key").count()).toBe(0)
    const index = await fetch(server.url + "/")
    expect(index.headers.get("cache-control")).toBe("no-cache")
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(await index.text())?.[1]
    expect(script).toBeDefined()
    const asset = await fetch(server.url + script!)
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable")
    // the API is where it was
    expect((await fetch(server.url + "/openapi.json")).headers.get("content-type")).toContain("application/json")
    expect((await fetch(server.url + "/v1/datasets")).status).toBe(401)
    await screenshot(page, "01-datasets-empty-vi")
    expect(await seriousViolations(page)).toEqual([])
  })

  it("uploads the example CSV with the file picker and lists it with its rows", async () => {
    const { page } = app
    await page.locator("#file").setInputFiles(EXAMPLE_CSV)
    await page.getByRole("status").filter({ hasText: "Đã tải lên" }).waitFor()
    const row = page.locator("table.list tbody tr")
    expect(await row.count()).toBe(1)
    const cells = await row.first().locator("th, td").allInnerTexts()
    expect(cells.slice(0, 3)).toEqual(["hcmc-2024-synthetic.csv", "1.096", "hcmc-2024"])
    await screenshot(page, "02-datasets-uploaded-vi")
  })

  it("refuses an unreadable file and one of another type in clear Vietnamese; nothing is stored", async () => {
    const { page } = app
    await page.locator("#file").setInputFiles({
      name: "broken.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("level,people_trust_limited\n1,7\nx,2\n")
    })
    await page.getByRole("alert").waitFor()
    const text = await alertText()
    expect(text).toContain("Không đọc được tệp broken.csv: 2 lỗi, chưa lưu gì.")
    expect(text).toContain("Dòng 2, cột “people_trust_limited”: giá trị “7”")
    expect(text).toContain("Dòng 3, cột “level”: giá trị “x”")
    expect(text).not.toMatch(/\bat \S+:\d+/)
    await screenshot(page, "03-upload-error-vi")
    await page
      .locator("#file")
      .setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") })
    await page.getByRole("alert").filter({ hasText: "notes.txt" }).waitFor()
    expect(await alertText()).toContain("không phải .csv, .sav hoặc .xlsx")
    expect(await page.locator("table.list tbody tr").count()).toBe(1)
  })

  it("uploads by drag and drop", async () => {
    const { page } = app
    const csv = readFileSync(EXAMPLE_CSV, "utf8")
    const transfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer()
      dt.items.add(new File([text], "dropped.csv", { type: "text/csv" }))
      return dt
    }, csv)
    await page.dispatchEvent("[data-testid=dropzone]", "drop", { dataTransfer: transfer })
    await page.locator("table.list tbody tr", { hasText: "dropped.csv" }).waitFor()
    expect(await page.locator("table.list tbody tr").count()).toBe(2)
  })

  it("deletes a dataset only after confirmation", async () => {
    const { page } = app
    await page.getByRole("button", { name: "Xóa: dropped.csv" }).click()
    await page.getByRole("button", { name: "Hủy" }).click()
    expect(await page.locator("table.list tbody tr").count()).toBe(2)
    await page.getByRole("button", { name: "Xóa: dropped.csv" }).click()
    await screenshot(page, "04-delete-confirm-vi")
    await page.getByRole("button", { name: "Xóa hẳn" }).click()
    await page.getByRole("status").filter({ hasText: "Đã xóa dropped.csv" }).waitFor()
    expect(await page.locator("table.list tbody tr").count()).toBe(1)
  })

  it("is usable with the keyboard: Tab reaches Analyse, Enter opens it, a wrong choice is explained", async () => {
    const { page } = app
    await page.locator("body").focus()
    let reached = false
    for (let i = 0; i < 25 && !reached; i++) {
      await page.keyboard.press("Tab")
      reached = (await page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? "")).startsWith(
        "Phân tích:"
      )
    }
    expect(reached).toBe(true)
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)
    expect(outline).not.toBe("none")
    await page.keyboard.press("Enter")
    await page.getByRole("heading", { name: "Phân tích: hcmc-2024-synthetic.csv" }).waitFor()
    await page.locator("#row-var option[value=level]").waitFor({ state: "attached" })
    // same variable twice: the page says what to do, the server is not asked
    await page.locator("#row-var").selectOption(ROW)
    await page.locator("#col-var").selectOption(ROW)
    // Tab order: row, column, layer, then the weights and design section (weight, weight mode, strata, clusters,
    // fpc, lonely PSU), Run
    await page.locator("#col-var").focus()
    for (
      const next of ["layer-var", "weight-var", "weight-mode", "strata-var", "cluster-var", "fpc-var", "lonely-psu"]
    ) {
      await page.keyboard.press("Tab")
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(next)
    }
    await page.keyboard.press("Tab")
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Chạy")
    await page.keyboard.press("Enter")
    await page.getByRole("alert").filter({ hasText: "Biến hàng và biến cột phải khác nhau." }).waitFor()
  })

  it("runs a crosstab by clicking: the page's chi-square is the CLI's, decimal comma, command shown", async () => {
    const { page } = app
    await page.locator("#col-var").selectOption(COL)
    await page.getByRole("button", { name: "Chạy" }).click()
    await page.locator("[data-testid=crosstab]").waitFor()
    const pearson = expected.tests.pearson
    const shown = await page.locator("[data-testid=pearson-statistic]").innerText()
    expect(shown).toBe(pearson.statistic.toFixed(3).replace(".", ","))
    expect(Number(shown.replace(",", "."))).toBeCloseTo(pearson.statistic, 3)
    const apa = await page.locator("[data-testid=apa]").innerText()
    expect(apa).toContain(
      `χ²(${pearson.df}; N = ${expected.n.valid}) = ${pearson.statistic.toFixed(2).replace(".", ",")}`
    )
    expect(await page.locator("[data-testid=command]").innerText()).toBe(
      `danvan crosstab --data hcmc-2024-synthetic.csv --codebook hcmc-2024 --row ${ROW} --col ${COL} --lang vi`
    )
    await screenshot(page, "05-crosstab-vi")
    expect(await seriousViolations(page)).toEqual([])
  })

  it("switches to English: page lang, labels and number format follow", async () => {
    const { page } = app
    await page.getByRole("button", { name: /English/ }).click()
    await page.getByRole("heading", { name: "Analysis: hcmc-2024-synthetic.csv" }).waitFor()
    await page.waitForFunction(() => document.documentElement.lang === "en")
    expect(await page.title()).toBe("danvan: cadre survey analysis")
    expect(await page.locator("[data-testid=pearson-statistic]").innerText()).toBe(
      expected.tests.pearson.statistic.toFixed(3)
    )
    expect(await page.locator("table[data-testid=crosstab] thead").innerText()).toContain("Total")
    await page.getByRole("button", { name: "Run" }).click()
    await page.locator("[data-testid=command]", { hasText: "--lang en" }).waitFor()
    await screenshot(page, "06-crosstab-en")
    expect(await seriousViolations(page)).toEqual([])
  })

  it("shows frequencies with their command", async () => {
    const { page } = app
    await page.getByLabel("Frequencies").check()
    await page.getByRole("button", { name: "Run" }).click()
    await page.locator("[data-testid=frequencies]").waitFor()
    const rows = await page.locator("[data-testid=frequencies] tbody tr").allInnerTexts()
    expect(rows[0]).toMatch(/^City\t\d+/)
    expect(await page.locator("[data-testid=command]").innerText()).toBe(
      "danvan frequencies --data hcmc-2024-synthetic.csv --codebook hcmc-2024 --lang en level"
    )
    await screenshot(page, "07-frequencies-en")
  })

  it("shows the variable view: labels, measure, value labels with missing codes, counts", async () => {
    const { page } = app
    await page.getByText("Variables (Variable View)").click()
    const level = page.locator("[data-testid=variables] tbody tr", {
      has: page.locator("code", { hasText: /^level$/ })
    })
    const cells = await level.locator("th, td").allInnerTexts()
    expect(cells.slice(0, 3)).toEqual(["level", "Cadre level", "ordinal"])
    expect(cells[3]).toContain("1 = City")
    expect(cells[3]).toContain("9 = No answer (missing)")
    expect(cells.slice(4)).toEqual(["1,096", "0", "Edit"])
    expect(await page.locator("[data-testid=variables] tbody tr").count()).toBe(27)
    await screenshot(page, "08-variables-en")
    expect(await seriousViolations(page)).toEqual([])
    await page.getByText("Variables (Variable View)").click()
  })

  it("downloads the report of the plan in the page's language, with its danvan report command", async () => {
    const { page } = app
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      page.getByRole("button", { name: "Download the report" }).click()
    ])
    expect(download.suggestedFilename()).toBe("report-hcmc-2024-en.html")
    const html = readFileSync((await download.path())!, "utf8")
    expect(html).toMatch(/^<!doctype html>/i)
    expect(html).toMatch(/<html[^>]*lang="en"/)
    expect(html).toContain("<svg")
    expect(await page.locator("[data-testid=report-command]").innerText()).toBe(
      "danvan report --data hcmc-2024-synthetic.csv --codebook hcmc-2024 --plan hcmc-2024 --out " +
        "report-hcmc-2024-en.html --lang en"
    )
    await screenshot(page, "09-report-en")
  })

  it("words a server failure in the page's language and never shows the server's text as a stack", async () => {
    const { page } = app
    await page.route(
      "**/v1/datasets/*/crosstab",
      (route) =>
        route.fulfill({
          status: 500,
          contentType: "text/plain",
          body: "Error: boom\n    at handler (/srv/app.js:12:3)"
        })
    )
    await page.getByLabel("Crosstab").check()
    await page.getByRole("button", { name: "Run" }).click()
    await page.getByRole("alert").filter({ hasText: "The server failed (status 500)" }).waitFor()
    expect(await alertText()).not.toContain("app.js")
    await page.unroute("**/v1/datasets/*/crosstab")
    await screenshot(page, "08-server-error-en")
    // the browser logs each refused request (the 422 upload, the 500 above); nothing else may reach the console
    expect(app.consoleErrors.filter((e) => !e.startsWith("Failed to load resource:"))).toEqual([])
    expect(app.foreignRequests).toEqual([])
  })

  it("renews a lost session by itself in local mode and asks to repeat the action", async () => {
    const { page, context } = app
    await context.clearCookies()
    await page.getByRole("button", { name: "Run" }).click()
    await page.getByRole("status").filter({ hasText: "Your session was renewed" }).waitFor()
    expect((await context.cookies()).map((c) => c.name).sort()).toEqual(["danvan_csrf", "danvan_session"])
    await page.getByRole("button", { name: "Run" }).click()
    await page.locator("[data-testid=pearson-statistic]").waitFor()
  })

  it("shows a progress bar while a file uploads (upload slowed to 256 KB/s)", async () => {
    const { page } = app
    await page.getByRole("button", { name: "← Dataset list" }).click()
    const lines = readFileSync(EXAMPLE_CSV, "utf8").trimEnd().split("\n")
    const big = [lines[0], ...Array.from({ length: 12 }, () => lines.slice(1)).flat()].join("\n") + "\n"
    const cdp = await page.context().newCDPSession(page)
    await cdp.send("Network.enable")
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 256 * 1024
    })
    try {
      await page.locator("#file").setInputFiles({ name: "big.csv", mimeType: "text/csv", buffer: Buffer.from(big) })
      const bar = page.locator("progress#upload-progress")
      await bar.waitFor()
      await page.waitForFunction(() => {
        const p = document.querySelector<HTMLProgressElement>("progress#upload-progress")
        return p !== null && p.value > 0 && p.value < 1
      })
      expect(await page.getByText(/^Uploading big\.csv: \d+%$/).count()).toBe(1)
      await screenshot(page, "11-upload-progress-en")
      await page.locator("table.list tbody tr", { hasText: "big.csv" }).waitFor({ timeout: 60_000 })
      expect(await bar.count()).toBe(0)
      const rows = await page.locator("table.list tbody tr", { hasText: "big.csv" }).locator("td").first().innerText()
      expect(rows).toBe((12 * (lines.length - 1)).toLocaleString("en-US"))
    } finally {
      await cdp.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1
      })
      await cdp.detach()
    }
  })
})
