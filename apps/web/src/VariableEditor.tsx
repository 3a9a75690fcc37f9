import { useState } from "preact/hooks"
import type { Ui } from "./App.js"
import {
  type Bilingual,
  direction,
  type Measure,
  reverseScores,
  type ValueLabelJson,
  type VariableJson
} from "./codebookFile.js"
import { formatNumber } from "./i18n.js"

/** A number typed in either language's way ("2,5" or "2.5"); undefined when it is not one. */
const parseNumber = (text: string): number | undefined => {
  const t = text.trim().replace(",", ".")
  return t === "" || !Number.isFinite(Number(t)) ? undefined : Number(t)
}

const withoutScore = (v: ValueLabelJson): ValueLabelJson => ({
  code: v.code,
  label: v.label,
  ...(v.order !== undefined ? { order: v.order } : {}),
  ...(v.name !== undefined ? { name: v.name } : {})
})

/** Missing codes typed as a list ("9, 99"): the codes, or the first word that is not an integer. */
const parseCodes = (text: string): { codes: Array<number> } | { bad: string } => {
  const codes: Array<number> = []
  for (const word of text.split(/[,;\s]+/).filter((w) => w !== "")) {
    const n = Number(word)
    if (!Number.isInteger(n)) return { bad: word }
    codes.push(n)
  }
  return { codes }
}

const LabelInputs = (
  { ui, id, label, onChange }: { ui: Ui; id: string; label: Bilingual; onChange: (l: Bilingual) => void }
) => (
  <>
    <label for={`${id}-vi`}>
      {ui.t("labelVi")}
      <input id={`${id}-vi`} lang="vi" value={label.vi} onInput={(e) => onChange({ ...label, vi: e.currentTarget.value })} />
    </label>
    <label for={`${id}-en`}>
      {ui.t("labelEn")}
      <input id={`${id}-en`} lang="en" value={label.en} onInput={(e) => onChange({ ...label, en: e.currentTarget.value })} />
    </label>
  </>
)

/**
 * The form that edits one variable of the dataset's codebook: labels (vi/en), measure, value labels, missing
 * codes and (for a Likert item) the scores' direction. `onSave` gets the edited entry; the caller saves it.
 */
