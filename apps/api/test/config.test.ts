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
    expect(configFromEnv({ DANVAN_WORKERS: "3", DANVAN_QUEUE_SIZE: "0", DANVAN_ANALYSIS_TIMEOUT_MS: "1500" }))
      .toMatchObject({ workers: 3, queueSize: 0, analysisTimeoutMs: 1500 })
  })

  it("refuses zero workers, a zero time limit and non-integers, naming the variable", () => {
    expect(() => configFromEnv({ DANVAN_WORKERS: "0" })).toThrow(/DANVAN_WORKERS/)
    expect(() => configFromEnv({ DANVAN_ANALYSIS_TIMEOUT_MS: "0" })).toThrow(/DANVAN_ANALYSIS_TIMEOUT_MS/)
    expect(() => configFromEnv({ DANVAN_QUEUE_SIZE: "1.5" })).toThrow(/DANVAN_QUEUE_SIZE/)
  })
})

describe("configFromEnv: uploads, shutdown and disclosure control", () => {
  it("defaults: 30 s idle, 5 min total, 256 MB in flight, 10,000 columns, 30 s shutdown, 100 categories, min cell off", () => {
    expect(configFromEnv({})).toMatchObject({
      bodyIdleTimeoutMs: 30_000,
      bodyTimeoutMs: 300_000,
      uploadMemoryBytes: 256 * 1024 * 1024,
      maxColumns: 10_000,
      shutdownTimeoutMs: 30_000,
      maxCategories: 100,
      minCell: 0
    })
  })

  it("reads each variable, and refuses bad values naming it", () => {
    expect(
      configFromEnv({
        DANVAN_BODY_IDLE_TIMEOUT_MS: "500",
        DANVAN_BODY_TIMEOUT_MS: "9000",
        DANVAN_UPLOAD_MEMORY_MB: "0.5",
        DANVAN_MAX_COLUMNS: "20",
        DANVAN_SHUTDOWN_TIMEOUT_MS: "0",
        DANVAN_MAX_CATEGORIES: "12",
        DANVAN_MIN_CELL: "5"
      })
    ).toMatchObject({
      bodyIdleTimeoutMs: 500,
      bodyTimeoutMs: 9000,
      uploadMemoryBytes: 524_288,
      maxColumns: 20,
      shutdownTimeoutMs: 0,
      maxCategories: 12,
      minCell: 5
    })
    for (
      const name of [
        "DANVAN_BODY_IDLE_TIMEOUT_MS",
        "DANVAN_BODY_TIMEOUT_MS",
        "DANVAN_MAX_COLUMNS",
        "DANVAN_MAX_CATEGORIES"
      ]
    ) {
      expect(() => configFromEnv({ [name]: "0" })).toThrow(new RegExp(name))
    }
    expect(() => configFromEnv({ DANVAN_MIN_CELL: "2.5" })).toThrow(/DANVAN_MIN_CELL/)
    expect(() => configFromEnv({ DANVAN_UPLOAD_MEMORY_MB: "lots" })).toThrow(/DANVAN_UPLOAD_MEMORY_MB/)
  })
})
