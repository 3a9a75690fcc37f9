import type {
  CrosstabResult,
  DescribeResult,
  FrequenciesResult,
  LayeredCrosstabResult,
  LikertResult,
  MeansResult,
  MultipleResponseResult
} from "@danvan/analysis"
import { useEffect, useState } from "preact/hooks"
import { apiClient, call } from "./api.js"
import type { Ui } from "./App.js"
import type { Lang } from "./i18n.js"
import type { DatasetRef } from "./Datasets.js"
import { ErrorMessage } from "./ErrorMessage.js"
import { ReportDownload } from "./Report.js"
import { AddToReport, ReportBuilder } from "./ReportBuilder.js"
import { type ReportItem, sectionOf } from "./reportPlan.js"
import { VariableView, type ColumnSummary } from "./Variables.js"
import type { CodebookFile } from "./codebookFile.js"
import { RecipeForm } from "./RecipeForm.js"
import { CommandBox, CrosstabView, FrequenciesView } from "./Results.js"
import { DescribeView, LayeredView, LikertView, MeansView, MrView } from "./GroupResults.js"
import { DesignFields } from "./DesignFields.js"
import {
  type CodebookSets,
  type Choices,
  designOf,
  type DesignForm,
  KINDS,
  type Kind,
  NO_DESIGN,
  NO_WEIGHT,
  runKind,
  setsOf
} from "./runKind.js"

type Variable = ColumnSummary

/** A result and the CLI line that repeats it (made in the page's current language when shown). */
export type Result =
  | { kind: "crosstab"; result: CrosstabResult; command: (lang: Lang) => string }
  | { kind: "layered"; result: LayeredCrosstabResult; command: (lang: Lang) => string }
  | { kind: "frequencies"; result: ReadonlyArray<FrequenciesResult>; command: (lang: Lang) => string }
  | { kind: "mr"; result: MultipleResponseResult; command: (lang: Lang) => string }
  | { kind: "likert"; result: LikertResult; command: (lang: Lang) => string }
  | { kind: "means"; result: MeansResult; command: (lang: Lang) => string }
  | { kind: "describe"; result: ReadonlyArray<DescribeResult>; command: (lang: Lang) => string }

const Select = ({
  id,
  label,
  value,
  options,
  onChange
}: {
  id: string
  label: string
  value: string
  options: ReadonlyArray<{ value: string; text: string }>
  onChange: (v: string) => void
}) => (
  <div class="field">
    <label for={id}>{label}</label>
    <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.text}
        </option>
      ))}
    </select>
  </div>
)

const ResultView = ({ ui, result }: { ui: Ui; result: Result }) => {
  switch (result.kind) {
    case "crosstab":
      return <CrosstabView ui={ui} r={result.result} />
    case "layered":
      return <LayeredView ui={ui} r={result.result} />
    case "frequencies":
      return <>{result.result.map((f) => <FrequenciesView key={f.variable.name} ui={ui} r={f} />)}</>
    case "mr":
      return <MrView ui={ui} r={result.result} />
    case "likert":
      return <LikertView ui={ui} r={result.result} />
    case "means":
      return <MeansView ui={ui} r={result.result} />
    case "describe":
      return <DescribeView ui={ui} results={result.result} />
  }
}

