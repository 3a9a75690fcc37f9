export * from "./chart/index.js"
