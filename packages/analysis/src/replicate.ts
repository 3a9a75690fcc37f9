import type { AuditFinding, BilingualLabel, Codebook, PublishedTable, PublishedTables } from "@danvan/domain"
import { auditPercents, findVariable, plainLabel, validCategories } from "@danvan/domain"
import { fromMatrix, holm, pearsonChiSquare, StatsInputError } from "@danvan/stats"

/** A per-item test of a published table: Pearson X² without continuity correction, exact p, Holm-adjusted p. */
export interface ReplicateTest {
  readonly statistic: number
  readonly df: number
  readonly p: number
  /** Holm's step-down adjustment across the items of the table (R's `p.adjust(p, "holm")`). */
  readonly pAdjusted: number
}

/** One printed row of a table: counts and percents by level, and the printed total. */
export interface ReplicateRow {
  readonly counts: ReadonlyArray<number>
  readonly percents: ReadonlyArray<number>
  readonly total: { readonly count: number; readonly percent: number }
}

export interface ReplicateItem {
  readonly key: string
  readonly label: BilingualLabel
  /** Multiple-response items: one row (selected). Likert items: one row per response of the scale. */
  readonly rows: ReadonlyArray<ReplicateRow & { readonly response?: string }>
  readonly test: ReplicateTest
  /** Why the test could not be computed (then statistic and p are NaN, written as null in JSON). */
  readonly warning?: string
}

export interface ReplicateTable {
  readonly id: string
  readonly kind: "multiple-response" | "likert"
  readonly title: BilingualLabel
  /** What the publication printed as the table's significance, verbatim. */
  readonly reportedSignificance: string
  readonly bases: ReadonlyArray<number>
  readonly totalBase: number
  readonly percentDecimals?: number
  readonly scale?: ReadonlyArray<{ readonly key: string; readonly label: BilingualLabel }>
  readonly items: ReadonlyArray<ReplicateItem>
  /** Items with Holm-adjusted p < .05, and with unadjusted p < .05. */
  readonly significant: {
    readonly alpha: number
    readonly holm: number
    readonly unadjusted: number
    readonly tested: number
  }
  /** Printed numbers of this table that disagree with their counts (see `auditPercents`). */
  readonly audit: ReadonlyArray<AuditFinding>
}

/** The re-analysis of published tables (the Replicate JSON of DESIGN.md). */
export interface ReplicateResult {
  readonly kind: "replicate"
  readonly source: string
  readonly levels: ReadonlyArray<{ readonly code: number; readonly key: string; readonly label: BilingualLabel }>
  readonly tables: ReadonlyArray<ReplicateTable>
  /** How many printed numbers the audit compared, and how many disagree. */
  readonly audit: { readonly checked: number; readonly findings: number }
}

export interface ReplicateOptions {
  /** A codebook whose variables are named by the item keys (e.g. the built-in hcmc-2024): gives vi/en labels. */
  readonly codebook?: Codebook
  /** The significance level of the summary counts (default .05). */
  readonly alpha?: number
}

/**
 * Holm's step-down adjusted p-values (`holm` of @danvan/stats, R's `p.adjust(p, "holm")`) over the items
 * that could be tested: NaN entries (no test) stay NaN and do not count in m, as NA in R.
 *
 * @example
 * holmAdjust([0.01, 0.04, 0.03]) // [0.03, 0.06, 0.06]
 */
export const holmAdjust = (ps: ReadonlyArray<number>): Array<number> => {
  const tested = ps.flatMap((p, i) => (Number.isNaN(p) ? [] : [i]))
  const adjusted = holm(tested.map((i) => ps[i]))
  const out = ps.map(() => Number.NaN)
  tested.forEach((i, k) => (out[i] = adjusted[k]))
  return out
}

const test = (
  matrix: ReadonlyArray<ReadonlyArray<number>>,
  df: number
): { statistic: number; df: number; p: number; warning?: string } => {
  try {
    return pearsonChiSquare(fromMatrix(matrix))
  } catch (e) {
    if (e instanceof StatsInputError) {
      return { statistic: Number.NaN, df, p: Number.NaN, warning: `no test: ${e.message}` }
    }
    throw e
  }
}

const labelOf = (codebook: Codebook | undefined, key: string, fallback: string): BilingualLabel =>
  (codebook !== undefined ? findVariable(codebook, key)?.label : undefined) ?? plainLabel(fallback)

