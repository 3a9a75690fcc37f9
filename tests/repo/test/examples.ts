/**
 * Runs the `@example`s of doc comments and checks what they say they print.
 *
 * An example is the text after `@example` up to the next tag or the end of the comment. Its code runs with the
 * package's exports and the exports of the file that holds it in scope (TypeScript stripped by `transpileModule`).
 * A line `expression // value` is a claim: the expression's value must match `value`, read as
 * - a number: equal when the printed digits are all there (`0.1368` is the value rounded to 4 decimals; a trailing
 *   `...`/`…` means "starts with these digits"; 15+ significant digits must agree to 1e-15 relative);
 * - a string, `true`, `false`, `NaN`, `undefined`, `null`, an array, `Float64Array [..]`/`Int32Array [..]`, an
 *   object literal (only the keys written are compared; `...` stands for the rest), `Right(..)`/`Left(..)`;
 * - `throws ...`: the expression throws (and the message contains the quoted text, if any).
 * Anything after the value in parentheses or after `:` is a note. A comment that reads as none of these (prose) is
 * not a claim; the line still runs and must not throw unless it says so.
 */
import { readdirSync, readFileSync } from "node:fs"
import { join, relative } from "node:path"
import ts from "typescript"

export interface Example {
  readonly file: string
  readonly line: number
  readonly code: string
  /** The name the comment documents (`export const NAME`, `export function NAME`, ...), if any. */
  readonly name: string | undefined
}

export interface Outcome {
  readonly example: Example
  readonly claims: number
  readonly problems: ReadonlyArray<string>
  /** Why the example could not run at all (a name not in scope, a file it reads, ...). */
  readonly notRun?: string
}

const walk = (dir: string): Array<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []
  )

/** Every `@example` in the `.ts` files under `dir`, with the line of its tag. */
export const extractExamples = (dir: string, root: string): Array<Example> => {
  const out: Array<Example> = []
  for (const file of walk(dir)) {
    const text = readFileSync(file, "utf8")
    for (const m of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
      const lines = m[0].split("\n").map((l) => l.replace(/^\s*\/?\*+\/?\s?/, "").replace(/\s*\*\/$/, ""))
      const start = lines.findIndex((l) => l.startsWith("@example"))
      if (start < 0) continue
      const body: Array<string> = []
      for (const l of lines.slice(start + 1)) {
        if (l.startsWith("@")) break
        body.push(l)
      }
      const first = lines[start].slice("@example".length).trim()
      if (first !== "") body.unshift(first)
      const line = text.slice(0, m.index).split("\n").length + start
      const after = /^\s*export\s+(?:declare\s+)?(?:async\s+)?(?:const|function\*?|class|let)\s+([\w$]+)/.exec(
        text.slice(m.index + m[0].length)
      )
      const code = body.join("\n").replace(/^```\w*\n?|```$/gm, "").trim()
      out.push({ file: relative(root, file), line, code, name: after?.[1] })
    }
  }
  return out
}

const transpile = (code: string): string =>
  ts.transpileModule(code, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } })
    .outputText

type Expected =
  | { readonly kind: "value"; readonly value: unknown }
  | { readonly kind: "throws"; readonly message: string | undefined }

const ELLIPSIS = Symbol("...")

interface Approx {
  readonly approx: string
}
const isApprox = (x: unknown): x is Approx => typeof x === "object" && x !== null && "approx" in x

