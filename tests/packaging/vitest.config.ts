import { mergeConfig } from "vitest/config"
import { sharedConfig } from "../../vitest.shared.js"

// Packing and one `npm install` of the tarballs take a while on a loaded 2-core machine.
export default mergeConfig(sharedConfig, { test: { testTimeout: 120_000, hookTimeout: 300_000 } })
