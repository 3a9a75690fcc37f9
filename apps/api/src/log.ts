/**
 * One structured log line (JSON) on stderr: time, level, event and fields such as the request id.
 *
 * @example
 * logEvent("info", "request", { requestId: "4f1c…", method: "GET", path: "/v1/health", status: 200 })
 */
export const logEvent = (
  level: "info" | "warn" | "error",
  event: string,
  fields: Record<string, unknown> = {}
): void => {
  process.stderr.write(JSON.stringify({ time: new Date().toISOString(), level, event, ...fields }) + "\n")
}
