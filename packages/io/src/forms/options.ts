/**
 * Splitting a checkbox answer ("A, B (x, y), C") into its options when options may themselves contain the
 * separator. Pieces are split only outside brackets; consecutive pieces are joined back into one option when
 * the joined text is a known option (seen alone in the column, or in the user's choice list); a piece that
 * starts with a lower-case letter continues the previous one ("Tiếp xúc, đối thoại trực tiếp với Nhân dân").
 * When unknown pieces could still be one option or several, the answer is ambiguous: it is kept as one option
 * and reported, never silently split.
 */

/**
 * The pieces of `text` between separators that stand outside (), [] and {}.
 *
 * @example
 * splitOutsideBrackets("A (x, y), B", ", ") // ["A (x, y)", "B"]
 */
export const splitOutsideBrackets = (text: string, separator: string): Array<string> => {
  const pieces: Array<string> = []
  let depth = 0
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === "(" || ch === "[" || ch === "{") depth++
    else if ((ch === ")" || ch === "]" || ch === "}") && depth > 0) depth--
    else if (depth === 0 && text.startsWith(separator, i)) {
      pieces.push(text.slice(start, i))
      start = i + separator.length
      i += separator.length - 1
    }
  }
  pieces.push(text.slice(start))
  return pieces.map((p) => p.trim()).filter((p) => p !== "")
}

/** How one answer was split: its options, and why it is ambiguous when it is. */
export interface SplitAnswer {
  readonly options: ReadonlyArray<string>
  readonly ambiguous?: string
}

/** Whether a piece starts with a lower-case letter (it continues the previous piece's option). */
export const startsLower = (s: string) => {
  const first = s.charAt(0)
  return first !== first.toLocaleUpperCase("vi") && first === first.toLocaleLowerCase("vi")
}

/**
 * Every way of cutting `pieces` into known options (at most 3 ways are looked for).
 *
 * @example
 * knownSegmentations(["A", "B"], new Set(["A", "B", "A, B"]), ", ") // [["A", "B"], ["A, B"]]
 */
export const knownSegmentations = (
  pieces: ReadonlyArray<string>,
  known: ReadonlySet<string>,
  sep: string
): Array<Array<string>> => {
  const out: Array<Array<string>> = []
  const walk = (from: number, acc: Array<string>) => {
    if (out.length >= 3) return
    if (from === pieces.length) return void out.push([...acc])
    for (let to = from + 1; to <= pieces.length; to++) {
      const option = pieces.slice(from, to).join(sep)
      if (known.has(option)) walk(to, [...acc, option])
    }
  }
  walk(0, [])
  return out
}

/**
 * Splits one checkbox answer into options, given the options known for the column.
 *
 * @example
 * splitAnswer("Qua mạng xã hội (Zalo, Facebook), Qua báo chí", new Set(), ", ").options
 * // ["Qua mạng xã hội (Zalo, Facebook)", "Qua báo chí"]
 */
export const splitAnswer = (answer: string, known: ReadonlySet<string>, separator: string): SplitAnswer => {
  // Microsoft Forms ends every checkbox answer with the separator ("A;B;").
  const sep = separator
  const trimmed = sep === ";" ? answer.trim().replace(/;+\s*$/, "") : answer.trim()
  const pieces = splitOutsideBrackets(trimmed, sep)
  if (pieces.length <= 1) return { options: pieces }
  const exact = knownSegmentations(pieces, known, sep)
  if (exact.length === 1) return { options: exact[0] }
  if (exact.length > 1) {
    const fewest = exact.sort((a, b) => a.length - b.length)[0]
    return {
      options: fewest,
      ambiguous: `can be read as ${exact.map((s) => s.map((o) => JSON.stringify(o)).join(" + ")).join(" or ")}`
    }
  }
  // Some pieces are not known options: known options are taken greedily (longest first); the unknown runs in
  // between join lower-case continuations; a run still cut into several new options is ambiguous.
  const options: Array<string> = []
  let run: Array<string> = []
  const ambiguities: Array<string> = []
  const flush = () => {
    if (run.length === 0) return
    // Microsoft Forms' ";" rarely occurs inside an option: each piece is one.
    if (sep === ";") return void (options.push(...run), (run = []))
    const joined: Array<string> = []
    for (const piece of run) {
      if (joined.length > 0 && startsLower(piece)) joined[joined.length - 1] += sep + piece
      else joined.push(piece)
    }
    if (joined.length > 1) {
      ambiguities.push(
        `${JSON.stringify(run.join(sep))} may be one option or ${joined.length} (${
          joined.map((o) => JSON.stringify(o)).join(", ")
        })`
      )
      options.push(run.join(sep))
    } else options.push(joined[0])
    run = []
  }
  for (let i = 0; i < pieces.length;) {
    let to = pieces.length
    while (to > i && !known.has(pieces.slice(i, to).join(sep))) to--
    if (to > i) {
      flush()
      options.push(pieces.slice(i, to).join(sep))
      i = to
    } else run.push(pieces[i++])
  }
  flush()
  return ambiguities.length > 0 ? { options, ambiguous: `${ambiguities.join("; ")}; kept as one option` } : { options }
}
