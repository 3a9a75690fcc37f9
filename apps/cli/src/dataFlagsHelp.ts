import { ENCODINGS } from "./encodingFlag.js"

/**
 * `--encoding` and `--recipe` are taken off the command line by `main` for every command that reads `--data`
 * (encodingFlag.ts, recipeFlag.ts), so @effect/cli never sees them and would leave them out of a command's own
 * help. This adds them to the help page of each such command: in its usage line and as options after `--data`.
 */

const SGR = "(?:\\u001b\\[[0-9;]*m)*"
const USAGE = new RegExp(`^(${SGR}\\$ danvan [^\\n]*?)(\\[?--data file\\]?)`, "m")
/** The `--data file` option's heading and its indented paragraphs, up to the blank line before the next option. */
const DATA_ENTRY = new RegExp(`^(${SGR})--data file(${SGR})\\n(?:\\n {2}[^\\n]*\\n)*`, "m")

const ENCODING_USAGE = `--encoding ${ENCODINGS.join(" | ")}`
const FLAGS = [
  {
    name: "encoding",
    usage: ENCODING_USAGE,
    text: "Text encoding of a CSV or form export --data file (default auto: UTF-8; TCVN3 and VNI detected and " +
      "converted to Unicode with a warning; else windows-1258)."
  },
  {
    name: "recipe",
    usage: "--recipe file",
    text: "A data-preparation recipe (JSON: recode, compute, count, bin, filter, rename, labels, missing codes, " +
      "append, merge, …) applied to --data before the analysis, as danvan prepare applies it."
  }
]

/**
 * A data command's help page with `--encoding` and `--recipe` in its usage line and options; any other text
 * (another command's help, a result) unchanged.
 *
 * @example
 * withDataFlags("$ danvan frequencies --data file <VAR>...\n\nOPTIONS\n\n--data file\n\n  A file.\n")
 * // "$ danvan frequencies --data file [--encoding auto | …] [--recipe file] <VAR>...\n\n…--recipe file…"
 */
export const withDataFlags = (text: string): string => {
  const usage = USAGE.exec(text)
  if (usage === null) return text
  // A command with an option of that name of its own (codebook/convert --encoding, prepare --recipe) has it
  // in its usage line already; so has a page this already went over.
  const line = text.slice(usage.index).split("\n")[0]!
  const flags = FLAGS.filter((f) =>
    !line.includes(`--${f.name} `) && !text.includes(`[${f.usage}]`) &&
    // excerpts reads interview quotes, not a dataset: it refuses --recipe (run/excerpts.ts)
    !(f.name === "recipe" && /\$ danvan excerpts /.test(line))
  )
  if (flags.length === 0) return text
  const withUsage = text.replace(
    USAGE,
    (_, head: string, data: string) => `${head}${data} ${flags.map((f) => `[${f.usage}]`).join(" ")}`
  )
  return withUsage.replace(DATA_ENTRY, (entry: string, on: string, off: string) =>
    entry +
    flags.map((f) => `\n${on}${f.usage}${off}\n\n  ${f.text}\n\n  This setting is optional.\n`).join(""))
}
