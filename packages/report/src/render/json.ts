import type { ReportDocument } from "../document.js"

/**
 * The report as JSON: `{"kind": "report", "document": …, "results"?: …}`. Numbers stay numbers (p included);
 * NaN and ±Infinity become null. The result objects are included only without disclosure control, since they
 * hold every count.
 *
 * @example
 * renderJson(doc, planResult)
 */
export const renderJson = (doc: ReportDocument, results?: unknown): string =>
  JSON.stringify(
    { kind: "report", document: doc, ...(results !== undefined && doc.suppression === undefined ? { results } : {}) },
    (_, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? null : v),
    2
  ).normalize("NFC") + "\n"
