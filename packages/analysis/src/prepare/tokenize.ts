/**
 * The tokenizer of the recipe expression language (hand-written; nothing is ever passed to `eval`).
 * Positions are 1-based character offsets into the expression, for messages.
 */
export type Token =
  | { readonly kind: "number"; readonly value: number; readonly pos: number }
  | { readonly kind: "name"; readonly value: string; readonly pos: number }
  | { readonly kind: "op"; readonly value: string; readonly pos: number }
  | { readonly kind: "end"; readonly pos: number }

/** A syntax error at a 1-based character position of the expression. */
export class ExpressionSyntaxError extends Error {
  constructor(readonly pos: number, readonly detail: string) {
    super(`at character ${pos}: ${detail}`)
  }
}

const OPERATORS = [
  "<=",
  ">=",
  "<>",
  "~=",
  "!=",
  "==",
  "**",
  "(",
  ")",
  ",",
  "+",
  "-",
  "*",
  "/",
  "<",
  ">",
  "=",
  "&",
  "|",
  "~"
]
const NAME_START = /[A-Za-z_]/
const NAME_PART = /[A-Za-z0-9_.]/

/**
 * Splits an expression into numbers, names and operators.
 *
 * @example
 * tokenize("q1 >= 2 and age < 30").map((t) => t.kind)
 * // ["name", "op", "number", "name", "name", "op", "number", "end"]
 */
export const tokenize = (text: string): Array<Token> => {
  const out: Array<Token> = []
  let i = 0
  while (i < text.length) {
    const ch = text[i]!
    if (/\s/.test(ch)) {
      i++
      continue
    }
    const pos = i + 1
    const numberMatch = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(i))
    if (numberMatch !== null) {
      out.push({ kind: "number", value: Number(numberMatch[0]), pos })
      i += numberMatch[0].length
      continue
    }
    if (NAME_START.test(ch)) {
      let j = i + 1
      while (j < text.length && NAME_PART.test(text[j]!)) j++
      // A trailing dot ends a sentence, not a name.
      while (text[j - 1] === "." && j > i + 1) j--
      out.push({ kind: "name", value: text.slice(i, j), pos })
      i = j
      continue
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i))
    if (op === undefined) throw new ExpressionSyntaxError(pos, `unexpected character "${ch}"`)
    out.push({ kind: "op", value: op, pos })
    i += op.length
  }
  out.push({ kind: "end", pos: text.length + 1 })
  return out
}
