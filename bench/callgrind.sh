#!/usr/bin/env bash
# Instructions of one warm pass of a query over 1 MiB of generated articles,
# under callgrind, with the installed diplo: the deterministic measure that
# the README's instruction counts come from (times on a shared machine vary
# by 50 %, instruction counts do not).
#
#   bash bench/callgrind.sh                       # entities() over 1 MiB
#   bash bench/callgrind.sh "SELECT count(*) FROM t, diplo.stances(body);"
#
# A throwaway data directory (as the postgres user when run as root) gets the
# extension and table t(body) with bench/gen_corpus.py's 1 MiB corpus (seed
# 20250312); a single-user backend runs the query once, then twice, under
# callgrind, and the difference is one warm pass (the dictionary build and
# the cold word cache stay in the first run).  Prints its total and the
# functions that take most of it.  KEEP=1 keeps the work directory.
set -uo pipefail
cd "$(dirname "$0")/.."
SQL=${1:-"SELECT count(*) FROM t, diplo.entities(body);"}
. scripts/single_user.sh callgrind

python3 bench/gen_corpus.py --mb 1 --seed 20250312 --out "$WORK/corpus.tsv" >/dev/null || exit 1
chmod 644 "$WORK/corpus.tsv"
printf 'CREATE EXTENSION diplo;\nCREATE TABLE t (id int, body text);\nCOPY t FROM %s;\n' \
  "'$WORK/corpus.tsv'" > "$WORK/load.sql"
run_pg "$BIN/initdb -D $WORK/data -E UTF8 --locale=C.UTF-8 -A trust >/dev/null" || exit 1
run_pg "$BIN/postgres --single -D $WORK/data postgres < $WORK/load.sql > $WORK/load.out 2>&1"
if grep -q 'ERROR:' "$WORK/load.out"; then grep 'ERROR:' "$WORK/load.out" | head -5; exit 1; fi

for n in 1 2; do
  : > "$WORK/q$n.sql"
  for _ in $(seq $n); do echo "$SQL" >> "$WORK/q$n.sql"; done
  chmod 644 "$WORK/q$n.sql"
  # both runs compile the dictionary: with the first run's image left in
  # place the second would map it instead, and the difference would no
  # longer be one warm pass
  run_pg "rm -rf $WORK/data/pg_diplo"
  run_pg "valgrind --tool=callgrind --callgrind-out-file=$WORK/cg$n.out \
    $BIN/postgres --single -D $WORK/data -c jit=off postgres < $WORK/q$n.sql > $WORK/q$n.out 2>$WORK/vg$n.log" || {
    tail -5 "$WORK/vg$n.log"; exit 1; }
  if grep -q 'ERROR:' "$WORK/q$n.out"; then grep 'ERROR:' "$WORK/q$n.out" | head -3; exit 1; fi
  callgrind_annotate --auto=no --threshold=100 "$WORK/cg$n.out" 2>/dev/null > "$WORK/cg$n.txt"
done

python3 - "$WORK/cg1.txt" "$WORK/cg2.txt" "$SQL" <<'PY'
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
print("query: %s" % sys.argv[3])
print("one warm pass over 1 MiB: %.1f M instructions" % (warm / 1e6))
diff = {k: f2.get(k, 0) - f1.get(k, 0) for k in set(f1) | set(f2)}
for k, v in sorted(diff.items(), key=lambda kv: -kv[1])[:15]:
    print("%8.2f M %5.1f %%  %s" % (v / 1e6, 100.0 * v / warm, k))
PY
