import { useEffect, useRef, useState } from "preact/hooks"
import { apiClient, call, upload, uploadType } from "./api.js"
import type { Ui } from "./App.js"
import { ErrorMessage } from "./ErrorMessage.js"
import { formatDate, formatNumber } from "./i18n.js"

/** A stored dataset as the list shows it. */
export interface DatasetRef {
  readonly id: string
  readonly name: string
  readonly codebook: string | null
  readonly rows: number
  readonly createdAt: string
}

interface Codebook {
  readonly id: string
  readonly title: { readonly vi: string; readonly en: string }
}

/** The dataset list with upload (file picker, drag and drop, progress bar) and delete with confirmation. */
export const Datasets = ({ ui, csrf, onOpen }: { ui: Ui; csrf: string; onOpen: (d: DatasetRef) => void }) => {
  const [datasets, setDatasets] = useState<ReadonlyArray<DatasetRef> | undefined>()
  const [codebooks, setCodebooks] = useState<ReadonlyArray<Codebook>>([])
  const [codebook, setCodebook] = useState("hcmc-2024")
  const [progress, setProgress] = useState<{ name: string; fraction: number } | undefined>()
  const [status, setStatus] = useState("")
  const [error, setError] = useState<unknown>()
  const [confirming, setConfirming] = useState<string | undefined>()
  const [dragging, setDragging] = useState(false)
  const fileInput = useRef<HTMLInputElement>(null)

  const refresh = async () => {
    const api = await apiClient(csrf)
    setDatasets((await call(api.datasets.list())).datasets)
  }
  useEffect(() => {
    refresh().catch((e) => ui.fail(e, setError))
    apiClient(csrf)
      .then((api) => call(api.codebooks.list()))
      .then(
        (r) => setCodebooks(r.codebooks),
        (e) => ui.fail(e, setError)
      )
  }, [csrf])

  const send = async (file: File) => {
    setError(undefined)
    setStatus("")
    if (uploadType(file.name) === undefined) {
      setError({ status: -1, text: ui.t("errType", { name: file.name }) })
      return
    }
    setProgress({ name: file.name, fraction: 0 })
    try {
      const meta = await upload(file, codebook === "" ? undefined : codebook, csrf, (fraction) =>
        setProgress({ name: file.name, fraction })
      )
      // the list first, then the message: once the message shows, the list holds the new dataset
      await refresh()
      setStatus(ui.t("uploaded", { name: meta.name, rows: formatNumber(ui.lang, meta.rows) }))
    } catch (e) {
      ui.fail(e, setError)
    } finally {
      setProgress(undefined)
      if (fileInput.current) fileInput.current.value = ""
    }
  }

  const remove = async (d: DatasetRef) => {
    setConfirming(undefined)
    setError(undefined)
    try {
      const api = await apiClient(csrf)
      await call(api.datasets.delete({ path: { id: d.id } }))
      await refresh()
      setStatus(ui.t("deleted", { name: d.name }))
    } catch (e) {
      ui.fail(e, setError)
    }
  }

  const onDrop = (event: DragEvent) => {
    event.preventDefault()
    setDragging(false)
    const file = event.dataTransfer?.files[0]
    if (file !== undefined) void send(file)
  }

  return (
    <>
      <section class="card" aria-labelledby="upload-title">
        <h2 id="upload-title">{ui.t("uploadTitle")}</h2>
        <div class="field">
          <label for="codebook">{ui.t("codebook")}</label>
          <select id="codebook" value={codebook} onChange={(e) => setCodebook(e.currentTarget.value)}>
            <option value="">{ui.t("noCodebook")}</option>
            {codebooks.map((c) => (
              <option key={c.id} value={c.id}>
                {c.id}: {c.title[ui.lang]}
              </option>
            ))}
          </select>
        </div>
        <div
          class={dragging ? "drop dragging" : "drop"}
          data-testid="dropzone"
          onDragOver={(e) => {
            e.preventDefault()
            setDragging(true)
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <p>{dragging ? ui.t("dropHere") : ui.t("uploadHelp")}</p>
          <label class="button" for="file">
            {ui.t("chooseFile")}
          </label>
          <input
            id="file"
            ref={fileInput}
            class="visually-hidden"
            type="file"
            accept=".csv,.sav,.zsav,.xlsx,text/csv"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0]
              if (file !== undefined) void send(file)
            }}
          />
        </div>
        {progress !== undefined && (
          <div class="progress">
            <label for="upload-progress">
              {ui.t("uploading", {
                name: progress.name,
                percent: `${formatNumber(ui.lang, progress.fraction * 100)}%`
              })}
            </label>
            <progress id="upload-progress" max={1} value={progress.fraction} />
          </div>
        )}
        <p role="status" class="status">
          {status}
        </p>
        {error !== undefined && <ErrorMessage lang={ui.lang} error={error} />}
      </section>
      <section class="card" aria-labelledby="list-title">
        <h2 id="list-title">{ui.t("datasets")}</h2>
        {datasets === undefined && <p>{ui.t("loading")}</p>}
        {datasets !== undefined && datasets.length === 0 && <p>{ui.t("noDatasets")}</p>}
        {datasets !== undefined && datasets.length > 0 && (
          <table class="list">
            <thead>
              <tr>
                <th scope="col">{ui.t("name")}</th>
                <th scope="col" class="num">
                  {ui.t("rows")}
                </th>
                <th scope="col">{ui.t("codebook")}</th>
                <th scope="col">{ui.t("date")}</th>
                <th scope="col">{ui.t("actions")}</th>
              </tr>
            </thead>
            <tbody>
              {datasets.map((d) => (
                <tr key={d.id}>
                  <th scope="row">{d.name}</th>
                  <td class="num">{formatNumber(ui.lang, d.rows)}</td>
                  <td>{d.codebook ?? "—"}</td>
                  <td>{formatDate(ui.lang, d.createdAt)}</td>
                  <td class="actions">
                    {confirming === d.id ? (
                      <span role="group" aria-label={ui.t("confirmDelete", { name: d.name })}>
                        <span class="confirm">{ui.t("confirmDelete", { name: d.name })}</span>
                        <button type="button" class="danger" onClick={() => remove(d)}>
                          {ui.t("confirmYes")}
                        </button>
                        <button type="button" onClick={() => setConfirming(undefined)}>
                          {ui.t("cancel")}
                        </button>
                      </span>
                    ) : (
                      <>
                        <button
                          type="button"
                          class="primary"
                          onClick={() => onOpen(d)}
                          aria-label={`${ui.t("open")}: ${d.name}`}
                        >
                          {ui.t("open")}
                        </button>
                        <button
                          type="button"
                          onClick={() => setConfirming(d.id)}
                          aria-label={`${ui.t("delete")}: ${d.name}`}
                        >
                          {ui.t("delete")}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  )
}
