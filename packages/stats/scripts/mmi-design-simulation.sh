#!/bin/sh
# Generator of test/fixtures/mmi-design-simulation.json: builds @danvan/stats (the simulation imports its dist) and
# runs mmi-design-simulation.mjs (2,000 seeded stratified cluster samples per scenario, about 25 s on 2 cores).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
(cd "$here/../../.." && npx --yes pnpm@10 exec turbo run build --filter=@danvan/stats --output-logs=errors-only)
cd "$here" && node mmi-design-simulation.mjs
