import { Worker } from "node:worker_threads"
import type { AnalysisTask, TaskReply } from "./protocol.js"

/** How a submitted task ended. */
export type Outcome =
  | { readonly kind: "done"; readonly reply: TaskReply }
  /** Every worker busy and the queue full: refused at once, never started. */
  | { readonly kind: "busy" }
  /** Ran longer than the time limit: its worker was terminated (and replaced). */
  | { readonly kind: "timeout"; readonly ms: number }
  /** The worker died under it (out of memory, a crash). */
  | { readonly kind: "crashed"; readonly message: string }

export interface PoolOptions {
  /** The worker script (dist/analysis-worker.js). */
  readonly script: URL
  /** Worker threads, at least 1. */
  readonly size: number
  /** Tasks that may wait for a worker; one more is refused ("busy"). */
  readonly queueSize: number
  /** A running task's time limit (from its start on a worker, not counting the wait in the queue). */
  readonly timeoutMs: number
  /** Called as a task starts on a worker (for the log). */
  readonly onStart?: (task: AnalysisTask, load: WorkerPool["load"]) => void
}

interface Job {
  readonly task: AnalysisTask
  /** Buffers moved to the worker with the task (an upload's body). */
  readonly transfer: ReadonlyArray<ArrayBuffer>
  readonly resolve: (outcome: Outcome) => void
  timer?: ReturnType<typeof setTimeout>
}

interface Slot {
  worker: Worker | undefined
  job: Job | undefined
}

/**
 * A fixed set of worker threads with a bounded FIFO queue. Each worker runs one task at a time; a task over
 * the time limit, or whose caller gave up, has its worker terminated and replaced. Plain Node (no Effect), so
 * its bookkeeping is easy to follow; `workers.ts` wraps it as a service.
 *
 * @example
 * const pool = new WorkerPool({ script, size: 1, queueSize: 64, timeoutMs: 60_000 })
 * const { outcome } = pool.submit({ kind: "tableTest", counts: [[1, 2], [3, 4]], options: {} })
 * await outcome // { kind: "done", reply: { ok: true, body: "{...}", contentType: "application/json" } }
 * await pool.close()
 */
export class WorkerPool {
  private readonly slots: Array<Slot>
  private readonly queue: Array<Job> = []
  private closing = false
  private drained: (() => void) | undefined

  constructor(private readonly options: PoolOptions) {
    // Started at once, so the first analysis does not wait for a thread to load the packages.
    this.slots = Array.from({ length: Math.max(1, options.size) }, () => {
      const slot: Slot = { worker: undefined, job: undefined }
      slot.worker = this.spawn(slot)
      return slot
    })
  }

  /** Tasks running and waiting, for logs and error details. */
  get load(): {
    readonly running: number
    readonly queued: number
    readonly workers: number
    readonly queueSize: number
  } {
    return {
      running: this.slots.filter((s) => s.job !== undefined).length,
      queued: this.queue.length,
      workers: this.slots.length,
      queueSize: this.options.queueSize
    }
  }

  /**
   * Runs `task` on a free worker, or queues it; `cancel` (the client went away) drops a queued task and
   * terminates the worker of a running one, so an abandoned analysis stops using a core.
   */
  submit(
    task: AnalysisTask,
    transfer: ReadonlyArray<ArrayBuffer> = []
  ): { readonly outcome: Promise<Outcome>; readonly cancel: () => void } {
    let job!: Job
    const outcome = new Promise<Outcome>((resolve) => {
      job = { task, transfer, resolve }
    })
    const idle = this.slots.find((s) => s.job === undefined)
    if (idle !== undefined) this.start(idle, job)
    else if (this.queue.length < this.options.queueSize) this.queue.push(job)
    else job.resolve({ kind: "busy" })
    const cancel = () => {
      const queued = this.queue.indexOf(job)
      if (queued >= 0) this.queue.splice(queued, 1)
      const slot = this.slots.find((s) => s.job === job)
      if (slot !== undefined) this.kill(slot, { kind: "crashed", message: "cancelled: the client went away" })
    }
    return { outcome, cancel }
  }

  /** Waits for every running and queued task to finish, then terminates the workers (graceful shutdown). */
  async close(): Promise<void> {
    this.closing = true
    if (this.queue.length > 0 || this.slots.some((s) => s.job !== undefined)) {
      await new Promise<void>((resolve) => (this.drained = resolve))
    }
    await Promise.all(
      this.slots.map((s) => {
        const worker = s.worker
        s.worker = undefined
        return worker?.terminate()
      })
    )
  }

  private spawn(slot: Slot): Worker {
    const worker = new Worker(this.options.script)
    // Idle workers must not keep the process alive; the server's own lifetime decides when it ends.
    worker.unref()
    let failure: Error | undefined
    worker.on("message", (reply: TaskReply) => {
      if (slot.worker === worker && slot.job !== undefined) this.finish(slot, { kind: "done", reply })
    })
    worker.on("error", (e) => (failure = e))
    worker.on("exit", (code) => {
      if (slot.worker !== worker) return // terminated on purpose, already replaced
      // Replaced lazily (on the next task), so a worker that cannot even start does not respawn in a loop.
      slot.worker = undefined
      if (slot.job !== undefined) {
        this.finish(slot, {
          kind: "crashed",
          message: failure?.stack ?? failure?.message ?? `the analysis worker exited with code ${code}`
        })
      }
    })
    return worker
  }

  private start(slot: Slot, job: Job): void {
    slot.job = job
    slot.worker ??= this.spawn(slot)
    job.timer = setTimeout(
      () => this.kill(slot, { kind: "timeout", ms: this.options.timeoutMs }),
      this.options.timeoutMs
    )
    this.options.onStart?.(job.task, this.load)
    // The dataset's columns are SharedArrayBuffer views: the worker sees the same memory, nothing is copied.
    slot.worker.postMessage(job.task, [...job.transfer])
  }

  /** Stops the slot's worker mid-task (time limit, cancelled) and puts a fresh one in its place. */
  private kill(slot: Slot, outcome: Outcome): void {
    const worker = slot.worker
    slot.worker = undefined
    void worker?.terminate()
    if (!this.closing) slot.worker = this.spawn(slot)
    this.finish(slot, outcome)
  }

  private finish(slot: Slot, outcome: Outcome): void {
    const job = slot.job
    if (job === undefined) return
    clearTimeout(job.timer)
    slot.job = undefined
    job.resolve(outcome)
    const next = this.queue.shift()
    if (next !== undefined) this.start(slot, next)
    else if (this.closing && this.slots.every((s) => s.job === undefined)) this.drained?.()
  }
}
