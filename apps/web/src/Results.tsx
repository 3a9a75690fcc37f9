import type { CrosstabResult, FrequenciesResult } from "@danvan/analysis"
import { chiSquareSentence, defaultDecimal, lowExpectedText, raoScottLine } from "@danvan/report/sentences"
import { useState } from "preact/hooks"
import type { Ui } from "./App.js"
import { DesignCellsTable, DesignEstimates, DesignNote, RaoScottTable } from "./DesignResults.js"
import { formatNumber, formatPValue, formatStat } from "./i18n.js"

/** A crosstab as the page shows it: counts with row percents, totals, the chi-square tests and the APA sentence. */
export const CrosstabView = ({ ui, r }: { ui: Ui; r: CrosstabResult }) => {
  const { lang } = ui
  const grand = r.n.valid
  return (
    <>
      <h3>
        {r.row.label[lang]} × {r.col.label[lang]}
      </h3>
      <div class="scroll">
        <table class="result" data-testid="crosstab">
          <caption>
            {ui.t("rowPercentNote")}{" "}
            {ui.t("nValid", { valid: formatNumber(lang, r.n.valid), missing: formatNumber(lang, r.n.missing) })}
          </caption>
          <thead>
            <tr>
              <td />
              {r.col.categories.map((c) => (
                <th scope="col" key={c.code}>
                  {c.label[lang]}
                </th>
              ))}
              <th scope="col">{ui.t("total")}</th>
            </tr>
          </thead>
          <tbody>
            {r.row.categories.map((c, i) => (
              <tr key={c.code}>
                <th scope="row">{c.label[lang]}</th>
                {r.counts[i]!.map((n, j) => (
                  <td class="num" key={j}>
                    {formatNumber(lang, n)} <span class="pct">({formatStat(lang, r.percents.row[i]![j], 1)}%)</span>
                  </td>
                ))}
                <td class="num">{formatNumber(lang, r.rowTotals[i])}</td>
              </tr>
            ))}
            <tr class="total">
              <th scope="row">{ui.t("total")}</th>
              {r.colTotals.map((n, j) => (
                <td class="num" key={j}>
                  {formatNumber(lang, n)}
                </td>
              ))}
              <td class="num">{formatNumber(lang, grand)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <DesignNote ui={ui} design={r.design} />
      {r.tests.raoScott !== undefined ? <SampledTests ui={ui} r={r} /> : <ClassicalTests ui={ui} r={r} />}
      {r.lowExpected !== undefined && r.lowExpected.cells > 0 && (
        <p class="note">
          {ui.t("warnings")}:{" "}
          {lowExpectedText(r.lowExpected, lang, defaultDecimal(lang))}
        </p>
      )}
    </>
  )
}

/** Under a sampling design: the Rao-Scott tests (SPSS's chi-square tests do not hold) and the cells' SEs. */
const SampledTests = ({ ui, r }: { ui: Ui; r: CrosstabResult }) => (
  <>
    <RaoScottTable ui={ui} tests={r.tests} />
    <p class="apa">
      <strong>{ui.t("apa")}:</strong>{" "}
      <span data-testid="apa">{raoScottLine(r.tests, ui.lang, defaultDecimal(ui.lang))}</span>
    </p>
    <DesignCellsTable ui={ui} r={r} />
  </>
)

/** SPSS's chi-square tests and the APA sentence (unweighted or frequency weights). */
const ClassicalTests = ({ ui, r }: { ui: Ui; r: CrosstabResult }) => {
  const { lang } = ui
  const tests = [
    ["pearson", r.tests.pearson],
    ["likelihoodRatio", r.tests.likelihoodRatio],
    ["linearByLinear", r.tests.linearByLinear]
  ] as const
  return (
    <>
      <h4>{ui.t("tests")}</h4>
      <table class="result" data-testid="tests">
        <thead>
          <tr>
            <th scope="col">{ui.t("test")}</th>
            <th scope="col">{ui.t("statistic")}</th>
            <th scope="col">{ui.t("df")}</th>
            <th scope="col">{ui.t("pValue")}</th>
          </tr>
        </thead>
        <tbody>
          {tests.map(([key, t]) => (
            <tr key={key} data-test={key}>
              <th scope="row">{ui.t(key)}</th>
              <td class="num" data-testid={`${key}-statistic`}>
                {formatStat(lang, t.statistic, 3)}
              </td>
              <td class="num">{formatNumber(lang, t.df)}</td>
              <td class="num">{formatPValue(lang, t.p)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="apa">
        <strong>{ui.t("apa")}:</strong>{" "}
        <span data-testid="apa">
          {chiSquareSentence(r.tests.pearson, r.n.valid, r.measures.cramersV, { lang, decimal: defaultDecimal(lang) })}
        </span>
      </p>
    </>
  )
}

/** One variable's frequency table. */
export const FrequenciesView = ({ ui, r }: { ui: Ui; r: FrequenciesResult }) => {
  const { lang } = ui
  return (
    <>
      <h3>{r.variable.label[lang]}</h3>
      <table class="result" data-testid="frequencies">
        <caption>
          {ui.t("nValid", { valid: formatNumber(lang, r.n.valid), missing: formatNumber(lang, r.n.missing) })}
        </caption>
        <thead>
          <tr>
            <td />
            <th scope="col">{ui.t("count")}</th>
            <th scope="col">{ui.t("percent")}</th>
            <th scope="col">{ui.t("validPercent")}</th>
          </tr>
        </thead>
        <tbody>
          {r.rows.map((row) => (
            <tr key={String(row.code)} class={row.missing ? "missing" : ""}>
              <th scope="row">
                {row.label[lang]}
                {row.missing ? ` (${ui.t("missing")})` : ""}
              </th>
              <td class="num">{formatNumber(lang, row.count)}</td>
              <td class="num">{formatStat(lang, row.percent, 1)}</td>
              <td class="num">{row.validPercent === null ? "" : formatStat(lang, row.validPercent, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <DesignNote ui={ui} design={r.design} />
      <DesignEstimates
        ui={ui}
        title={ui.t("designPercentsTitle")}
        decimals={1}
        rows={r.rows.flatMap((row) =>
          row.design === undefined ? [] : [{ label: row.label[lang], value: { ...row.design, ci: row.design.ci.logit } }]
        )}
      />
    </>
  )
}

/** The CLI line that repeats the result, with a copy button. */
export const CommandBox = ({ ui, command, id = "command" }: { ui: Ui; command: string; id?: string }) => {
  const [copied, setCopied] = useState(false)
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(command)
      setCopied(true)
      setTimeout(() => setCopied(false), 2000)
    } catch {
      // no clipboard permission: the command stays selectable
    }
  }
  return (
    <div class="command">
      <h4 id={`${id}-title`}>{ui.t("command")}</h4>
      <pre aria-labelledby={`${id}-title`} tabIndex={0}>
        <code data-testid={id}>{command}</code>
      </pre>
      <button type="button" onClick={copy}>
        {copied ? ui.t("copied") : ui.t("copy")}
      </button>
      <span role="status" class="visually-hidden">
        {copied ? ui.t("copied") : ""}
      </span>
    </div>
  )
}
