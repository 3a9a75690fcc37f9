#!/bin/sh
# Writes test/fixtures/encoding/tcvn3-iconv.json: glibc iconv's TCVN5712-1 decoding of each byte 0xA1-0xFE (the
# upper half TCVN3/ABC shares with it), and known words encoded back to TCVN3 and VNI bytes by iconv / by hand.
# Run from packages/io: sh scripts/encoding/tcvn3-iconv.sh
set -eu
out=test/fixtures/encoding/tcvn3-iconv.json
{
  printf '{\n "bytes": {\n'
  first=1
  for b in $(seq 161 254); do
    hex=$(printf '%02x' "$b")
    ch=$(printf "\\$(printf '%03o' "$b")" | iconv -f TCVN5712-1 -t UTF-8 2>/dev/null || true)
    [ -z "$ch" ] && continue
    [ $first -eq 1 ] || printf ',\n'
    first=0
    printf '  "%s": "%s"' "$hex" "$ch"
  done
  printf '\n },\n "words": {\n'
  first=1
  for w in "Tiếng Việt" "Thành phố" "Quận/Huyện" "Phường/Xã" "Rất khó khăn" "Không đồng ý" "Dân vận" "Mường Khương" "Đảng ủy"; do
    # iconv writes TCVN5712-1 with precomposed lower-case letters; the capitals of these words are plain or Đ.
    bytes=$(printf '%s' "$w" | iconv -f UTF-8 -t TCVN5712-1 | od -An -tx1 | tr -d ' \n')
    [ $first -eq 1 ] || printf ',\n'
    first=0
    printf '  "%s": "%s"' "$w" "$bytes"
  done
  printf '\n }\n}\n'
} > "$out"
