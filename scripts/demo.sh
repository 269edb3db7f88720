#!/usr/bin/env bash
# The README's main command: install what is missing, build and install
# diplo, start a throwaway cluster, load the bundled sample corpus, print
# the analysis, and stop the cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
PGV=$(bash scripts/build.sh)
pg_virtualenv -t -v "$PGV" -- bash scripts/demo-run.sh
