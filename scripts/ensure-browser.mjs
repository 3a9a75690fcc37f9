#!/usr/bin/env node
// Makes sure the report tests' browser is there before `pnpm test` runs them (no browser test is ever skipped):
// headless Chromium and a font with Vietnamese glyphs (DejaVu), and for the Word report's reader tests LibreOffice
// (`soffice`, converts the .docx to PDF) and poppler (`pdftoppm`, `pdfinfo`, `pdftotext`).
//
// - CHROMIUM_PATH set: that file must exist and be executable (any system; fonts are the system's business).
// - else /usr/bin/chromium (Debian's `chromium`) and, where fontconfig is present, a DejaVu font.
// - else, when running as root on a system with apt-get (a Debian/Ubuntu CI container): installs Debian's
//   `chromium fonts-dejavu-core` (what is missing of the two).
// - else exits 1 naming what to install, or CHROMIUM_PATH to set.
import { execFileSync, spawnSync } from "node:child_process"
import { accessSync, constants, existsSync } from "node:fs"

const DEFAULT_PATH = "/usr/bin/chromium"

const executable = (path) => {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

const has = (command) => spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0

/** true, false, or undefined when fontconfig is absent and the fonts cannot be listed. */
const hasDejaVu = () => {
  if (!has("fc-list")) return existsSync("/usr/share/fonts/truetype/dejavu") ? true : undefined
  return /dejavu/i.test(execFileSync("fc-list", { encoding: "utf8" }))
}

const fail = (message) => {
  console.error(`ensure-browser: ${message}`)
  process.exit(1)
}

const configured = process.env.CHROMIUM_PATH
const missing = []
if (configured !== undefined && configured !== "") {
  if (!executable(configured)) fail(`CHROMIUM_PATH=${configured} is not an executable file; point it at Chromium.`)
} else {
  if (!executable(DEFAULT_PATH)) missing.push("chromium")
  if (hasDejaVu() === false || (missing.length > 0 && hasDejaVu() !== true)) missing.push("fonts-dejavu-core")
}
if (!has("soffice")) missing.push("libreoffice-writer-nogui")
if (!has("pdftoppm") || !has("pdfinfo") || !has("pdftotext")) missing.push("poppler-utils")
if (missing.length === 0) process.exit(0)

const root = typeof process.getuid === "function" && process.getuid() === 0
if (!root || !has("apt-get")) {
  fail(
    `the report tests need headless Chromium at ${DEFAULT_PATH}, a DejaVu font, LibreOffice (soffice) and poppler; ` +
      `missing: ${missing.join(", ")}.\n` +
      `  Debian/Ubuntu: sudo apt-get install -y ${missing.join(" ")}\n` +
      "  elsewhere: install Chromium and a font with Vietnamese glyphs, then set CHROMIUM_PATH to the browser."
  )
}

console.log(`ensure-browser: installing ${missing.join(" ")} with apt-get (Debian packages for the report tests)`)
const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" }
const run = (args) => spawnSync("apt-get", args, { stdio: "inherit", env }).status === 0
if (!run(["update"]) || !run(["install", "-y", ...missing])) {
  fail(`apt-get install ${missing.join(" ")} failed; install them and run the tests again.`)
}
if (missing.includes("chromium") && !executable(DEFAULT_PATH)) {
  fail(`apt-get installed chromium but ${DEFAULT_PATH} is still missing.`)
}
