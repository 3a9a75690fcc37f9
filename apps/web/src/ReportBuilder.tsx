import { useEffect, useState } from "preact/hooks"
import { fetchReport, type ReportFormat } from "./api.js"
import type { Ui } from "./App.js"
import { shellWord } from "./command.js"
import type { DatasetRef } from "./Datasets.js"
import { ErrorMessage } from "./ErrorMessage.js"
import { translate } from "./i18n.js"
import { moveItem, planOf, reportDesign, type ReportItem, reportWeight, tableSectionOf } from "./reportPlan.js"

const FORMATS: ReadonlyArray<ReportFormat> = ["html", "xlsx", "docx", "pdf"]

const save = (blob: Blob, fileName: string) => {
  const url = URL.createObjectURL(blob)
  const a = document.createElement("a")
  a.href = url
  a.download = fileName
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/** One picked result: its title, move up/down and remove buttons (named for screen readers). */
const ItemRow = (
  { ui, item, i, count, move, remove }: {
    ui: Ui
    item: ReportItem
    i: number
    count: number
    move: (from: number, to: number) => void
    remove: (i: number) => void
  }
) => {
  const title = item.section.title[ui.lang]
  return (
    <li data-testid="report-item">
      <span class="item-title">{title}</span>{" "}
      <button type="button" disabled={i === 0} aria-label={ui.t("moveUp", { title })} onClick={() => move(i, i - 1)}>
        ↑
      </button>
      <button
        type="button"
        disabled={i === count - 1}
        aria-label={ui.t("moveDown", { title })}
        onClick={() => move(i, i + 1)}
      >
        ↓
      </button>
      <button type="button" aria-label={ui.t("removeItem", { title })} onClick={() => remove(i)}>
        ✕
      </button>
    </li>
  )
}

const TABLE_WORDS = {
  vi: {
    legend: "Bảng tùy chỉnh (banner)",
    rows: "Hàng của bảng: tên biến hoặc bộ câu nhiều lựa chọn, cách nhau bằng dấu phẩy",
    cols: "Cột của bảng: tên biến, cách nhau bằng dấu phẩy",
    nets: "Nhóm gộp, mỗi dòng một nhóm: BIẾN:TÊN=MÃ,MÃ (không bắt buộc)",
    add: "Thêm bảng vào báo cáo",
    added: "Đã thêm bảng vào báo cáo"
  },
  en: {
    legend: "Custom table (banner)",
    rows: "Table rows: variable names or multiple-response sets, separated by commas",
    cols: "Table columns: variable names, separated by commas",
    nets: "Nets, one per line: VAR:NAME=CODE,CODE (optional)",
    add: "Add table to report",
    added: "Table added to the report"
  }
} as const

/**
 * A custom banner table (`danvan table`, a plan's `{"kind": "table"}`) added to the report from typed rows,
 * columns and nets; the variables' names stand for their labels in the item's title.
 */
const TableAdder = (
  { ui, add }: { ui: Ui; add: (item: ReportItem) => void }
) => {
  const words = TABLE_WORDS[ui.lang]
  const [fields, setFields] = useState({ rows: "", cols: "", nets: "" })
  const [said, setSaid] = useState<{ error: { vi: string; en: string } } | "added" | undefined>()
  const set = (key: keyof typeof fields) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value
    setFields((f) => ({ ...f, [key]: value }))
  }
  const submit = (event: Event) => {
    event.preventDefault()
    const made = tableSectionOf(fields, (name) => ({ vi: name, en: name }))
    if ("error" in made) return setSaid({ error: made.error })
    add({ key: `table-${Date.now()}`, section: made.section, weight: undefined })
    setSaid("added")
  }
  return (
    <form class="editor" onSubmit={submit} data-testid="table-adder" aria-labelledby="table-adder-title">
      <h3 id="table-adder-title">{words.legend}</h3>
      <div class="field">
        <label for="builder-table-rows">{words.rows}</label>
        <input id="builder-table-rows" size={60} value={fields.rows} onInput={set("rows")} />
      </div>
      <div class="field">
        <label for="builder-table-cols">{words.cols}</label>
        <input id="builder-table-cols" size={60} value={fields.cols} onInput={set("cols")} />
      </div>
      <div class="field">
        <label for="builder-table-nets">{words.nets}</label>
        <textarea id="builder-table-nets" rows={2} value={fields.nets} onInput={set("nets")} />
      </div>
      <button type="submit">{words.add}</button>{" "}
      <span role={said !== undefined && said !== "added" ? "alert" : "status"}>
        {said === undefined ? "" : said === "added" ? words.added : said.error[ui.lang]}
      </span>
    </form>
  )
}

/**
 * The report builder: the results picked with "Add to report", reordered and removed here, a title, and the
 * report of their plan downloaded from the API (as `danvan report --plan plan.json`), with that plan.json.
 */
