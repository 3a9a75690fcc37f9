/**
 * Makes the generated OpenAPI document say what the server does where the platform's defaults differ:
 *
 * - a 400 is always the API's `BadRequest` envelope (the envelope middleware rewrites the platform's own
 *   `HttpApiDecodeError` for path and query parameters into it), so that error and its helper schemas go;
 * - the multipart upload's `file` part is a binary string (the platform documents its parsed form);
 * - a 503 carries a `Retry-After` header (set by the envelope middleware);
 * - every operation may also get a 431 (request line and headers over 16 KB) or a 408 (headers too slow),
 *   answered by Node before any handler, in the same envelope (clientErrors.ts).
 *
 * @example
 * OpenApi.annotations({ transform: describeServer })
 */
export const describeServer = (spec: Record<string, any>): Record<string, any> => {
  for (const path of Object.values(spec["paths"] ?? {}) as Array<Record<string, any>>) {
    for (const operation of Object.values(path)) {
      const bad = operation?.responses?.["400"]
      if (bad !== undefined) {
        bad.description =
          "Malformed request: not JSON, or a body, path or query parameter that does not match its schema (details.issues has JSON paths)"
        bad.content = { "application/json": { schema: { $ref: "#/components/schemas/BadRequest" } } }
      }
      if (operation?.responses !== undefined) {
        operation.responses["431"] ??= {
          description: "Request line and headers over 16 KB (code HEADERS_TOO_LARGE); the connection is closed",
          content: { "application/json": { schema: { $ref: "#/components/schemas/BadRequest" } } }
        }
      }
      const unavailable = operation?.responses?.["503"]
      if (unavailable !== undefined) {
        unavailable.headers = {
          "Retry-After": { description: "Seconds to wait before retrying", schema: { type: "integer" } }
        }
      }
      const multipart = operation?.requestBody?.content?.["multipart/form-data"]
      if (multipart !== undefined) {
        multipart.schema = {
          type: "object",
          required: ["file"],
          properties: { file: { type: "string", format: "binary", description: "The CSV, .sav/.zsav or .xlsx file" } }
        }
      }
    }
  }
  const schemas = spec["components"]?.["schemas"] as Record<string, unknown> | undefined
  if (schemas !== undefined) {
    for (const name of ["HttpApiDecodeError", "Issue", "PropertyKey", "PersistedFile"]) delete schemas[name]
  }
  return spec
}
