// Renders bench/compare.json's content as the Markdown section of bench/README.md.

const ms = (
  s
) => (s === null || s === undefined
  ? "–"
  : s >= 10
  ? `${s.toFixed(1)} s`
  : `${(s * 1000).toFixed(s < 0.01 ? 2 : 0)} ms`)
const mib = (x) => (x === null || x === undefined ? "–" : `${Math.round(x)} MiB`)
const mark = (met) => (met === true ? "yes" : met === false ? "**no**" : "–")

/** The results table (Markdown) with the machine it ran on. */
export const renderTable = (out) => {
  const m = out.machine
  const lines = [
    "",
    `Run ${out.date} on ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.platform}; Node ${m.node}; ${
      m.r ?? "R not installed"
    }; data.table ${m.dataTable ?? "not installed"}; DuckDB ${m.duckdb ?? "not installed"}. ` +
    (out.partialRun
      ? `Re-run at that date: ${out.partialRun.join(", ")}; the other rows are from the previous full run. `
      : "") +
    `${out.repetitions} repetitions per case (3 for fisher-exact), danvan and the anchors alternating; medians of the CPU time (user + system) of the timed work (for the process cases, of the whole process), after the warm-ups given in bench/compare.mjs. Load average at the end: ${
      m.loadAverageAtEnd.join(", ")
    }` +
    (m.loadAverageAtEnd[0] > m.cores * 0.75
      ? " (**the machine was loaded** by other jobs: absolute times are noisy, CPU-time ratios less so)."
      : "."),
    "",
    "| case | danvan | anchor | anchor (R function, DuckDB) | anchor / danvan | target | met | same result | peak RSS danvan / anchor |",
    "| --- | ---: | ---: | --- | ---: | ---: | :---: | :---: | ---: |"
  ]
  for (const r of out.results) {
    if (r.unavailable !== undefined) {
      lines.push(`| ${r.id}: ${r.what} | ${r.unavailable} | | | | | | | |`)
      continue
    }
    const refs = r.r.length > 0 ? r.r : [null]
    refs.forEach((ref, k) => {
      const label = k === 0 ? `${r.id}: ${r.what}` : "″"
      const rss = r.memory ? `${mib(r.danvan.peakRssMiB)} / ${mib(ref?.peakRssMiB)}` : ""
      lines.push(
        `| ${label} | ${k === 0 ? ms(r.danvan.medianSeconds) : "″"} | ${ms(ref?.medianSeconds)} | ${
          ref?.name ?? "–"
        } | ` +
          `${ref?.ratio != null ? ref.ratio.toFixed(1) + "x" : "–"} | ${
            ref?.target != null ? ref.target + "x" : "–"
          } | ${mark(ref?.met)} | ` +
          `${ref?.agree === true ? "yes" : ref?.agree === false ? "**no**" : "–"} | ${rss} |`
      )
    })
  }
  if (out.help) {
    lines.push(
      `| help: \`danvan --help\` cold start, wall time (${out.help.tool}; CPU ${ms(out.help.meanCpuSeconds)}) | ${
        ms(out.help.medianSeconds)
      } | | | | < 300 ms | ${mark(out.help.met)} | | |`
    )
  }
  lines.push("")
  return lines.join("\n")
}
