/** Display width and ANSI stripping for terminal tables (the CLI loads this at start-up, without any renderer). */
// Made on first use: building it (loading ICU's break rules) cost ~8 ms at every CLI start (issue 23).
let made: Intl.Segmenter | undefined | null = null
const segmenter = (): Intl.Segmenter | undefined =>
  made !== null
    ? made
    : (made = typeof Intl !== "undefined" && "Segmenter" in Intl
      ? new Intl.Segmenter(undefined, { granularity: "grapheme" })
      : undefined)

// CSI sequences (colour, bold, cursor) and OSC sequences (hyperlinks, titles).
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g

/**
 * Display width of a string: grapheme clusters, so "ệ" in either NFC or NFD counts as one column.
 *
 * @example
 * displayWidth("Phường/Xã") // 9
 */
export const displayWidth = (text: string): number => {
  const plain = text.replace(ANSI, "")
  // Fast path: printable ASCII is one column per code unit.
  if (/^[\x20-\x7e]*$/.test(plain)) return plain.length
  const split = segmenter()
  if (split === undefined) return [...plain.normalize("NFC")].length
  let n = 0
  for (const _ of split.segment(plain)) n++
  return n
}

/**
 * Pads on the right to a display width (grapheme clusters, not code units).
 *
 * @example
 * padEnd("Xã", 4) // "Xã  "
 */
export const padEnd = (text: string, width: number): string =>
  text + " ".repeat(Math.max(0, width - displayWidth(text)))
/**
 * Pads on the left to a display width (grapheme clusters, not code units).
 *
 * @example
 * padStart("7", 3) // "  7"
 */
export const padStart = (text: string, width: number): string =>
  " ".repeat(Math.max(0, width - displayWidth(text))) + text

/**
 * Removes ANSI SGR sequences (colour, bold).
 *
 * @example
 * stripAnsi("\u001b[1mTotal\u001b[22m") // "Total"
 */
export const stripAnsi = (text: string): string => text.replace(ANSI, "")

const graphemes = (text: string): Array<string> => {
  const split = segmenter()
  return split === undefined ? [...text] : Array.from(split.segment(text), (s) => s.segment)
}

/**
 * Word-wraps text to lines of at most `width` display columns (a longer word is broken). Always one line at least.
 *
 * @example
 * wrapText("Khó khăn về nguồn lực", 10) // ["Khó khăn", "về nguồn", "lực"]
 */
export const wrapText = (text: string, width: number): Array<string> => {
  const lines: Array<string> = []
  let line = ""
  for (let word of text.split(/\s+/).filter((w) => w !== "")) {
    while (displayWidth(word) > width) {
      if (line !== "") lines.push(line)
      line = ""
      const g = graphemes(word)
      lines.push(g.slice(0, width).join(""))
      word = g.slice(width).join("")
    }
    if (word === "") continue
    if (line === "") line = word
    else if (displayWidth(line) + 1 + displayWidth(word) <= width) line += ` ${word}`
    else {
      lines.push(line)
      line = word
    }
  }
  if (line !== "" || lines.length === 0) lines.push(line)
  return lines
}