/** Parses the printed value of a claim (see the module comment), or undefined when it is prose. */
export const parseClaim = (comment: string): Expected | undefined => {
  const c = comment.trim()
  if (/^throws\b/.test(c)) return { kind: "throws", message: /"([^"]+)"/.exec(c)?.[1] }
  const parser = new ValueParser(c)
  try {
    const value = parser.value()
    parser.skipSpace()
    const rest = parser.rest()
    if (rest !== "" && !/^(\(|:|=|,? ?\(|—|-|;|\.|\s)/.test(rest)) return undefined
    return { kind: "value", value }
  } catch {
    return undefined
  }
}

class ValueParser {
  private i = 0
  constructor(private readonly s: string) {}
  rest(): string {
    return this.s.slice(this.i)
  }
  skipSpace(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++
  }
  private eat(t: string): boolean {
    this.skipSpace()
    if (this.s.startsWith(t, this.i)) {
      this.i += t.length
      return true
    }
    return false
  }
  private expect(t: string): void {
    if (!this.eat(t)) throw new Error(`expected ${t} at ${this.i}`)
  }
  value(): unknown {
    this.skipSpace()
    if (this.eat("...") || this.eat("…")) return ELLIPSIS
    for (
      const [word, v] of [["true", true], ["false", false], ["NaN", NaN], ["undefined", undefined], ["null", null]]
    ) {
      if (this.s.startsWith(word as string, this.i) && !/\w/.test(this.s[this.i + (word as string).length] ?? "")) {
        this.i += (word as string).length
        return v
      }
    }
    for (const typed of ["Float64Array", "Int32Array", "Uint8Array"]) {
      if (this.eat(`${typed} `)) return { typed, items: this.array() }
    }
    for (const tag of ["Right", "Left"]) {
      if (this.eat(`${tag}(`)) {
        const inner = this.value()
        this.expect(")")
        return { tag, inner }
      }
    }
    const instance = /^([A-Z][\w$]*) \{/.exec(this.s.slice(this.i))
    if (instance !== null) {
      this.i += instance[1].length
      return { instanceOf: instance[1], fields: this.object() }
    }
    const ch = this.s[this.i]
    if (ch === "[") return this.array()
    if (ch === "{") return this.object()
    if (ch === "\"") {
      const m = /^"(?:[^"\\]|\\.)*"/.exec(this.s.slice(this.i))
      if (m === null) throw new Error("string")
      this.i += m[0].length
      return JSON.parse(m[0])
    }
    const m = /^-?(?:\d+\.?\d*|\.\d+)(\.\.\.|…)?(?:e[-+]?\d+)?(\.\.\.|…)?/i.exec(this.s.slice(this.i))
    if (m === null || m[0] === "-") throw new Error("not a value")
    this.i += m[0].length
    const digits = m[0].replace(/\.\.\.|…/g, "")
    return m[1] !== undefined || m[2] !== undefined ? { approx: digits } : { approx: digits, exact: true }
  }
  private array(): Array<unknown> {
    this.expect("[")
    const items: Array<unknown> = []
    if (this.eat("]")) return items
    do items.push(this.value())
    while (this.eat(","))
    this.expect("]")
    return items
  }
  private object(): Record<string | symbol, unknown> {
    this.expect("{")
    const o: Record<string | symbol, unknown> = {}
    if (this.eat("}")) return o
    do {
      this.skipSpace()
      if (this.eat("...") || this.eat("…")) {
        o[ELLIPSIS] = true
        continue
      }
      const key = /^(?:"[^"]*"|[A-Za-z_$][\w$]*)/.exec(this.s.slice(this.i))
      if (key === null) throw new Error("key")
      this.i += key[0].length
      const name = key[0].startsWith("\"") ? JSON.parse(key[0]) : key[0]
      // shorthand `{ p, method }`: the key must exist, any value
      if (!this.eat(":")) {
        o[name] = ELLIPSIS
        continue
      }
      o[name] = this.value()
    } while (this.eat(","))
    this.expect("}")
    return o
  }
}

const numberMatches = (actual: unknown, printed: Approx & { exact?: boolean }): boolean => {
  if (typeof actual !== "number") return false
  const text = printed.approx
  if (String(actual) === text) return true
  const expected = Number(text)
  if (!printed.exact) {
    // "starts with these digits": the value truncated or rounded to the printed digits
    const [mantissa, exp] = text.toLowerCase().split("e")
    const decimals = (mantissa.split(".")[1] ?? "").length
    const scale = 10 ** Number(exp ?? 0)
    return Math.abs(actual - expected) <= 10 ** -decimals * scale * (1 + 1e-9)
  }
  const digits = text.replace(/e.*$/i, "").replace(/^-?0*\.?0*/, "").replace(".", "").length
  if (digits >= 15) return Math.abs(actual - expected) <= 1e-15 * Math.abs(expected) + Number.MIN_VALUE
  const [mantissa, exp] = text.toLowerCase().split("e")
  const decimals = (mantissa.split(".")[1] ?? "").length
  const scale = 10 ** Number(exp ?? 0)
  return Math.abs(actual - expected) <= 0.5 * 10 ** -decimals * scale * (1 + 1e-9)
}

/** Where `actual` differs from the printed `expected`, or undefined when it matches. */
export const mismatch = (actual: unknown, expected: unknown, path = "value"): string | undefined => {
  if (expected === ELLIPSIS) return undefined
  if (isApprox(expected)) {
    return numberMatches(actual, expected)
      ? undefined
      : `${path}: ${String(actual)} does not print as ${expected.approx}`
  }
  if (typeof expected === "number" && Number.isNaN(expected)) {
    return Number.isNaN(actual) ? undefined : `${path}: ${String(actual)} is not NaN`
  }
  if (expected === null || typeof expected !== "object") {
    return Object.is(actual, expected)
      ? undefined
      : `${path}: ${JSON.stringify(actual)} !== ${JSON.stringify(expected)}`
  }
  if ("typed" in expected) {
    const e = expected as { typed: string; items: Array<unknown> }
    const ctor = (actual as object | null)?.constructor?.name
    if (ctor !== e.typed) return `${path}: a ${ctor} where the example prints a ${e.typed}`
    return mismatch(Array.from(actual as ArrayLike<number>), e.items, path)
  }
  if ("instanceOf" in expected) {
    const e = expected as { instanceOf: string; fields: unknown }
    const ctor = (actual as object | null)?.constructor?.name
    if (ctor !== e.instanceOf) return `${path}: a ${ctor} where the example prints a ${e.instanceOf}`
    return mismatch(actual, e.fields, path)
  }
  if ("tag" in expected) {
    const e = expected as { tag: string; inner: unknown }
    const a = actual as { _tag?: string; right?: unknown; left?: unknown }
    if (a?._tag !== e.tag) return `${path}: ${a?._tag} where the example prints ${e.tag}`
    return mismatch(e.tag === "Right" ? a.right : a.left, e.inner, `${path}.${e.tag.toLowerCase()}`)
  }
  if (Array.isArray(expected)) {
    const a = ArrayBuffer.isView(actual) ? Array.from(actual as unknown as ArrayLike<number>) : actual
    if (!Array.isArray(a)) return `${path}: ${JSON.stringify(actual)} is not an array`
    const open = expected.at(-1) === ELLIPSIS
    const items = open ? expected.slice(0, -1) : expected
    if (open ? a.length < items.length : a.length !== items.length) {
      return `${path}: ${a.length} items where the example prints ${items.length}${open ? " or more" : ""}`
    }
    for (let k = 0; k < items.length; k++) {
      const m = mismatch(a[k], items[k], `${path}[${k}]`)
      if (m !== undefined) return m
    }
    return undefined
  }
  if (typeof actual !== "object" || actual === null) return `${path}: ${JSON.stringify(actual)} is not an object`
  for (const key of Object.keys(expected)) {
    if (!(key in actual)) return `${path}.${key} is missing`
    const m = mismatch(
      (actual as Record<string, unknown>)[key],
      (expected as Record<string, unknown>)[key],
      `${path}.${key}`
    )
    if (m !== undefined) return m
  }
  return undefined
}

