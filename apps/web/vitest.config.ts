import { mergeConfig } from "vitest/config"
import { sharedConfig } from "../../vitest.shared.js"

// Browser tests drive a real server and Chromium: each test gets two minutes, files run one after another.
export default mergeConfig(sharedConfig, {
  test: { testTimeout: 120_000, hookTimeout: 60_000, fileParallelism: false }
})
