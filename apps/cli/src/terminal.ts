import { stripAnsi } from "@danvan/report/text/width"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import { colorEnabled } from "./colorPolicy.js"
import { polishHelp } from "./help.js"

export { colorEnabled } from "./colorPolicy.js"

const plain = (keep: boolean) =>
(
  args: ReadonlyArray<unknown>
): Array<unknown> => (keep ? [...args] : args.map((a) => (typeof a === "string" ? stripAnsi(a) : a)))
/** stdout messages of @effect/cli (its help pages) polished, then colour-stripped by the policy. */
const polished = (keep: boolean) => (args: ReadonlyArray<unknown>): Array<unknown> =>
  plain(keep)(args.map((a) => (typeof a === "string" ? polishHelp(a) : a)))

/**
 * Runs `self` with a Console that strips ANSI from stdout/stderr messages when colour is off. With `capture`,
 * stderr messages (what @effect/cli prints about a bad command line) are collected there instead of printed,
 * so the caller can print them once, in danvan's own "danvan: error: …" form.
 */
export const withColorPolicy = <A, E, R>(
  self: Effect.Effect<A, E, R>,
  capture?: Array<string>
): Effect.Effect<A, E, R> =>
  Console.consoleWith((base) => {
    const out = polished(colorEnabled(process.stdout))
    const err = plain(colorEnabled(process.stderr))
    const console: Console.Console = {
      ...base,
      log: (...args) => base.log(...out(args)),
      info: (...args) => base.info(...out(args)),
      error: (...args) => (capture === undefined
        ? base.error(...err(args))
        : Effect.sync(() => void capture.push(args.map(String).join(" ")))),
      warn: (...args) => base.warn(...err(args)),
      unsafe: {
        ...base.unsafe,
        log: (...args: Array<unknown>) => base.unsafe.log(...out(args)),
        info: (...args: Array<unknown>) => base.unsafe.info(...out(args)),
        error: (...args: Array<unknown>) => base.unsafe.error(...err(args)),
        warn: (...args: Array<unknown>) => base.unsafe.warn(...err(args))
      }
    }
    return Effect.withConsole(self, console)
  })

/** Writes a rendered result to stdout as is (CSV keeps its BOM and CRLFs), stripping ANSI when colour is off. */
export const writeStdout = (text: string): Effect.Effect<void> =>
  Effect.async<void>((resume) => {
    const body = colorEnabled(process.stdout) ? text : stripAnsi(text)
    const ok = process.stdout.write(body.endsWith("\n") ? body : body + "\n")
    if (ok) resume(Effect.void)
    else process.stdout.once("drain", () => resume(Effect.void))
  })

/** A line on stderr (messages, warnings). */
export const writeStderr = (line: string): Effect.Effect<void> =>
  Effect.sync(() => {
    process.stderr.write((colorEnabled(process.stderr) ? line : stripAnsi(line)) + "\n")
  })
