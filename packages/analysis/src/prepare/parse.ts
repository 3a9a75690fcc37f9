import { type BinaryOp, type Expr, type FunctionName, FUNCTIONS, type InItem } from "./ast.js"
import { ExpressionSyntaxError, type Token, tokenize } from "./tokenize.js"

/**
 * A recursive-descent parser for the recipe expression language. Precedence, loosest first: `or`, `and`,
 * `not`, comparisons and `in`, `+ -`, `* /`, unary minus, `**`. Keywords are case-insensitive; `&`, `|`, `~`
 * spell and, or, not; `=`/`==` and `<>`/`~=`/`!=` compare.
 */
const COMPARISONS: Readonly<Record<string, BinaryOp>> = {
  "=": "=",
  "==": "=",
  "<>": "<>",
  "~=": "<>",
  "!=": "<>",
  "<": "<",
  "<=": "<=",
  ">": ">",
  ">=": ">="
}
const RESERVED = new Set(["and", "or", "not", "in", "thru", "to"])

class Parser {
  private i = 0
  constructor(private readonly tokens: ReadonlyArray<Token>) {}

  private peek(): Token {
    return this.tokens[this.i]!
  }
  private next(): Token {
    return this.tokens[this.i++]!
  }
  private isKeyword(word: string): boolean {
    const t = this.peek()
    return t.kind === "name" && t.value.toLowerCase() === word
  }
  private isOp(...ops: Array<string>): boolean {
    const t = this.peek()
    return t.kind === "op" && ops.includes(t.value)
  }
  private expectOp(op: string): Token {
    const t = this.next()
    if (t.kind !== "op" || t.value !== op) {
      throw new ExpressionSyntaxError(t.pos, `expected "${op}", found ${describe(t)}`)
    }
    return t
  }

