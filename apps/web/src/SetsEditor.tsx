import { useState } from "preact/hooks"
import type { Ui } from "./App.js"
import type { CodebookFile } from "./codebookFile.js"
import type { Key } from "./i18n.js"
import { type SetDraft, setDrafts, type SetType, withoutSet, withSet } from "./setsFile.js"
import type { ColumnSummary } from "./Variables.js"

const TYPE_KEY: Readonly<Record<SetType, Key>> = { mr: "setTypeMr", likert: "setTypeLikert", "mr-indicator": "setTypeMrIndicator" }
const NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/
const EMPTY: SetDraft = { type: "likert", name: "", label: { vi: "", en: "" }, items: [], countedValue: 1 }

/**
 * The codebook's multiple-response and indicator sets in the Variable View: listed, edited (type, name, labels,
 * items, the counted value of a multiple-response set), added and removed; `onSave` sends the whole codebook
 * (`PUT /v1/datasets/{id}/codebook`), whose checks are the API's.
 */
export const SetsEditor = ({ ui, codebook, columns, busy, onSave }: {
  ui: Ui
  codebook: CodebookFile
  columns: ReadonlyArray<ColumnSummary>
  busy: boolean
  onSave: (next: CodebookFile, name: string) => void
}) => {
  const [editing, setEditing] = useState<{ draft: SetDraft; replacing?: { type: SetType; name: string } }>()
  const [invalid, setInvalid] = useState<string>("")
  const { lang } = ui
  const sets = setDrafts(codebook)
  const coded = columns.filter((c) => c.type === "codes")
  const draft = editing?.draft
  const change = (d: Partial<SetDraft>) => {
    setInvalid("")
    setEditing((e) => e && { ...e, draft: { ...e.draft, ...d } })
  }
  const submit = (event: Event) => {
    event.preventDefault()
    if (draft === undefined) return
    const name = draft.name.trim()
    if (!NAME.test(name)) return setInvalid(ui.t("recipeBadName", { value: draft.name }))
    if (draft.items.length === 0) return setInvalid(ui.t("setNeedsItems"))
    const label = { vi: (draft.label.vi.trim() || name).normalize("NFC"), en: draft.label.en.trim() || draft.label.vi.trim() || name }
    setInvalid("")
    onSave(withSet(codebook, { ...draft, name, label }, editing?.replacing), name)
    setEditing(undefined)
  }
  return (
    <section aria-labelledby="sets-title" data-testid="sets">
      <h3 id="sets-title">{ui.t("setsTitle")}</h3>
      <ul class="sets">
        {sets.map((s) => (
          <li key={`${s.type}:${s.name}`}>
            <strong>{s.label[lang]}</strong> (<code>{s.name}</code>, {ui.t(TYPE_KEY[s.type])}
            {s.type === "mr" ? `, ${ui.t("countedValue")} ${s.countedValue}` : ""}): {s.items.join(", ")}{" "}
            <button
              type="button"
              class="link"
              aria-label={ui.t("editSet", { name: s.name })}
              onClick={() => setEditing({ draft: s, replacing: { type: s.type, name: s.name } })}
            >
              {ui.t("edit")}
            </button>{" "}
            <button
              type="button"
              class="link"
              disabled={busy}
              aria-label={ui.t("removeSet", { name: s.name })}
              onClick={() => onSave(withoutSet(codebook, s.type, s.name), s.name)}
            >
              {ui.t("remove")}
            </button>
          </li>
        ))}
      </ul>
      {draft === undefined
        ? <button type="button" onClick={() => setEditing({ draft: EMPTY })}>{ui.t("newSet")}</button>
        : (
          <form class="editor" onSubmit={submit} data-testid="set-form">
            <div class="row">
              <label for="set-type">
                {ui.t("setType")}
                <select id="set-type" value={draft.type} onChange={(e) => change({ type: e.currentTarget.value as SetType })}>
                  {(["likert", "mr", "mr-indicator"] as const).map((t) => <option key={t} value={t}>{ui.t(TYPE_KEY[t])}</option>)}
                </select>
              </label>
              <label for="set-name">
                {ui.t("name")}
                <input id="set-name" value={draft.name} onInput={(e) => change({ name: e.currentTarget.value })} />
              </label>
              <label for="set-label-vi">
                {ui.t("labelVi")}
                <input id="set-label-vi" lang="vi" value={draft.label.vi}
                  onInput={(e) => change({ label: { ...draft.label, vi: e.currentTarget.value } })} />
              </label>
              <label for="set-label-en">
                {ui.t("labelEn")}
                <input id="set-label-en" lang="en" value={draft.label.en}
                  onInput={(e) => change({ label: { ...draft.label, en: e.currentTarget.value } })} />
              </label>
              {draft.type === "mr" && (
                <label for="set-counted">
                  {ui.t("countedValue")}
                  <input id="set-counted" inputMode="numeric" value={String(draft.countedValue ?? 1)}
                    onInput={(e) => change({ countedValue: Math.trunc(Number(e.currentTarget.value)) || 0 })} />
                </label>
              )}
            </div>
            <fieldset class="set-items">
              <legend>{ui.t("setItems")}</legend>
              {coded.map((c) => (
                <label key={c.name}>
                  <input
                    type="checkbox"
                    value={c.name}
                    checked={draft.items.includes(c.name)}
                    onChange={(e) =>
                      change({
                        items: e.currentTarget.checked
                          ? coded.map((x) => x.name).filter((n) => n === c.name || draft.items.includes(n))
                          : draft.items.filter((n) => n !== c.name)
                      })}
                  />{" "}
                  {c.label !== undefined ? `${c.label[lang]} (${c.name})` : c.name}
                </label>
              ))}
            </fieldset>
            {invalid !== "" && <p class="error" role="alert">{invalid}</p>}
            <button type="submit" class="primary" disabled={busy}>{ui.t("saveCodebook")}</button>{" "}
            <button type="button" onClick={() => setEditing(undefined)}>{ui.t("cancel")}</button>
          </form>
        )}
    </section>
  )
}
