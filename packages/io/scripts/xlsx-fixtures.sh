#!/bin/sh
# Writes test/fixtures/xlsx/survey-libreoffice.xlsx with LibreOffice (Debian package `libreoffice-calc-nogui`),
# headless, from scripts/xlsx/survey.fods (a flat OpenDocument spreadsheet kept as text): a workbook saved by
# another program than exceljs (shared strings, styles, a formula with its cached value, a blank cell, more
# sheets, Vietnamese text and sheet name), which test/readXlsxLibreOffice.test.ts reads. CI needs no LibreOffice.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../test/fixtures/xlsx"
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# a private profile, so that a running LibreOffice or a missing $HOME does not get in the way
soffice -env:UserInstallation="file://$tmp/profile" --headless --convert-to xlsx:"Calc MS Excel 2007 XML" \
  --outdir "$tmp" "$here/xlsx/survey.fods" >/dev/null
mv "$tmp/survey.xlsx" "$out/survey-libreoffice.xlsx"
echo "wrote $out/survey-libreoffice.xlsx"
