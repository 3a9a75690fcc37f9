import type { Codebook, CodebookJson } from "./Codebook.js"

/**
 * The JSON (file) form of a decoded codebook: every variable with its value labels and missing codes written
 * out (scales resolved), so the output is a valid codebook file that decodes to the same codebook. The CLI's
 * `codebook show --format json` and the HTTP API's `GET /v1/codebooks/{id}` both print this form.
 *
 * @example
 * const json = codebookToJson(Either.getOrThrow(builtinCodebook("hcmc-2024")))
 * Either.isRight(decodeCodebook(json)) // true
 */
export const codebookToJson = (c: Codebook): CodebookJson => ({
  id: c.id,
  title: c.title,
  ...(c.description !== undefined ? { description: c.description } : {}),
  ...(c.source !== undefined ? { source: c.source } : {}),
  ...(c.groupVariable !== undefined ? { groupVariable: c.groupVariable } : {}),
  ...(c.weightVariable !== undefined ? { weightVariable: c.weightVariable } : {}),
  variables: c.variables.map((v) => ({
    name: v.name,
    label: v.label,
    kind: v.kind,
    measure: v.measure,
    // Decoded values are already in display order, so they need no added `order`.
    ...(v.values.length > 0 ? { values: v.values } : {}),
    ...(v.missing.values.length > 0 || v.missing.ranges.length > 0 ? { missing: v.missing } : {}),
    ...(v.question !== undefined ? { question: v.question } : {}),
    ...(v.role !== undefined ? { role: v.role } : {}),
    ...(v.note !== undefined ? { note: v.note } : {})
  })) as unknown as CodebookJson["variables"],
  ...(c.multipleResponseSets.length > 0 ? { multipleResponseSets: c.multipleResponseSets } : {}),
  ...(c.indicatorSets.length > 0 ? { indicatorSets: c.indicatorSets } : {}),
  ...(c.textVariables !== undefined && c.textVariables.length > 0 ? { textVariables: c.textVariables } : {})
})
