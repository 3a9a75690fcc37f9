#!/bin/sh
# Generates test/fixtures/weighted: the data and R's frequency-weighted reference values (weighted.R), then
# the .sav with PSPP (weighted.sps: Vietnamese labels, 9 = no answer, MRSETS, WEIGHT BY trongso).
# Needs r-base-core, r-cran-jsonlite and pspp; CI needs none of them (the outputs are committed).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../test/fixtures/weighted"
mkdir -p "$out"
(cd "$here" && Rscript weighted.R)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed -e "s|@CSV@|'$out/trongso.csv'|" -e "s|@SAV@|'$out/trongso.sav'|" "$here/weighted.sps" > "$tmp/w.sps"
pspp "$tmp/w.sps"
