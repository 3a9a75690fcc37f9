import { availableParallelism } from "node:os"
import { describe, expect, it } from "vitest"
import { configFromEnv } from "../src/config.js"

// The analysis workers' settings from the environment: defaults, overrides, and refusals naming the variable.

describe("configFromEnv: analysis workers", () => {
  it("defaults to one worker per core but one (at least one), a queue of 64 and a 60 s limit", () => {
    const config = configFromEnv({})
    expect(config.workers).toBe(Math.max(1, availableParallelism() - 1))
    expect(config.queueSize).toBe(64)
    expect(config.analysisTimeoutMs).toBe(60_000)
  })

  it("reads DANVAN_WORKERS, DANVAN_QUEUE_SIZE and DANVAN_ANALYSIS_TIMEOUT_MS", () => {
    expect(configFromEnv({ DANVAN_WORKERS: "3", DANVAN_QUEUE_SIZE: "0", DANVAN_ANALYSIS_TIMEOUT_MS: "1500" })).toMatchObject({ workers: 3, queueSize: 0, analysisTimeoutMs: 1500 })
  })

  it("refuses zero workers, a zero time limit and non-integers, naming the variable", () => {
    expect(() => configFromEnv({ DANVAN_WORKERS: "0" })).toThrow(/DANVAN_WORKERS/)
    expect(() => configFromEnv({ DANVAN_ANALYSIS_TIMEOUT_MS: "0" })).toThrow(/DANVAN_ANALYSIS_TIMEOUT_MS/)
    expect(() => configFromEnv({ DANVAN_QUEUE_SIZE: "1.5" })).toThrow(/DANVAN_QUEUE_SIZE/)
  })
})
