// Entry of dist/analysis-worker.js: the HTTP API's analysis worker thread, bundled with the CLI so that
// `danvan serve` finds it next to its own chunks (see apps/api/src/workers.ts).
import "@danvan/api/analysis-worker"
