#!/usr/bin/env bash
# Development scoring: runs the project's evaluation script (../shared) on
# the seed articles and on the bundled sample corpus, against a throwaway
# cluster with the installed extension.
set -euo pipefail
cd "$(dirname "$0")/.."
PGV=$(bash scripts/build.sh)
SHARED=${SHARED:-../shared}
[ -f "$SHARED/eval/score.py" ] || { echo "eval: $SHARED/eval/score.py not found"; exit 1; }
pg_virtualenv -t -v "$PGV" -- bash -c "
  psql -X -q -c 'CREATE EXTENSION diplo'
  echo '== development seeds'
  python3 '$SHARED/eval/score.py' --docs '$SHARED/seeds' --gold '$SHARED/gold' --psql psql \${VERBOSE:+-v}
  echo '== bundled sample corpus'
  python3 '$SHARED/eval/score.py' --docs data/corpus --gold data/gold --psql psql \${VERBOSE:+-v}
"
