#!/bin/sh
# Generates the .sav/.zsav fixtures of test/fixtures/sav with PSPP (Debian package `pspp`) from
# scripts/sav/survey.sps, and PSPP's own listing of each file (DISPLAY DICTIONARY, LIST, MRSETS /DISPLAY,
# documents, file label) as CSV text. Tests compare our reader with those listings; CI needs no PSPP.
# Also writes writer-output.sav, writer-strings.sav and writer-long-strings.sav (string variables, labelled, very
# long) with our writer (scripts/write-sav-fixture.mjs) and lists it the same way.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../test/fixtures/sav"
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

save() { # LOCALE FILE SAVE-OPTION
  printf "SET LOCALE='%s'.\nINSERT FILE='%s'.\nSAVE OUTFILE='%s' %s.\n" "$1" "$here/sav/survey.sps" "$out/$2" "$3" > "$tmp/save.sps"
  pspp "$tmp/save.sps"
}
save UTF-8 survey-utf8-uncompressed.sav /UNCOMPRESSED
save UTF-8 survey-utf8-bytecode.sav /COMPRESSED
save UTF-8 survey-utf8.zsav /ZCOMPRESSED
save windows-1258 survey-cp1258-bytecode.sav /COMPRESSED

# Our writer's output, for PSPP to list (needs the built package: npx tsup).
(cd "$here/.." && npx tsup >/dev/null && node scripts/write-sav-fixture.mjs)

for f in "$out"/*.sav "$out"/*.zsav; do
  sed "s|@FILE@|$f|" "$here/sav/listing.sps" > "$tmp/list.sps"
  pspp -o "$f.listing.csv" "$tmp/list.sps"
done
