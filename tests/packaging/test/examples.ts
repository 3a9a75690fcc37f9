/**
 * The runnable examples of a package README: its first ```ts block, and every other ```ts block right after a
 * line `<!-- runnable -->`. The install test runs and type-checks exactly these blocks against the installed
 * tarballs, so README and package cannot drift apart.
 */
export const readmeExamples = (readme: string): Array<string> => {
  const blocks: Array<string> = []
  const fence = /(^|\n)(<!-- runnable -->\n)?```ts\n([\s\S]*?)\n```/g
  let first = true
  for (const m of readme.matchAll(fence)) {
    if (first || m[2] !== undefined) blocks.push(m[3] + "\n")
    first = false
  }
  return blocks
}

/**
 * Relative imports in built JavaScript (static `from "./x.js"`, bare `import "./x.js"` and dynamic
 * `import("./x.js")`).
 */
export const relativeImports = (code: string): Array<string> =>
  [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1])

/** Whether built JavaScript imports the bare specifier `name` or a subpath of it. */
export const importsPackage = (code: string, name: string): boolean =>
  new RegExp(
    `(?:\\bfrom\\s*|\\bimport\\s*\\(?\\s*|\\brequire\\s*\\(\\s*)["']${
      name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")
    }(?:/[^"']*)?["']`
  ).test(code)
