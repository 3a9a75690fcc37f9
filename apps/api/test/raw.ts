import { connect, type Socket } from "node:net"

/** A response read off a raw socket: its status line's code, its JSON body (if any), its raw text. */
export interface RawReply {
  readonly status: number
  readonly json: unknown
  readonly text: string
}

const parse = (text: string): RawReply => {
  const finals = text.split(/(?=HTTP\/1\.1 )/).filter((part) => !part.startsWith("HTTP/1.1 100"))
  const last = finals[0] ?? ""
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(last)?.[1] ?? 0)
  const body = last.slice(last.indexOf("\r\n\r\n") + 4)
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    json = undefined
  }
  return { status, json, text }
}

/**
 * Writes `head` (request line and headers, without the blank line) and `body` on a raw TCP connection, so a test
 * can send less body than it declares and stall. `reply` resolves when the server closes the connection;
 * `continued` when the server sent `100 Continue` (with an `Expect: 100-continue` header: the request reached it).
 * With `finishHeaders` false the blank line that ends the headers is never sent.
 *
 * @example
 * const r = rawRequest(server.url, "POST /v1/datasets HTTP/1.1\r\nContent-Length: 1000", "level\n1\n")
 * (await r.reply).status // 408
 */
export const rawRequest = (url: string, head: string, body: string | Uint8Array = "", finishHeaders = true) => {
  const { hostname, port } = new URL(url)
  const socket: Socket = connect(Number(port), hostname)
  let text = ""
  let onContinue: () => void = () => {}
  const continued = new Promise<void>((resolve) => (onContinue = resolve))
  socket.setEncoding("latin1")
  socket.on("data", (chunk: string) => {
    text += chunk
    if (text.startsWith("HTTP/1.1 100")) onContinue()
  })
  const reply = new Promise<RawReply>((resolve) => {
    socket.on("close", () => resolve(parse(text)))
    socket.on("error", () => undefined)
  })
  socket.write(finishHeaders ? `${head}\r\nHost: ${hostname}:${port}\r\n\r\n` : `${head}\r\n`)
  if (body.length > 0) socket.write(body)
  return { socket, reply, continued }
}
