import { shellWord } from "./command.js"
import type { Key } from "./i18n.js"

/**
 * Recipe steps as the page's forms make them (recode, compute, filter: packages/domain's recipe file format),
 * and the `danvan prepare --recipe` line that repeats them. Pure.
 */
export type Bilingual = { readonly vi: string; readonly en: string }
type Match = number | ReadonlyArray<number> | { readonly low?: number; readonly high?: number } | "missing" | "sysmis"
export interface RecodeRule {
  readonly from: Match
  readonly to: number | "sysmis"
}
export type RecipeStepJson =
  | {
    readonly op: "recode"
    readonly variables: ReadonlyArray<string>
    readonly into?: ReadonlyArray<string>
    readonly rules: ReadonlyArray<RecodeRule>
    readonly else?: "copy" | "missing"
    readonly label?: Bilingual
  }
  | {
    readonly op: "compute"
    readonly target: string
    readonly expr: string
    readonly type?: "codes" | "numeric"
    readonly label?: Bilingual
  }
  | { readonly op: "filter"; readonly expr: string }
  | { readonly op: "append"; readonly data: string }
  | { readonly op: "merge"; readonly data: string; readonly by: string }
export type StepKind = RecipeStepJson["op"]

/** The form's fields, as typed. */
export interface StepFields {
  readonly variable: string
  readonly rules: string
  readonly into: string
  readonly otherwise: "copy" | "missing"
  readonly target: string
  readonly expr: string
  readonly type: "numeric" | "codes"
  readonly labelVi: string
  readonly labelEn: string
  /** append/merge: the other stored dataset's name (its `data`: the file the CLI finds beside recipe.json). */
  readonly other: string
  /** merge: the key variable. */
  readonly key: string
}

