/**
 * Headless Chromium for tests that look at a report the way a reader does. Uses Debian's `chromium`
 * (apt package `chromium`, fonts from `fonts-dejavu-core`) driven by playwright-core: nothing is
 * downloaded. Every request that is not file: or data: is blocked and recorded, because a report must work
 * offline; console errors and uncaught page errors are collected for the test to assert on.
 */
import { mkdirSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { chromium, type Page } from "playwright-core"

/** Debian's Chromium; override with CHROMIUM_PATH on other systems. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"

/** Screenshots land here (git-ignored), so CI can keep them as test artifacts. */
export const ARTIFACTS_DIR = fileURLToPath(new URL("../.artifacts/", import.meta.url))

/** Bound on launching the browser and on loading a page. */
const TIMEOUT_MS = 20_000

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync"
]

/** An open page and what happened while it loaded. */
export interface OpenedPage {
  readonly page: Page
  /** Console messages of type "error" and uncaught exceptions, in order. */
  readonly consoleErrors: Array<string>
  /** URLs the page tried to fetch from the network (blocked). */
  readonly blockedRequests: Array<string>
  /** Closes the page and its browser. */
  readonly close: () => Promise<void>
}

/**
 * Opens a local HTML file in a fresh headless Chromium (its own temporary profile), offline: requests to
 * anything but file: and data: URLs are aborted and listed in `blockedRequests`.
 *
 * @example
 * const { page, consoleErrors, close } = await openHtmlFile("/tmp/report.html")
 * try { expect(consoleErrors).toEqual([]) } finally { await close() }
 */
export const openHtmlFile = async (path: string, viewport = { width: 1000, height: 800 }): Promise<OpenedPage> => {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: TIMEOUT_MS })
  try {
    const context = await browser.newContext({ viewport, locale: "vi-VN", serviceWorkers: "block" })
    const consoleErrors: Array<string> = []
    const blockedRequests: Array<string> = []
    await context.route("**/*", (route) => {
      const url = route.request().url()
      if (url.startsWith("file:") || url.startsWith("data:")) return route.continue()
      blockedRequests.push(url)
      return route.abort("blockedbyclient")
    })
    const page = await context.newPage()
    page.setDefaultTimeout(TIMEOUT_MS)
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text())
    })
    page.on("pageerror", (error) => consoleErrors.push(`uncaught: ${error.message}`))
    await page.goto(pathToFileURL(path).href, { waitUntil: "load", timeout: TIMEOUT_MS })
    return { page, consoleErrors, blockedRequests, close: () => browser.close() }
  } catch (error) {
    await browser.close()
    throw error
  }
}

/**
 * Saves a full-page PNG screenshot as `.artifacts/NAME.png` and returns its path.
 *
 * @example
 * const file = await screenshot(page, "charts-vi")
 */
export const screenshot = async (page: Page, name: string): Promise<string> => {
  mkdirSync(ARTIFACTS_DIR, { recursive: true })
  const file = join(ARTIFACTS_DIR, `${name}.png`)
  await page.screenshot({ path: file, fullPage: true, timeout: TIMEOUT_MS })
  return file
}

/**
 * The platform fonts Chromium actually used to draw the text of the first element matching `selector`
 * (via the DevTools protocol), with how many glyphs each drew: the way to prove that Vietnamese text is
 * not drawn as tofu or by an unexpected fallback font.
 *
 * @example
 * await renderedFonts(page, "text") // [{ familyName: "DejaVu Sans", glyphCount: 9, ... }]
 */
export const renderedFonts = async (
  page: Page,
  selector: string
): Promise<Array<{ familyName: string; postScriptName: string; isCustomFont: boolean; glyphCount: number }>> => {
  const session = await page.context().newCDPSession(page)
  try {
    await session.send("DOM.enable")
    await session.send("CSS.enable")
    const { root } = await session.send("DOM.getDocument", { depth: -1, pierce: true })
    const { nodeId } = await session.send("DOM.querySelector", { nodeId: root.nodeId, selector })
    if (nodeId === 0) throw new Error(`no element matches ${selector}`)
    const { fonts } = await session.send("CSS.getPlatformFontsForNode", { nodeId })
    return fonts
  } finally {
    await session.detach()
  }
}
