#!/usr/bin/env bash
# Every analysis function under valgrind memcheck: a throwaway cluster (as
# the postgres user when run as root) gets the extension and the sample
# corpus, then a single-user backend runs the workload below under memcheck.
# Any memcheck error fails the run, PostgreSQL's own code included, except
# the WAL padding PostgreSQL itself suppresses (scripts/valgrind.supp).  A
# minute or two; not part of scripts/test.sh.  KEEP=1 keeps the work
# directory (memcheck.log, work.out) for reading.
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/single_user.sh valgrind

# the corpus as one SQL file: each article a dollar-quoted literal; the
# stance sentences (one rule each) as rows of their own.  Articles span
# lines, so the single-user backend reads it with -j: a statement ends at a
# semicolon followed by an empty line.
python3 - "$WORK/load.sql" data/stance_sentences.tsv data/corpus/*.txt <<'PY'
import csv, sys
out = open(sys.argv[1], "w", encoding="utf-8")
out.write("CREATE EXTENSION diplo;\n\nCREATE TABLE docs (id int, body text);\n\nCREATE TABLE sents (body text);\n\n")
for i, path in enumerate(sys.argv[3:]):
    body = open(path, encoding="utf-8").read()
    out.write("INSERT INTO docs VALUES (%d, $diplo$%s$diplo$);\n\n" % (i, body))
with open(sys.argv[2], encoding="utf-8", newline="") as f:
    for row in csv.reader((l for l in f if not l.startswith("#")), delimiter="\t"):
        if row and row[0] != "id":
            out.write("INSERT INTO sents VALUES ($diplo$%s$diplo$);\n\n" % row[1])
PY
cat > "$WORK/work.sql" <<'SQL'
select count(*) from docs, diplo.entities(body);
select count(*) from docs, diplo.stances(body);
select count(*) from docs, diplo.stance_summary(body);
select count(*) from sents, diplo.stances(body);
select count(*) from sents, diplo.entities(body);
select sum(cardinality(diplo.entity_ids(body))) from docs;
select count(*) from docs, diplo.tokens(body);
select count(*) from docs, diplo.sentences(body);
select sum(length(diplo.normalize(body))), sum(length(diplo.match_key(body))) from docs;
select sum((diplo.text_stats(body)).tokens) from docs;
select count(*) from diplo.entities(repeat('Poutine ', 20000));
select count(*) from diplo.stances(repeat('« ', 5000) || 'Moscou rejette la trêve.');
select count(*) from diplo.stances(repeat('Macron ', 100000));
select count(*) from diplo.entities(E'Pou\u00ADtine et Ze\u200Blensky, e\u0301 \U0001F600\u200D\U0001F600 \u202E abc \uE000 ' || repeat('x', 100000));
select diplo.normalize(E'e\u0301\u200B\u0301'), diplo.match_key(E'\u00C9TATS\u2011UNIS');
insert into diplo.alias (alias, entity) values ('Zorglub le Grand', 'Vladimir Poutine');
select count(*) from diplo.entities('Zorglub le Grand a parlé.');
select * from diplo.dictionary_info();
select sum(stance_no + cue_start + cue_len + length(coalesce(holder_kind, '') || coalesce(target_kind, ''))) from docs, diplo.stances(body);
select length(diplo.stance_graph(s)), length(diplo.stance_graph_json(s)::text) from docs, diplo.stances(body) s;
select sum(length(diplo.strip_html(body))) from docs;
select length(diplo.strip_html(repeat('<p>Kyiv &amp; <b>Paris</b>&#x1F600;&nbsp;<br>', 20000) || '<!-- x'));
select length(diplo.strip_html('<a title="x>y" <script>' || repeat('&#', 10000)));
SQL
run_pg "$BIN/initdb -D $WORK/data -E UTF8 --locale=C.UTF-8 -A trust >/dev/null" || exit 1
run_pg "$BIN/postgres --single -j -D $WORK/data postgres < $WORK/load.sql > $WORK/load.out 2>&1" || { cat "$WORK/load.out"; exit 1; }
# a load that failed would leave the workload nothing to read
if grep -q 'ERROR:' "$WORK/load.out"; then grep 'ERROR:' "$WORK/load.out" | head -5; echo "0 passed, 1 failed"; exit 1; fi
run_pg "valgrind --tool=memcheck --error-exitcode=3 --suppressions=$PWD/scripts/valgrind.supp --log-file=$WORK/memcheck.log \
  $BIN/postgres --single -D $WORK/data postgres < $WORK/work.sql > $WORK/work.out 2>&1"
rc=$?
grep -E "ERROR SUMMARY|definitely lost" "$WORK/memcheck.log"
grep -c '^backend>' "$WORK/work.out" | xargs echo "statements run:"
if grep -q 'ERROR:' "$WORK/work.out"; then grep 'ERROR:' "$WORK/work.out"; rc=1; fi
if [ $rc -eq 0 ] && grep -q "ERROR SUMMARY: 0 errors" "$WORK/memcheck.log"; then
  echo "1 passed, 0 failed"; exit 0
fi
grep -A12 "Invalid\|uninitialised" "$WORK/memcheck.log" | head -60
echo "0 passed, 1 failed"; exit 1
