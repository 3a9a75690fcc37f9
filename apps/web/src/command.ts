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
export const crosstabCommand = (
  d: DataSource,
  row: string,
  col: string,
  lang: Lang,
  options: CommandOptions = {}
): string =>
  [
    "danvan",
    "crosstab",
    ...dataArgs(d),
    "--row",
    row,
    "--col",
    col,
    ...(options.layer !== undefined ? ["--layer", options.layer] : []),
    ...weightArgs(options),
    "--lang",
    lang
  ]
    .map(shellWord)
    .join(" ")

/** A run's sampling design as the CLI's flags name it (issue 18); each absent one is the CLI's default. */
export interface DesignOptions {
  readonly strata?: string
  readonly cluster?: string
  readonly fpc?: string
  readonly weightMode?: "sampling" | "frequency"
  readonly lonelyPsu?: "fail" | "remove" | "certainty" | "adjust" | "average"
}

/** The weight of a run (`--weight VAR`, `--no-weight`, or the codebook's), its design and a crosstab's layer. */
export interface CommandOptions extends DesignOptions {
  readonly weight?: string
  readonly noWeight?: boolean
  readonly layer?: string
}

/**
 * The weight and design flags in the CLI's order: `--weight W --strata S --cluster C --fpc F --weight-mode M
 * --lonely-psu R`.
 *
 * @example
 * weightArgs({ weight: "trongso", cluster: "xa", weightMode: "frequency" })
 * // ["--weight", "trongso", "--cluster", "xa", "--weight-mode", "frequency"]
 */
export const weightArgs = (o: CommandOptions): Array<string> => [
  ...(o.weight !== undefined ? ["--weight", o.weight] : o.noWeight === true ? ["--no-weight"] : []),
  ...(o.strata !== undefined ? ["--strata", o.strata] : []),
  ...(o.cluster !== undefined ? ["--cluster", o.cluster] : []),
  ...(o.fpc !== undefined ? ["--fpc", o.fpc] : []),
  ...(o.weightMode !== undefined ? ["--weight-mode", o.weightMode] : []),
  ...(o.lonelyPsu !== undefined ? ["--lonely-psu", o.lonelyPsu] : [])
]

/**
 * The `danvan mr` line of a multiple-response set by group.
 *
 * @example
 * mrCommand({ file: "survey.csv", codebook: "hcmc-2024" }, "purpose", "level", "en")
 * // "danvan mr --data survey.csv --codebook hcmc-2024 --set purpose --group level --lang en"
 */
export const mrCommand = (
  d: DataSource,
  set: string,
  group: string,
  lang: Lang,
  options: CommandOptions = {}
): string =>
  ["danvan", "mr", ...dataArgs(d), "--set", set, "--group", group, ...weightArgs(options), "--lang", lang].map(
    shellWord
  ).join(" ")

/**
 * The `danvan likert` line of a Likert set by group.
 *
 * @example
 * likertCommand({ file: "survey.csv", codebook: "hcmc-2024" }, "difficulty", "level", "vi")
 */
export const likertCommand = (
  d: DataSource,
  set: string,
  by: string,
  lang: Lang,
  options: CommandOptions = {}
): string =>
  ["danvan", "likert", ...dataArgs(d), "--set", set, "--by", by, ...weightArgs(options), "--lang", lang].map(shellWord)
    .join(" ")

/**
 * The `danvan means` line of a numeric variable by group.
 *
 * @example
 * meansCommand({ file: "survey.csv", codebook: null }, "age", "level", "en")
 */
export const meansCommand = (
  d: DataSource,
  variable: string,
  by: string,
  lang: Lang,
  options: CommandOptions = {}
): string =>
  ["danvan", "means", ...dataArgs(d), "--var", variable, "--by", by, ...weightArgs(options), "--lang", lang].map(
    shellWord
  ).join(" ")

/**
 * The `danvan describe` line of numeric variables.
 *
 * @example
 * describeCommand({ file: "survey.csv", codebook: null }, ["age"], "en")
 */
export const describeCommand = (
  d: DataSource,
  variables: ReadonlyArray<string>,
  lang: Lang,
  options: CommandOptions = {}
): string =>
  ["danvan", "describe", ...dataArgs(d), ...weightArgs(options), "--lang", lang, ...variables]
    .map(shellWord)
    .join(" ")

/**
 * The `danvan frequencies` line that repeats a frequencies run in the page.
 *
 * @example
 * frequenciesCommand({ file: "survey.csv", codebook: null }, ["level"], "en")
 * // "danvan frequencies --data survey.csv --lang en level"
 */
export const frequenciesCommand = (
  d: DataSource,
  variables: ReadonlyArray<string>,
  lang: Lang,
  options: CommandOptions = {}
): string =>
  ["danvan", "frequencies", ...dataArgs(d), ...weightArgs(options), "--lang", lang, ...variables].map(shellWord).join(
    " "
  )
