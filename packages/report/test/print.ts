/**
 * The poppler and LibreOffice tools the print tests read documents with, as a reader's software would:
 * `soffice` (Debian libreoffice-writer-nogui) converts .docx to PDF, `pdfinfo`/`pdftotext`/`pdftoppm` (poppler-utils)
 * give page sizes, text and page images. A missing tool fails the test with the package to install.
 */
import { execFileSync } from "node:child_process"
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs"
import { basename, join } from "node:path"

const run = (tool: string, args: ReadonlyArray<string>, apt: string, timeout = 120_000): string => {
  try {
    return execFileSync(tool, args, { encoding: "utf8", timeout, stdio: ["ignore", "pipe", "pipe"] })
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") {
      throw new Error(`${tool} is not installed: apt-get install -y ${apt}`)
    }
    throw error
  }
}

/** Page count and the size of every page in points (pdfinfo -l). */
export const pdfPages = (pdf: string): Array<{ width: number; height: number }> => {
  const out = run("pdfinfo", ["-l", "1000", pdf], "poppler-utils")
  return [...out.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2])
  }))
}

/** The text of every page (pdftotext -layout), split at form feeds. */
export const pdfText = (pdf: string): Array<string> =>
  run("pdftotext", ["-layout", pdf, "-"], "poppler-utils").split("\f").filter((p, i, all) =>
    i < all.length - 1 || p.trim() !== ""
  )

/** Renders every page as PNG at `dpi` into `dir` (pdftoppm); returns the files in page order. */
export const pdfImages = (pdf: string, dir: string, dpi = 60): Array<string> => {
  mkdirSync(dir, { recursive: true })
  const prefix = join(dir, basename(pdf, ".pdf"))
  // the pages of an earlier, longer run must not be counted as this one's
  for (const f of readdirSync(dir)) if (f.startsWith(basename(prefix)) && f.endsWith(".png")) rmSync(join(dir, f))
  run("pdftoppm", ["-r", String(dpi), "-png", pdf, prefix], "poppler-utils")
  return readdirSync(dir).filter((f) => f.startsWith(basename(prefix)) && f.endsWith(".png")).sort().map((f) =>
    join(dir, f)
  )
}

/** Converts a .docx to PDF with headless LibreOffice (its own profile in `dir`) and returns the PDF's path. */
export const docxToPdf = (docx: string, dir: string): string => {
  run(
    "soffice",
    [
      `-env:UserInstallation=file://${join(dir, "lo-profile")}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      dir,
      docx
    ],
    "libreoffice-writer-nogui",
    180_000
  )
  const pdf = join(dir, `${basename(docx, ".docx")}.pdf`)
  if (!existsSync(pdf)) throw new Error(`LibreOffice wrote no ${pdf}`)
  return pdf
}

/** A4 in PostScript points, either way round. */
export const isA4 = (p: { width: number; height: number }): boolean => {
  const [a, b] = [p.width, p.height].sort((x, y) => x - y)
  return Math.abs(a - 595.3) < 1.5 && Math.abs(b - 841.9) < 1.5
}
