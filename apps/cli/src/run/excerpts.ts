import { type Excerpt, selectExcerpts } from "@danvan/domain"
import { loadExcerpts } from "@danvan/io"
import type * as Command from "@effect/cli/Command"
import * as Effect from "effect/Effect"
import * as FiberRef from "effect/FiberRef"
import type { excerptsOptions } from "../commands/excerpts.js"
import { CurrentEncoding } from "../encodingFlag.js"
import { UsageError } from "../errors.js"
import { CurrentRecipe } from "../recipeRef.js"
import { writeStdout } from "../terminal.js"

export type ExcerptsArgs = Command.Command.ParseConfig<typeof excerptsOptions>

/**
 * `danvan excerpts`: reads an excerpts file, applies --theme and --filter, groups by --by and prints each quote with
 * its attribution, in text, Markdown or JSON. `--encoding` applies to a CSV excerpts file; `--recipe` is refused (a
 * usage error): a recipe recodes survey variables, and an excerpts file holds quotes, not a dataset.
 *
 * @example
 * yield* runExcerpts(args) // "theme: difficulty (2)\n  “…” (Nữ, cán bộ Đảng, 44 tuổi)"
 */
export const runExcerpts = (args: ExcerptsArgs) =>
  Effect.gen(function*() {
    if ((yield* FiberRef.get(CurrentRecipe)) !== undefined) {
      return yield* Effect.fail(
        new UsageError({
          command: "excerpts",
          message: "--recipe does not apply to excerpts: a recipe recodes survey variables and an excerpts file " +
            "holds interview quotes, not a dataset; choose quotes with --theme and --filter instead"
        })
      )
    }
    const encoding = yield* FiberRef.get(CurrentEncoding)
    const filter: Record<string, Array<string>> = {}
    for (const f of args.filter) {
      const m = /^([^=]+)=(.+)$/.exec(f)
      if (m === null) {
        return yield* Effect.fail(
          new UsageError({
            command: "excerpts",
            message: `--filter ${JSON.stringify(f)} is not COLUMN=VALUE[,VALUE...]`
          })
        )
      }
      filter[m[1].trim().toLowerCase()] = m[2].split(",").map((v) => v.trim())
    }
    const all = yield* loadExcerpts(args.data, encoding !== undefined ? { encoding } : {})
    const chosen = selectExcerpts(all, {
      ...(args.theme.length > 0 ? { theme: args.theme as [string, ...Array<string>] } : {}),
      filter: filter as Record<string, [string, ...Array<string>]>
    })
    const { reportExcerpt } = yield* Effect.promise(() => import("@danvan/report"))
    const by = args.by.trim().toLowerCase()
    const groups = new Map<string, Array<Excerpt>>()
    for (const x of chosen) {
      const key = x.attributes[by] ?? "—"
      groups.set(key, [...(groups.get(key) ?? []), x])
    }
    if (args.format === "json") {
      const json = {
        kind: "excerpts",
        file: args.data,
        by,
        total: chosen.length,
        groups: [...groups].map(([value, xs]) => ({
          value,
          excerpts: xs.map((x) => ({ row: x.row, ...reportExcerpt(x, args.lang), attributes: x.attributes }))
        }))
      }
      return yield* writeStdout(JSON.stringify(json, null, 2))
    }
    const md = args.format === "md"
    const lines: Array<string> = []
    for (const [value, xs] of groups) {
      lines.push(md ? `## ${by}: ${value} (${xs.length})` : `${by}: ${value} (${xs.length})`)
      for (const x of xs) {
        const r = reportExcerpt(x, args.lang)
        lines.push(md ? `\n> _“${r.text}”_ (${r.attribution})` : `  “${r.text}” (${r.attribution})`)
      }
      lines.push("")
    }
    const none = args.lang === "vi" ? "Không có trích đoạn phỏng vấn nào khớp." : "No excerpt matches."
    yield* writeStdout(chosen.length === 0 ? none : lines.join("\n").trimEnd())
  })
