/**
 * The delimiters the reader recognises, in order of preference when counts tie.
 *
 * @example
 * DELIMITERS.includes(";") // true
 */
export const DELIMITERS = [",", ";", "\t"] as const
/**
 * One of `DELIMITERS`.
 *
 * @example
 * const d: Delimiter = "\t"
 */
export type Delimiter = (typeof DELIMITERS)[number]

const displayName = (d: string): string => (d === "\t" ? "tab" : `"${d}"`)

/** Counts each delimiter outside double quotes in the first line (record) of `text`, starting at `from`. */
const countInLine = (text: string, from: number): { counts: Array<number>; next: number } => {
  const counts = DELIMITERS.map(() => 0)
  let inQuotes = false
  let i = from
  for (; i < text.length; i++) {
    const c = text[i]
    if (c === "\"") inQuotes = !inQuotes
    else if (!inQuotes && (c === "\n" || c === "\r")) break
    else if (!inQuotes) {
      const k = DELIMITERS.indexOf(c as Delimiter)
      if (k >= 0) counts[k]++
    }
  }
  if (text[i] === "\r" && text[i + 1] === "\n") i++
  return { counts, next: i + 1 }
}

/**
 * Picks the delimiter from the header line: the one of `,` `;` and tab that occurs most often outside
 * quotes. On a tie the second line decides (the candidate it holds equally often), else `,` wins. A tie or a
 * header without any delimiter (a one-column file) comes back with a note for a `DELIMITER` warning.
 *
 * @example
 * detectDelimiter("level;sex;age_group\n1;2;3\n") // { delimiter: ";", note: undefined }
 */
export const detectDelimiter = (text: string): { delimiter: Delimiter; note: string | undefined } => {
  const header = countInLine(text, 0)
  const best = Math.max(...header.counts)
  if (best === 0) {
    return { delimiter: ",", note: "no delimiter (, ; or tab) in the header line; read as a single column" }
  }
  const tied = DELIMITERS.filter((_, k) => header.counts[k] === best)
  if (tied.length === 1) return { delimiter: tied[0], note: undefined }
  const second = countInLine(text, header.next).counts
  const confirmed = tied.filter((d) => second[DELIMITERS.indexOf(d)] === best)
  const delimiter = confirmed.length >= 1 ? confirmed[0] : tied[0]
  return {
    delimiter,
    note: `the header line holds ${tied.map(displayName).join(" and ")} equally often; columns were split on ${
      displayName(delimiter)
    }`
  }
}
