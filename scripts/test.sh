#!/usr/bin/env bash
# The README's test command: build, install, then every test in a throwaway
# cluster.  The last line is "N passed, N failed" over all suites.
set -uo pipefail
cd "$(dirname "$0")/.."
PGV=$(bash scripts/build.sh) || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }

fail=0
echo "== C unit tests (AddressSanitizer + UBSan)"
unit_out=$(make -s PG_CONFIG=/usr/lib/postgresql/$PGV/bin/pg_config unit 2>&1)
unit_rc=$?
echo "$unit_out" | grep -v '^ok ' || true
u_pass=$(echo "$unit_out" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p' | tail -n 1)
u_fail=$(echo "$unit_out" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p' | tail -n 1)
u_pass=${u_pass:-0}; u_fail=${u_fail:-1}
[ $unit_rc -eq 0 ] || { fail=1; [ "$u_fail" -gt 0 ] || u_fail=1; }

echo "== fuzzing smoke run"
fz_pass=0; fz_fail=0
if [ ! -f scripts/fuzz.sh ]; then echo "no fuzz harness yet"; elif bash scripts/fuzz.sh 10 >/tmp/diplo-fuzz.log 2>&1; then fz_pass=1; else fz_fail=1; fail=1; tail -n 30 /tmp/diplo-fuzz.log; fi

# Citus for test/citus/run.sh (run by cluster-tests.sh): built from the
# source beside the checkout when it is there (CI's layout), for this
# PostgreSQL; without it the Citus test is skipped.
if [ -d "${SHARED:-../shared}/citus" ]; then
  echo "== Citus (${SHARED:-../shared}/citus) for PostgreSQL $PGV"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  if ! $SUDO env PATH="/usr/lib/postgresql/$PGV/bin:$PATH" bash "${SHARED:-../shared}/citus/build.sh" >/tmp/diplo-citus-build.log 2>&1; then
    echo "Citus build failed (the Citus test will count as failed):"; tail -n 20 /tmp/diplo-citus-build.log
  else
    tail -n 1 /tmp/diplo-citus-build.log
  fi
fi

echo "== pg_regress and pgTAP in a throwaway cluster (PostgreSQL $PGV)"
cluster_out=$(pg_virtualenv -t -v "$PGV" -- bash scripts/cluster-tests.sh "$PGV" 2>&1)
cluster_rc=$?
echo "$cluster_out"
r_pass=$(echo "$cluster_out" | sed -n 's/^suite-summary: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p' | tail -n 1)
r_fail=$(echo "$cluster_out" | sed -n 's/^suite-summary: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p' | tail -n 1)
r_pass=${r_pass:-0}; r_fail=${r_fail:-1}
[ $cluster_rc -eq 0 ] || { fail=1; [ "$r_fail" -gt 0 ] || r_fail=1; }

total_pass=$((u_pass + fz_pass + r_pass))
total_fail=$((u_fail + fz_fail + r_fail))
echo "unit: $u_pass passed, $u_fail failed; fuzz: $fz_pass passed, $fz_fail failed; sql: $r_pass passed, $r_fail failed"
echo "$total_pass passed, $total_fail failed"
exit $fail
