import type { BilingualLabel, Codebook } from "@danvan/domain"
import { legacyWarning } from "../decodeText.js"
import type { IoWarning } from "../errors.js"
import { detectLegacyEncoding, fromLegacy, type LegacyEncoding } from "./legacy.js"

const labelsOf = (codebook: Codebook): Array<string> => [
  codebook.title.vi,
  ...codebook.variables.flatMap((v) => [v.label.vi, ...v.values.map((x) => x.label.vi)]),
  ...codebook.multipleResponseSets.map((s) => s.label.vi)
]

/**
 * A codebook whose labels were typed in TCVN3 or VNI (an old .sav file's value and variable labels) with its
 * labels converted to Unicode NFC, and the `LEGACY_ENCODING` warning; the codebook as it is otherwise.
 *
 * @example
 * const { codebook, warnings } = convertLegacyLabels(fromSav, "auto")
 */
export const convertLegacyLabels = (
  codebook: Codebook,
  named: "auto" | LegacyEncoding | "utf-8" | "windows-1258" = "auto"
): { codebook: Codebook; warnings: Array<IoWarning> } => {
  const encoding = named === "tcvn3" || named === "vni"
    ? named
    : named === "auto"
    ? detectLegacyEncoding(labelsOf(codebook).join("\n"))
    : undefined
  if (encoding === undefined) return { codebook, warnings: [] }
  const label = (l: BilingualLabel): BilingualLabel => ({
    vi: fromLegacy(l.vi, encoding),
    en: fromLegacy(l.en, encoding)
  })
  return {
    codebook: {
      ...codebook,
      title: label(codebook.title),
      variables: codebook.variables.map((v) => ({
        ...v,
        label: label(v.label),
        values: v.values.map((x) => ({ ...x, label: label(x.label) }))
      })),
      multipleResponseSets: codebook.multipleResponseSets.map((s) => ({ ...s, label: label(s.label) })),
      indicatorSets: codebook.indicatorSets.map((s) => ({ ...s, label: label(s.label) }))
    },
    warnings: [{
      ...legacyWarning(encoding, named !== "auto"),
      message: `labels: ${legacyWarning(encoding, named !== "auto").message}`
    }]
  }
}
