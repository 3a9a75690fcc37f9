import { builtinCodebook, builtinCodebookIds, decodeCodebook, type Codebook } from "@danvan/domain"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import { NotFound } from "./errors.js"
import { Store } from "./store.js"

const decoded = new Map<string, Codebook>()

/**
 * A codebook by id for a tenant: a built-in instrument, or one of the tenant's own (decoded once, then kept:
 * stored codebooks never change). Another tenant's codebook is not found.
 *
 * @example
 * const codebook = yield* resolveCodebook("district-7", "hcmc-2024")
 */
export const resolveCodebook = (tenant: string, id: string) =>
  Effect.gen(function* () {
    if (builtinCodebookIds().includes(id)) return Either.getOrThrow(builtinCodebook(id))
    const cacheKey = `${tenant}\u0000${id}`
    const cached = decoded.get(cacheKey)
    if (cached !== undefined) return cached
    const store = yield* Store
    const body = yield* store.getCodebook(tenant, id)
    if (Option.isNone(body)) return yield* Effect.fail(NotFound.of("codebook", id))
    // Stored codebooks were validated on the way in, so a failure here is a defect, not the user's input.
    const codebook = Either.getOrThrow(decodeCodebook(JSON.parse(body.value), id))
    decoded.set(cacheKey, codebook)
    return codebook
  })
