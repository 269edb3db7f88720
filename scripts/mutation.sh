#!/usr/bin/env bash
# Mutation check of the stance rules: switches each rule of diplo.rules()
# off in turn (SET diplo.rules_off through PGOPTIONS) and runs the SQL test
# suites (pg_regress and pgTAP) against it.  A rule whose switching-off no
# test notices is listed as "unpinned".  Not part of the quick test command:
# about half a minute per rule.
#   bash scripts/mutation.sh            every rule
#   bash scripts/mutation.sh NAME ...   only these rules
set -uo pipefail
cd "$(dirname "$0")/.."
PGV=$(bash scripts/build.sh) || { echo "build failed"; exit 1; }
exec pg_virtualenv -t -v "$PGV" -- bash -c '
  PG_CONFIG=/usr/lib/postgresql/'"$PGV"'/bin/pg_config
  python3 scripts/make_fixtures.py --winer "${SHARED:-../shared}" >/dev/null || exit 1
  psql -X -q -d postgres -c "CREATE DATABASE diplo_mut" >/dev/null
  psql -X -q -d diplo_mut -c "CREATE EXTENSION pgtap; CREATE EXTENSION diplo;" >/dev/null
  rules=("$@")
  [ ${#rules[@]} -gt 0 ] || mapfile -t rules < <(psql -X -At -d diplo_mut -c "SELECT name FROM diplo.rules() ORDER BY 1")
  unpinned=0
  for r in "${rules[@]}"; do
    export PGOPTIONS="-c diplo.rules_off=$r"
    red=""
    make -s PG_CONFIG="$PG_CONFIG" installcheck > /tmp/diplo-mut-regress.out 2>&1 || red="$red pg_regress($(grep -c FAILED /tmp/diplo-mut-regress.out))"
    pg_prove -d diplo_mut test/*.sql > /tmp/diplo-mut-tap.out 2>&1 || red="$red pgTAP($(grep -oE "Failed tests?: .*" /tmp/diplo-mut-tap.out | tr "\n" " "))"
    unset PGOPTIONS
    if [ -n "$red" ]; then echo "pinned    $r:$red"; else echo "UNPINNED  $r"; unpinned=$((unpinned + 1)); fi
  done
  rm -f regression.diffs regression.out; rm -rf results
  echo "$unpinned of ${#rules[@]} rules unpinned"
  [ "$unpinned" -eq 0 ]
' mutation "$@"
