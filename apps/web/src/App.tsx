import { useEffect, useState } from "preact/hooks"
import { Analysis } from "./Analysis.js"
import { Datasets, type DatasetRef } from "./Datasets.js"
import { ErrorMessage } from "./ErrorMessage.js"
import { isApiError } from "./errors.js"
import { translate, type Key, type Lang } from "./i18n.js"
import { getSession, signIn, signOut, type SessionInfo } from "./session.js"
import { SignIn } from "./SignIn.js"

const storedLang = (): Lang => {
  try {
    return localStorage.getItem("danvan.lang") === "en" ? "en" : "vi"
  } catch {
    return "vi"
  }
}

/** What every screen gets: the language, a translator, the session. */
export interface Ui {
  readonly lang: Lang
  readonly t: (key: Key, vars?: Readonly<Record<string, string | number>>) => string
  /**
   * Shows `e`, unless it is a 401 (the session ended: signed out elsewhere, or idle for 12 hours): then the session
   * is asked for again (local mode starts a new one at once, server mode shows the sign-in form).
   */
  readonly fail: (e: unknown, show: (e: unknown) => void) => void
}

/** The whole page: header (language, session), then sign-in, the dataset list or one dataset's analyses. */
export const App = () => {
  const [lang, setLang] = useState<Lang>(storedLang)
  const [session, setSession] = useState<SessionInfo | undefined>()
  const [error, setError] = useState<unknown>()
  const [dataset, setDataset] = useState<DatasetRef | undefined>()
  const [notice, setNotice] = useState("")
  const expired = () =>
    getSession().then((s) => {
      setSession(s)
      setNotice(translate(lang, s.tenant !== null ? "sessionRenewed" : "errUnauthorized"))
    }, setError)
  const ui: Ui = {
    lang,
    t: (key, vars) => translate(lang, key, vars),
    fail: (e, show) => (isApiError(e) && e.status === 401 ? void expired() : show(e))
  }

  useEffect(() => {
    document.documentElement.lang = lang
    document.title = ui.t("appTitle")
    try {
      localStorage.setItem("danvan.lang", lang)
    } catch {
      // private mode: the choice lasts for this page only
    }
  }, [lang])

  useEffect(() => {
    getSession().then(setSession, setError)
  }, [])

  const onSignIn = async (key: string) => {
    setSession(await signIn(key))
    setNotice("")
  }
  const onSignOut = async () => {
    if (session?.csrf) await signOut(session.csrf).catch(setError)
    setDataset(undefined)
    setSession(await getSession().catch(() => ({ mode: "server" as const, tenant: null, csrf: null })))
  }

  const signedIn = session !== undefined && session.tenant !== null && session.csrf !== null
  return (
    <>
      <a class="skip" href="#main">
        {ui.t("skip")}
      </a>
      <header class="top">
        <h1>{ui.t("appTitle")}</h1>
        <div class="who">
          {signedIn && (
            <span>
              {session.mode === "local" ? ui.t("localUser") : ui.t("signedInAs", { tenant: session.tenant! })}
            </span>
          )}
          <button
            type="button"
            lang={lang === "vi" ? "en" : "vi"}
            aria-label={`${ui.t("language")}: ${ui.t("switchTo")}`}
            onClick={() => setLang(lang === "vi" ? "en" : "vi")}
          >
            {ui.t("switchTo")}
          </button>
          {signedIn && session.mode === "server" && (
            <button type="button" onClick={onSignOut}>
              {ui.t("signOut")}
            </button>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {error !== undefined && <ErrorMessage lang={lang} error={error} />}
        {notice !== "" && (
          <p class="notice" role="status">
            {notice}
          </p>
        )}
        {session === undefined && error === undefined && <p>{ui.t("loading")}</p>}
        {session !== undefined && !signedIn && <SignIn ui={ui} onSignIn={onSignIn} />}
        {signedIn && dataset === undefined && <Datasets ui={ui} csrf={session.csrf!} onOpen={setDataset} />}
        {signedIn && dataset !== undefined && (
          <Analysis ui={ui} csrf={session.csrf!} dataset={dataset} onBack={() => setDataset(undefined)} />
        )}
      </main>
      <footer>{ui.t("footer")}</footer>
    </>
  )
}
