#!/usr/bin/env bash
# Runs inside pg_virtualenv: pg_regress (make installcheck) and the pgTAP
# suite.  Prints "suite-summary: N passed, N failed" last.
set -uo pipefail
PGV=$1
cd "$(dirname "$0")/.."
PG_CONFIG=/usr/lib/postgresql/$PGV/bin/pg_config
pass=0; failed=0

echo "-- pg_regress"
# pg_regress runs as root here but connects as the cluster's superuser
if make -s PG_CONFIG="$PG_CONFIG" installcheck > /tmp/diplo-regress.out 2>&1; then
  cat /tmp/diplo-regress.out
else
  cat /tmp/diplo-regress.out
  [ -f regression.diffs ] && cat regression.diffs
fi
n_ok=$(grep -cE '^(ok|test) .* ok( |$)|^ok [0-9]+ ' /tmp/diplo-regress.out || true)
n_bad=$(grep -cE 'FAILED|failed \(ignored\)|^not ok' /tmp/diplo-regress.out || true)
pass=$((pass + n_ok)); failed=$((failed + n_bad))
if ! grep -qE 'All [0-9]+ tests passed' /tmp/diplo-regress.out && [ "$n_bad" -eq 0 ]; then failed=$((failed + 1)); fi

echo "-- pgTAP"
# the WiNER fixture is read from shared/ (beside the checkout) at test time
python3 scripts/make_fixtures.py --winer "${SHARED:-../shared}" || echo "WiNER fixture not made: test/winer.sql will fail"
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS diplo_tap" >/dev/null
psql -X -q -d postgres -c "CREATE DATABASE diplo_tap" >/dev/null
psql -X -q -d diplo_tap -c "CREATE EXTENSION pgtap; CREATE EXTENSION diplo;" >/dev/null
if pg_prove -d diplo_tap test/*.sql > /tmp/diplo-tap.out 2>&1; then :; fi
cat /tmp/diplo-tap.out
t_tests=$(sed -n 's/^Files=[0-9]*, Tests=\([0-9]*\),.*/\1/p' /tmp/diplo-tap.out)
t_tests=${t_tests:-0}
t_bad=$(sed -n 's/^Failed \([0-9]*\)\/[0-9]* subtests.*/\1/p' /tmp/diplo-tap.out | awk '{s+=$1} END {print s+0}')
if grep -q '^Result: PASS' /tmp/diplo-tap.out; then
  pass=$((pass + t_tests))
else
  pass=$((pass + t_tests - t_bad)); failed=$((failed + (t_bad > 0 ? t_bad : 1)))
fi
# TAP scripts: encodings (LATIN1, SQL_ASCII) and hardening (security,
# lifecycle, concurrency, cancel).  Count their ok / not ok lines.
run_tap() {
  local name=$1; shift
  echo "-- $name"
  "$@" > "/tmp/diplo-$name.out" 2>&1
  local rc=$?
  cat "/tmp/diplo-$name.out"
  local ok bad
  ok=$(grep -cE '^ok [0-9]+' "/tmp/diplo-$name.out" || true)
  bad=$(grep -cE '^not ok [0-9]+' "/tmp/diplo-$name.out" || true)
  pass=$((pass + ok)); failed=$((failed + bad))
  if [ $rc -ne 0 ] && [ "$bad" -eq 0 ]; then failed=$((failed + 1)); fi
}
run_tap encodings bash test/encodings.sh
run_tap hardening bash test/hardening/run.sh
run_tap readme python3 scripts/readme_check.py
# Citus: a cluster of its own (coordinator and workers on free ports); it
# skips when citus.so is missing, which counts as a failure where the
# Citus source is beside the checkout (scripts/test.sh builds it then).
run_tap citus env PG_CONFIG="$PG_CONFIG" bash test/citus/run.sh
if [ -d "${SHARED:-../shared}/citus" ] && grep -q '^1\.\.0 # SKIP' /tmp/diplo-citus.out; then
  echo "not ok - citus: ${SHARED:-../shared}/citus is there but Citus is not installed for $PG_CONFIG"
  failed=$((failed + 1))
fi

echo "suite-summary: $pass passed, $failed failed"
[ "$failed" -eq 0 ]
