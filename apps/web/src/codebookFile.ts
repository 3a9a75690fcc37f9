/**
 * The codebook file form as the page reads and edits it (`GET/PUT /v1/datasets/{id}/codebook`): only what the
 * Variable View shows is typed; everything else in the file is kept as it came.
 */
export type Bilingual = { readonly vi: string; readonly en: string }

export interface ValueLabelJson {
  readonly code: number
  readonly label: Bilingual
  readonly order?: number
  readonly score?: number
  readonly name?: string
}
export interface MissingJson {
  readonly values?: ReadonlyArray<number>
  readonly ranges?: ReadonlyArray<{ readonly low: number; readonly high: number }>
}
export type Measure = "nominal" | "ordinal" | "scale"
export interface VariableJson {
  readonly name: string
  readonly label: Bilingual
  readonly kind: "single" | "multiple-response-item" | "likert-item" | "numeric"
  readonly measure?: Measure
  readonly scale?: string
  readonly values?: ReadonlyArray<ValueLabelJson>
  readonly missing?: MissingJson
}
export interface SetJson {
  readonly name: string
  readonly label: Bilingual
  readonly kind?: "multiple-response" | "likert"
  readonly items: ReadonlyArray<string>
}
export interface CodebookFile {
  readonly id: string
  readonly variables: ReadonlyArray<VariableJson>
  readonly scales?: Readonly<
    Record<string, { values?: ReadonlyArray<ValueLabelJson>; missing?: MissingJson; measure?: Measure }>
  >
  readonly multipleResponseSets?: ReadonlyArray<SetJson>
  readonly indicatorSets?: ReadonlyArray<SetJson>
  readonly [more: string]: unknown
}

/** A variable's entry with its response scale's values, missing codes and measure written into it. */
export const resolved = (codebook: CodebookFile | undefined, name: string): VariableJson | undefined => {
  const v = codebook?.variables.find((x) => x.name === name)
  if (v === undefined) return undefined
  const scale = v.scale !== undefined ? codebook?.scales?.[v.scale] : undefined
  const values = v.values ?? scale?.values
  const missing = v.missing ?? scale?.missing
  const measure = v.measure ?? scale?.measure
  return {
    name: v.name,
    label: v.label,
    kind: v.kind,
    ...(measure !== undefined ? { measure } : {}),
    ...(values !== undefined ? { values } : {}),
    ...(missing !== undefined ? { missing } : {})
  }
}

/**
 * Whether a Likert item's scores rise with the code order ("ascending"), fall ("descending"), or neither.
 *
 * @example
 * direction({ ...item, values: [{ code: 1, score: 1, label }, { code: 2, score: 2, label }] }) // "ascending"
 */
export const direction = (values: ReadonlyArray<ValueLabelJson>): "ascending" | "descending" | undefined => {
  const scores = values.filter((v) => v.score !== undefined).map((v) => v.score!)
  if (scores.length < 2) return undefined
  if (scores.every((s, i) => i === 0 || s > scores[i - 1]!)) return "ascending"
  if (scores.every((s, i) => i === 0 || s < scores[i - 1]!)) return "descending"
  return undefined
}

/**
 * The scores turned around (lowest <-> highest), for a Likert item whose direction is to be reversed.
 *
 * @example
 * reverseScores([{ code: 1, score: 1, label }, { code: 5, score: 5, label }]).map((v) => v.score) // [5, 1]
 */
export const reverseScores = (values: ReadonlyArray<ValueLabelJson>): Array<ValueLabelJson> => {
  const scores = values.filter((v) => v.score !== undefined).map((v) => v.score!)
  if (scores.length === 0) return [...values]
  const sum = Math.min(...scores) + Math.max(...scores)
  return values.map((v) => (v.score !== undefined ? { ...v, score: sum - v.score } : v))
}

/** The codebook with `variable` in place of its entry (added at the end when the codebook had none). */
export const withVariable = (codebook: CodebookFile, variable: VariableJson): CodebookFile => {
  const at = codebook.variables.findIndex((v) => v.name === variable.name)
  const variables = at < 0
    ? [...codebook.variables, variable]
    : codebook.variables.map((v, i) => (i === at ? variable : v))
  return { ...codebook, variables }
}
