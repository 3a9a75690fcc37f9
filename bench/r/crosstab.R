# The CSV -> two-column crosstab task as a whole R process: Rscript crosstab.R DATA_DIR
# data.table::fread with select = the two columns, then table(); prints one JSON line {"check": ...}: the sum
# over cells of count x (row code x 100 + column code), which danvan's and DuckDB's tables must reproduce.
args <- commandArgs(trailingOnly = TRUE)
d <- data.table::fread(file.path(args[1], "survey.csv"), select = c("level", "district"))
t <- table(d$level, d$district)
check <- sum(t * outer(as.numeric(rownames(t)) * 100, as.numeric(colnames(t)), "+"))
cat(sprintf('{"check":%.17g}\n', check))
