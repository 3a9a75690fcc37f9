// ESLint 9 flat config: typescript-eslint, Effect's plugin (its `@effect/dprint` rule is the formatter: dprint's
// TypeScript plugin configured to the repo's style) and sorted imports. `pnpm lint` checks, `pnpm format` fixes.
import effect from "@effect/eslint-plugin"
import js from "@eslint/js"
import simpleImportSort from "eslint-plugin-simple-import-sort"
import tseslint from "typescript-eslint"

/** The repo's style: no semicolons, double quotes, 2 spaces, lines up to 120, no trailing commas. */
const dprint = {
  indentWidth: 2,
  lineWidth: 120,
  semiColons: "asi",
  quoteStyle: "alwaysDouble",
  trailingCommas: "never",
  operatorPosition: "maintain",
  "arrowFunction.useParentheses": "force",
  // simple-import-sort orders imports; dprint keeps its hands off them (two sorters fight)
  "module.sortImportDeclarations": "maintain",
  "module.sortExportDeclarations": "maintain",
  "importDeclaration.sortNamedImports": "maintain",
  "exportDeclaration.sortNamedExports": "maintain"
}

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      "**/.vitest/**",
      "**/.artifacts/**",
      "**/.turbo/**",
      "**/coverage/**",
      "docs/api/**"
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,mts,mjs,js}"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: {
        process: "readonly",
        console: "readonly",
        Buffer: "readonly",
        URL: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        setInterval: "readonly",
        clearInterval: "readonly",
        setImmediate: "readonly",
        TextEncoder: "readonly",
        TextDecoder: "readonly",
        AbortController: "readonly",
        AbortSignal: "readonly",
        fetch: "readonly",
        performance: "readonly",
        structuredClone: "readonly",
        globalThis: "readonly",
        queueMicrotask: "readonly",
        document: "readonly",
        window: "readonly"
      }
    },
    plugins: { "@effect": effect, "simple-import-sort": simpleImportSort },
    rules: {
      "@effect/dprint": ["error", { config: dprint }],
      // one block, no blank lines (the repo's style): side effects, node:, packages, then relative paths
      "simple-import-sort/imports": ["error", { groups: [["^\\u0000", "^node:", "^@?\\w", "^", "^\\."]] }],
      "simple-import-sort/exports": "off",
      // tests read fixtures as `any`, and the codebase narrows with guards where it matters
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true }
      ],
      // Effect's generators (`Effect.gen(function*() { ... })`) may not yield
      "require-yield": "off",
      "no-constant-condition": ["error", { checkLoops: false }],
      // coefficient tables (Lanczos, zeta, Wichura's AS 241) are copied at their published precision on purpose
      "no-loss-of-precision": "off",
      // dprint wraps code at 120 but not comments: a comment over 120 is an error (long strings, template
      // literals, URLs and regular expressions are let through)
      "max-len": [
        "error",
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreUrls: true, ignoreRegExpLiterals: true }
      ]
    }
  }
)
