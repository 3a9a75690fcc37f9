import type { ComponentChildren } from "preact"
import type { Ui } from "./App.js"
import type { Key } from "./i18n.js"
import type { DesignForm } from "./runKind.js"
import type { ColumnSummary } from "./Variables.js"

const LONELY: ReadonlyArray<[DesignForm["lonelyPsu"], Key]> = [
  ["", "lonelyFail"],
  ["remove", "lonelyRemove"],
  ["certainty", "lonelyCertainty"],
  ["adjust", "lonelyAdjust"],
  ["average", "lonelyAverage"]
]

const Pick = ({ id, label, value, options, onChange }: {
  id: string
  label: string
  value: string
  options: ReadonlyArray<{ value: string; text: string }>
  onChange: (v: string) => void
}) => (
  <div class="field">
    <label for={id}>{label}</label>
    <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
      {options.map((o) => <option key={o.value} value={o.value}>{o.text}</option>)}
    </select>
  </div>
)

/**
 * The "Weights and design" section of the analysis form: the weight (given as `weight`, the form's own select),
 * the weight mode with what it means, strata, clusters (PSUs), the fpc column and the lonely-PSU rule. The API
 * checks the columns; the page only passes the names on (the request fields of issue 18).
 */
export const DesignFields = ({ ui, columns, design, setDesign, weight }: {
  ui: Ui
  columns: ReadonlyArray<ColumnSummary>
  design: DesignForm
  setDesign: (f: (d: DesignForm) => DesignForm) => void
  weight: ComponentChildren
}) => {
  const name = (v: ColumnSummary) => (v.label !== undefined ? `${v.label[ui.lang]} (${v.name})` : v.name)
  const list = (vars: ReadonlyArray<ColumnSummary>) => [
    { value: "", text: ui.t("noDesignVar") },
    ...vars.map((v) => ({ value: v.name, text: name(v) }))
  ]
  const set = (key: keyof DesignForm) => (value: string) => setDesign((d) => ({ ...d, [key]: value }))
  return (
    <fieldset class="design">
      <legend>{ui.t("designTitle")}</legend>
      <div class="row">
        {weight}
        <Pick
          id="weight-mode"
          label={ui.t("weightMode")}
          value={design.weightMode}
          options={[{ value: "", text: ui.t("modeSampling") }, { value: "frequency", text: ui.t("modeFrequency") }]}
          onChange={set("weightMode")}
        />
        <Pick id="strata-var" label={ui.t("strataVar")} value={design.strata} options={list(columns)}
          onChange={set("strata")} />
        <Pick id="cluster-var" label={ui.t("clusterVar")} value={design.cluster} options={list(columns)}
          onChange={set("cluster")} />
        <Pick
          id="fpc-var"
          label={ui.t("fpcVar")}
          value={design.fpc}
          options={list(columns)}
          onChange={set("fpc")}
        />
        <Pick
          id="lonely-psu"
          label={ui.t("lonelyPsu")}
          value={design.lonelyPsu}
          options={LONELY.map(([value, key]) => ({ value, text: ui.t(key) }))}
          onChange={set("lonelyPsu")}
        />
      </div>
      <p class="hint" id="weight-mode-help">{ui.t("modeHelp")}</p>
    </fieldset>
  )
}