/**
 * Finds the claims of an example: an expression statement (or a `const x = expression`) whose trailing `//`
 * comment, on its own last line or on the lines right after it, reads as a value. Wraps each such expression in
 * `__claim(k, () => (expression))`.
 */
const toProgram = (code: string): { program: string; claims: Array<{ expected: Expected; text: string }> } => {
  const claims: Array<{ expected: Expected; text: string }> = []
  const source = ts.createSourceFile("example.ts", code, ts.ScriptTarget.ES2022, true)
  const edits: Array<{ start: number; end: number; text: string }> = []
  const statements = source.statements
  statements.forEach((statement, k) => {
    const gapEnd = k + 1 < statements.length ? statements[k + 1].getStart(source) : code.length
    const gap = code.slice(statement.end, gapEnd)
    // the comment on the statement's line, or a run of comment lines right below it
    const m = /^[ \t]*(?:;[ \t]*)?\/\/ ?(.*)((?:\n[ \t]*\/\/ ?.*)*)/.exec(gap) ??
      /^[ \t]*\n[ \t]*\/\/ ?(.*)((?:\n[ \t]*\/\/ ?.*)*)/.exec(gap)
    if (m === null) return
    const continuation = m[2].split("\n").map((l) => l.replace(/^[ \t]*\/\/ ?/, "")).join(" ")
    const expected = parseClaim(`${m[1]} ${continuation}`.trim()) ?? parseClaim(m[1])
    if (expected === undefined) return
    let expr: ts.Expression | undefined
    if (ts.isExpressionStatement(statement)) expr = statement.expression
    else if (ts.isVariableStatement(statement) && statement.declarationList.declarations.length === 1) {
      expr = statement.declarationList.declarations[0].initializer
    }
    if (expr === undefined) return
    claims.push({ expected, text: m[1] })
    edits.push({
      start: expr.getStart(source),
      end: expr.end,
      text: `__claim(${claims.length - 1}, () => (${expr.getText(source)}))`
    })
  })
  let program = code
  for (const e of edits.reverse()) program = program.slice(0, e.start) + e.text + program.slice(e.end)
  return { program, claims }
}

/** Runs one example with `scope` (name -> value) and checks its claims. */
export const runExample = (example: Example, scope: Record<string, unknown>): Outcome => {
  const { program, claims } = toProgram(example.code)
  const problems: Array<string> = []
  let checked = 0
  const claim = (k: number, f: () => unknown) => {
    const c = claims[k]
    let value: unknown
    try {
      value = f()
    } catch (e) {
      if (c.expected.kind === "throws") {
        checked++
        const msg = (e as Error).message ?? String(e)
        if (c.expected.message !== undefined && !msg.includes(c.expected.message)) {
          problems.push(`throws "${msg}", the example says "${c.expected.message}"`)
        }
        return undefined
      }
      throw e
    }
    checked++
    if (c.expected.kind === "throws") problems.push(`does not throw (${c.text})`)
    else {
      const m = mismatch(value, c.expected.value)
      if (m !== undefined) problems.push(`${m} (// ${c.text})`)
    }
    return value
  }
  let js: string
  try {
    js = transpile(program)
  } catch (e) {
    return { example, claims: 0, problems: [], notRun: `does not parse: ${String(e)}` }
  }
  if (/\bimport\b|\byield\b|\bawait\b/.test(js)) {
    return { example, claims: 0, problems: [], notRun: "uses import, yield or await" }
  }
  const names = Object.keys(scope).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n))
  try {
    new Function("__claim", ...names, js)(claim, ...names.map((n) => scope[n]))
  } catch (e) {
    if (e instanceof ReferenceError || /ENOENT|is not defined/.test(String(e))) {
      return { example, claims: checked, problems, notRun: String(e) }
    }
    problems.push(`throws ${String(e)}`)
  }
  return { example, claims: checked, problems }
}
