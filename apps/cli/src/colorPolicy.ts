/**
 * Colour policy: ANSI codes only when the stream is a terminal and NO_COLOR is unset or empty
 * (https://no-color.org); FORCE_COLOR (set, not "0") turns them on for any stream. Everything else (pipes,
 * files, NO_COLOR=1) gets plain text, including the help and validation messages that @effect/cli formats
 * with ANSI. Kept free of imports: the pre-rendered `--help` path uses it before anything else loads.
 */
export const colorEnabled = (stream: NodeJS.WriteStream): boolean => {
  const noColor = process.env["NO_COLOR"]
  if (noColor !== undefined && noColor !== "") return false
  const force = process.env["FORCE_COLOR"]
  if (force !== undefined && force !== "" && force !== "0") return true
  return stream.isTTY === true
}