export const ReportBuilder = (
  { ui, csrf, dataset, items, setItems }: {
    ui: Ui
    csrf: string
    dataset: DatasetRef
    items: ReadonlyArray<ReportItem>
    setItems: (f: (items: ReadonlyArray<ReportItem>) => ReadonlyArray<ReportItem>) => void
  }
) => {
  // The title as typed in each language (absent: the default title of that language), so that the report's title
  // follows the language it is downloaded in; a title typed in one language only stands for both.
  const [typed, setTyped] = useState<{ vi?: string; en?: string }>({})
  const titles = {
    vi: typed.vi ?? typed.en ?? translate("vi", "builderDefaultTitle", { name: dataset.name }),
    en: typed.en ?? typed.vi ?? translate("en", "builderDefaultTitle", { name: dataset.name })
  }
  const title = titles[ui.lang]
  const setTitle = (value: string) => setTyped((t) => ({ ...t, [ui.lang]: value }))
  const [format, setFormat] = useState<ReportFormat>("html")
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()
  const plan = planOf(titles, dataset.codebook, items)
  const [planUrl, setPlanUrl] = useState("")
  const planText = JSON.stringify(plan, null, 2)
  useEffect(() => {
    const url = URL.createObjectURL(new Blob([planText], { type: "application/json" }))
    setPlanUrl(url)
    return () => URL.revokeObjectURL(url)
  }, [planText])
  const fileName = `report.${format}`
  const download = async (event: Event) => {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      save(await fetchReport(dataset.id, { plan, format, lang: ui.lang }, csrf), fileName)
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
    ...(dataset.codebook !== null ? ["--codebook", dataset.codebook] : []),
    "--plan",
    "plan.json",
    "--out",
    fileName,
    "--lang",
    ui.lang
  ].map(shellWord).join(" ")
  const move = (from: number, to: number) => {
    setItems((list) => moveItem(list, from, to))
    // The focus follows the moved item's same button, so a keyboard user can press it again.
    setTimeout(() => {
      const buttons = document.querySelectorAll("[data-testid=report-item]")[to]?.querySelectorAll("button")
      const same = buttons?.[to < from ? 0 : 1]
      ;(same !== undefined && !same.disabled ? same : buttons?.[to < from ? 1 : 0])?.focus()
    }, 0)
  }
  return (
    <section class="card" aria-labelledby="builder-title" data-testid="report-builder">
      <h2 id="builder-title">{ui.t("builderTitle")}</h2>
      <TableAdder ui={ui} add={(item) => setItems((list) => [...list, item])} />
      {items.length === 0 ? <p>{ui.t("builderEmpty")}</p> : (
        <form onSubmit={download}>
          <div class="field">
            <label for="builder-report-title">{ui.t("builderReportTitle")}</label>
            <input
              id="builder-report-title"
              value={title}
              aria-describedby="builder-title-note"
              onInput={(e) => setTitle(e.currentTarget.value)}
            />
            <span class="hint" id="builder-title-note">{ui.t("builderTitleNote")}</span>
          </div>
          <ol class="report-items">
            {items.map((item, i) => (
              <ItemRow
                key={item.key}
                ui={ui}
                item={item}
                i={i}
                count={items.length}
                move={move}
                remove={(at) => setItems((list) => list.filter((_, j) => j !== at))}
              />
            ))}
          </ol>
          <div class="row report">
            <div class="field">
              <label for="builder-format">{ui.t("reportFormat")}</label>
              <select
                id="builder-format"
                value={format}
                onChange={(e) => setFormat(e.currentTarget.value as ReportFormat)}
              >
                {FORMATS.map((f) => <option key={f} value={f}>{f.toUpperCase()}</option>)}
              </select>
            </div>
            <div class="field">
              <button type="submit" class="primary" disabled={busy || title.trim() === ""}>
                {busy ? ui.t("running") : ui.t("builderDownload")}
              </button>
            </div>
          </div>
          <p class="note">
            <code data-testid="builder-command">{command}</code>{" "}
            <a href={planUrl} download="plan.json" data-testid="plan-link">{ui.t("builderPlan")}</a>
          </p>
        </form>
      )}
      {error !== undefined && <ErrorMessage lang={ui.lang} error={error} />}
    </section>
  )
}

/**
 * The "Add to report" button of a result: its plan section goes to the end of the report; a weight other than
 * the picked results' says why it cannot.
 */
export const AddToReport = (
  { ui, item, items, setItems }: {
    ui: Ui
    item: ReportItem | undefined
    items: ReadonlyArray<ReportItem>
    setItems: (f: (items: ReadonlyArray<ReportItem>) => ReadonlyArray<ReportItem>) => void
  }
) => {
  // What was said, kept as a key and its count so that it follows a change of language.
  const [said, setSaid] = useState<
    { key: "weightMismatch" | "designMismatch" | "addedToReport"; count: number } | undefined
  >()
  if (item === undefined) return <p class="note">{ui.t("notInPlans")}</p>
  const add = () => {
    if (reportWeight([...items, item]) === "mixed") return setSaid({ key: "weightMismatch", count: 0 })
    if (reportDesign([...items, item]) === "mixed") return setSaid({ key: "designMismatch", count: 0 })
    setItems((list) => [...list, { ...item, key: `${item.key}-${list.length}-${Date.now()}` }])
    setSaid({ key: "addedToReport", count: items.length + 1 })
  }
  return (
    <p>
      <button type="button" onClick={add}>{ui.t("addToReport")}</button>{" "}
      <span role="status">{said === undefined ? "" : ui.t(said.key, { count: said.count })}</span>
    </p>
  )
}
