import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { Authentication } from "./api.js"
import { Unauthorized } from "./errors.js"
import { Store } from "./store.js"
import { sessionTenant } from "./web/sessions.js"

/** Looks the bearer key's SHA-256 up; the tenant it belongs to is provided to the handler. */
export const AuthenticationLive = Layer.effect(
  Authentication,
  Effect.gen(function*() {
    const store = yield* Store
    return {
      bearer: (token: Redacted.Redacted<string>) =>
        Effect.gen(function*() {
          const key = Redacted.value(token).trim()
          if (key === "") {
            // The browser app sends no key: its session cookie and CSRF header stand for it (web/sessions.ts).
            const fromSession = yield* sessionTenant
            if (Option.isSome(fromSession)) return { name: fromSession.value }
          }
          if (key === "") {
            return yield* Effect.fail(Unauthorized.of("missing API key: send the header 'Authorization: Bearer <key>'"))
          }
          const tenant = yield* store.tenantOfKey(key)
          if (Option.isNone(tenant)) return yield* Effect.fail(Unauthorized.of("unknown API key"))
          return { name: tenant.value }
        })
    }
  })
)
