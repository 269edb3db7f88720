#!/usr/bin/env bash
# Instructions of one warm pass of a query over 1 MiB of articles, under
# callgrind, with the installed diplo: the deterministic measure that the
# README's instruction counts come from (times on a shared machine vary by
# 50 %, instruction counts do not).
#
#   bash bench/callgrind.sh                       # entities() over 1 MiB
#   bash bench/callgrind.sh "SELECT count(*) FROM t, diplo.stances(body);"
#   CALLGRIND_CORPUS=real RATIO=1 bash bench/callgrind.sh
#
# A throwaway data directory (as the postgres user when run as root) gets the
# extension and table t(body) with 1 MiB of text: bench/gen_corpus.py's
# generated corpus (seed 20250312), or with CALLGRIND_CORPUS=real the real
# text of BENCH_CORPUS=real in bench/bench.sh (the WiNER-fr 2016 and
# development articles of BENCH_SHARED, default ../shared, and data/corpus);
# the table is vacuumed, so that no run pays for setting hint bits.  A
# single-user backend runs the query once, then twice, under callgrind, and
# the difference is one warm pass (the dictionary build and the cold word
# cache stay in the first run).  Prints its total and the functions that
# take most of it.  RATIO=1 measures SELECT count(*) FROM t,
# to_tsvector('french', body) the same way and prints the ratio of the two
# counts (bench.sh's "times faster than to_tsvector", in instructions).
# PG_BINDIR runs a private PostgreSQL build (scripts/single_user.sh).
# KEEP=1 keeps the work directory.
set -uo pipefail
cd "$(dirname "$0")/.."
SQL=${1:-"SELECT count(*) FROM t, diplo.entities(body);"}
CORPUS=${CALLGRIND_CORPUS:-generated}
[[ $CORPUS =~ ^(generated|real)$ ]] || { echo "callgrind.sh: CALLGRIND_CORPUS must be generated or real" >&2; exit 2; }
. scripts/single_user.sh callgrind

if [ "$CORPUS" = real ]; then
  python3 bench/gen_corpus.py --mb 1 --real "${BENCH_SHARED:-../shared}" --out "$WORK/corpus.tsv" 2>/dev/null || exit 1
else
  python3 bench/gen_corpus.py --mb 1 --seed 20250312 --out "$WORK/corpus.tsv" >/dev/null || exit 1
fi
chmod 644 "$WORK/corpus.tsv"
printf 'CREATE EXTENSION diplo;\nCREATE TABLE t (id int, body text);\nCOPY t FROM %s;\nVACUUM (FREEZE) t;\n' \
  "'$WORK/corpus.tsv'" > "$WORK/load.sql"
run_pg "$BIN/initdb -D $WORK/data -E UTF8 --locale=C.UTF-8 -A trust >/dev/null" || exit 1
run_pg "$BIN/postgres --single -D $WORK/data postgres < $WORK/load.sql > $WORK/load.out 2>&1"
if grep -q 'ERROR:' "$WORK/load.out"; then grep 'ERROR:' "$WORK/load.out" | head -5; exit 1; fi

# measure TAG SQL: one warm pass of SQL; prints the report, leaves the
# total in $WORK/TAG.total
measure() {
  local tag=$1 sql=$2
  for n in 1 2; do
    : > "$WORK/$tag$n.sql"
    for _ in $(seq $n); do echo "$sql" >> "$WORK/$tag$n.sql"; done
    chmod 644 "$WORK/$tag$n.sql"
    # both runs compile the dictionary: with the first run's image left in
    # place the second would map it instead, and the difference would no
    # longer be one warm pass
    run_pg "rm -rf $WORK/data/pg_diplo"
    run_pg "valgrind --tool=callgrind --callgrind-out-file=$WORK/$tag$n.out \
      $BIN/postgres --single -D $WORK/data -c jit=off postgres < $WORK/$tag$n.sql > $WORK/$tag$n.qout 2>$WORK/$tag$n.log" || {
      tail -5 "$WORK/$tag$n.log"; return 1; }
    if grep -q 'ERROR:' "$WORK/$tag$n.qout"; then grep 'ERROR:' "$WORK/$tag$n.qout" | head -3; return 1; fi
    callgrind_annotate --auto=no --threshold=100 "$WORK/$tag$n.out" 2>/dev/null > "$WORK/$tag$n.txt"
  done
  python3 - "$WORK/${tag}1.txt" "$WORK/${tag}2.txt" "$sql" "$CORPUS" "$WORK/$tag.total" <<'PY'
import re, sys

def load(path):
    funcs, total, on = {}, 0, False
    for line in open(path):
        m = re.match(r'\s*([\d,]+) \([ \d.]+%\)\s+(\S+)', line)
        if 'PROGRAM TOTALS' in line and m:
            total = int(m.group(1).replace(',', ''))
        if 'file:function' in line:
            on = True
            continue
        if on and m:
            key = m.group(2).split('/')[-1]
            funcs[key] = funcs.get(key, 0) + int(m.group(1).replace(',', ''))
    return funcs, total

f1, t1 = load(sys.argv[1])
f2, t2 = load(sys.argv[2])
warm = t2 - t1
open(sys.argv[5], "w").write("%d\n" % warm)
print("query: %s" % sys.argv[3])
print("one warm pass over 1 MiB (%s corpus): %.1f M instructions" % (sys.argv[4], warm / 1e6))
diff = {k: f2.get(k, 0) - f1.get(k, 0) for k in set(f1) | set(f2)}
for k, v in sorted(diff.items(), key=lambda kv: -kv[1])[:15]:
    print("%8.2f M %5.1f %%  %s" % (v / 1e6, 100.0 * v / warm, k))
PY
}

measure q "$SQL" || exit 1
if [ "${RATIO:-0}" = 1 ]; then
  echo
  measure fr "SELECT count(*) FROM t, to_tsvector('french', body);" || exit 1
  echo
  awk -v q="$(cat "$WORK/q.total")" -v fr="$(cat "$WORK/fr.total")" \
    'BEGIN { printf "instructions of to_tsvector(french) / instructions of the query: %.2fx\n", fr / q }'
fi