/** One dataset's analyses by clicking: crosstab, frequencies, sets by group, means by group, describe. */
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
  const [codebook, setCodebook] = useState<CodebookFile | undefined>()
  const [sets, setSets] = useState<CodebookSets>({ mr: [], likert: [] })
  const variables = columns.filter((v) => v.type === "codes")
  const [kind, setKind] = useState<Kind>("crosstab")
  const [choices, setChoices] = useState<Choices>({ row: "", col: "", layer: "", weight: "", set: "" })
  const choose = (key: keyof Choices) => (value: string) => setChoices((c) => ({ ...c, [key]: value }))
  const [design, setDesign] = useState<DesignForm>(NO_DESIGN)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<Result | undefined>()
  // The picked result's report item (plan section and weight), made when it ran; the report builder's list.
  const [ran, setRan] = useState<ReportItem | undefined>()
  const [reportItems, setReportItems] = useState<ReadonlyArray<ReportItem>>([])
  const [error, setError] = useState<unknown>()

  // A new screen: keyboard and screen-reader users start at its heading.
  useEffect(() => document.getElementById("analysis-title")?.focus(), [])

  useEffect(() => {
    apiClient(csrf)
      .then(async (api) => {
        const meta = await call(api.datasets.get({ path: { id: dataset.id } }))
        setColumns(meta.variables)
        // The dataset's own codebook (the file's, the one it was checked against, or as edited in the Variable View).
        const own = (await call(api.datasets.getCodebook({ path: { id: dataset.id } }))) as CodebookFile
        setCodebook(own)
        setSets(setsOf(own))
      })
      .catch((e) => ui.fail(e, setError))
  }, [dataset.id])

  const runAnalysis = async (event: Event) => {
    event.preventDefault()
    setError(undefined)
    setBusy(true)
    try {
      const outcome = await runKind(kind, choices, dataset, csrf, design)
      if ("invalid" in outcome) {
        setResult(undefined)
        setError({ status: -1, text: ui.t(outcome.invalid) })
      } else {
        setResult(outcome)
        const label = (n: string) => columns.find((v) => v.name === n)?.label ?? { vi: n, en: n }
        const section = sectionOf(kind, choices, label, sets)
        const weight = kind === "frequencies" ? undefined : choices.weight
        setRan(section && { key: `${kind}-${Date.now()}`, section, weight, design: designOf(design) })
      }
    } catch (e) {
      setResult(undefined)
      ui.fail(e, setError)
    } finally {
      setBusy(false)
    }
  }

  // A choice the new kind's lists do not offer is cleared, so what runs is what the form shows.
  const switchKind = (k: Kind) => {
    const coded = (v: string) => (variables.some((x) => x.name === v) ? v : "")
    setKind(k)
    setChoices((c) => ({ ...c, set: "", ...(k === "means" || k === "describe" ? {} : { row: coded(c.row) }), col: coded(c.col) }))
  }
  const name = (v: Variable) => (v.label !== undefined ? `${v.label[ui.lang]} (${v.name})` : v.name)
  const pick = (list: ReadonlyArray<Variable>, first: string) => [
    { value: "", text: first },
    ...list.map((v) => ({ value: v.name, text: name(v) }))
  ]
  const setList = kind === "mr" ? sets.mr : sets.likert
  const groupKinds: ReadonlyArray<Kind> = ["mr", "likert", "means"]
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
            {KINDS.map((k) => (
              <label key={k}>
                <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => switchKind(k)} /> {ui.t(k)}
              </label>
            ))}
          </fieldset>
          <div class="row">
            {(kind === "mr" || kind === "likert") && (
              <Select
                id="set"
                label={ui.t("set")}
                value={choices.set}
                options={[{ value: "", text: setList.length === 0 ? ui.t("noSets") : ui.t("choose") }, ...setList.map((s) => ({ value: s.name, text: `${s.label[ui.lang]} (${s.name})` }))]}
                onChange={choose("set")}
              />
            )}
            {(kind === "means" || kind === "describe") && (
              <Select id="numeric-var" label={ui.t("numericVar")} value={choices.row} options={pick(columns, ui.t("choose"))} onChange={choose("row")} />
            )}
            {(kind === "crosstab" || kind === "frequencies") && (
              <Select
                id="row-var"
                label={kind === "crosstab" ? ui.t("rowVar") : ui.t("variable")}
                value={choices.row}
                options={pick(variables, ui.t("choose"))}
                onChange={choose("row")}
              />
            )}
            {kind === "crosstab" && (
              <Select id="col-var" label={ui.t("colVar")} value={choices.col} options={pick(variables, ui.t("choose"))} onChange={choose("col")} />
            )}
            {groupKinds.includes(kind) && (
              <Select id="group-var" label={ui.t("groupVar")} value={choices.col} options={pick(variables, ui.t("choose"))} onChange={choose("col")} />
            )}
            {kind === "crosstab" && (
              <Select id="layer-var" label={ui.t("layerVar")} value={choices.layer} options={pick(variables, ui.t("noLayer"))} onChange={choose("layer")} />
            )}
          </div>
          <DesignFields
            ui={ui}
            columns={columns}
            design={design}
            setDesign={setDesign}
            weight={kind !== "frequencies" && (
              <Select
                id="weight-var"
                label={ui.t("weightVar")}
                value={choices.weight}
                options={[
                  { value: "", text: ui.t("weightDefault") },
                  { value: NO_WEIGHT, text: ui.t("noWeight") },
                  ...columns.filter((v) => v.type === "numeric").map((v) => ({ value: v.name, text: name(v) }))
                ]}
                onChange={choose("weight")}
              />
            )}
          />
          <button type="submit" class="primary" disabled={busy}>
            {busy ? ui.t("running") : ui.t("run")}
          </button>
        </form>
        {error !== undefined && <ErrorMessage lang={ui.lang} error={error} />}
      </section>
      {result !== undefined && (
        <section class="card" aria-label={ui.t(result.kind === "layered" ? "crosstab" : result.kind)} data-testid="result">
          <ResultView ui={ui} result={result} />
          <CommandBox ui={ui} command={result.command(ui.lang)} />
          <AddToReport key={ran?.key} ui={ui} item={ran} items={reportItems} setItems={setReportItems} />
        </section>
      )}
      <ReportBuilder ui={ui} csrf={csrf} dataset={dataset} items={reportItems} setItems={setReportItems} />
      {columns.length > 0 && (
        <VariableView
          ui={ui}
          csrf={csrf}
          dataset={dataset}
          columns={columns}
          codebook={codebook}
          onSaved={(saved, next) => {
            setColumns(saved)
            setCodebook(next)
            setSets(setsOf(next))
          }}
        />
      )}
      {columns.length > 0 && <RecipeForm ui={ui} csrf={csrf} dataset={dataset} columns={columns} />}
      {/* The built-in plan of the dataset's codebook (only hcmc-2024 has one today). */}
      {dataset.codebook === "hcmc-2024" && <ReportDownload ui={ui} csrf={csrf} dataset={dataset} />}
    </>
  )
}
