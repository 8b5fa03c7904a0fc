#!/usr/bin/env bash
# The full portfolio benchmarks (issue 5/6): every problem through `geoprover solve` (Wu racing
# DDAR + auxiliary points), one problem at a time, at the published limit of 300 s a problem.
# Results (JSON, CSV, Markdown with machine, date, commit) land in benchmarks/results/.
# Usage: benchmarks/portfolio_bench.sh [TIMEOUT] [SET ...]   (defaults: 300, imo_ag_30 jgex_ag_231)
set -euo pipefail
cd "$(dirname "$0")/.."
timeout="${1:-300}"
shift || true
sets=("${@:-imo_ag_30 jgex_ag_231}")
for set in ${sets[@]}; do
  geoprover bench "$set" --timeout "$timeout" --jobs 1 --tag "t${timeout%.*}" --resume
done
