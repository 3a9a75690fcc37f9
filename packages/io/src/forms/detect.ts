/** The platform a form export comes from, told by its header. */
export type FormPlatform = "google-forms" | "microsoft-forms"

/** What a metadata column holds and the short name it gets. */
export interface MetaColumn {
  readonly name: string
  readonly type: "date" | "text" | "id"
}

const key = (s: string) => s.normalize("NFC").trim().toLowerCase()

// Google Forms (responses CSV, or the linked Sheet saved as .xlsx): the first column is the timestamp.
const googleFirst = new Set(["timestamp", "dấu thời gian", "marca temporal", "horodateur"])
const googleMeta: Readonly<Record<string, MetaColumn>> = {
  timestamp: { name: "timestamp", type: "date" },
  "dấu thời gian": { name: "timestamp", type: "date" },
  "email address": { name: "email", type: "text" },
  "địa chỉ email": { name: "email", type: "text" },
  score: { name: "score", type: "text" },
  "điểm số": { name: "score", type: "text" },
  "điểm": { name: "score", type: "text" }
}

// Microsoft Forms ("Open in Excel"): ID, Start time, Completion time, Email, Name[, Last modified time].
const microsoftMeta: Readonly<Record<string, MetaColumn>> = {
  id: { name: "id", type: "id" },
  "start time": { name: "start_time", type: "date" },
  "completion time": { name: "completion_time", type: "date" },
  email: { name: "email", type: "text" },
  name: { name: "respondent_name", type: "text" },
  "last modified time": { name: "last_modified_time", type: "date" },
  "total points": { name: "total_points", type: "text" },
  "quiz feedback": { name: "quiz_feedback", type: "text" },
  "thời gian bắt đầu": { name: "start_time", type: "date" },
  "thời gian hoàn thành": { name: "completion_time", type: "date" },
  "tên": { name: "respondent_name", type: "text" },
  "thời gian sửa đổi lần cuối": { name: "last_modified_time", type: "date" },
  "tổng điểm": { name: "total_points", type: "text" }
}

/**
 * The platform whose export has this header, if any: Google Forms starts with "Timestamp" ("Dấu thời
 * gian"); Microsoft Forms starts with "ID" then "Start time" and "Completion time" ("Thời gian bắt đầu",
 * "Thời gian hoàn thành").
 *
 * @example
 * detectFormPlatform(["Timestamp", "Email Address", "Cấp cán bộ"]) // "google-forms"
 * detectFormPlatform(["level", "q1"]) // undefined
 */
export const detectFormPlatform = (header: ReadonlyArray<string>): FormPlatform | undefined => {
  const h = header.map(key)
  if (h.length >= 2 && googleFirst.has(h[0])) return "google-forms"
  const start = new Set(["start time", "thời gian bắt đầu"])
  const done = new Set(["completion time", "thời gian hoàn thành"])
  if (h.length >= 3 && h[0] === "id" && start.has(h[1]) && done.has(h[2])) return "microsoft-forms"
  return undefined
}

/**
 * The metadata column a header names on that platform (timestamp, e-mail, respondent name, ...), if it is one.
 *
 * @example
 * metaColumn("google-forms", "Dấu thời gian") // { name: "timestamp", type: "date" }
 */
export const metaColumn = (platform: FormPlatform, header: string): MetaColumn | undefined => {
  const table = platform === "google-forms" ? googleMeta : microsoftMeta
  const k = key(header)
  return Object.hasOwn(table, k) ? table[k] : undefined
}

/**
 * The separator between the options of a checkbox answer.
 *
 * @example
 * checkboxSeparator("microsoft-forms") // ";"
 */
export const checkboxSeparator = (platform: FormPlatform): string => (platform === "google-forms" ? ", " : ";")