  parseAll(): Expr {
    const e = this.or()
    const t = this.peek()
    if (t.kind !== "end") throw new ExpressionSyntaxError(t.pos, `unexpected ${describe(t)}`)
    return e
  }
  private or(): Expr {
    let left = this.and()
    while (this.isKeyword("or") || this.isOp("|")) {
      const pos = this.next().pos
      left = { kind: "binary", op: "or", left, right: this.and(), pos }
    }
    return left
  }
  private and(): Expr {
    let left = this.not()
    while (this.isKeyword("and") || this.isOp("&")) {
      const pos = this.next().pos
      left = { kind: "binary", op: "and", left, right: this.not(), pos }
    }
    return left
  }
  private not(): Expr {
    if (this.isKeyword("not") || this.isOp("~")) {
      const pos = this.next().pos
      return { kind: "unary", op: "not", arg: this.not(), pos }
    }
    return this.comparison()
  }
  private comparison(): Expr {
    const left = this.additive()
    const t = this.peek()
    if (t.kind === "op" && COMPARISONS[t.value] !== undefined) {
      this.next()
      return { kind: "binary", op: COMPARISONS[t.value]!, left, right: this.additive(), pos: t.pos }
    }
    if (this.isKeyword("in")) {
      this.next()
      return { kind: "in", arg: left, items: this.inList(), pos: t.pos }
    }
    return left
  }
  private inList(): Array<InItem> {
    this.expectOp("(")
    const items: Array<InItem> = []
    do {
      const low = this.signedNumber()
      if (this.isKeyword("thru")) {
        this.next()
        items.push({ low, high: this.signedNumber() })
      } else items.push({ low, high: low })
    } while (this.isOp(",") && this.next())
    this.expectOp(")")
    return items
  }
  private signedNumber(): number {
    const negative = this.isOp("-") ? (this.next(), true) : false
    const t = this.next()
    if (t.kind !== "number") throw new ExpressionSyntaxError(t.pos, `expected a number, found ${describe(t)}`)
    return negative ? -t.value : t.value
  }
  private additive(): Expr {
    let left = this.multiplicative()
    while (this.isOp("+", "-")) {
      const t = this.next()
      left = {
        kind: "binary",
        op: t.kind === "op" && t.value === "+" ? "+" : "-",
        left,
        right: this.multiplicative(),
        pos: t.pos
      }
    }
    return left
  }
  private multiplicative(): Expr {
    let left = this.unary()
    while (this.isOp("*", "/")) {
      const t = this.next()
      left = {
        kind: "binary",
        op: t.kind === "op" && t.value === "*" ? "*" : "/",
        left,
        right: this.unary(),
        pos: t.pos
      }
    }
    return left
  }
  private unary(): Expr {
    if (this.isOp("-")) {
      const pos = this.next().pos
      return { kind: "unary", op: "-", arg: this.unary(), pos }
    }
    if (this.isOp("+")) this.next()
    return this.power()
  }
  private power(): Expr {
    const base = this.primary()
    if (this.isOp("**")) {
      const pos = this.next().pos
      return { kind: "binary", op: "**", left: base, right: this.unary(), pos }
    }
    return base
  }
  private primary(): Expr {
    const t = this.next()
    if (t.kind === "number") return { kind: "number", value: t.value, pos: t.pos }
    if (t.kind === "op" && t.value === "(") {
      const e = this.or()
      this.expectOp(")")
      return e
    }
    if (t.kind === "name") {
      if (this.isOp("(")) return this.call(t.value, t.pos)
      if (RESERVED.has(t.value.toLowerCase())) throw new ExpressionSyntaxError(t.pos, `unexpected "${t.value}"`)
      return { kind: "var", name: t.value, pos: t.pos }
    }
    throw new ExpressionSyntaxError(t.pos, `expected a number, a variable or "(", found ${describe(t)}`)
  }
  private call(written: string, pos: number): Expr {
    const m = /^([A-Za-z]+)(?:\.(\d+))?$/.exec(written)
    const fn = m?.[1]?.toUpperCase() as FunctionName | undefined
    if (m === null || fn === undefined || !(FUNCTIONS as ReadonlyArray<string>).includes(fn)) {
      throw new ExpressionSyntaxError(pos, `unknown function "${written}"; known: ${FUNCTIONS.join(", ")}`)
    }
    const minValid = m[2] !== undefined ? Number(m[2]) : undefined
    if (minValid !== undefined && !["MEAN", "SUM", "MIN", "MAX"].includes(fn)) {
      throw new ExpressionSyntaxError(pos, `${fn} takes no ".n" suffix (only MEAN, SUM, MIN, MAX do)`)
    }
    this.expectOp("(")
    const args: Array<Expr> = []
    if (!this.isOp(")")) {
      do args.push(this.argument())
      while (this.isOp(",") && this.next())
    }
    this.expectOp(")")
    return { kind: "call", fn, args, pos, ...(minValid !== undefined ? { minValid } : {}) }
  }
  private argument(): Expr {
    const t = this.peek()
    const after = this.tokens[this.i + 1]
    if (t.kind === "name" && after?.kind === "name" && after.value.toLowerCase() === "to") {
      this.i += 2
      const end = this.next()
      if (end.kind !== "name") {
        throw new ExpressionSyntaxError(end.pos, `expected a variable after "to", found ${describe(end)}`)
      }
      return { kind: "varRange", from: t.value, to: end.value, pos: t.pos }
    }
    return this.or()
  }
}

const describe = (t: Token): string =>
  t.kind === "end" ? "the end of the expression" : t.kind === "number" ? `number ${t.value}` : `"${t.value}"`

/**
 * Parses an expression; a syntax error throws `ExpressionSyntaxError` with the character position.
 *
 * @example
 * parseExpression("MEAN.3(q1 to q5) >= 4 and not MISSING(age)")
 */
export const parseExpression = (text: string): Expr => new Parser(tokenize(text)).parseAll()