export const VariableEditor = ({
  ui,
  initial,
  busy,
  onSave,
  onCancel
}: {
  ui: Ui
  initial: VariableJson
  busy: boolean
  onSave: (v: VariableJson) => void
  onCancel: () => void
}) => {
  const [draft, setDraft] = useState<VariableJson>(initial)
  const [extra, setExtra] = useState(() =>
    (initial.missing?.values ?? []).filter((c) => !(initial.values ?? []).some((v) => v.code === c)).join(", ")
  )
  const [invalid, setInvalid] = useState("")
  const values = draft.values ?? []
  const missing = new Set(draft.missing?.values ?? [])
  const likert = draft.kind === "likert-item"
  const setValues = (next: ReadonlyArray<ValueLabelJson>) => setDraft((d) => ({ ...d, values: next }))
  const setValue = (i: number, v: ValueLabelJson) => setValues(values.map((x, k) => (k === i ? v : x)))
  const toggleMissing = (code: number, on: boolean) => {
    const next = new Set(missing)
    if (on) next.add(code)
    else next.delete(code)
    setDraft((d) => ({ ...d, missing: { ...(d.missing ?? {}), values: [...next].sort((a, b) => a - b) } }))
  }
  const submit = (event: Event) => {
    event.preventDefault()
    const typed = parseCodes(extra)
    if ("bad" in typed) return setInvalid(ui.t("badMissingCode", { value: typed.bad }))
    const codes = new Set(values.map((v) => v.code))
    if (codes.size !== values.length) return setInvalid(ui.t("duplicateCode"))
    setInvalid("")
    const listed = [...missing].filter((c) => codes.has(c))
    const all = [...new Set([...listed, ...typed.codes])].sort((a, b) => a - b)
    onSave({ ...draft, missing: { ranges: draft.missing?.ranges ?? [], values: all } })
  }
  const way = direction(values)
  const id = `edit-${draft.name.replace(/[^\w-]/g, "_")}`
  return (
    <form class="editor" onSubmit={submit} aria-labelledby={`${id}-title`} data-testid="variable-editor">
      <h3 id={`${id}-title`}>{ui.t("editVariable", { name: draft.name })}</h3>
      <div class="row">
        <LabelInputs ui={ui} id={id} label={draft.label} onChange={(label) => setDraft((d) => ({ ...d, label }))} />
        {draft.kind !== "numeric" && (
          <label for={`${id}-measure`}>
            {ui.t("measure")}
            <select
              id={`${id}-measure`}
              value={draft.measure ?? "nominal"}
              onChange={(e) => setDraft((d) => ({ ...d, measure: e.currentTarget.value as Measure }))}
            >
              {(["nominal", "ordinal", "scale"] as const).map((m) => <option key={m} value={m}>{ui.t(m)}</option>)}
            </select>
          </label>
        )}
      </div>
      {draft.kind !== "numeric" && (
        <table class="list values-edit">
          <caption>{ui.t("values")}</caption>
          <thead>
            <tr>
              <th scope="col">{ui.t("code")}</th>
              <th scope="col">{ui.t("labelVi")}</th>
              <th scope="col">{ui.t("labelEn")}</th>
              {likert && <th scope="col">{ui.t("score")}</th>}
              <th scope="col">{ui.t("isMissing")}</th>
              <th scope="col">{ui.t("actions")}</th>
            </tr>
          </thead>
          <tbody>
            {values.map((v, i) => (
              <tr key={i}>
                <td>
                  <input
                    class="code"
                    inputMode="numeric"
                    aria-label={`${ui.t("code")} ${i + 1}`}
                    value={String(v.code)}
                    onChange={(e) => {
                      const n = parseNumber(e.currentTarget.value)
                      if (n !== undefined && Number.isInteger(n)) setValue(i, { ...v, code: n })
                    }}
                  />
                </td>
                <td>
                  <input lang="vi" aria-label={`${ui.t("labelVi")}: ${v.code}`} value={v.label.vi} onInput={(e) => setValue(i, { ...v, label: { ...v.label, vi: e.currentTarget.value } })} />
                </td>
                <td>
                  <input lang="en" aria-label={`${ui.t("labelEn")}: ${v.code}`} value={v.label.en} onInput={(e) => setValue(i, { ...v, label: { ...v.label, en: e.currentTarget.value } })} />
                </td>
                {likert && (
                  <td>
                    <input
                      class="code"
                      inputMode="decimal"
                      aria-label={`${ui.t("score")}: ${v.code}`}
                      value={v.score === undefined ? "" : formatNumber(ui.lang, v.score, Number.isInteger(v.score) ? 0 : 2)}
                      onChange={(e) => {
                        const n = parseNumber(e.currentTarget.value)
                        setValue(i, n === undefined ? withoutScore(v) : { ...v, score: n })
                      }}
                    />
                  </td>
                )}
                <td>
                  <input type="checkbox" aria-label={`${ui.t("missingCode")}: ${v.code}`} checked={missing.has(v.code)} onChange={(e) => toggleMissing(v.code, e.currentTarget.checked)} />
                </td>
                <td>
                  <button type="button" class="link" onClick={() => setValues(values.filter((_, k) => k !== i))}>
                    {ui.t("removeValue", { code: v.code })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div class="row">
        {draft.kind !== "numeric" && (
          <button
            type="button"
            onClick={() => setValues([...values, { code: Math.max(0, ...values.map((v) => v.code)) + 1, label: { vi: "", en: "" } }])}
          >
            {ui.t("addValue")}
          </button>
        )}
        {likert && (
          <span class="direction">
            {ui.t(way === "ascending" ? "scoresAscending" : way === "descending" ? "scoresDescending" : "scoresMixed")}{" "}
            <button type="button" onClick={() => setValues(reverseScores(values))}>{ui.t("reverseScores")}</button>
          </span>
        )}
        <label for={`${id}-missing`}>
          {ui.t("otherMissing")}
          <input id={`${id}-missing`} value={extra} placeholder="9, 99" onInput={(e) => setExtra(e.currentTarget.value)} />
        </label>
      </div>
      {invalid !== "" && <p class="error" role="alert">{invalid}</p>}
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>{busy ? ui.t("saving") : ui.t("saveCodebook")}</button>
        <button type="button" onClick={onCancel}>{ui.t("cancel")}</button>
      </div>
    </form>
  )
}