export const emptyFields: StepFields = {
  variable: "",
  rules: "",
  into: "",
  otherwise: "copy",
  target: "",
  expr: "",
  type: "numeric",
  labelVi: "",
  labelEn: "",
  other: "",
  key: ""
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/

const number = (text: string): number | undefined => {
  const t = text.trim()
  return t !== "" && Number.isFinite(Number(t)) ? Number(t) : undefined
}

/** One side of a rule: `3`, `1,2`, `1 thru 3`, `lo thru 2`, `4 thru hi`, `missing`, `sysmis`. */
const matchOf = (text: string): Match | undefined => {
  const t = text.trim().toLowerCase()
  if (t === "missing" || t === "sysmis") return t
  const range = /^(\S+)\s+thru\s+(\S+)$/.exec(t)
  if (range !== null) {
    const low = range[1] === "lo" || range[1] === "lowest" ? undefined : number(range[1]!)
    const high = range[2] === "hi" || range[2] === "highest" ? undefined : number(range[2]!)
    if ((low === undefined && !/^lo/.test(range[1]!)) || (high === undefined && !/^hi/.test(range[2]!))) {
      return undefined
    }
    return { ...(low !== undefined ? { low } : {}), ...(high !== undefined ? { high } : {}) }
  }
  const list = t.split(/\s*,\s*/).map(number)
  if (list.some((x) => x === undefined)) return undefined
  return list.length === 1 ? list[0]! : (list as Array<number>)
}

/**
 * Recode rules typed as SPSS writes them, `FROM=TO` separated by `;` (`1,2=1; 3 thru 5=2; missing=sysmis`).
 *
 * @example
 * parseRules("1,2=1; 3 thru hi=2") // { rules: [{ from: [1, 2], to: 1 }, { from: { low: 3 }, to: 2 }] }
 */
export const parseRules = (text: string): { rules: Array<RecodeRule> } | { bad: string } => {
  const rules: Array<RecodeRule> = []
  for (const part of text.split(";").map((p) => p.trim()).filter((p) => p !== "")) {
    const [from, to, ...rest] = part.split("=")
    const match = from === undefined ? undefined : matchOf(from)
    const target = to?.trim().toLowerCase() === "sysmis" ? "sysmis" : to === undefined ? undefined : number(to)
    if (
      rest.length > 0 || match === undefined || target === undefined ||
      (target !== "sysmis" && !Number.isInteger(target))
    ) {
      return { bad: part }
    }
    rules.push({ from: match, to: target })
  }
  return rules.length === 0 ? { bad: text } : { rules }
}

const labelOf = (f: StepFields): { label?: Bilingual } =>
  f.labelVi.trim() === "" && f.labelEn.trim() === ""
    ? {}
    : {
      label: { vi: (f.labelVi.trim() || f.labelEn.trim()).normalize("NFC"), en: f.labelEn.trim() || f.labelVi.trim() }
    }

/**
 * The step the form describes, or the dictionary key (and the text at fault) of what is missing or wrong.
 *
 * @example
 * stepOf("filter", { ...emptyFields, expr: "level != 9" }) // { step: { op: "filter", expr: "level != 9" } }
 */
export const stepOf = (
  kind: StepKind,
  f: StepFields
): { step: RecipeStepJson } | { invalid: Key; value?: string } => {
  if (kind === "append" || kind === "merge") {
    if (f.other === "") return { invalid: "recipeNeedsDataset" }
    if (kind === "append") return { step: { op: "append", data: f.other } }
    if (f.key.trim() === "") return { invalid: "recipeNeedsKey" }
    if (!NAME.test(f.key.trim())) return { invalid: "recipeBadName", value: f.key }
    return { step: { op: "merge", data: f.other, by: f.key.trim() } }
  }
  if (kind === "filter") {
    return f.expr.trim() === ""
      ? { invalid: "recipeNeedsExpr" }
      : { step: { op: "filter", expr: f.expr.trim() } }
  }
  if (kind === "compute") {
    if (!NAME.test(f.target.trim())) return { invalid: "recipeBadName", value: f.target }
    if (f.expr.trim() === "") return { invalid: "recipeNeedsExpr" }
    return { step: { op: "compute", target: f.target.trim(), expr: f.expr.trim(), type: f.type, ...labelOf(f) } }
  }
  if (f.variable === "") return { invalid: "recipeNeedsVariable" }
  if (f.into.trim() !== "" && !NAME.test(f.into.trim())) return { invalid: "recipeBadName", value: f.into }
  const parsed = parseRules(f.rules)
  if ("bad" in parsed) return { invalid: "recipeBadRule", value: parsed.bad }
  return {
    step: {
      op: "recode",
      variables: [f.variable],
      ...(f.into.trim() !== "" ? { into: [f.into.trim()] } : {}),
      rules: parsed.rules,
      else: f.otherwise,
      ...labelOf(f)
    }
  }
}

/** The recipe file of `steps` (format version 1). */
export const recipeOf = (steps: ReadonlyArray<RecipeStepJson>) => ({ version: 1 as const, steps })

/**
 * The CLI line that applies the same recipe to the same file (saved as recipe.json beside it), as the page does.
 *
 * @example
 * prepareCommand({ file: "survey.csv", codebook: "hcmc-2024" })
 * // "danvan prepare --recipe recipe.json --data survey.csv --codebook hcmc-2024 --out survey-prepared.sav"
 */
export const prepareCommand = (d: { readonly file: string; readonly codebook: string | null }): string =>
  [
    "danvan",
    "prepare",
    "--recipe",
    "recipe.json",
    "--data",
    d.file,
    ...(d.codebook !== null ? ["--codebook", d.codebook] : []),
    "--out",
    `${d.file.replace(/\.[A-Za-z0-9]+$/, "")}-prepared.sav`
  ].map(shellWord).join(" ")

/**
 * The stored datasets the append and merge steps name, as the API's `datasets` field (file name -> dataset id);
 * undefined when no step names one.
 *
 * @example
 * otherDatasets([{ op: "append", data: "wave2.csv" }], [{ id: "d2", name: "wave2.csv" }]) // { "wave2.csv": "d2" }
 */
export const otherDatasets = (
  steps: ReadonlyArray<RecipeStepJson>,
  stored: ReadonlyArray<{ readonly id: string; readonly name: string }>
): Record<string, string> | undefined => {
  const names = steps.flatMap((s) => (s.op === "append" || s.op === "merge" ? [s.data] : []))
  if (names.length === 0) return undefined
  return Object.fromEntries(names.flatMap((n) => {
    const found = stored.find((d) => d.name === n)
    return found === undefined ? [] : [[n, found.id]]
  }))
}

/** A short description of a step for the list ("recode level -> city: 1=1; 2,3=2"). */
export const describeStep = (s: RecipeStepJson): string => {
  if (s.op === "append") return `append ${s.data}`
  if (s.op === "merge") return `merge ${s.data} by ${s.by}`
  if (s.op === "filter") return `filter: ${s.expr}`
  if (s.op === "compute") return `compute ${s.target} = ${s.expr}`
  const side = (m: Match) =>
    typeof m === "number" || typeof m === "string"
      ? String(m)
      : Array.isArray(m)
      ? m.join(",")
      : `${(m as { low?: number }).low ?? "lo"} thru ${(m as { high?: number }).high ?? "hi"}`
  return `recode ${s.variables.join(", ")}${s.into !== undefined ? ` → ${s.into.join(", ")}` : ""}: ${
    s.rules.map((r) => `${side(r.from)}=${r.to}`).join("; ")
  }`
}
