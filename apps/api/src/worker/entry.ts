// The analysis worker (built as dist/analysis-worker.js): runs one task at a time for the server's pool
// (see pool.ts) and posts back the response body. Everything CPU-heavy happens here, off the event loop.
import { parentPort } from "node:worker_threads"
import type { AnalysisTask, TaskReply } from "./protocol.js"
import { runTask } from "./tasks.js"

const port = parentPort
if (port === null) throw new Error("analysis-worker.js runs as a worker thread of the danvan API server")

port.on("message", (task: AnalysisTask) => {
  void runTask(task)
    .catch(
      (e: unknown): TaskReply => ({
        ok: false,
        error: "defect",
        message: e instanceof Error ? (e.stack ?? e.message) : String(e)
      })
    )
    .then((reply) => {
      // A binary body (XLSX) is copied into its own buffer and moved, not cloned
      // (a Node Buffer may be a view of a shared pool).
      if (reply.ok && "upload" in reply) {
        // Each column's values own their buffer (the readers allocate one per column): move them.
        const buffers = new Set(
          reply.upload.columns.map((c) => c.values.buffer).filter((b): b is ArrayBuffer => b instanceof ArrayBuffer)
        )
        port.postMessage(reply, [...buffers])
      } else if (reply.ok && typeof reply.body !== "string") {
        const bytes = new Uint8Array(reply.body)
        port.postMessage({ ...reply, body: bytes }, [bytes.buffer])
      } else port.postMessage(reply)
    })
})
