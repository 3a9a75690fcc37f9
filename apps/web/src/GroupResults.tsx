import type { DescribeResult, LayeredCrosstabResult, LikertResult, MeansResult, MultipleResponseResult } from "@danvan/analysis"
import { classicalTestsNote, defaultDecimal, designWaldLine, kruskalWallisSentence, likertDirectionSentence, mmiSentence } from "@danvan/report/sentences"
import type { Ui } from "./App.js"
import { formatNumber, formatPValue, formatStat, type Lang } from "./i18n.js"
import { DesignEstimates, DesignNote, LikertDesign, MrDesign } from "./DesignResults.js"
import { CrosstabView } from "./Results.js"

/** "p = .023" or "p < .001" (never "p = < .001"). */
const pText = (lang: Lang, p: number) => {
  const f = formatPValue(lang, p)
  return f.startsWith("<") ? `p ${f}` : `p = ${f}`
}

/** A (weighted) count: thousands separated, one decimal when weighted. */
const count = (lang: Lang, n: number) => formatNumber(lang, n, Number.isInteger(n) ? 0 : 1)

const opts = (lang: Lang) => ({ lang, decimal: defaultDecimal(lang) })

/** The weight of a result, stated under its table (weights are always stated). */
const WeightNote = ({ ui, w }: { ui: Ui; w: { readonly variable: string; readonly sum: number } | undefined }) =>
  w === undefined ? null : (
    <p class="note" data-testid="weight-note">
      {ui.t("weightedBy", { var: w.variable, n: formatStat(ui.lang, w.sum, Number.isInteger(w.sum) ? 0 : 1) })}
    </p>
  )

const Apa = ({ ui, sentences }: { ui: Ui; sentences: ReadonlyArray<string> }) => (
  <p class="apa">
    <strong>{ui.t("apa")}:</strong>{" "}
    <span data-testid="apa">{sentences.join(" ")}</span>
  </p>
)

/** A multiple-response set by group: % of cases per group with the column letters, the MMI sentence. */
export const MrView = ({ ui, r }: { ui: Ui; r: MultipleResponseResult }) => {
  const { lang } = ui
  const groups = r.group.categories
  return (
    <>
      <h3>{r.group.label[lang]}</h3>
      <div class="scroll">
        <table class="result" data-testid="mr">
          <caption>{ui.t("lettersNote")}</caption>
          <thead>
            <tr>
              <th scope="col">{ui.t("item")}</th>
              {groups.map((g, j) => (
                <th scope="col" key={g.code}>
                  {g.label[lang]} ({r.letters[j] ?? ""})
                </th>
              ))}
              <th scope="col">{ui.t("total")}</th>
              <th scope="col">{ui.t("pValue")}</th>
            </tr>
          </thead>
          <tbody>
            {r.items.map((item) => (
              <tr key={item.name}>
                <th scope="row">{item.label[lang]}</th>
                {groups.map((_, j) => (
                  <td class="num" key={j}>
                    {formatStat(lang, item.percentOfCases[j], 1)}%{" "}
                    <span class="letters">{item.largerThan[j] ?? ""}</span>
                  </td>
                ))}
                <td class="num">{formatStat(lang, item.total.percentOfCases, 1)}%</td>
                <td class="num">{formatPValue(lang, item.p)}</td>
              </tr>
            ))}
            <tr class="total">
              <th scope="row">{ui.t("base")}</th>
              {r.n.byGroup.map((n, j) => (
                <td class="num" key={j}>
                  {formatNumber(lang, n)}
                </td>
              ))}
              <td class="num">{formatNumber(lang, r.n.valid)}</td>
              <td />
            </tr>
          </tbody>
        </table>
      </div>
      <WeightNote ui={ui} w={r.weight} />
      <MrDesign ui={ui} r={r} />
      <Apa ui={ui} sentences={[mmiSentence(r, opts(lang))]} />
    </>
  )
}

