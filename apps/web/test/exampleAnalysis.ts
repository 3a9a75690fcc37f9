import { afterAll, beforeAll } from "vitest"
import { openApp, type OpenedApp, WEB_DIST } from "./browser.js"
import { EXAMPLE_CSV, type Running, startServer, tempDir } from "./server.js"

/** The browser tests' shared start: a server with the built app, the example uploaded, its analysis page open. */
export interface ExampleAnalysis {
  readonly app: OpenedApp
  readonly server: Running
}

/**
 * Registers, for the calling test file, a server (temp SQLite, the built web app) and a browser page that has
 * uploaded examples/hcmc-2024-synthetic.csv and opened its analysis page (in Vietnamese); both stop after the
 * file's tests.
 *
 * @example
 * const example = useExampleAnalysis()
 * it("…", async () => { const { page } = example.app })
 */
export const useExampleAnalysis = (): ExampleAnalysis => {
  const temp = tempDir()
  let server: Running | undefined
  let app: OpenedApp | undefined
  beforeAll(async () => {
    server = await startServer(temp.db, { DANVAN_WEB_DIR: WEB_DIST })
    app = await openApp(server.url)
    const { page } = app
    await page.locator("#file").setInputFiles(EXAMPLE_CSV)
    await page.getByRole("status").filter({ hasText: "Đã tải lên" }).waitFor()
    await page.getByRole("button", { name: "Phân tích: hcmc-2024-synthetic.csv" }).click()
    await page.getByRole("heading", { name: "Phân tích: hcmc-2024-synthetic.csv" }).waitFor()
  })
  afterAll(async () => {
    await app?.close()
    await server?.stop()
    temp.cleanup()
  })
  return {
    get app() {
      if (app === undefined) throw new Error("the example analysis has not started")
      return app
    },
    get server() {
      if (server === undefined) throw new Error("the example analysis has not started")
      return server
    }
  }
}
