import { useState } from "preact/hooks"
import { fetchReport, REPORT_FORMATS, type ReportFormat } from "./api.js"
import type { Ui } from "./App.js"
import { shellWord } from "./command.js"
import type { DatasetRef } from "./Datasets.js"
import { ErrorMessage } from "./ErrorMessage.js"

/**
 * The report of the dataset's built-in analysis plan (hcmc-2024 for the hcmc-2024 codebook), downloaded in the
 * chosen format and the page's language, with the `danvan report` line that makes the same file.
 */
export const ReportDownload = ({ ui, csrf, dataset }: { ui: Ui; csrf: string; dataset: DatasetRef }) => {
  const [format, setFormat] = useState<ReportFormat>("html")
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()
  const plan = dataset.codebook ?? ""
  const fileName = `report-${plan}-${ui.lang}.${format}`
  const download = async (event: Event) => {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      const blob = await fetchReport(dataset.id, { plan, format, lang: ui.lang }, csrf)
      const url = URL.createObjectURL(blob)
      const a = document.createElement("a")
      a.href = url
      a.download = fileName
      document.body.append(a)
      a.click()
      a.remove()
      setTimeout(() => URL.revokeObjectURL(url), 60_000)
    } catch (e) {
      ui.fail(e, setError)
    } finally {
      setBusy(false)
    }
  }
  const command = [
    "danvan",
    "report",
    "--data",
    dataset.name,
    "--codebook",
    plan,
    "--plan",
    plan,
    "--out",
    fileName,
    "--lang",
    ui.lang
  ]
    .map(shellWord)
    .join(" ")
  return (
    <section class="card" aria-labelledby="report-title">
      <h2 id="report-title">{ui.t("reportTitle")}</h2>
      <p>{ui.t("reportHelp", { plan })}</p>
      <form onSubmit={download} class="row report">
        <div class="field">
          <label for="report-format">{ui.t("reportFormat")}</label>
          <select id="report-format" value={format} onChange={(e) => setFormat(e.currentTarget.value as ReportFormat)}>
            {REPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {f.toUpperCase()}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <button type="submit" class="primary" disabled={busy}>
            {busy ? ui.t("running") : ui.t("reportDownload")}
          </button>
        </div>
      </form>
      <p class="note">
        <code data-testid="report-command">{command}</code>
      </p>
      {error !== undefined && <ErrorMessage lang={ui.lang} error={error} />}
    </section>
  )
}
