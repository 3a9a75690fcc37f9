/** The syntax tree of a recipe expression. `pos` is the 1-based character where the node starts. */
export type Expr =
  | { readonly kind: "number"; readonly value: number; readonly pos: number }
  | { readonly kind: "var"; readonly name: string; readonly pos: number }
  | { readonly kind: "unary"; readonly op: "-" | "not"; readonly arg: Expr; readonly pos: number }
  | { readonly kind: "binary"; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr; readonly pos: number }
  | { readonly kind: "in"; readonly arg: Expr; readonly items: ReadonlyArray<InItem>; readonly pos: number }
  | { readonly kind: "varRange"; readonly from: string; readonly to: string; readonly pos: number }
  | {
    readonly kind: "call"
    readonly fn: FunctionName
    readonly minValid?: number
    readonly args: ReadonlyArray<Expr>
    readonly pos: number
  }

export type InItem = { readonly low: number; readonly high: number }

export type BinaryOp = "+" | "-" | "*" | "/" | "**" | "=" | "<>" | "<" | "<=" | ">" | ">=" | "and" | "or"

export const FUNCTIONS = [
  "MEAN",
  "SUM",
  "MIN",
  "MAX",
  "ANY",
  "RANGE",
  "MISSING",
  "SYSMIS",
  "VALUE",
  "ABS",
  "RND",
  "TRUNC"
] as const
export type FunctionName = (typeof FUNCTIONS)[number]

/** Result type of an expression: a number, or a logical value (true, false or missing). */
export type ExprType = "number" | "logical"
