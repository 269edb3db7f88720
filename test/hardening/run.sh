#!/usr/bin/env bash
# Runs the hardening scripts (security, lifecycle, concurrency, cancel,
# shared; not the long load.sh) as one TAP stream, renumbered, each test name
# prefixed with its script, then the plan and a summary line:
#   hardening-summary: N passed, M failed
# Exit status 0 only when everything passed.
#
# Meant to run inside the throwaway cluster of scripts/cluster-tests.sh
# (pg_virtualenv); started outside one, it starts its own.
# HARDENING_ONLY="security cancel" runs a subset.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)

if ! psql -X -A -t -q -d postgres -c "SELECT 1" >/dev/null 2>&1; then
	if [ -z "${HARDENING_IN_VENV:-}" ] && command -v pg_virtualenv >/dev/null; then
		export HARDENING_IN_VENV=1
		exec pg_virtualenv -t -v "${PGVERSION:-15}" -- bash "$HERE/run.sh" "$@"
	fi
	echo "not ok 1 - hardening: no server to connect to"
	echo "1..1"
	echo "hardening-summary: 0 passed, 1 failed"
	exit 1
fi

SCRIPTS=${HARDENING_ONLY:-security lifecycle concurrency cancel shared}
n=0
pass=0
fail=0
summary=()
for s in $SCRIPTS; do
	sp=0
	sf=0
	rc=
	t0=$(date +%s)
	echo "# --- $s.sh"
	while IFS= read -r line; do
		case "$line" in
		"ok "*)
			n=$((n + 1)); sp=$((sp + 1))
			echo "ok $n - $s: ${line#* - }" ;;
		"not ok "*)
			n=$((n + 1)); sf=$((sf + 1))
			echo "not ok $n - $s: ${line#* - }" ;;
		"1.."*) ;;
		"__RC "*) rc=${line#__RC } ;;
		"#"*) echo "$line" ;;
		"") ;;
		*) echo "# $line" ;;
		esac
	done < <(bash "$HERE/$s.sh" 2>&1; echo "__RC $?")
	if [ "${rc:-1}" != 0 ] && [ "$sf" -eq 0 ]; then
		# stopped early (or exited non-zero) without a failing test line
		n=$((n + 1)); sf=$((sf + 1))
		echo "not ok $n - $s: exited with status ${rc:-?} without a failing test"
	fi
	t1=$(date +%s)
	pass=$((pass + sp))
	fail=$((fail + sf))
	summary+=("$s: $sp passed, $sf failed ($((t1 - t0)) s)")
done
echo "1..$n"
for l in "${summary[@]}"; do echo "# $l"; done
echo "hardening-summary: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
