import { useEffect, useState } from "preact/hooks"
import { apiClient, call } from "./api.js"
import type { Ui } from "./App.js"
import type { DatasetRef } from "./Datasets.js"
import { ErrorMessage } from "./ErrorMessage.js"
import { formatNumber } from "./i18n.js"
import {
  describeStep,
  emptyFields,
  otherDatasets,
  prepareCommand,
  type RecipeStepJson,
  recipeOf,
  type StepFields,
  stepOf,
  type StepKind
} from "./recipe.js"
import { CommandBox } from "./Results.js"
import type { ColumnSummary } from "./Variables.js"

interface Prepared {
  readonly log: ReadonlyArray<{ readonly step: number; readonly op: string; readonly summary: string }>
  readonly rows: number
  readonly variables: ReadonlyArray<ColumnSummary>
  readonly dataset: { readonly id: string; readonly name: string; readonly rows: number } | null
}

const KINDS: ReadonlyArray<StepKind> = ["recode", "compute", "filter", "append", "merge"]
const KIND_KEY = {
  recode: "stepRecode",
  compute: "stepCompute",
  filter: "stepFilter",
  append: "stepAppend",
  merge: "stepMerge"
} as const
type Stored = { readonly id: string; readonly name: string }

const Input = (
  { id, label, value, onInput, placeholder }: {
    id: string
    label: string
    value: string
    onInput: (v: string) => void
    placeholder?: string
  }
) => (
  <label for={id}>
    {label}
    <input id={id} value={value} placeholder={placeholder} onInput={(e) => onInput(e.currentTarget.value)} />
  </label>
)

/**
 * Data preparation by forms: recode, compute and filter steps (the recipe file format of packages/domain) are
 * added one by one, each previewed on the server (`POST /v1/datasets/{id}/prepare`, `preview: true`: what each
 * step did, the rows kept, the new variables), then stored as a new dataset; recipe.json and the
 * `danvan prepare --recipe` line repeat it on the command line.
 */
