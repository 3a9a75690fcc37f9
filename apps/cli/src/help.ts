import { withDataFlags } from "./dataFlagsHelp.js"

/**
 * Polishes the help @effect/cli prints: its generic type line under every text option ("A user-defined piece of
 * text.") says nothing the option's own description does not, and its usage line names a subcommand without
 * the program ("$ crosstab …"). Applied to what the CLI prints on stdout, so the help pre-rendered at build time
 * (dist/help.ansi) and the one built at run time are the same text.
 */

const SGR = "(?:\\u001b\\[[0-9;]*m)*"
const GENERIC = new RegExp(`^[ \\t]*${SGR}A user-defined piece of text\\.${SGR}[ \\t]*\\n(?:[ \\t]*\\n)?`, "gm")
const USAGE_LINE = new RegExp(`^(${SGR}\\$ )(?!danvan\\b)(\\S+)`, "m")
/** Subcommands of a command group, which @effect/cli names without their parent. */
const PARENT: Readonly<Record<string, string>> = { show: "codebook", from: "codebook", create: "api-key" }
const ROOT_USAGE = new RegExp(`^(${SGR}\\$ danvan)(${SGR})$`, "m")

/** True for the text of a help page (it has a USAGE heading and a "$ " usage line). */
// eslint-disable-next-line no-control-regex -- the usage line may start with ANSI colour codes (ESC [ ... m)
const isHelp = (text: string): boolean => /USAGE/.test(text) && /^(?:\u001b\[[0-9;]*m)*\$ /m.test(text)

/**
 * The help page without the generic type lines, its usage line starting with `danvan` (`$ danvan <command>
 * [options]` for the top level). Any other text is returned unchanged.
 *
 * @example
 * polishHelp("USAGE\n\n$ crosstab [--counts text]\n\n--counts text\n\n  A user-defined piece of text.\n\n  A table.\n")
 * // "USAGE\n\n$ danvan crosstab [--counts text]\n\n--counts text\n\n  A table.\n"
 */
export const polishHelp = (text: string): string => {
  if (!isHelp(text)) return text
  return withDataFlags(
    text
      .replace(GENERIC, "")
      .replace(ROOT_USAGE, "$1 <command> [options]$2")
      .replace(
        USAGE_LINE,
        (_, start: string, name: string) =>
          `${start}danvan ${PARENT[name] !== undefined ? `${PARENT[name]} ` : ""}${name}`
      )
  )
}
