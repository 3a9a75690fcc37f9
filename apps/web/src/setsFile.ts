import type { Bilingual, CodebookFile } from "./codebookFile.js"

/**
 * A codebook's sets as the Variable View edits them: a multiple-response set (`multipleResponseSets`, with the
 * code that counts as selected), or an indicator set (`indicatorSets`) of Likert or multiple-response items.
 * Pure; the API checks the saved codebook against the dataset.
 */
export type SetType = "mr" | "likert" | "mr-indicator"

export interface SetDraft {
  readonly type: SetType
  readonly name: string
  readonly label: Bilingual
  readonly items: ReadonlyArray<string>
  /** mr only. */
  readonly countedValue?: number
}

interface MrSetJson {
  readonly name: string
  readonly label: Bilingual
  readonly items: ReadonlyArray<string>
  readonly countedValue: number
}
interface IndicatorSetJson {
  readonly name: string
  readonly label: Bilingual
  readonly kind: "multiple-response" | "likert"
  readonly items: ReadonlyArray<string>
}

const mrSets = (c: CodebookFile) => (c.multipleResponseSets ?? []) as ReadonlyArray<MrSetJson>
const indicatorSets = (c: CodebookFile) => (c.indicatorSets ?? []) as ReadonlyArray<IndicatorSetJson>

/**
 * Every set of the codebook, multiple-response sets first.
 *
 * @example
 * setDrafts(codebook).map((s) => `${s.type}:${s.name}`) // ["mr:purpose", "mr-indicator:purpose", "likert:difficulty"]
 */
export const setDrafts = (c: CodebookFile): Array<SetDraft> => [
  ...mrSets(c).map((s) => ({
    type: "mr" as const,
    name: s.name,
    label: s.label,
    items: s.items,
    countedValue: s.countedValue
  })),
  ...indicatorSets(c).map((s) => ({
    type: s.kind === "likert" ? "likert" as const : "mr-indicator" as const,
    name: s.name,
    label: s.label,
    items: s.items
  }))
]

const sameSet = (type: SetType, name: string) => (s: { name: string; kind?: string }, inMr: boolean) =>
  s.name === name && (type === "mr" ? inMr : !inMr && (s.kind === "likert") === (type === "likert"))

/**
 * The codebook without the set `type`/`name`.
 *
 * @example
 * withoutSet(codebook, "likert", "difficulty").indicatorSets?.some((s) => s.name === "difficulty") // false
 */
export const withoutSet = (c: CodebookFile, type: SetType, name: string): CodebookFile => {
  const same = sameSet(type, name)
  return {
    ...c,
    multipleResponseSets: mrSets(c).filter((s) => !same(s, true)),
    indicatorSets: indicatorSets(c).filter((s) => !same(s, false))
  }
}

/**
 * The codebook with `draft` in place of the set it replaces (`replacing`, by type and name), or added at the end
 * of its list.
 *
 * @example
 * withSet(codebook, { type: "likert", name: "trust", label, items: ["q1", "q2"] })
 */
export const withSet = (
  c: CodebookFile,
  draft: SetDraft,
  replacing?: { readonly type: SetType; readonly name: string }
): CodebookFile => {
  const json = draft.type === "mr"
    ? { name: draft.name, label: draft.label, items: draft.items, countedValue: draft.countedValue ?? 1 }
    : {
      name: draft.name,
      label: draft.label,
      kind: draft.type === "likert" ? "likert" : "multiple-response",
      items: draft.items
    }
  const put = <A extends { name: string; kind?: string }>(list: ReadonlyArray<A>, inMr: boolean): Array<A> => {
    const at = replacing === undefined ? -1 : list.findIndex((s) => sameSet(replacing.type, replacing.name)(s, inMr))
    const mine = (draft.type === "mr") === inMr
    if (at >= 0) {
      return mine
        ? list.map((s, i) => (i === at ? json as unknown as A : s))
        : list.filter((_, i) => i !== at)
    }
    return mine ? [...list, json as unknown as A] : [...list]
  }
  return { ...c, multipleResponseSets: put(mrSets(c), true), indicatorSets: put(indicatorSets(c), false) }
}
