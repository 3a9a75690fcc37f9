export type { BinaryOp, Expr, ExprType, FunctionName, InItem } from "./ast.js"
export { FUNCTIONS } from "./ast.js"
export { ExpressionSyntaxError, tokenize as tokenizeExpression } from "./tokenize.js"
export type { Token } from "./tokenize.js"
export { parseExpression } from "./parse.js"
export {
  compile as compileExpression,
  ExpressionError,
  typeOf as expressionType,
  variablesOf as expressionVariables
} from "./compile.js"
export type { ColumnSource, Env, Scope } from "./compile.js"
export { validateRecipe } from "./validate.js"
export type { Shape } from "./validate.js"
export type { RecipeLogEntry } from "./state.js"
export { applyRecipe, FILTER_VARIABLE } from "./apply.js"
export type { OtherData, PreparedData } from "./apply.js"
export { checkData } from "./check.js"
export type { CheckFinding, CheckReport } from "./check.js"
