# One R benchmark case in a fresh R process: Rscript case.R CASE DATA_DIR WARMUPS
# Loads the case's input (not timed), runs it WARMUPS times untimed, then once timed, and prints one JSON
# line {"seconds": ..., "cpuSeconds": ..., "check": ...}, the R counterpart of bench/compare/node-case.mjs.
args <- commandArgs(trailingOnly = TRUE)
case <- args[1]; dir <- args[2]; warmups <- as.integer(args[3])
here <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))
source(file.path(here, "mmi.R"))

readInt32 <- function(file, n) readBin(file.path(dir, file), "integer", n = n, size = 4, endian = "little")
readMr <- function(file) {
  d <- as.matrix(read.csv(file.path(dir, file)))
  list(group = d[, 1], Y = d[, -1, drop = FALSE])
}
table_of <- function(name) {
  txt <- paste(readLines(file.path(dir, "tables.json")), collapse = "")
  m <- regmatches(txt, regexpr(paste0('"', name, '":\\[\\[[0-9,\\[\\]]*\\]\\]'), txt, perl = TRUE))
  rows <- regmatches(m, gregexpr("\\[[0-9,]+\\]", m))[[1]]
  do.call(rbind, lapply(rows, function(r) as.numeric(strsplit(gsub("\\[|\\]", "", r), ",")[[1]])))
}

easy_set <- function() {
  txt <- paste(readLines(file.path(dir, "tables.json")), collapse = "")
  m <- regmatches(txt, regexpr('"easySet":\\[(\\[\\[[0-9,\\[\\]]*\\]\\],?)+\\]', txt, perl = TRUE))
  lapply(regmatches(m, gregexpr("\\[\\[[0-9,\\[\\]]*?\\]\\]", m, perl = TRUE))[[1]], function(t) {
    rows <- regmatches(t, gregexpr("\\[[0-9,]+\\]", t))[[1]]
    do.call(rbind, lapply(rows, function(r) as.numeric(strsplit(gsub("\\[|\\]", "", r), ",")[[1]])))
  })
}
# data.table's fread, loaded only by the cases that use it (bench/compare.mjs checks that it is installed)
fread <- function(...) data.table::fread(...)

cases <- list(
  "counting-table" = list(
    prepare = function() { n <- file.size(file.path(dir, "rows.i32")) / 4; list(r = readInt32("rows.i32", n), c = readInt32("cols.i32", n)) },
    run = function(x) table(x$r, x$c)[1, 1]),
  "counting-tabulate" = list(
    prepare = function() { n <- file.size(file.path(dir, "rows.i32")) / 4; list(r = readInt32("rows.i32", n), c = readInt32("cols.i32", n)) },
    # cell index (row - 1) * 4 + col; missing row code 9 lands beyond nbins and is dropped, as in countCodes
    run = function(x) tabulate((x$r - 1L) * 4L + x$c, nbins = 12L)[1]),
  "csv" = list(
    prepare = function() NULL,
    run = function(x) nrow(read.csv(file.path(dir, "survey.csv")))),
  "csv-fread" = list(
    prepare = function() invisible(requireNamespace("data.table")),
    run = function(x) nrow(fread(file.path(dir, "survey.csv")))),
  "fisher-easy-set" = list(
    prepare = function() easy_set(),
    run = function(x) sum(vapply(x, function(t) fisher.test(t)$p.value, 0))),
  "fisher-exact" = list(
    prepare = function() table_of("sparse4x5"),
    run = function(x) fisher.test(x, workspace = 2e8)$p.value),
  "fisher-exact-easy" = list(
    prepare = function() table_of("sparse4x5easy"),
    run = function(x) fisher.test(x)$p.value),
  "fisher-mc" = list(
    prepare = function() { set.seed(1); table_of("paper3x3") },
    run = function(x) fisher.test(x, simulate.p.value = TRUE, B = 1e5)$p.value),
  "mmi-rs2" = list(
    prepare = function() readMr("mr-3x12.csv"),
    run = function(x) mmi_rs2(x$group, x$Y)$statistic),
  "mmi-bootstrap" = list(
    prepare = function() { set.seed(1); readMr("mr-3x8.csv") },
    run = function(x) mmi_bootstrap(x$group, x$Y, B = 1999)),
  "mmi-bootstrap-chisq" = list(
    prepare = function() { set.seed(1); readMr("mr-3x8.csv") },
    run = function(x) mmi_bootstrap_chisq(x$group, x$Y, B = 1999))
)

spec <- cases[[case]]
if (is.null(spec)) stop("unknown case ", case)
input <- spec$prepare()
for (w in seq_len(warmups)) invisible(spec$run(input))
t0 <- proc.time()
check <- spec$run(input)
t1 <- proc.time()
seconds <- t1[["elapsed"]] - t0[["elapsed"]]
cpu <- (t1[["user.self"]] + t1[["sys.self"]]) - (t0[["user.self"]] + t0[["sys.self"]])
cat(sprintf('{"seconds":%.6f,"cpuSeconds":%.6f,"check":%.17g}\n', seconds, cpu, as.numeric(check)))
