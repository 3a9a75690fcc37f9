import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { openApp, type OpenedApp, screenshot, seriousViolations, WEB_DIST } from "./browser.js"
import { createKey, EXAMPLE_CSV, type Running, startServer, tempDir } from "./server.js"

/**
 * Server mode (DANVAN_MODE=server): sign-in with an API key turned into an HttpOnly, SameSite=Strict session
 * cookie, CSRF header required, sign-out, and one tenant unable to reach another's dataset.
 */

const temp = tempDir()
let server: Running
let keyA: string
let keyB: string
let app: OpenedApp

beforeAll(async () => {
  keyA = createKey(temp.db, "district-1")
  keyB = createKey(temp.db, "district-7")
  server = await startServer(temp.db, { DANVAN_MODE: "server", DANVAN_WEB_DIR: WEB_DIST })
  app = await openApp(server.url)
})

afterAll(async () => {
  await app?.close()
  await server?.stop()
  temp.cleanup()
})

const signIn = async (key: string) => {
  await app.page.locator("#api-key").fill(key)
  await app.page.getByRole("button", { name: "Đăng nhập" }).click()
}

/** A request from the page itself (same origin, its cookies), with or without the CSRF header. */
const pageFetch = (path: string, csrf: boolean) =>
  app.page.evaluate(
    async ({ path, csrf }) => {
      const token = document.cookie.match(/(?:^|; )danvan_csrf=([^;]+)/)?.[1] ?? ""
      const r = await fetch(path, { headers: csrf ? { "x-csrf-token": token } : {} })
      return { status: r.status, body: await r.text() }
    },
    { path, csrf }
  )

describe("the web app in server mode", () => {
  let datasetOfA = ""

  it("asks for a key; a wrong key is refused in words", async () => {
    const { page } = app
    await page.locator("#api-key").waitFor()
    expect(await page.locator("table.list").count()).toBe(0)
    expect(await seriousViolations(page)).toEqual([])
    await screenshot(page, "20-sign-in-vi")
    await signIn("dvk_not-a-key")
    await page.getByRole("alert").filter({ hasText: "khóa API không đúng" }).waitFor()
    await screenshot(page, "21-sign-in-wrong-key-vi")
  })

  it("signs in with a key: an HttpOnly SameSite=Strict session cookie, no key kept by the page", async () => {
    const { page, context } = app
    await signIn(keyA)
    await page.getByText("Đăng nhập: district-1").waitFor()
    const cookies = await context.cookies()
    const session = cookies.find((c) => c.name === "danvan_session")
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Strict" })
    expect(await page.evaluate(() => document.cookie)).not.toContain("danvan_session")
    expect(await page.evaluate(() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage))).not.toContain(
      "dvk_"
    )
    await page.locator("#file").setInputFiles(EXAMPLE_CSV)
    await page.locator("table.list tbody tr", { hasText: "hcmc-2024-synthetic.csv" }).waitFor()
    const list = JSON.parse((await pageFetch("/v1/datasets", true)).body) as { datasets: Array<{ id: string }> }
    expect(list.datasets.length).toBe(1)
    datasetOfA = list.datasets[0]!.id
    await screenshot(page, "22-signed-in-server")
  })

  it("refuses a cookie without its CSRF header, and bearer keys keep working for API clients", async () => {
    expect((await pageFetch("/v1/datasets", false)).status).toBe(401)
    const viaKey = await fetch(`${server.url}/v1/datasets`, { headers: { authorization: `Bearer ${keyA}` } })
    expect(viaKey.status).toBe(200)
    expect(((await viaKey.json()) as { datasets: Array<{ id: string }> }).datasets.map((d) => d.id)).toEqual([
      datasetOfA
    ])
  })

  it("signs out: the sign-in form is back and the old cookie opens nothing", async () => {
    const { page } = app
    await page.getByRole("button", { name: "Đăng xuất" }).click()
    await page.locator("#api-key").waitFor()
    expect((await app.context.cookies()).map((c) => c.name)).not.toContain("danvan_session")
    expect((await pageFetch("/v1/datasets", true)).status).toBe(401)
  })

  it("another tenant sees none of the first tenant's data, not even by its id", async () => {
    const { page } = app
    await signIn(keyB)
    await page.getByText("Đăng nhập: district-7").waitFor()
    await page.getByText("Chưa có bộ dữ liệu nào").waitFor()
    expect((await pageFetch(`/v1/datasets/${datasetOfA}`, true)).status).toBe(404)
    const crosstab = await page.evaluate(async (id) => {
      const token = document.cookie.match(/(?:^|; )danvan_csrf=([^;]+)/)?.[1] ?? ""
      const r = await fetch(`/v1/datasets/${id}/crosstab`, {
        method: "POST",
        headers: { "x-csrf-token": token, "content-type": "application/json" },
        body: JSON.stringify({ row: "level", col: "people_trust_limited" })
      })
      return r.status
    }, datasetOfA)
    expect(crosstab).toBe(404)
    await screenshot(page, "23-other-tenant-empty")
  })
})
