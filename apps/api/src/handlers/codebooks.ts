import { builtinCodebookIds, builtinCodebookJson, codebookToJson, decodeCodebook, parseJsonText } from "@danvan/domain"
import { HttpApiBuilder } from "@effect/platform"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import { DanvanApi, Tenant } from "../api.js"
import { readBody } from "../body.js"
import { BadRequest, Conflict, NotFound } from "../errors.js"
import { Store } from "../store.js"

/** Built-in codebooks (shared) and the tenant's own. */
export const CodebooksLive = HttpApiBuilder.group(DanvanApi, "codebooks", (handlers) =>
  handlers
    .handle("list", () =>
      Effect.gen(function*() {
        const tenant = yield* Tenant
        const own = yield* (yield* Store).listCodebooks(tenant.name)
        return {
          codebooks: [
            ...builtinCodebookIds().map((id) => ({ id, title: builtinCodebookJson[id].title, builtin: true })),
            ...own.map((c) => ({
              id: c.id,
              title: (JSON.parse(c.body) as { title: { vi: string; en: string } }).title,
              builtin: false
            }))
          ]
        }
      }))
    .handle("get", ({ path }) =>
      Effect.gen(function*() {
        // A built-in id gives the instrument's own JSON, as `danvan codebook show ID --format json` prints it.
        if (builtinCodebookIds().includes(path.id)) return builtinCodebookJson[path.id] as unknown
        const tenant = yield* Tenant
        const body = yield* (yield* Store).getCodebook(tenant.name, path.id)
        if (Option.isNone(body)) return yield* Effect.fail(NotFound.of("codebook", path.id))
        return JSON.parse(body.value) as unknown
      }))
    .handleRaw("create", ({ request }) =>
      Effect.gen(function*() {
        const tenant = yield* Tenant
        const text = new TextDecoder().decode(yield* readBody(request))
        const json = parseJsonText(text)
        if (Either.isLeft(json)) return yield* Effect.fail(BadRequest.of("INVALID_JSON", `the body is ${json.left}`))
        const codebook = decodeCodebook(json.right, "request body")
        if (Either.isLeft(codebook)) {
          return yield* Effect.fail(
            BadRequest.of("INVALID_CODEBOOK", codebook.left.message, { issues: codebook.left.issues })
          )
        }
        const { id, title } = codebook.right
        if (builtinCodebookIds().includes(id)) {
          return yield* Effect.fail(Conflict.of("codebook", id, "is a built-in codebook; choose another id"))
        }
        // Stored in its decoded file form, so GET returns what `danvan codebook show FILE --format json` prints.
        const stored = yield* (yield* Store).insertCodebook(
          tenant.name,
          id,
          JSON.stringify(codebookToJson(codebook.right))
        )
        if (!stored) return yield* Effect.fail(Conflict.of("codebook", id, "exists already"))
        return { id, title, builtin: false }
      })))
