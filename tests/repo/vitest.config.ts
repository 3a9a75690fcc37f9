import { mergeConfig } from "vitest/config"
import { sharedConfig } from "../../vitest.shared.js"

// turbo's dry run and the JSDoc examples take a few seconds on a loaded 2-core machine.
export default mergeConfig(sharedConfig, { test: { testTimeout: 120_000 } })
