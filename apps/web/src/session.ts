import { type ApiError, fromEnvelope } from "./errors.js"

/** The browser's session with the server (see apps/api/src/web/sessions.ts). */
export interface SessionInfo {
  readonly mode: "local" | "server"
  readonly tenant: string | null
  readonly csrf: string | null
}

const request = async (method: string, headers: Record<string, string> = {}, body?: string): Promise<Response> => {
  try {
    return await fetch("/auth/session", {
      method,
      headers,
      credentials: "same-origin",
      ...(body !== undefined ? { body } : {})
    })
  } catch {
    throw { status: 0, code: "NETWORK", message: "" } satisfies ApiError
  }
}

const answer = async (response: Response): Promise<SessionInfo> => {
  const text = await response.text()
  if (!response.ok) throw fromEnvelope(response.status, text, response.headers.get("x-request-id"))
  return JSON.parse(text) as SessionInfo
}

/** Who the browser is; in local mode this also starts the local session. */
export const getSession = async (): Promise<SessionInfo> => answer(await request("GET"))

/** Signs in with an API key (server mode). */
export const signIn = async (key: string): Promise<SessionInfo> =>
  answer(await request("POST", { "content-type": "application/json" }, JSON.stringify({ key })))

/** Ends the session (its cookies are expired by the server). */
export const signOut = async (csrf: string): Promise<void> => {
  const response = await request("DELETE", { "x-csrf-token": csrf })
  if (!response.ok && response.status !== 401) throw fromEnvelope(response.status, await response.text())
}
