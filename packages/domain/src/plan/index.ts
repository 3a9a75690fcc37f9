export * from "./schema.js"
export * from "./errors.js"
export * from "./decode.js"
export * from "./builtin.js"
