import { Fragment } from "preact"
import { useState } from "preact/hooks"
import { apiClient, call } from "./api.js"
import type { Ui } from "./App.js"
import type { Client } from "./client.js"
import { type Bilingual, type CodebookFile, resolved, type VariableJson, withVariable } from "./codebookFile.js"
import type { DatasetRef } from "./Datasets.js"
import { SetsEditor } from "./SetsEditor.js"
import { ErrorMessage } from "./ErrorMessage.js"
import { formatNumber } from "./i18n.js"
import { VariableEditor } from "./VariableEditor.js"

/** A stored column as the dataset's metadata describes it (counts only). */
export interface ColumnSummary {
  readonly name: string
  readonly type: "codes" | "numeric"
  readonly label?: Bilingual | undefined
  readonly valid: number
  readonly systemMissing: number
  readonly userMissing: number
}

type Payload = Parameters<Client["datasets"]["putCodebook"]>[0]["payload"]

/** The entry the editor starts from: the codebook's, else one made from the column (label = its name). */
const entryOf = (codebook: CodebookFile | undefined, c: ColumnSummary): VariableJson =>
  resolved(codebook, c.name) ??
    (c.type === "numeric"
      ? { name: c.name, label: { vi: c.name, en: c.name }, kind: "numeric", measure: "scale" }
      : { name: c.name, label: { vi: c.name, en: c.name }, kind: "single", measure: "nominal", values: [] })

const measureKey = (m: string) => (m === "nominal" ? "nominal" : m === "ordinal" ? "ordinal" : "scale")

/**
 * SPSS's Variable View: each column with its label, measure, value labels (missing codes marked) and its valid
 * and missing counts; "Edit" opens a form for one variable, saved as the dataset's codebook
 * (`PUT /v1/datasets/{id}/codebook`, checked against the stored columns); later analyses use the new labels.
 */
export const VariableView = ({
  ui,
  csrf,
  dataset,
  columns,
  codebook,
  onSaved
}: {
  ui: Ui
  csrf: string
  dataset: DatasetRef
  columns: ReadonlyArray<ColumnSummary>
  codebook: CodebookFile | undefined
  onSaved: (columns: ReadonlyArray<ColumnSummary>, codebook: CodebookFile) => void
}) => {
  const [error, setError] = useState<unknown>()
  const [editing, setEditing] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)
  // The variable last saved, said in the page's language.
  const [saved, setSaved] = useState<{ key: "codebookSaved" | "setSaved"; name: string }>()
  const { lang } = ui
  const save = (variable: VariableJson) =>
    codebook === undefined ? undefined : put(withVariable(codebook, variable), variable.name)
  // The whole codebook sent (a variable's or a set's edit), said as saved under `name`.
  const put = async (next: CodebookFile, name: string, key: "codebookSaved" | "setSaved" = "codebookSaved") => {
    setBusy(true)
    setError(undefined)
    try {
      const api = await apiClient(csrf)
      const meta = await call(api.datasets.putCodebook({ path: { id: dataset.id }, payload: next as Payload }))
      onSaved(meta.variables, next)
      setEditing(undefined)
      setSaved({ key, name })
    } catch (e) {
      ui.fail(e, setError)
    } finally {
      setBusy(false)
    }
  }
  const column = columns.find((c) => c.name === editing)
  return (
    <details class="card variables">
      <summary>
        <h2>{ui.t("variableView")}</h2>
      </summary>
      <p class="muted">{ui.t("variableViewHelp")}</p>
      {saved !== undefined && <p class="notice" role="status">{ui.t(saved.key, { name: saved.name })}</p>}
      {error !== undefined && <ErrorMessage lang={lang} error={error} />}
      {column !== undefined && (
        <VariableEditor
          key={column.name}
          ui={ui}
          initial={entryOf(codebook, column)}
          busy={busy}
          onSave={save}
          onCancel={() => {
            setEditing(undefined)
            setError(undefined)
          }}
        />
      )}
      <div class="scroll">
        <table class="list" data-testid="variables">
          <thead>
            <tr>
              <th scope="col">{ui.t("name")}</th>
              <th scope="col">{ui.t("label")}</th>
              <th scope="col">{ui.t("measure")}</th>
              <th scope="col">{ui.t("values")}</th>
              <th scope="col" class="num">{ui.t("valid")}</th>
              <th scope="col" class="num">{ui.t("missing")}</th>
              <th scope="col">{ui.t("actions")}</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((c) => {
              const d = resolved(codebook, c.name)
              const missing = d?.missing?.values ?? []
              return (
                <tr key={c.name}>
                  <th scope="row">
                    {/* A long name may break after an underscore (q5_other_text), not mid-word. */}
                    <code>{c.name.split(/(?<=_)/).map((part, i) => <Fragment key={i}>{part}<wbr /></Fragment>)}</code>
                  </th>
                  <td class="label">{c.label?.[lang] ?? ""}</td>
                  <td>
                    {c.type === "numeric" ? ui.t("numeric") : d?.measure !== undefined ? ui.t(measureKey(d.measure)) : ""}
                  </td>
                  <td class="values">
                    {(d?.values ?? []).map((v) => (
                      <span key={v.code} class={missing.includes(v.code) ? "value missing" : "value"}>
                        {v.code} = {v.label[lang]}
                        {missing.includes(v.code) ? ` (${ui.t("missingCode")})` : ""}
                      </span>
                    ))}
                  </td>
                  <td class="num">{formatNumber(lang, c.valid)}</td>
                  <td class="num">{formatNumber(lang, c.systemMissing + c.userMissing)}</td>
                  <td>
                    <button
                      type="button"
                      class="link"
                      disabled={codebook === undefined}
                      aria-label={ui.t("editVariable", { name: c.name })}
                      onClick={() => {
                        setSaved(undefined)
                        setError(undefined)
                        setEditing(c.name)
                      }}
                    >
                      {ui.t("edit")}
                    </button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      {codebook !== undefined && <SetsEditor ui={ui} codebook={codebook} columns={columns} busy={busy}
          onSave={(next, name) => put(next, name, "setSaved")} />}
    </details>
  )
}
