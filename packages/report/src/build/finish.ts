import type { Excerpt } from "@danvan/domain"
import type { Block, ReportExcerpt, ReportSection } from "../document.js"
import type { Lang } from "../i18n.js"

/**
 * How much a report shows: "apa" = tables, APA sentences, charts and notes;
 * "full" = also tests, measures, cell statistics.
 */
export type Detail = "apa" | "full"

const SEX: Readonly<Record<string, { vi: string; en: string }>> = {
  male: { vi: "Nam", en: "Male" },
  female: { vi: "Nữ", en: "Female" }
}
const SEX_CODES: Readonly<Record<string, "male" | "female">> = {
  nam: "male",
  male: "male",
  m: "male",
  "1": "male",
  "nữ": "female",
  nu: "female",
  female: "female",
  f: "female",
  "2": "female"
}

const attr = (x: Excerpt, name: string, lang: Lang): string | undefined => {
  const v = x.attributes[`${name}_${lang}`] ?? x.attributes[name]
  return v === undefined || v.trim() === "" ? undefined : v.trim()
}

/**
 * Who said an excerpt, in the paper's style: sex, role, age ("Nam, cán bộ cơ quan nhà nước, 37 tuổi" /
 * "Male, officials of government agencies, 37 years old"). Columns `sex` (nam/nữ, male/female, m/f, 1/2),
 * `role` (or `role_vi`/`role_en`) and `age` (years); what is missing is left out.
 *
 * @example
 * attribution({ row: 2, text: "…", attributes: { sex: "nam", role: "cán bộ", age: "37" } }, "vi")
 * // "Nam, cán bộ, 37 tuổi"
 */
export const attribution = (x: Excerpt, lang: Lang): string => {
  const sexText = attr(x, "sex", lang)
  const sexCode = sexText !== undefined ? SEX_CODES[sexText.normalize("NFC").toLowerCase()] : undefined
  const sex = sexCode !== undefined ? SEX[sexCode][lang] : sexText
  const age = attr(x, "age", lang)
  const years = age !== undefined && /^\d+$/.test(age) ? (lang === "vi" ? `${age} tuổi` : `${age} years old`) : age
  return [sex, attr(x, "role", lang), years].filter((s): s is string => s !== undefined).join(", ").normalize("NFC")
}

/**
 * An excerpt as the report prints it: the quote in the report's language (`text_vi`/`text_en` when the file has
 * them, else `text`) and its attribution.
 *
 * @example
 * reportExcerpt(excerpt, "en")
 * // { text: "…", attribution: "Male, Party grassroots cadre, 45 years old", theme: "renewal" }
 */
export const reportExcerpt = (x: Excerpt, lang: Lang): ReportExcerpt => ({
  text: (x.attributes[`text_${lang}`] ?? x.text).normalize("NFC"),
  attribution: attribution(x, lang),
  ...(x.theme !== undefined ? { theme: x.theme } : {})
})

/**
 * The last step of building a report: leaves out the tables marked `detail: "full"` when `detail` is "apa", and
 * puts each section's interview excerpts after its last table (or at its end).
 *
 * @example
 * const sections = finishSections(built, { detail: "apa", excerpts: { table1: [excerpt] } }, "vi")
 */
export const finishSections = (
  sections: ReadonlyArray<ReportSection>,
  options: { readonly detail?: Detail; readonly excerpts?: Readonly<Record<string, ReadonlyArray<Excerpt>>> },
  lang: Lang
): Array<ReportSection> =>
  sections.map((s) => {
    let blocks: Array<Block> = options.detail === "apa"
      ? s.blocks.filter((b) => !(b.kind === "table" && b.table.detail === "full"))
      : [...s.blocks]
    const quotes = options.excerpts?.[s.id] ?? []
    if (quotes.length > 0) {
      const at = blocks.reduce((last, b, i) => (b.kind === "table" ? i + 1 : last), blocks.length)
      const block: Block = { kind: "excerpts", excerpts: quotes.map((x) => reportExcerpt(x, lang)) }
      blocks = [...blocks.slice(0, at), block, ...blocks.slice(at)]
    }
    return { ...s, blocks }
  })
