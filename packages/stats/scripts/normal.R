# Reference values for src/distributions/normal.ts: R's pnorm upper tail on a grid.
# Run: cd packages/stats/scripts && Rscript normal.R   (writes ../test/fixtures/normal.json)
#
# Numbers are written with 17 significant digits (sprintf %.17g) so they round-trip exactly;
# jsonlite's digits = NA stops at 15. For z > 37.5193 R's pnorm returns 0 (its cutoff); there the
# reference is exp(pnorm(z, lower.tail = FALSE, log.p = TRUE)), a subnormal double ("subnormal": true).
library(jsonlite)

num <- function(x) structure(ifelse(is.finite(x), sprintf("%.17g", x), "null"), class = "json")

z <- sort(unique(c(
  0, 1e-300, 1e-17, 1e-10, 0.1, 0.5, 0.6744897, 0.67448975, 0.6744898, 1, 1.5, 1.959963984540054, 1.96, 2, 2.5,
  3, 4, 5, 5.656854, 5.656855, 6, 7, 8, 8.2924, 9, 10, 12, 15, 20, 25, 30, 35, 37, 37.5, 37.519, 37.52, 38, 38.4,
  seq(-9.75, 9.75, by = 0.25), -0.3, -1, -1.96, -3, -5, -6, -8, -10, -20, -37, -40
)))
upperTail <- function(zz) {
  u <- pnorm(zz, lower.tail = FALSE)
  if (u == 0) u <- exp(pnorm(zz, lower.tail = FALSE, log.p = TRUE))
  u
}
rows <- lapply(z, function(zz) {
  upper <- upperTail(zz)
  logUpper <- pnorm(zz, lower.tail = FALSE, log.p = TRUE)
  list(z = num(zz), upper = num(upper), logUpper = num(logUpper),
       subnormal = upper > 0 && upper < .Machine$double.xmin,
       twoSided = num(min(1, 2 * upperTail(abs(zz)))))
})
out <- list(
  generator = "packages/stats/scripts/normal.R",
  r = R.version.string,
  note = "upper = pnorm(z, lower.tail = FALSE); twoSided = min(1, 2 * upper(|z|)); subnormal rows use exp(log.p)",
  grid = rows
)
writeLines(toJSON(out, auto_unbox = TRUE, json_verbatim = TRUE, pretty = TRUE), "../test/fixtures/normal.json")
cat("wrote", length(rows), "normal tail values\n")
