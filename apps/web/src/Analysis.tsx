import type { CrosstabResult, FrequenciesResult } from "@danvan/analysis"
import { useEffect, useState } from "preact/hooks"
import { apiClient, call } from "./api.js"
import type { Ui } from "./App.js"
import { crosstabCommand, frequenciesCommand } from "./command.js"
import type { DatasetRef } from "./Datasets.js"
import { ErrorMessage } from "./ErrorMessage.js"
import type { Lang } from "./i18n.js"
import { ReportDownload } from "./Report.js"
import { VariableView, type ColumnSummary } from "./Variables.js"
import { CommandBox, CrosstabView, FrequenciesView } from "./Results.js"

type Variable = ColumnSummary

/** A result and the CLI line that repeats it (made in the page's current language when shown). */
type Result =
  | { kind: "crosstab"; result: CrosstabResult; command: (lang: Lang) => string }
  | { kind: "frequencies"; result: ReadonlyArray<FrequenciesResult>; command: (lang: Lang) => string }

const VariableSelect = ({
  ui,
  id,
  label,
  value,
  variables,
  onChange
}: {
  ui: Ui
  id: string
  label: string
  value: string
  variables: ReadonlyArray<Variable>
  onChange: (v: string) => void
}) => (
  <div class="field">
    <label for={id}>{label}</label>
    <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
      <option value="">{ui.t("choose")}</option>
      {variables.map((v) => (
        <option key={v.name} value={v.name}>
          {v.label !== undefined ? `${v.label[ui.lang]} (${v.name})` : v.name}
        </option>
      ))}
    </select>
  </div>
)

/** One dataset's analyses by clicking: crosstab or frequencies of variables from its codebook. */
export const Analysis = ({
  ui,
  csrf,
  dataset,
  onBack
}: {
  ui: Ui
  csrf: string
  dataset: DatasetRef
  onBack: () => void
}) => {
  const [columns, setColumns] = useState<ReadonlyArray<Variable>>([])
  const variables = columns.filter((v) => v.type === "codes")
  const [kind, setKind] = useState<"crosstab" | "frequencies">("crosstab")
  const [row, setRow] = useState("")
  const [col, setCol] = useState("")
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<Result | undefined>()
  const [error, setError] = useState<unknown>()

  // A new screen: keyboard and screen-reader users start at its heading.
  useEffect(() => document.getElementById("analysis-title")?.focus(), [])

  useEffect(() => {
    apiClient(csrf)
      .then((api) => call(api.datasets.get({ path: { id: dataset.id } })))
      .then(
        (meta) => setColumns(meta.variables),
        (e) => ui.fail(e, setError)
      )
  }, [dataset.id])

  const source = { file: dataset.name, codebook: dataset.codebook }
  const runAnalysis = async (event: Event) => {
    event.preventDefault()
    setError(undefined)
    if (kind === "crosstab" && (row === "" || col === "")) return setError({ status: -1, text: ui.t("chooseBoth") })
    if (kind === "crosstab" && row === col) return setError({ status: -1, text: ui.t("chooseDifferent") })
    if (kind === "frequencies" && row === "") return setError({ status: -1, text: ui.t("chooseOne") })
    setBusy(true)
    try {
      const api = await apiClient(csrf)
      if (kind === "crosstab") {
        const r = await call(api.analyses.crosstab({ path: { id: dataset.id }, payload: { row, col } }))
        setResult({ kind, result: r as CrosstabResult, command: (lang) => crosstabCommand(source, row, col, lang) })
      } else {
        // apps/api/src/api.ts's `analysis` helper declares every analysis payload as CrosstabRequest (its cast), so
        // the frequencies payload cannot be typed here until that helper is generic in its payload.
        const payload = { variables: [row] } as unknown as { row: string; col: string }
        const r = await call(api.analyses.frequencies({ path: { id: dataset.id }, payload }))
        setResult({
          kind,
          result: r as ReadonlyArray<FrequenciesResult>,
          command: (lang) => frequenciesCommand(source, [row], lang)
        })
      }
    } catch (e) {
      setResult(undefined)
      ui.fail(e, setError)
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <p>
        <button type="button" class="link" onClick={onBack}>
          {ui.t("back")}
        </button>
      </p>
      <section class="card" aria-labelledby="analysis-title">
        <h2 id="analysis-title" tabIndex={-1}>
          {ui.t("analysis", { name: dataset.name })}
        </h2>
        <form onSubmit={runAnalysis}>
          <fieldset class="kinds">
            <legend>{ui.t("kind")}</legend>
            {(["crosstab", "frequencies"] as const).map((k) => (
              <label key={k}>
                <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} /> {ui.t(k)}
              </label>
            ))}
          </fieldset>
          <div class="row">
            <VariableSelect
              ui={ui}
              id="row-var"
              label={kind === "crosstab" ? ui.t("rowVar") : ui.t("variable")}
              value={row}
              variables={variables}
              onChange={setRow}
            />
            {kind === "crosstab" && (
              <VariableSelect
                ui={ui}
                id="col-var"
                label={ui.t("colVar")}
                value={col}
                variables={variables}
                onChange={setCol}
              />
            )}
          </div>
          <button type="submit" class="primary" disabled={busy}>
            {busy ? ui.t("running") : ui.t("run")}
          </button>
        </form>
        {error !== undefined && <ErrorMessage lang={ui.lang} error={error} />}
      </section>
      {result !== undefined && (
        <section class="card" aria-label={ui.t(result.kind)} data-testid="result">
          {result.kind === "crosstab" ? (
            <CrosstabView ui={ui} r={result.result} />
          ) : (
            result.result.map((f) => <FrequenciesView key={f.variable.name} ui={ui} r={f} />)
          )}
          <CommandBox ui={ui} command={result.command(ui.lang)} />
        </section>
      )}
      {columns.length > 0 && <VariableView ui={ui} csrf={csrf} dataset={dataset} columns={columns} />}
      {/* The built-in plan of the dataset's codebook (only hcmc-2024 has one today). */}
      {dataset.codebook === "hcmc-2024" && <ReportDownload ui={ui} csrf={csrf} dataset={dataset} />}
    </>
  )
}
