import type {
  CrosstabResult,
  DesignInfo,
  DesignValue,
  LikertResult,
  MultipleResponseResult,
  RaoScottTests
} from "@danvan/analysis"
import { designNotValid, designStatement, mrDesignStatementText } from "@danvan/report/sentences"
import type { Ui } from "./App.js"
import { formatPValue, formatStat } from "./i18n.js"

/**
 * How a result was weighted, in @danvan/report's words (frequency weights, or the sampling design's columns,
 * lonely-PSU rule, PSUs and df); nothing for an unweighted result.
 */
export const DesignNote = ({ ui, design }: { ui: Ui; design: DesignInfo | undefined }) => {
  const text = designStatement(design, ui.lang)
  return text === undefined ? null : <p class="note" data-testid="design-note">{text}</p>
}

/** The Rao-Scott tests of a crosstab (or a Likert item) under a sampling design, as the API computed them. */
export const RaoScottTable = ({ ui, tests }: { ui: Ui; tests: Partial<RaoScottTests> }) => {
  const { lang } = ui
  const f = tests.raoScott
  const c = tests.raoScottChisq
  if (f === undefined || c === undefined) return null
  return (
    <>
      <h4>{ui.t("raoScottTitle")}</h4>
      <table class="result" data-testid="rao-scott">
        <thead>
          <tr>
            <th scope="col">{ui.t("test")}</th>
            <th scope="col">{ui.t("statistic")}</th>
            <th scope="col">{ui.t("df1")}</th>
            <th scope="col">{ui.t("df2")}</th>
            <th scope="col">{ui.t("pValue")}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{ui.t("raoScottF")}</th>
            <td class="num" data-testid="rao-scott-f">{formatStat(lang, f.statistic, 3)}</td>
            <td class="num">{formatStat(lang, f.df1, 2)}</td>
            <td class="num">{formatStat(lang, f.df2, 2)}</td>
            <td class="num" data-testid="rao-scott-p">{formatPValue(lang, f.p)}</td>
          </tr>
          <tr>
            <th scope="row">{ui.t("raoScottChisq")}</th>
            <td class="num">{formatStat(lang, c.statistic, 3)}</td>
            <td class="num">{formatStat(lang, c.df, Number.isInteger(c.df) ? 0 : 2)}</td>
            <td class="num" />
            <td class="num">{formatPValue(lang, c.p)}</td>
          </tr>
        </tbody>
      </table>
      <p class="note">{designNotValid(lang)}</p>
    </>
  )
}

const cell = (ui: Ui, v: DesignValue) => (
  <>
    {formatStat(ui.lang, v.estimate, 1)}{" "}
    <span class="se">({formatStat(ui.lang, v.se, 1)}; {formatStat(ui.lang, v.deff, 2)})</span>
  </>
)

/** A crosstab's cells as % of the table total with their design-based SE and design effect. */
export const DesignCellsTable = ({ ui, r }: { ui: Ui; r: CrosstabResult }) => {
  const cells = r.designCells
  if (cells === undefined) return null
  const { lang } = ui
  return (
    <div class="scroll">
      <table class="result" data-testid="design-cells">
        <caption>{ui.t("designCellsCaption")}</caption>
        <thead>
          <tr>
            <td />
            {r.col.categories.map((c) => <th scope="col" key={c.code}>{c.label[lang]}</th>)}
          </tr>
        </thead>
        <tbody>
          {r.row.categories.map((c, i) => (
            <tr key={c.code}>
              <th scope="row">{c.label[lang]}</th>
              {(cells.total[i] ?? []).map((v, j) => <td class="num" key={j}>{cell(ui, v)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** One design-based estimate: its label, estimate, SE, 95% interval and design effect. */
export interface EstimateRow {
  readonly label: string
  readonly value: DesignValue & { readonly ci: { readonly lower: number; readonly upper: number } }
}

/** Design-based estimates (means, or valid percents with their logit interval) as a small table. */
export const DesignEstimates = ({ ui, title, rows, decimals = 2 }: {
  ui: Ui
  title: string
  rows: ReadonlyArray<EstimateRow>
  decimals?: number
}) => {
  if (rows.length === 0) return null
  const f = (x: number) => formatStat(ui.lang, x, decimals)
  return (
    <>
      <h4>{title}</h4>
      <table class="result" data-testid="design-estimates">
        <thead>
          <tr>
            <td />
            <th scope="col">{ui.t("estimate")}</th>
            <th scope="col">{ui.t("designSe")}</th>
            <th scope="col">{ui.t("ci95")}</th>
            <th scope="col">{ui.t("deff")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td class="num">{f(row.value.estimate)}</td>
              <td class="num">{f(row.value.se)}</td>
              <td class="num">[{f(row.value.ci.lower)}; {f(row.value.ci.upper)}]</td>
              <td class="num">{formatStat(ui.lang, row.value.deff, 2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}

/** A Likert set's design-based item tests (the item x group Rao-Scott F per item). */
export const LikertDesign = ({ ui, r }: { ui: Ui; r: LikertResult }) => {
  const items = r.items.filter((i) => i.design?.tests !== undefined)
  if (items.length === 0) return null
  const { lang } = ui
  return (
    <>
      <h4>{ui.t("raoScottTitle")}</h4>
      <table class="result" data-testid="rao-scott">
        <thead>
          <tr>
            <th scope="col">{ui.t("item")}</th>
            <th scope="col">{ui.t("raoScottF")}</th>
            <th scope="col">{ui.t("df1")}</th>
            <th scope="col">{ui.t("df2")}</th>
            <th scope="col">{ui.t("pValue")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const f = item.design!.tests!.raoScott
            return (
              <tr key={item.name}>
                <th scope="row">{item.label[lang]}</th>
                <td class="num">{formatStat(lang, f.statistic, 3)}</td>
                <td class="num">{formatStat(lang, f.df1, 2)}</td>
                <td class="num">{formatStat(lang, f.df2, 2)}</td>
                <td class="num">{formatPValue(lang, f.p)}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <p class="note">{designNotValid(lang)}</p>
    </>
  )
}

/** A multiple-response result's design statement (@danvan/report's words) and its overall design-based MMI test. */
export const MrDesign = ({ ui, r }: { ui: Ui; r: MultipleResponseResult }) => {
  const statement = mrDesignStatementText(r, ui.lang)
  const f = r.raoScott
  return (
    <>
      {statement !== undefined && <p class="note" data-testid="design-note">{statement}</p>}
      {f !== undefined && (
        <RaoScottTable ui={ui} tests={{ raoScott: f, raoScottChisq: { statistic: r.rs2.statistic, df: r.rs2.df, p: r.rs2.p } }} />
      )}
    </>
  )
}
