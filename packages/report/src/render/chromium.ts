import * as Data from "effect/Data"
import type { Browser } from "playwright-core"

/** Where the system Chromium is looked for: `options.chromiumPath`, then `CHROMIUM_PATH`, then Debian's. */
export interface ChromiumOptions {
  /** The Chromium (or Chrome) executable; default `$CHROMIUM_PATH` or `/usr/bin/chromium`. Nothing is downloaded. */
  readonly chromiumPath?: string
}

/** Bound on launching the browser and on each page operation. */
const TIMEOUT_MS = 60_000

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync"
]

/**
 * The Chromium executable a report is printed with.
 *
 * @example
 * chromiumPath({}) // "/usr/bin/chromium" unless CHROMIUM_PATH is set
 */
export const chromiumPath = (options: ChromiumOptions = {}): string =>
  options.chromiumPath ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"

/** Chromium could not be started: says which executable was tried and how to point at another. */
export class ChromiumError
  extends Data.TaggedError("ChromiumError")<{ readonly path: string; readonly reason: string }>
{
  override get message(): string {
    return `cannot start Chromium at ${this.path} (${this.reason}): install it (Debian: apt-get install chromium fonts-dejavu-core) or set CHROMIUM_PATH`
  }
}

/**
 * Runs `f` with the system Chromium driven by playwright-core (offline: every request that is not file: or data:
 * is aborted), and closes the browser afterwards. playwright-core is loaded only here.
 *
 * @example
 * const pdf = await withChromium({}, async (browser) => { ... })
 */
export const withChromium = async <A>(options: ChromiumOptions, f: (browser: Browser) => Promise<A>): Promise<A> => {
  const { chromium } = await import("playwright-core")
  const path = chromiumPath(options)
  let browser: Browser
  try {
    browser = await chromium.launch({ executablePath: path, args: ARGS, timeout: TIMEOUT_MS })
  } catch (error) {
    throw new ChromiumError({ path, reason: String((error as Error)?.message ?? error).split("\n")[0] })
  }
  try {
    return await f(browser)
  } finally {
    await browser.close()
  }
}

/**
 * A new offline page: requests other than file: and data: are aborted.
 *
 * @example
 * const page = await offlinePage(browser, 3.125)
 */
export const offlinePage = async (browser: Browser, deviceScaleFactor = 1) => {
  const context = await browser.newContext({ deviceScaleFactor, serviceWorkers: "block" })
  await context.route("**/*", (route) => {
    const url = route.request().url()
    return url.startsWith("file:") || url.startsWith("data:") || url === "about:blank"
      ? route.continue()
      : route.abort("blockedbyclient")
  })
  const page = await context.newPage()
  page.setDefaultTimeout(TIMEOUT_MS)
  return page
}
