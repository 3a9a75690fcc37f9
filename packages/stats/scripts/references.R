# Reference values for the stats tests' named points (edge cases checked one by one rather than over a grid):
# chi-square tails around the series / log-space switch, the normal tail's quoted points, a table with huge
# counts and the strong 2 x 2 whose adjusted residuals are +-sqrt(X^2).
#
# Run: cd packages/stats/scripts && Rscript references.R   (writes ../test/fixtures/references.json)
# Numbers are written with 17 significant digits (sprintf %.17g, as normal.R does) so they round-trip exactly.
suppressPackageStartupMessages(library(jsonlite))

num <- function(x) structure(sprintf("%.17g", x), class = "json")

chi <- list(c(1500, 1400), c(2000, 3), c(1400, 1), c(1361, 1), c(1500, 1), c(1500, 2), c(100, 2), c(3, 1),
            c(0.001, 1), c(0.5, 7), c(50, 80), c(1000, 900), c(5000, 4999), c(1e-10, 4), c(1400, 1200),
            c(1450, 1449))
chiSquareTail <- lapply(chi, function(c) list(x = c[1], df = c[2], p = num(pchisq(c[1], c[2], lower.tail = FALSE))))

z <- c(1.96, -1.96, 5, 10, 20, 37)
normalUpperTail <- lapply(z, function(v) list(z = v, p = num(pnorm(v, lower.tail = FALSE))))

huge <- matrix(c(110000, 100000, 100000, 104000), 2, byrow = TRUE)
hugeTest <- suppressWarnings(chisq.test(huge, correct = FALSE))
strong <- matrix(c(40, 1, 1, 40), 2, byrow = TRUE)
strongTest <- suppressWarnings(chisq.test(strong, correct = FALSE))

json <- toJSON(list(
  source = paste("R", getRversion(), "pchisq, pnorm, chisq.test(correct = FALSE); scripts/references.R"),
  chiSquareTail = chiSquareTail,
  normalUpperTail = normalUpperTail,
  # z = 38: the tail (~2.9e-316) is subnormal; its log is the reference
  normalLogUpperTail38 = num(pnorm(38, lower.tail = FALSE, log.p = TRUE)),
  normalTwoSided196 = num(2 * pnorm(-1.96)),
  hugeCounts = list(counts = lapply(1:2, function(i) huge[i, ]), statistic = num(unname(hugeTest$statistic)),
                    p = num(hugeTest$p.value)),
  strong2x2 = list(counts = lapply(1:2, function(i) strong[i, ]), statistic = num(unname(strongTest$statistic)),
                   adjustedP = num(2 * pnorm(-abs(strongTest$stdres[1, 1]))))
), digits = NA, auto_unbox = TRUE, json_verbatim = TRUE, pretty = TRUE)
writeLines(json, "../test/fixtures/references.json")
message("wrote ../test/fixtures/references.json")
