import { defineConfig } from "vite"

// A plain Vite build: Preact's JSX through esbuild (no plugin), hashed files under dist/assets/ (served as
// immutable by the API), nothing loaded from another origin.
export default defineConfig({
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  build: {
    target: "es2022",
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    assetsInlineLimit: 0
  },
  server: {
    proxy: { "/v1": "http://127.0.0.1:8080", "/auth": "http://127.0.0.1:8080" }
  }
})
