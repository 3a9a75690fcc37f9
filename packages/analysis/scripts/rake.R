# Reference values for raking (danvan weights rake; packages/analysis/src/rake.ts): R survey's
# rake(design, sample.margins, population.margins, control) weights.
# Run from this directory:  Rscript rake.R
# Writes ../test/fixtures/rake/data.csv (the data), margins-*.json (the population totals, as danvan reads them)
# and ../test/fixtures/rake/rake.json (R's raked weights). Doubles are written as "%.17g" text verbatim.

suppressPackageStartupMessages({ library(jsonlite); library(survey) })
num17 <- function(v) ifelse(v == round(v) & abs(v) < 2^53, sprintf("%.0f", v), sprintf("%.17g", v))
verbatim <- function(txt) structure(txt, class = "json")
vec <- function(x) verbatim(paste0("[", paste(num17(as.vector(x)), collapse = ","), "]"))

set.seed(20261207)
n <- 240
capbac <- sample(1:3, n, replace = TRUE, prob = c(0.2, 0.3, 0.5))
gioitinh <- sample(1:2, n, replace = TRUE, prob = c(0.6, 0.4))
tuoi <- pmin(4, pmax(1, capbac - 1 + sample(1:3, n, replace = TRUE)))
w <- round(runif(n, 0.5, 3), 3)
df <- data.frame(id = seq_len(n), capbac, gioitinh, tuoi, w)
dir <- "../test/fixtures/rake"
write.csv(df, file.path(dir, "data.csv"), row.names = FALSE, quote = FALSE)

two <- list(capbac = c("1" = 120, "2" = 480, "3" = 700), gioitinh = c("1" = 690, "2" = 610))
three <- c(two, list(tuoi = c("1" = 40, "2" = 300, "3" = 460, "4" = 500)))
# tuoi = 1 only occurs with capbac = 1 (120 in the population), so 150 cannot be met: R "converges" to a table
# whose capbac margins are off; danvan refuses
infeasible <- c(two, list(tuoi = c("1" = 150, "2" = 400, "3" = 450, "4" = 300)))
for (m in list(list("margins-2.json", two), list("margins-3.json", three), list("margins-infeasible.json", infeasible))) {
  writeLines(toJSON(lapply(m[[2]], as.list), auto_unbox = TRUE, pretty = TRUE), file.path(dir, m[[1]]))
}

population <- function(m) lapply(names(m), function(v) {
  d <- data.frame(as.integer(names(m[[v]])), Freq = unname(m[[v]]))
  names(d)[1] <- v
  d
})
sample_margins <- function(m) lapply(names(m), function(v) as.formula(paste("~", v)))

cases <- list()
add <- function(id, margins, weighted, maxit, epsilon, file = paste0("margins-", length(margins), ".json")) {
  des <- if (weighted) svydesign(ids = ~1, weights = ~w, data = df) else
    suppressWarnings(svydesign(ids = ~1, data = df))
  converged <- TRUE
  raked <- withCallingHandlers(
    rake(des, sample_margins(margins), population(margins), control = list(maxit = maxit, epsilon = epsilon)),
    warning = function(w) if (grepl("did not converge", conditionMessage(w))) {
      converged <<- FALSE
      invokeRestart("muffleWarning")
    })
  # the largest distance of a raked margin from its population total
  off <- max(unlist(lapply(names(margins), function(v) {
    t <- svytotal(as.formula(paste0("~factor(", v, ")")), raked)
    abs(coef(t) - margins[[v]])
  })))
  cases[[length(cases) + 1]] <<- list(id = id, margins = file, weighted = weighted, maxIterations = maxit,
    tolerance = epsilon, converged = converged, marginError = verbatim(num17(off)), weights = vec(weights(raked)))
}
add("two margins, starting weights, tolerance 1e-10", two, TRUE, 100, 1e-10)
add("three margins, equal starting weights, tolerance 1e-10", three, FALSE, 100, 1e-10)
add("two margins, starting weights, R's default control (maxit 10, epsilon 1)", two, TRUE, 10, 1)
# R warns that this one did not converge; danvan refuses it (converged = false)
add("three margins, starting weights, R's default control (maxit 10, epsilon 1)", three, TRUE, 10, 1)
add("infeasible margins: R converges with margins off", infeasible, TRUE, 100, 1e-10, "margins-infeasible.json")

out <- list(
  generator = paste("packages/analysis/scripts/rake.R with R", getRversion(), "survey", packageVersion("survey")),
  cases = cases
)
writeLines(toJSON(out, auto_unbox = TRUE, pretty = TRUE, json_verbatim = TRUE), file.path(dir, "rake.json"))
