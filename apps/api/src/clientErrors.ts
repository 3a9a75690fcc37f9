import type { Socket } from "node:net"
import { errorJson } from "./errors.js"
import { logEvent } from "./log.js"

/** Node's parser error codes and the status, code and message each is answered with. */
const refusal = (
  code: string | undefined
): { readonly status: number; readonly code: string; readonly message: string } => {
  switch (code) {
    case "HPE_HEADER_OVERFLOW":
      return {
        status: 431,
        code: "HEADERS_TOO_LARGE",
        message:
          "the request line and headers are larger than 16 KB; send a shorter URL (put long input in a JSON body)"
      }
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return {
        status: 408,
        code: "REQUEST_TIMEOUT",
        message: "the request's headers (or its whole body) did not arrive in time"
      }
    default:
      return { status: 400, code: "BAD_REQUEST", message: "the request is not valid HTTP/1.1" }
  }
}

const REASONS: Readonly<Record<number, string>> = {
  400: "Bad Request",
  408: "Request Timeout",
  431: "Request Header Fields Too Large"
}

/**
 * Node's `clientError` handler: a request Node refuses before any handler sees it (headers over 16 KB, headers
 * too slow, malformed HTTP) is answered with the API's `{"error": {...}}` envelope instead of Node's empty
 * body, then the connection is closed. A socket that cannot be written to any more is just destroyed.
 *
 * @example
 * server.on("clientError", answerClientError)
 */
export const answerClientError = (error: Error & { readonly code?: string }, socket: Socket): void => {
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy()
    return
  }
  const r = refusal(error.code)
  const body = JSON.stringify(errorJson(r.code, r.message, { nodeCode: error.code ?? null }))
  logEvent(r.status === 400 ? "info" : "warn", "request.refused", {
    status: r.status,
    code: r.code,
    nodeCode: error.code ?? null
  })
  socket.end(
    `HTTP/1.1 ${r.status} ${REASONS[r.status]}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  )
}
