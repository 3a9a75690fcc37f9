# Reference values for the design-based second-order Rao-Scott MMI test (mmiDesignRaoScott): R survey's
# linearized covariance of the domain proportions (svyby(~items, ~group, svymean, covmat = TRUE)) and the matrix
# algebra of M = D^-1 H V H' written out here independently of the TypeScript code.
# Run from this directory:  Rscript mmi-design.R   (writes ../test/fixtures/mmi-design.json)
# Doubles are written as "%.17g" text verbatim, as in design.R.

suppressPackageStartupMessages({ library(jsonlite); library(survey) })
num17 <- function(v) ifelse(v == round(v) & abs(v) < 2^53, sprintf("%.0f", v), sprintf("%.17g", v))
verbatim <- function(txt) structure(txt, class = "json")
vec <- function(x) verbatim(paste0("[", paste(num17(as.vector(x)), collapse = ","), "]"))
one <- function(x) verbatim(num17(x))

set.seed(20261206)
psuCounts <- c(5, 4, 6, 5)
stratum <- integer(0); psu <- integer(0)
for (h in seq_along(psuCounts)) for (k in seq_len(psuCounts[h])) {
  size <- sample(5:11, 1)
  stratum <- c(stratum, rep(h, size)); psu <- c(psu, rep(k, size))
}
n <- length(stratum)
clusterEffect <- rnorm(sum(psuCounts))[match(paste(stratum, psu), unique(paste(stratum, psu)))]
group <- sample(1:3, n, replace = TRUE, prob = c(0.2, 0.35, 0.45))
trait <- rnorm(n) + clusterEffect
items <- sapply(c(-0.6, 0, 0.4, 1), function(b) as.integer(b + 0.3 * group + trait + rnorm(n) > 0.8))
colnames(items) <- paste0("y", 1:4)
w <- round(runif(n, 0.5, 4), 3)
popsize <- c(30, 12, 40, 25)[stratum]
inDomain <- !(runif(n) < 0.08)
df <- data.frame(stratum, psu, group, items, w, popsize)

mmiDesign <- function(des, m) {
  r <- 3; c <- 4
  b <- svyby(~y1 + y2 + y3 + y4, ~group, des, svymean, covmat = TRUE)
  order <- as.vector(t(matrix(seq_len(r * c), r, c)))  # item-major -> group-major
  p <- coef(b)[order]
  V <- vcov(b)[order, order]
  Ni <- coef(svytotal(~factor(group), des))
  a <- Ni / sum(Ni)
  pi <- coef(svymean(~y1 + y2 + y3 + y4, des))
  X2S <- sum(m * rep(a, each = c) * (p - rep(pi, r))^2 / rep(pi * (1 - pi), r))
  H <- diag(r * c) - kronecker(matrix(1, r, 1) %*% t(a), diag(c))
  D <- diag(as.vector(kronecker(1 / (m * a), pi * (1 - pi))) * m / (m - 1))
  M <- solve(D) %*% H %*% V %*% t(H)
  s1 <- sum(diag(M)); s2 <- sum(M * t(M)); q <- (r - 1) * c
  nu <- degf(des)
  stat <- X2S * s1 / s2; dfx <- s1^2 / s2
  statN <- X2S * q / s2; dfN <- q^2 / s2
  list(proportions = vec(p), covariance = vec(V), sumStatistic = one(X2S), s1 = one(s1), s2 = one(s2),
       statistic = one(stat), df = one(dfx), p = one(pchisq(stat, dfx, lower.tail = FALSE)),
       f = list(statistic = one(X2S / s1), df1 = one(dfx), df2 = one(dfx * nu),
                p = one(pf(X2S / s1, dfx, dfx * nu, lower.tail = FALSE))),
       nominal = list(statistic = one(statN), df = one(dfN), p = one(pchisq(statN, dfN, lower.tail = FALSE))),
       designDf = one(nu), respondents = one(m))
}

cases <- list()
add <- function(id, des, lonely = "fail", domain = FALSE) {
  options(survey.lonely.psu = lonely)
  if (domain) des <- subset(des, inDomain)
  m <- if (domain) sum(inDomain) else n
  cases[[length(cases) + 1]] <<- c(list(id = id, lonely = lonely, domain = domain), mmiDesign(des, m))
}
add("weights only", svydesign(ids = ~1, weights = ~w, data = df))
add("strata", svydesign(ids = ~1, strata = ~stratum, weights = ~w, data = df))
add("strata and clusters", svydesign(ids = ~psu, strata = ~stratum, weights = ~w, data = df, nest = TRUE))
add("strata, clusters and fpc", svydesign(ids = ~psu, strata = ~stratum, weights = ~w, fpc = ~popsize, data = df, nest = TRUE))
add("clusters, unit weights", svydesign(ids = ~psu, strata = ~stratum, data = df, nest = TRUE))
add("domain of strata and clusters", svydesign(ids = ~psu, strata = ~stratum, weights = ~w, data = df, nest = TRUE),
    domain = TRUE)

out <- list(
  generator = paste("packages/stats/scripts/mmi-design.R with R", getRversion(), "survey", packageVersion("survey")),
  data = list(stratum = vec(stratum), psu = vec(psu), group = vec(group), y1 = vec(items[, 1]), y2 = vec(items[, 2]),
              y3 = vec(items[, 3]), y4 = vec(items[, 4]), w = vec(w), popsize = vec(popsize),
              inDomain = vec(as.integer(inDomain))),
  cases = cases
)
writeLines(toJSON(out, auto_unbox = TRUE, pretty = TRUE, json_verbatim = TRUE), "../test/fixtures/mmi-design.json")
