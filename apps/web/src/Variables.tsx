import { useEffect, useState } from "preact/hooks"
import { apiClient, call } from "./api.js"
import type { Ui } from "./App.js"
import type { DatasetRef } from "./Datasets.js"
import { ErrorMessage } from "./ErrorMessage.js"
import { formatNumber } from "./i18n.js"

type Bilingual = { readonly vi: string; readonly en: string }

/** A stored column as the dataset's metadata describes it (counts only). */
export interface ColumnSummary {
  readonly name: string
  readonly type: "codes" | "numeric"
  readonly label?: Bilingual | undefined
  readonly valid: number
  readonly systemMissing: number
  readonly userMissing: number
}

interface ValueLabel {
  readonly code: number
  readonly label: Bilingual
}
interface Scale {
  readonly values?: ReadonlyArray<ValueLabel>
  readonly missing?: { readonly values?: ReadonlyArray<number> }
  readonly measure?: string
}
interface CodebookVariable extends Scale {
  readonly name: string
  readonly scale?: string
}
interface CodebookFile {
  readonly variables?: ReadonlyArray<CodebookVariable>
  readonly scales?: Readonly<Record<string, Scale>>
}

/** A variable's value labels, measure and missing codes, from its own entry or its response scale. */
const describe = (codebook: CodebookFile | undefined, name: string) => {
  const v = codebook?.variables?.find((x) => x.name === name)
  const scale = v?.scale !== undefined ? codebook?.scales?.[v.scale] : undefined
  return {
    values: v?.values ?? scale?.values ?? [],
    missing: v?.missing?.values ?? scale?.missing?.values ?? [],
    measure: v?.measure ?? scale?.measure
  }
}

/**
 * SPSS's Variable View, read-only for now: each column with its label, measure, value labels (missing codes
 * marked) and its valid and missing counts.
 */
export const VariableView = ({
  ui,
  csrf,
  dataset,
  columns
}: {
  ui: Ui
  csrf: string
  dataset: DatasetRef
  columns: ReadonlyArray<ColumnSummary>
}) => {
  const [codebook, setCodebook] = useState<CodebookFile | undefined>()
  const [error, setError] = useState<unknown>()
  useEffect(() => {
    if (dataset.codebook === null) return
    apiClient(csrf)
      .then((api) => call(api.codebooks.get({ path: { id: dataset.codebook! } })))
      .then(
        (c) => setCodebook(c as CodebookFile),
        (e) => ui.fail(e, setError)
      )
  }, [dataset.codebook])
  const { lang } = ui
  return (
    <details class="card variables">
      <summary>
        <h2>{ui.t("variableView")}</h2>
      </summary>
      {error !== undefined && <ErrorMessage lang={lang} error={error} />}
      <div class="scroll">
        <table class="list" data-testid="variables">
          <thead>
            <tr>
              <th scope="col">{ui.t("name")}</th>
              <th scope="col">{ui.t("label")}</th>
              <th scope="col">{ui.t("measure")}</th>
              <th scope="col">{ui.t("values")}</th>
              <th scope="col" class="num">
                {ui.t("valid")}
              </th>
              <th scope="col" class="num">
                {ui.t("missing")}
              </th>
            </tr>
          </thead>
          <tbody>
            {columns.map((c) => {
              const d = describe(codebook, c.name)
              return (
                <tr key={c.name}>
                  <th scope="row">
                    <code>{c.name}</code>
                  </th>
                  <td>{c.label?.[lang] ?? ""}</td>
                  <td>
                    {c.type === "numeric"
                      ? ui.t("numeric")
                      : d.measure !== undefined
                        ? ui.t(measureKey(d.measure))
                        : ""}
                  </td>
                  <td class="values">
                    {d.values.map((v) => (
                      <span key={v.code} class={d.missing.includes(v.code) ? "value missing" : "value"}>
                        {v.code} = {v.label[lang]}
                        {d.missing.includes(v.code) ? ` (${ui.t("missingCode")})` : ""}
                      </span>
                    ))}
                  </td>
                  <td class="num">{formatNumber(lang, c.valid)}</td>
                  <td class="num">{formatNumber(lang, c.systemMissing + c.userMissing)}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </details>
  )
}

const measureKey = (m: string) => (m === "nominal" ? "nominal" : m === "ordinal" ? "ordinal" : "scale")
