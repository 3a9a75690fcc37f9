import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { Config } from "./config.js"

/**
 * Bytes held by request bodies still being received, server-wide, against `DANVAN_UPLOAD_MEMORY_MB`: a body
 * reserves what it declares (Content-Length) or what it has received, and gives it back when it is read or
 * refused. Many slow uploads therefore cannot pile up memory: past the cap a new one is refused with 503.
 *
 * @example
 * const budget = new ByteBudget(1024)
 * budget.reserve(1000) // true
 * budget.reserve(100) // false (1100 > 1024)
 * budget.release(1000)
 */
export class ByteBudget {
  private held = 0
  constructor(readonly limit: number) {}

  /** Takes `bytes` if they fit under the limit; false (and nothing taken) when they do not. */
  reserve(bytes: number): boolean {
    if (this.held + bytes > this.limit) return false
    this.held += bytes
    return true
  }

  release(bytes: number): void {
    this.held = Math.max(0, this.held - bytes)
  }

  get inUse(): number {
    return this.held
  }
}

/** The server's one budget for bodies in flight (sized by Config's uploadMemoryBytes). */
export class BodyBudget extends Context.Tag("@danvan/api/BodyBudget")<BodyBudget, ByteBudget>() {
  static readonly layer = Layer.effect(
    BodyBudget,
    Effect.map(Config, (config) => new ByteBudget(config.uploadMemoryBytes))
  )
}
