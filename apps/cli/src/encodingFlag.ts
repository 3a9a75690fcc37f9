import * as Effect from "effect/Effect"
import * as FiberRef from "effect/FiberRef"
import { UsageError } from "./errors.js"

/** The text encodings `--encoding` names (as readDataFile's `encoding` option). */
export const ENCODINGS = ["auto", "utf-8", "windows-1258", "tcvn3", "vni"] as const
export type EncodingName = (typeof ENCODINGS)[number]

/**
 * `--encoding NAME`, taken off the command line by `main` for every command that reads `--data` (applied in
 * the one place that reads data, `readData` in run/common.ts). Undefined when not given (readDataFile's `auto`).
 */
export const CurrentEncoding: FiberRef.FiberRef<EncodingName | undefined> = FiberRef.unsafeMake<
  EncodingName | undefined
>(undefined)

/** Commands with an `--encoding` option of their own (the flag is theirs, not taken off the command line). */
const OWN_ENCODING = new Set(["codebook", "convert"])

/**
 * Takes `--encoding NAME` (or `--encoding=NAME`) off the command line for every command that reads `--data`.
 * Returns the rest of argv and a wrapper that sets `CurrentEncoding` for the run; an unknown name, the flag
 * twice, or the flag without `--data` is a usage error.
 *
 * @example
 * const { rest, run } = takeEncoding(["node", "danvan", "frequencies", "--data", "s.csv", "--encoding", "tcvn3", "q1"])
 * // rest: [... "frequencies", "--data", "s.csv", "q1"]; run(program) reads s.csv as TCVN3
 */
export const takeEncoding = (argv: ReadonlyArray<string>) => {
  const command = argv.slice(2).find((a) => !a.startsWith("-"))
  if (command !== undefined && OWN_ENCODING.has(command)) {
    return { rest: [...argv], run: <A, E, R>(e: Effect.Effect<A, E, R>) => e }
  }
  const found: Array<string> = []
  const rest: Array<string> = []
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (i >= 2 && a === "--encoding" && i + 1 < argv.length) found.push(argv[++i]!)
    else if (i >= 2 && a.startsWith("--encoding=")) found.push(a.slice("--encoding=".length))
    else rest.push(a)
  }
  const hasData = rest.some((a) => a === "--data" || a.startsWith("--data="))
  const name = found[0]?.toLowerCase()
  const problem = found.length > 1
    ? "give --encoding once"
    : found.length === 1 && !hasData
    ? "--encoding applies to commands that read --data"
    : name !== undefined && !(ENCODINGS as ReadonlyArray<string>).includes(name)
    ? `--encoding ${found[0]}: expected one of ${ENCODINGS.join(", ")}`
    : undefined
  const run = <A, E, R>(e: Effect.Effect<A, E, R>): Effect.Effect<A, E | UsageError, R> =>
    problem !== undefined
      ? Effect.fail(new UsageError({ command: command ?? "", message: problem }))
      : name !== undefined
      ? Effect.locally(e, CurrentEncoding, name as EncodingName)
      : e
  return { rest, run }
}