const responseLabel = (
  codebook: Codebook | undefined,
  table: PublishedTable & { kind: "likert" },
  key: string,
  fallback: string
): BilingualLabel => {
  if (codebook === undefined) return plainLabel(fallback)
  // The response labels of the table's items in the codebook, matched by the English label of the file.
  for (const item of table.items) {
    const variable = findVariable(codebook, item.key)
    const value = variable === undefined
      ? undefined
      : validCategories(variable).find((v) =>
        v.label.en.toLowerCase() === fallback.toLowerCase() || v.label.en.toLowerCase().replace(/ /g, "_") === key
      )
    if (value !== undefined) return value.label
  }
  return plainLabel(fallback)
}

const levelLabels = (published: PublishedTables, codebook: Codebook | undefined) => {
  const group = codebook?.groupVariable !== undefined ? findVariable(codebook, codebook.groupVariable) : undefined
  return published.levels.map((l) => ({
    code: l.code,
    key: l.key,
    label: group?.values.find((v) => v.code === l.code)?.label ?? plainLabel(l.label)
  }))
}

/**
 * Re-analyses published aggregate tables item by item: for a multiple-response item the r x 2 Pearson X²
 * of selected (the count) against not selected (base − count) by level; for a Likert item the levels x
 * responses Pearson X²; no continuity correction (R's `chisq.test(m, correct = FALSE)`). p-values are exact
 * upper tails; `pAdjusted` is Holm's adjustment across the items of each table. Each table carries the
 * audit of its printed percents and totals.
 *
 * @example
 * const published = Either.getOrThrow(builtinPublishedTables("hcmc-2024"))
 * const codebook = Either.getOrThrow(builtinCodebook("hcmc-2024"))
 * const result = replicate(published, { codebook })
 * result.tables[0].items[1].test // { statistic: 4.048…, df: 2, p: 0.1321…, pAdjusted: 0.3286… }
 */
export const replicate = (published: PublishedTables, options: ReplicateOptions = {}): ReplicateResult => {
  const { codebook } = options
  const alpha = options.alpha ?? 0.05
  const audit = auditPercents(published)
  const r = published.levels.length
  const tables = published.tables.map((table): ReplicateTable => {
    const raw = table.kind === "multiple-response"
      ? table.items.map((item) => ({
        key: item.key,
        label: labelOf(codebook, item.key, item.label),
        rows: [{ counts: item.counts, percents: item.percents, total: item.total }],
        ...test(item.counts.map((c, j) => [c, table.bases[j] - c]), r - 1)
      }))
      : table.items.map((item) => {
        const ordered = table.scale.map((s) => item.rows.find((row) => row.response === s.key)).filter((row) =>
          row !== undefined
        )
        return {
          key: item.key,
          label: labelOf(codebook, item.key, item.label),
          rows: ordered.map((row) => ({
            response: row.response,
            counts: row.counts,
            percents: row.percents,
            total: row.total
          })),
          ...test(
            Array.from({ length: r }, (_, j) => ordered.map((row) => row.counts[j])),
            (r - 1) * (ordered.length - 1)
          )
        }
      })
    const adjusted = holmAdjust(raw.map((x) => x.p))
    const items = raw.map((x, k): ReplicateItem => ({
      key: x.key,
      label: x.label,
      rows: x.rows,
      test: { statistic: x.statistic, df: x.df, p: x.p, pAdjusted: adjusted[k] },
      ...(x.warning !== undefined ? { warning: x.warning } : {})
    }))
    const tested = items.filter((i) => !Number.isNaN(i.test.p))
    return {
      id: table.id,
      kind: table.kind,
      title: plainLabel(table.title),
      reportedSignificance: table.reportedSignificance,
      bases: table.bases,
      totalBase: table.totalBase,
      ...(table.percentDecimals !== undefined ? { percentDecimals: table.percentDecimals } : {}),
      ...(table.kind === "likert"
        ? { scale: table.scale.map((s) => ({ key: s.key, label: responseLabel(codebook, table, s.key, s.label) })) }
        : {}),
      items,
      significant: {
        alpha,
        holm: tested.filter((i) => i.test.pAdjusted < alpha).length,
        unadjusted: tested.filter((i) => i.test.p < alpha).length,
        tested: tested.length
      },
      audit: audit.findings.filter((f) => f.table === table.id)
    }
  })
  return {
    kind: "replicate",
    source: published.source,
    levels: levelLabels(published, codebook),
    tables,
    audit: { checked: audit.checked, findings: audit.findings.length }
  }
}