export const RecipeForm = (
  { ui, csrf, dataset, columns }: { ui: Ui; csrf: string; dataset: DatasetRef; columns: ReadonlyArray<ColumnSummary> }
) => {
  const [kind, setKind] = useState<StepKind>("recode")
  const [fields, setFields] = useState<StepFields>(emptyFields)
  const [steps, setSteps] = useState<ReadonlyArray<RecipeStepJson>>([])
  const [preview, setPreview] = useState<Prepared | undefined>()
  const [name, setName] = useState(() => ui.t("recipeDefaultName", { name: dataset.name }))
  const [error, setError] = useState<unknown>()
  // The saved dataset, said in the page's language (so the message follows a change of language).
  const [saved, setSaved] = useState<{ name: string; rows: number } | undefined>()
  const [busy, setBusy] = useState(false)
  // The other stored datasets (for append and merge), and which one each step's `data` name stands for.
  const [stored, setStored] = useState<ReadonlyArray<Stored>>([])
  const [links, setLinks] = useState<ReadonlyArray<Stored>>([])
  const set = (key: keyof StepFields) => (value: string) => setFields((f) => ({ ...f, [key]: value }))
  const listStored = () =>
    apiClient(csrf)
      .then(async (api) => setStored((await call(api.datasets.list())).datasets.filter((d) => d.id !== dataset.id)))
      .catch((e) => ui.fail(e, setError))
  const chooseKind = (k: StepKind) => {
    setKind(k)
    if (k === "append" || k === "merge") void listStored()
  }
  const chooseOther = (otherId: string) => {
    const other = stored.find((d) => d.id === otherId)
    set("other")(other?.name ?? "")
    if (other !== undefined) setLinks((l) => [other, ...l.filter((x) => x.name !== other.name)])
  }
  const { lang } = ui

  const prepare = async (list: ReadonlyArray<RecipeStepJson>, store: boolean): Promise<Prepared | undefined> => {
    const others = otherDatasets(list, links)
    setBusy(true)
    setError(undefined)
    try {
      const api = await apiClient(csrf)
      return await call(api.datasets.prepare({
        path: { id: dataset.id },
        payload: {
          recipe: recipeOf(list),
          ...(store ? { name } : { preview: true }),
          ...(others === undefined ? {} : { datasets: others })
        }
      }))
    } catch (e) {
      ui.fail(e, setError)
      return undefined
    } finally {
      setBusy(false)
    }
  }
  const addStep = async (event: Event) => {
    event.preventDefault()
    setSaved(undefined)
    const made = stepOf(kind, fields)
    if ("invalid" in made) return setError({ status: -1, text: ui.t(made.invalid, { value: made.value ?? "" }) })
    const next = [...steps, made.step]
    const shown = await prepare(next, false)
    if (shown === undefined) return
    setSteps(next)
    setPreview(shown)
    setFields(emptyFields)
  }
  const removeStep = async (i: number) => {
    const next = steps.filter((_, k) => k !== i)
    setSteps(next)
    setPreview(next.length === 0 ? undefined : await prepare(next, false))
  }
  const save = async () => {
    const stored = await prepare(steps, true)
    if (stored?.dataset) setSaved({ name: stored.dataset.name, rows: stored.dataset.rows })
  }
  const before = new Set(columns.map((c) => c.name))
  const recipeText = JSON.stringify(recipeOf(steps), null, 2)
  const [recipeHref, setRecipeHref] = useState("")
  useEffect(() => {
    const url = URL.createObjectURL(new Blob([recipeText], { type: "application/json" }))
    setRecipeHref(url)
    return () => URL.revokeObjectURL(url)
  }, [recipeText])
  const coded = columns.filter((c) => c.type === "codes")
  return (
    <details class="card recipe">
      <summary>
        <h2>{ui.t("recipeTitle")}</h2>
      </summary>
      <p class="muted">{ui.t("recipeHelp")}</p>
      <form class="editor" onSubmit={addStep} data-testid="recipe-form">
        <fieldset class="kinds">
          <legend>{ui.t("stepKind")}</legend>
          {KINDS.map((k) => (
            <label key={k}>
              <input type="radio" name="step-kind" value={k} checked={kind === k} onChange={() => chooseKind(k)} />{" "}
              {ui.t(KIND_KEY[k])}
            </label>
          ))}
        </fieldset>
        <div class="row">
          {kind === "recode" && (
            <>
              <label for="recode-var">
                {ui.t("variable")}
                <select id="recode-var" value={fields.variable} onChange={(e) => set("variable")(e.currentTarget.value)}>
                  <option value="">{ui.t("choose")}</option>
                  {coded.map((c) => <option key={c.name} value={c.name}>{c.label ? `${c.label[lang]} (${c.name})` : c.name}</option>)}
                </select>
              </label>
              <Input id="recode-rules" label={ui.t("recodeRules")} value={fields.rules} onInput={set("rules")} placeholder="1,2=1; 3 thru 5=2" />
              <Input id="recode-into" label={ui.t("recodeInto")} value={fields.into} onInput={set("into")} />
              <label for="recode-else">
                {ui.t("recodeElse")}
                <select id="recode-else" value={fields.otherwise} onChange={(e) => set("otherwise")(e.currentTarget.value)}>
                  <option value="copy">{ui.t("elseCopy")}</option>
                  <option value="missing">{ui.t("elseMissing")}</option>
                </select>
              </label>
            </>
          )}
          {kind === "compute" && (
            <>
              <Input id="compute-target" label={ui.t("computeTarget")} value={fields.target} onInput={set("target")} />
              <Input id="compute-expr" label={ui.t("expression")} value={fields.expr} onInput={set("expr")} placeholder="q1 + q2" />
              <label for="compute-type">
                {ui.t("computeType")}
                <select id="compute-type" value={fields.type} onChange={(e) => set("type")(e.currentTarget.value)}>
                  <option value="numeric">{ui.t("typeNumeric")}</option>
                  <option value="codes">{ui.t("typeCodes")}</option>
                </select>
              </label>
            </>
          )}
          {(kind === "append" || kind === "merge") && (
            <>
              <label for="other-dataset">
                {ui.t("otherDataset")}
                <select
                  id="other-dataset"
                  value={links.find((l) => l.name === fields.other)?.id ?? ""}
                  onChange={(e) => chooseOther(e.currentTarget.value)}
                >
                  <option value="">{ui.t("choose")}</option>
                  {stored.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
                </select>
              </label>
              {kind === "merge" && (
                <label for="merge-key">
                  {ui.t("mergeKey")}
                  <select id="merge-key" value={fields.key} onChange={(e) => set("key")(e.currentTarget.value)}>
                    <option value="">{ui.t("choose")}</option>
                    {columns.map((c) => <option key={c.name} value={c.name}>{c.name}</option>)}
                  </select>
                </label>
              )}
              <p class="hint">{ui.t(kind === "append" ? "appendHelp" : "mergeHelp")}</p>
            </>
          )}
          {kind === "filter" && (
            <Input id="filter-expr" label={ui.t("filterExpr")} value={fields.expr} onInput={set("expr")} placeholder="level != 9" />
          )}
        </div>
        {(kind === "recode" || kind === "compute") && (
          <div class="row">
            <Input id="step-label-vi" label={ui.t("labelVi")} value={fields.labelVi} onInput={set("labelVi")} />
            <Input id="step-label-en" label={ui.t("labelEn")} value={fields.labelEn} onInput={set("labelEn")} />
          </div>
        )}
        <button type="submit" class="primary" disabled={busy}>{ui.t("addStep")}</button>
      </form>
      {error !== undefined && <ErrorMessage lang={lang} error={error} />}
      {steps.length > 0 && (
        <>
          <h3>{ui.t("recipeSteps")}</h3>
          <ol class="steps" data-testid="recipe-steps">
            {steps.map((s, i) => (
              <li key={i}>
                <code>{describeStep(s)}</code>{" "}
                <button type="button" class="link" onClick={() => void removeStep(i)}>
                  {ui.t("removeStep", { step: i + 1 })}
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
      {preview !== undefined && (
        <div class="preview" data-testid="recipe-preview" role="status">
          <p>
            {ui.t(steps.some((s) => s.op === "append") ? "recipeRowsNow" : "recipeRows", {
              rows: formatNumber(lang, preview.rows),
              total: formatNumber(lang, dataset.rows)
            })}
          </p>
          <ul>
            {preview.variables.filter((v) => !before.has(v.name)).map((v) => (
              <li key={v.name}>
                {ui.t("recipeNewVariable", {
                  name: v.name,
                  valid: formatNumber(lang, v.valid),
                  missing: formatNumber(lang, v.systemMissing + v.userMissing)
                })}
              </li>
            ))}
          </ul>
          <details>
            <summary>{ui.t("recipeLog")}</summary>
            <ol lang="en">{preview.log.map((l) => <li key={l.step}>{l.op}: {l.summary}</li>)}</ol>
          </details>
        </div>
      )}
      {steps.length > 0 && (
        <>
          <div class="row save">
            <Input id="recipe-name" label={ui.t("recipeName")} value={name} onInput={setName} />
            <button type="button" class="primary" disabled={busy} onClick={() => void save()}>{ui.t("recipeSave")}</button>
            <a href={recipeHref} download="recipe.json" data-testid="recipe-link">{ui.t("recipeDownload")}</a>
          </div>
          {saved !== undefined && (
            <p class="notice" role="status">
              {ui.t("recipeSaved", { name: saved.name, rows: formatNumber(lang, saved.rows) })}
            </p>
          )}
          <CommandBox ui={ui} command={prepareCommand({ file: dataset.name, codebook: dataset.codebook })} id="recipe-command" />
        </>
      )}
    </details>
  )
}
