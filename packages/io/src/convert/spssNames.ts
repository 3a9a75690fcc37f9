import type { Codebook, Column, Dataset } from "@danvan/domain"
import { makeDataset } from "@danvan/domain"
import type { IoWarning } from "../errors.js"
import { utf8Prefix } from "../sav/byteWriter.js"
import type { TextColumn } from "../sav/types.js"

/** SPSS's longest variable name, in bytes. */
const MAX_NAME_BYTES = 64

/**
 * SPSS variable names for a dataset whose names hold characters SPSS refuses ("/" and "-" of Kobo group
 * paths): each other character becomes "_", a name not starting with a letter gets a "v" in front, a final
 * "." is dropped, a name is cut to 64 bytes, clashes get a number. The codebook's variables and sets, and the
 * text columns, are renamed alike; a warning lists the renames.
 *
 * @example
 * spssSafe(dataset, codebook).renames // [["kenh/mxh", "kenh_mxh"]]
 */
export const spssSafe = (
  dataset: Dataset,
  codebook: Codebook | undefined,
  textColumns: ReadonlyArray<TextColumn> = []
): {
  dataset: Dataset
  codebook: Codebook | undefined
  textColumns: ReadonlyArray<TextColumn>
  renames: Array<[string, string]>
  warnings: Array<IoWarning>
} => {
  const names = new Map<string, string>()
  const taken = new Set<string>()
  const renames: Array<[string, string]> = []
  const all = [
    ...dataset.columns.map((c) => c.name),
    ...(codebook?.multipleResponseSets.map((s) => s.name) ?? []),
    ...textColumns.map((c) => c.name)
  ]
  for (const name of all) {
    if (names.has(name)) continue
    let safe = name.replace(/[^\p{L}\p{N}_.@#$]/gu, "_").replace(/\.+$/, "")
    if (!/^[\p{L}@#$]/u.test(safe)) safe = `v${safe}`
    safe = cut(safe, MAX_NAME_BYTES)
    let candidate = safe
    for (let k = 2; taken.has(candidate.toLowerCase()); k++) {
      candidate = `${cut(safe, MAX_NAME_BYTES - String(k).length - 1)}_${k}`
    }
    taken.add(candidate.toLowerCase())
    names.set(name, candidate)
    if (candidate !== name) renames.push([name, candidate])
  }
  if (renames.length === 0) return { dataset, codebook, textColumns, renames, warnings: [] }
  const to = (n: string) => names.get(n) ?? n
  const columns = dataset.columns.map((c) => ({ ...c, name: to(c.name) }) as Column)
  const renamed: Codebook | undefined = codebook === undefined ? undefined : {
    ...codebook,
    ...(codebook.weightVariable !== undefined ? { weightVariable: to(codebook.weightVariable) } : {}),
    ...(codebook.groupVariable !== undefined ? { groupVariable: to(codebook.groupVariable) } : {}),
    variables: codebook.variables.map((v) => ({ ...v, name: to(v.name) })),
    multipleResponseSets: codebook.multipleResponseSets.map((s) => ({
      ...s,
      name: to(s.name),
      items: s.items.map(to) as unknown as typeof s.items
    })),
    indicatorSets: codebook.indicatorSets.map((s) => ({ ...s, items: s.items.map(to) as unknown as typeof s.items }))
  }
  const list = renames.map(([a, b]) => `${a} -> ${b}`).join(", ")
  return {
    dataset: makeDataset(columns, dataset.codebookId, dataset.typing),
    codebook: renamed,
    textColumns: textColumns.map((c) => ({ ...c, name: to(c.name) })),
    renames,
    warnings: [{ code: "FILE_STRUCTURE", message: `names SPSS does not accept were changed: ${list}` }]
  }
}

/** A name cut to at most `bytes` UTF-8 bytes on a character boundary (no final "."). */
const cut = (name: string, bytes: number): string =>
  new TextDecoder().decode(utf8Prefix(name, bytes)).replace(/\.+$/, "")