/** A Likert set by group: mean score per group and item, Kruskal-Wallis per item, the direction in words. */
export const LikertView = ({ ui, r }: { ui: Ui; r: LikertResult }) => {
  const { lang } = ui
  const groups = r.by.categories
  return (
    <>
      <h3>
        {r.set?.label[lang] ?? ""} × {r.by.label[lang]}
      </h3>
      <div class="scroll">
        <table class="result" data-testid="likert">
          <caption>{likertDirectionSentence(r.direction, opts(lang))}</caption>
          <thead>
            <tr>
              <th scope="col">{ui.t("item")}</th>
              {groups.map((g) => (
                <th scope="col" key={g.code}>
                  {g.label[lang]}
                </th>
              ))}
              <th scope="col">{ui.t("total")}</th>
              <th scope="col">H</th>
              <th scope="col">{ui.t("pValue")}</th>
            </tr>
          </thead>
          <tbody>
            {r.items.map((item) => (
              <tr key={item.name}>
                <th scope="row">{item.label[lang]}</th>
                {item.byGroup.map((c) => (
                  <td class="num" key={c.group}>
                    {formatStat(lang, c.mean, 2)}
                  </td>
                ))}
                <td class="num">{formatStat(lang, item.total.mean, 2)}</td>
                <td class="num">{formatStat(lang, item.kruskalWallis.statistic, 2)}</td>
                <td class="num">{formatPValue(lang, item.kruskalWallis.p)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {r.cronbach !== undefined && Number.isFinite(r.cronbach.alpha) && (
        <p class="note">{ui.t("cronbach", { alpha: formatStat(lang, r.cronbach.alpha, 2), n: formatNumber(lang, r.cronbach.n) })}</p>
      )}
      <WeightNote ui={ui} w={r.weight} />
      <DesignNote ui={ui} design={r.design} />
      <LikertDesign ui={ui} r={r} />
      <Apa
        ui={ui}
        sentences={r.items.map((i) => `${i.label[lang]}: ${kruskalWallisSentence(i.kruskalWallis, Math.round(i.total.n), opts(lang))}.`)}
      />
    </>
  )
}

/** A numeric variable by group: n, mean, SD, SE, 95% CI, median; ANOVA, Welch, Kruskal-Wallis, Levene. */
export const MeansView = ({ ui, r }: { ui: Ui; r: MeansResult }) => {
  const { lang } = ui
  const rows = [...r.groups.map((g) => ({ key: String(g.code), label: g.label[lang], c: g as MeansResult["total"] })), { key: "total", label: ui.t("total"), c: r.total }]
  const tests = (["anova", "welch", "levene", "brownForsythe"] as const).flatMap((k) => {
    const t = r.tests[k]
    return t === undefined ? [] : [{ k, stat: `F(${formatStat(lang, t.df1, Number.isInteger(t.df1) ? 0 : 2)}, ${formatStat(lang, t.df2, Number.isInteger(t.df2) ? 0 : 2)}) = ${formatStat(lang, t.statistic, 2)}`, p: t.p }]
  })
  const kw = r.tests.kruskalWallis
  return (
    <>
      <h3>
        {r.variable.label[lang]} × {r.by.label[lang]}
      </h3>
      <div class="scroll">
        <table class="result" data-testid="means">
          <thead>
            <tr>
              <td />
              {(["n", "mean", "sd", "se", "ci95", "median"] as const).map((k) => (
                <th scope="col" key={k}>
                  {ui.t(k)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ key, label, c }) => (
              <tr key={key} class={key === "total" ? "total" : ""}>
                <th scope="row">{label}</th>
                <td class="num">{count(lang, c.n)}</td>
                <td class="num">{formatStat(lang, c.mean, 2)}</td>
                <td class="num">{formatStat(lang, c.sd, 2)}</td>
                <td class="num">{formatStat(lang, c.se, 3)}</td>
                <td class="num">
                  [{formatStat(lang, c.ci95[0], 2)}; {formatStat(lang, c.ci95[1], 2)}]
                </td>
                <td class="num">{formatStat(lang, c.median, 2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h4>{ui.t("tests")}</h4>
      {r.design?.mode === "sampling" && (
        <p class="note" data-testid="classical-tests-note">{classicalTestsNote(lang)}</p>
      )}
      <table class="result" data-testid="means-tests">
        <tbody>
          {tests.map((t) => (
            <tr key={t.k}>
              <th scope="row">{ui.t(t.k)}</th>
              <td class="num" data-testid={`${t.k}-statistic`}>{t.stat}</td>
              <td class="num">{pText(lang, t.p)}</td>
            </tr>
          ))}
          {kw !== undefined && (
            <tr>
              <th scope="row">{ui.t("kruskalWallis")}</th>
              <td class="num">H({formatNumber(lang, kw.df)}) = {formatStat(lang, kw.statistic, 2)}</td>
              <td class="num">{pText(lang, kw.p)}</td>
            </tr>
          )}
        </tbody>
      </table>
      {r.effectSizes !== undefined && (
        <p class="note">{ui.t("effectSizes", { eta: formatStat(lang, r.effectSizes.etaSquared, 3), omega: formatStat(lang, r.effectSizes.omegaSquared, 3) })}</p>
      )}
      <WeightNote ui={ui} w={r.weight} />
      <DesignNote ui={ui} design={r.design} />
      <DesignEstimates
        ui={ui}
        title={ui.t("designMeansTitle")}
        rows={[
          ...r.groups.flatMap((g) => (g.design === undefined ? [] : [{ label: g.label[lang], value: g.design }])),
          ...(r.designTotal === undefined ? [] : [{ label: ui.t("total"), value: r.designTotal }])
        ]}
      />
      {r.tests.designWald !== undefined && (
        <p class="note" data-testid="means-design-wald">
          {designWaldLine(r.tests.designWald, lang, defaultDecimal(lang))}
        </p>
      )}
      {kw !== undefined && <Apa ui={ui} sentences={[kruskalWallisSentence(kw, Math.round(r.total.n), opts(lang))]} />}
    </>
  )
}

/** Numeric variables described: one row per variable. */
export const DescribeView = ({ ui, results }: { ui: Ui; results: ReadonlyArray<DescribeResult> }) => {
  const { lang } = ui
  return (
    <>
      <div class="scroll">
        <table class="result" data-testid="describe">
          <thead>
            <tr>
              <td />
              {(["n", "mean", "sd", "median", "quartiles", "min", "max", "skewness", "kurtosis"] as const).map((k) => (
                <th scope="col" key={k}>
                  {ui.t(k)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {results.map((r) => (
              <tr key={r.variable.name}>
                <th scope="row">{r.variable.label[lang]}</th>
                <td class="num">{count(lang, r.n.valid)}</td>
                <td class="num">{formatStat(lang, r.mean, 2)}</td>
                <td class="num">{formatStat(lang, r.sd, 2)}</td>
                <td class="num">{formatStat(lang, r.median, 2)}</td>
                <td class="num">
                  {formatStat(lang, r.quartiles.q1, 2)}–{formatStat(lang, r.quartiles.q3, 2)}
                </td>
                <td class="num">{formatStat(lang, r.min, 2)}</td>
                <td class="num">{formatStat(lang, r.max, 2)}</td>
                <td class="num">{formatStat(lang, r.skewness.value, 3)}</td>
                <td class="num">{formatStat(lang, r.kurtosis.value, 3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <WeightNote ui={ui} w={results[0]?.weight} />
      <DesignNote ui={ui} design={results[0]?.design} />
      <DesignEstimates
        ui={ui}
        title={ui.t("designMeansTitle")}
        rows={results.flatMap((r) =>
          r.designMean === undefined ? [] : [{ label: r.variable.label[lang], value: r.designMean }]
        )}
      />
    </>
  )
}

/** A layered crosstab: one crosstab per layer, the overall one, then the tests across layers. */
export const LayeredView = ({ ui, r }: { ui: Ui; r: LayeredCrosstabResult }) => {
  const { lang } = ui
  const layerName = r.layer.label[lang] || r.layer.name
  const cmh = r.cochranMantelHaenszel
  const or = r.mantelHaenszelOddsRatio
  const bd = r.breslowDay
  return (
    <>
      {r.layers.map((l) => (
        <section key={l.code} data-testid="layer">
          <h3>{ui.t("layerIs", { layer: layerName, category: l.label[lang] || String(l.code) })}</h3>
          {"reason" in l ? <p class="note">{ui.t("noLayerTable", { reason: l.reason })}</p> : <CrosstabView ui={ui} r={l} />}
        </section>
      ))}
      <section>
        <h3>{ui.t("allLayers", { layer: layerName })}</h3>
        <CrosstabView ui={ui} r={r} />
      </section>
      <h4>{ui.t("cmhTitle")}</h4>
      <table class="result" data-testid="cmh">
        <tbody>
          {cmh !== undefined && (
            <tr>
              <th scope="row">{ui.t("cmh")}</th>
              <td class="num" data-testid="cmh-statistic">
                χ²({formatStat(lang, cmh.df, 0)}) = {formatStat(lang, cmh.statistic, 3)}
              </td>
              <td class="num">{pText(lang, cmh.p)}</td>
            </tr>
          )}
          {cmh?.continuityCorrected !== undefined && (
            <tr>
              <th scope="row">{ui.t("cmhCorrected")}</th>
              <td class="num">χ²({formatStat(lang, cmh.df, 0)}) = {formatStat(lang, cmh.continuityCorrected.statistic, 3)}</td>
              <td class="num">{pText(lang, cmh.continuityCorrected.p)}</td>
            </tr>
          )}
          {bd !== undefined && (
            <tr>
              <th scope="row">{ui.t("breslowDay")}</th>
              <td class="num">χ²({formatStat(lang, bd.df, 0)}) = {formatStat(lang, bd.statistic, 3)}</td>
              <td class="num">{pText(lang, bd.p)}</td>
            </tr>
          )}
          {or !== undefined && (
            <tr>
              <th scope="row">{ui.t("commonOr")}</th>
              <td class="num">
                {formatStat(lang, or.estimate, 3)}, {ui.t("ci95")} [{formatStat(lang, or.ci95[0], 3)}; {formatStat(lang, or.ci95[1], 3)}]
              </td>
              <td class="num">{pText(lang, or.p)}</td>
            </tr>
          )}
        </tbody>
      </table>
    </>
  )
}
