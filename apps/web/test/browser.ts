/**
 * Debian's Chromium (`/usr/bin/chromium`, or CHROMIUM_PATH) driven by playwright-core: nothing is downloaded.
 * Each test opens the app served by a real built API server on 127.0.0.1 (see apps/api/test/server.ts) and
 * blocks every request to another origin, because the app must work offline (no CDN).
 */
import { mkdirSync, readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core"

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"
/** Screenshots of each screen (git-ignored). */
export const ARTIFACTS_DIR = fileURLToPath(new URL("../.artifacts/", import.meta.url))
export const WEB_DIST = fileURLToPath(new URL("../dist/", import.meta.url))
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js")

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run"
]

export interface OpenedApp {
  readonly browser: Browser
  readonly context: BrowserContext
  readonly page: Page
  /** Console errors and uncaught exceptions of the page. */
  readonly consoleErrors: Array<string>
  /** Requests to any origin but the server's (aborted). */
  readonly foreignRequests: Array<string>
  readonly close: () => Promise<void>
}

/**
 * A fresh browser (own profile) with the app at `url` loaded.
 *
 * @example
 * const app = await openApp(server.url)
 */
export const openApp = async (url: string): Promise<OpenedApp> => {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS, timeout: 30_000 })
  const context = await browser.newContext({
    viewport: { width: 1200, height: 900 },
    locale: "vi-VN",
    serviceWorkers: "block"
  })
  const origin = new URL(url).origin
  const foreignRequests: Array<string> = []
  await context.route("**/*", (route) => {
    const u = route.request().url()
    if (u.startsWith(origin) || u.startsWith("data:")) return route.fallback()
    foreignRequests.push(u)
    return route.abort("blockedbyclient")
  })
  const page = await context.newPage()
  page.setDefaultTimeout(20_000)
  const consoleErrors: Array<string> = []
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text())
  })
  page.on("pageerror", (e) => consoleErrors.push(`uncaught: ${e.message}`))
  await page.goto(url, { waitUntil: "load" })
  return { browser, context, page, consoleErrors, foreignRequests, close: () => browser.close() }
}

/**
 * Saves a full-page screenshot as `.artifacts/NAME.png`.
 *
 * @example
 * await screenshot(page, "datasets-vi")
 */
export const screenshot = async (page: Page, name: string): Promise<string> => {
  mkdirSync(ARTIFACTS_DIR, { recursive: true })
  const file = join(ARTIFACTS_DIR, `${name}.png`)
  await page.screenshot({ path: file, fullPage: true })
  return file
}

export interface AxeViolation {
  readonly id: string
  readonly impact: string | null
  readonly help: string
  readonly nodes: ReadonlyArray<string>
}

/**
 * axe-core (injected from node_modules) run on the page with the WCAG 2 A/AA rules: the serious and critical
 * violations, each with the selectors of its nodes.
 *
 * @example
 * expect(await seriousViolations(page)).toEqual([])
 */
export const seriousViolations = async (page: Page): Promise<Array<AxeViolation>> => {
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern (a
  // script tag would be refused by it, rightly).
  await page.evaluate(readFileSync(AXE, "utf8"))
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: Array<any> }> } })
      .axe
    const r = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }
    })
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n: { target: Array<string> }) => n.target.join(" "))
    }))
  })
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical")
}
