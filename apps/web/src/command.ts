import type { Lang } from "./i18n.js"

/** A shell word, single-quoted when it holds anything but safe characters. */
export const shellWord = (word: string): string =>
  /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`

interface DataSource {
  readonly file: string
  readonly codebook: string | null
}

const dataArgs = (d: DataSource): Array<string> => [
  "--data",
  d.file,
  ...(d.codebook !== null ? ["--codebook", d.codebook] : [])
]

/**
 * The `danvan crosstab` line that repeats a crosstab run in the page (SPSS's "Paste"), in the page's language.
 *
 * @example
 * crosstabCommand({ file: "survey.csv", codebook: "hcmc-2024" }, "level", "sex", "vi")
 * // "danvan crosstab --data survey.csv --codebook hcmc-2024 --row level --col sex --lang vi"
 */
export const crosstabCommand = (d: DataSource, row: string, col: string, lang: Lang): string =>
  ["danvan", "crosstab", ...dataArgs(d), "--row", row, "--col", col, "--lang", lang].map(shellWord).join(" ")

/**
 * The `danvan frequencies` line that repeats a frequencies run in the page.
 *
 * @example
 * frequenciesCommand({ file: "survey.csv", codebook: null }, ["level"], "en")
 * // "danvan frequencies --data survey.csv --lang en level"
 */
export const frequenciesCommand = (d: DataSource, variables: ReadonlyArray<string>, lang: Lang): string =>
  ["danvan", "frequencies", ...dataArgs(d), "--lang", lang, ...variables].map(shellWord).join(" ")
