import type { Codebook, CodebookJson, MissingSpec, Variable } from "@danvan/domain"
import { type RenderOptions, toJson } from "./crosstab.js"
import { hasString, label, type Lang, t } from "./i18n.js"
import { displayWidth, padEnd, padStart } from "./width.js"

const word = (key: string, lang: Lang): string => (hasString(key) ? t(key, lang) : key.replace(/^\w+_/, ""))

const isMissingCode = (m: MissingSpec, code: number): boolean =>
  m.values.includes(code) || m.ranges.some((r) => code >= r.low && code <= r.high)

const missingText = (m: MissingSpec, lang: Lang): string => {
  const parts = [...m.values.map(String), ...m.ranges.map((r) => `${r.low}–${r.high}`)]
  return parts.length === 0 ? t("none", lang) : parts.join(", ")
}

const variableBlock = (v: Variable, lang: Lang): Array<string> => {
  const out: Array<string> = []
  out.push(
    `${v.name}  ${label(v.label, lang)}  [${word(`kind_${v.kind}`, lang)}, ${word(`measure_${v.measure}`, lang)}]`
  )
  if (v.question !== undefined) out.push(`    ${t("question", lang)}: ${label(v.question, lang)}`)
  if (v.values.length > 0) {
    const codeW = Math.max(displayWidth(t("code", lang)), ...v.values.map((x) => String(x.code).length))
    const labelW = Math.max(displayWidth(t("label", lang)), ...v.values.map((x) => displayWidth(label(x.label, lang))))
    const hasScore = v.values.some((x) => x.score !== undefined)
    const scoreW = displayWidth(t("score", lang))
    const line = (code: string, text: string, score: string, flag: string) =>
      `    ${padStart(code, codeW)}  ${padEnd(text, labelW)}${hasScore ? `  ${padStart(score, scoreW)}` : ""}${
        flag === "" ? "" : `  ${flag}`
      }`.trimEnd()
    out.push(line(t("code", lang), t("label", lang), t("score", lang), ""))
    for (const x of v.values) {
      out.push(
        line(
          String(x.code),
          label(x.label, lang),
          x.score === undefined ? "" : String(x.score),
          isMissingCode(v.missing, x.code) ? `(${t("missing", lang).toLowerCase()})` : ""
        )
      )
    }
  }
  out.push(`    ${t("missingCodes", lang)}: ${missingText(v.missing, lang)}`)
  return out
}

/**
 * A codebook for reading: header, each variable with its value labels, scores and missing codes, then the sets.
 *
 * @example
 * renderCodebookText(codebook, { lang: "vi" })
 */
export const renderCodebookText = (c: Codebook, options: RenderOptions): string => {
  const { lang } = options
  const bold = (s: string) => (options.color === true ? `\u001b[1m${s}\u001b[22m` : s)
  const out: Array<string> = []
  out.push(bold(`${t("codebook", lang)} ${c.id}: ${label(c.title, lang)}`))
  if (c.description !== undefined) out.push(label(c.description, lang))
  if (c.source !== undefined) out.push(`${t("source", lang)}: ${c.source}`)
  if (c.groupVariable !== undefined) out.push(`${t("groupVariable", lang)}: ${c.groupVariable}`)
  if (c.weightVariable !== undefined) out.push(`${t("weightVariable", lang)}: ${c.weightVariable}`)
  out.push("", bold(`${t("variables", lang)} (${c.variables.length})`), "")
  c.variables.forEach((v, i) => {
    if (i > 0) out.push("")
    out.push(...variableBlock(v, lang))
  })
  if (c.multipleResponseSets.length > 0) {
    out.push("", bold(t("multipleResponseSets", lang)), "")
    for (const s of c.multipleResponseSets) {
      out.push(`${s.name}  ${label(s.label, lang)}  (${t("countedValue", lang)} ${s.countedValue})`)
      out.push(`    ${t("items", lang)}: ${s.items.join(", ")}`)
    }
  }
  if (c.indicatorSets.length > 0) {
    out.push("", bold(t("indicatorSets", lang)), "")
    for (const s of c.indicatorSets) {
      out.push(`${s.name}  ${label(s.label, lang)}  [${word(`kind_${s.kind}`, lang)}]`)
      out.push(`    ${t("items", lang)}: ${s.items.join(", ")}`)
    }
  }
  return out.join("\n") + "\n"
}

/** The JSON (file) form of a decoded codebook (in @danvan/domain, shared with the HTTP API). */
export { codebookToJson } from "@danvan/domain"

/**
 * Codebook JSON, two-space indented.
 *
 * @example
 * renderCodebookJson(codebookToJson(codebook))
 */
export const renderCodebookJson = (json: CodebookJson): string => toJson(json)
