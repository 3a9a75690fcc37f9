import { useState } from "preact/hooks"
import type { Ui } from "./App.js"
import { ErrorMessage } from "./ErrorMessage.js"

/** Server mode's sign-in: an API key, sent once and turned into an HttpOnly session cookie by the server. */
export const SignIn = ({ ui, onSignIn }: { ui: Ui; onSignIn: (key: string) => Promise<void> }) => {
  const [key, setKey] = useState("")
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()
  const submit = async (event: Event) => {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      await onSignIn(key.trim())
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  return (
    <section class="card narrow" aria-labelledby="signin-title">
      <h2 id="signin-title">{ui.t("signInTitle")}</h2>
      <p>{ui.t("signInHelp")}</p>
      <form onSubmit={submit}>
        <label for="api-key">{ui.t("apiKey")}</label>
        <input
          id="api-key"
          name="key"
          type="password"
          autoComplete="current-password"
          required
          value={key}
          onInput={(e) => setKey(e.currentTarget.value)}
        />
        <button type="submit" class="primary" disabled={busy}>
          {busy ? ui.t("signingIn") : ui.t("signIn")}
        </button>
      </form>
      {error !== undefined && <ErrorMessage lang={ui.lang} error={error} />}
    </section>
  )
}
