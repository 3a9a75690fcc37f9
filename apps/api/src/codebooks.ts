import { builtinCodebook, builtinCodebookIds, type Codebook, decodeCodebook } from "@danvan/domain"
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
  Effect.gen(function*() {
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

/**
 * The codebook of a tenant's dataset: the one its file brought (a .sav's dictionary, kept with the dataset),
 * else the stored or built-in codebook it was checked against, else none.
 *
 * @example
 * const codebook = yield* datasetCodebook("district-7", datasetId, dataset.codebookId)
 */
export const datasetCodebook = (tenant: string, datasetId: string, codebookId: string | undefined) =>
  Effect.gen(function*() {
    const cacheKey = `${tenant}\u0000dataset\u0000${datasetId}`
    const cached = decoded.get(cacheKey)
    if (cached !== undefined) return cached
    const body = yield* (yield* Store).getDatasetCodebook(tenant, datasetId)
    if (Option.isNone(body)) return codebookId !== undefined ? yield* resolveCodebook(tenant, codebookId) : undefined
    const codebook = Either.getOrThrow(decodeCodebook(JSON.parse(body.value), datasetId))
    // Bounded: one entry per dataset analysed would otherwise grow without end (evicted entries are re-read).
    if (decoded.size >= 256) decoded.delete(decoded.keys().next().value as string)
    decoded.set(cacheKey, codebook)
    return codebook
  })

/**
 * Forgets the decoded codebook of a tenant's dataset (after it was replaced), so the next analysis reads the new one.
 *
 * @example
 * forgetDatasetCodebook("district-7", datasetId)
 */
export const forgetDatasetCodebook = (tenant: string, datasetId: string) => {
  decoded.delete(`${tenant}\u0000dataset\u0000${datasetId}`)
}
