#!/usr/bin/env bash
# Hardening: load test (long; not part of run.sh).
#
# pgbench over loopback: LOAD_CLIENTS (8) clients tag random articles with
# diplo.entities() and diplo.stances() and compare each result with the
# serial baseline, while one client inserts and deletes an alias
# ('Zorglub', which no article contains) every LOAD_EDIT_SLEEP_MS (200) ms,
# for LOAD_DURATION (120) seconds.  Checks: no pgbench error, every
# parallel result equals the serial one, a serial run after the load equals
# the baseline once the dictionary is back to its original rows.  Reports
# throughput with and without the editor and the memory of the backends.
#
# Runs inside pg_virtualenv; prints TAP.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
hard_preflight

DB=hard_load
DURATION=${LOAD_DURATION:-120}
CLIENTS=${LOAD_CLIENTS:-8}
EDIT_SLEEP_MS=${LOAD_EDIT_SLEEP_MS:-200}
NART=${LOAD_ARTICLES:-200}
CALM=${LOAD_CALM_DURATION:-15}
fresh_db $DB || bail "create database $DB"
q $DB -c "CREATE EXTENSION diplo" >/dev/null || bail "CREATE EXTENSION"
load_articles $DB || bail "load articles"
q $DB >/dev/null 2>"$HARD_TMP/setup.err" <<SQL || bail "set up $DB" "$(cat "$HARD_TMP/setup.err")"
CREATE SCHEMA load;
-- $NART articles made of two articles of the corpus each
CREATE TABLE load.articles AS
  SELECT k AS id, a.body || E'\n\n' || b.body AS body
    FROM generate_series(1, $NART) k
    JOIN public.articles a ON a.id = 1 + k % (SELECT count(*) FROM public.articles)
    JOIN public.articles b ON b.id = 1 + (k * 7 + k / 12) % (SELECT count(*) FROM public.articles);
ALTER TABLE load.articles ADD PRIMARY KEY (id);
CREATE FUNCTION load.ents_md5(doc text) RETURNS text LANGUAGE sql STABLE AS
  \$\$ SELECT md5(coalesce(string_agg(e::text, ';' ORDER BY e::text), '')) FROM diplo.entities(doc) e \$\$;
CREATE FUNCTION load.stances_md5(doc text) RETURNS text LANGUAGE sql STABLE AS
  \$\$ SELECT md5(coalesce(string_agg(s::text, ';' ORDER BY s::text), '')) FROM diplo.stances(doc) s \$\$;
CREATE TABLE load.baseline AS
  SELECT id, load.ents_md5(body) AS ents, load.stances_md5(body) AS stances,
         (SELECT count(*) FROM diplo.entities(body)) AS n_ents, (SELECT count(*) FROM diplo.stances(body)) AS n_stances
    FROM load.articles;
ALTER TABLE load.baseline ADD PRIMARY KEY (id);
-- the results with the editor's alias in place (articles that contain
-- 'Zorglub' have two valid results; any other result is a torn dictionary)
INSERT INTO diplo.alias (alias, entity) VALUES ('Zorglub', 'Emmanuel Macron');
ALTER TABLE load.baseline ADD ents_z text, ADD stances_z text;
UPDATE load.baseline b SET ents_z = load.ents_md5(a.body), stances_z = load.stances_md5(a.body) FROM load.articles a WHERE a.id = b.id;
DELETE FROM diplo.alias WHERE alias = 'Zorglub' AND NOT builtin;
CREATE TABLE load.mismatch (id int, what text, got text, expected text, at timestamptz DEFAULT clock_timestamp());
CREATE TABLE load.seen (id int, what text, with_alias boolean);
SQL
nvar=$(q $DB -c "SELECT count(*) FILTER (WHERE ents <> ents_z) || ' ' || count(*) FILTER (WHERE stances <> stances_z) FROM load.baseline")
note "articles whose result depends on the editor's alias: $nvar (entities, stances)"
stats=$(q $DB -c "SELECT sum(n_ents) || ' mentions, ' || sum(n_stances) || ' stances, ' || (sum(octet_length(a.body)) / 1024) || ' kB' FROM load.baseline b JOIN load.articles a USING (id)")
ok "serial baseline over $NART articles: $stats"

cat >"$HARD_TMP/tag.sql" <<'SQL'
\set id random(1, :narticles)
WITH r AS (SELECT b.*, load.ents_md5(a.body) AS h FROM load.articles a JOIN load.baseline b USING (id) WHERE a.id = :id),
     m AS (INSERT INTO load.mismatch (id, what, got, expected) SELECT id, 'entities', h, ents FROM r WHERE h NOT IN (ents, ents_z))
INSERT INTO load.seen SELECT id, 'entities', h = ents_z FROM r WHERE ents <> ents_z;
WITH r AS (SELECT b.*, load.stances_md5(a.body) AS h FROM load.articles a JOIN load.baseline b USING (id) WHERE a.id = :id),
     m AS (INSERT INTO load.mismatch (id, what, got, expected) SELECT id, 'stances', h, stances FROM r WHERE h NOT IN (stances, stances_z))
INSERT INTO load.seen SELECT id, 'stances', h = stances_z FROM r WHERE stances <> stances_z;
SQL
cat >"$HARD_TMP/edit.sql" <<'SQL'
INSERT INTO diplo.alias (alias, entity) VALUES ('Zorglub', 'Emmanuel Macron');
\sleep :edit_sleep ms
DELETE FROM diplo.alias WHERE alias = 'Zorglub' AND NOT builtin;
\sleep :edit_sleep ms
SQL

pgb_field() { # FILE REGEX -> first capture
	sed -n "s/$2/\1/p" "$1" | head -n 1
}

# throughput without the editor
pgbench -n -c "$CLIENTS" -j 2 -T "$CALM" -D narticles="$NART" -f "$HARD_TMP/tag.sql" $DB >"$HARD_TMP/calm.out" 2>&1
rc=$?
calm_tps=$(pgb_field "$HARD_TMP/calm.out" '^tps = \([0-9.]*\) .*')
is "$rc" 0 "pgbench, $CLIENTS tagging clients, no editor, ${CALM}s: exit 0 (tps $calm_tps)"
[ $rc -eq 0 ] || note "$(tail -n 20 "$HARD_TMP/calm.out")"

# memory sampler: private memory (RssAnon) of every pgbench backend
sample_mem() {
	local pid rss max=0 sum=0 n=0
	for pid in $(q $DB -c "SELECT pid FROM pg_stat_activity WHERE application_name = 'pgbench' AND datname = current_database()"); do
		rss=$(awk '/^RssAnon:/ { print $2 }' "/proc/$pid/status" 2>/dev/null)
		[ -n "$rss" ] || continue
		n=$((n + 1))
		sum=$((sum + rss))
		[ "$rss" -gt "$max" ] && max=$rss
	done
	echo "$n $((sum / 1024)) $((max / 1024))"
}

# the load
pgbench -n -c "$CLIENTS" -j 2 -T "$DURATION" -D narticles="$NART" -f "$HARD_TMP/tag.sql" $DB >"$HARD_TMP/tag.out" 2>&1 &
p_tag=$!
pgbench -n -c 1 -T "$DURATION" -D edit_sleep="$EDIT_SLEEP_MS" -f "$HARD_TMP/edit.sql" $DB >"$HARD_TMP/edit.out" 2>&1 &
p_edit=$!
mem_samples=
sleep 5
for k in 1 2 3 4; do
	mem_samples="$mem_samples [$(sample_mem)]"
	sleep $((DURATION / 5))
done
wait $p_tag
rc_tag=$?
wait $p_edit
rc_edit=$?
note "backend memory samples during the load [backends, sum MB, max MB of RssAnon]:$mem_samples"

tps=$(pgb_field "$HARD_TMP/tag.out" '^tps = \([0-9.]*\) .*')
ntx=$(pgb_field "$HARD_TMP/tag.out" '^number of transactions actually processed: \([0-9]*\).*')
nfail=$(pgb_field "$HARD_TMP/tag.out" '^number of failed transactions: \([0-9]*\).*')
lat=$(pgb_field "$HARD_TMP/tag.out" '^latency average = \([0-9.]* ms\).*')
edits=$(pgb_field "$HARD_TMP/edit.out" '^number of transactions actually processed: \([0-9]*\).*')
efail=$(pgb_field "$HARD_TMP/edit.out" '^number of failed transactions: \([0-9]*\).*')
is "$rc_tag" 0 "tagging pgbench ($CLIENTS clients, ${DURATION}s) exits 0"
[ $rc_tag -eq 0 ] || note "$(grep -i 'error\|abort' "$HARD_TMP/tag.out" | head -n 10)"
is "$rc_edit" 0 "editing pgbench (1 client) exits 0"
[ $rc_edit -eq 0 ] || note "$(grep -i 'error\|abort' "$HARD_TMP/edit.out" | head -n 10)"
is "${nfail:-0}/$(grep -ci 'aborted\|error' "$HARD_TMP/tag.out")" "0/0" "no failed or aborted tagging transaction ($ntx transactions, $((ntx * 2)) checked analyses)"
is "${efail:-0}/$(grep -ci 'aborted\|error' "$HARD_TMP/edit.out")" "0/0" "no failed editing transaction ($edits insert+delete pairs, $((edits * 2)) dictionary changes)"
ok "report: throughput with the editor: $tps tps (latency $lat) vs $calm_tps tps without; $(awk -v e="$edits" -v d="$DURATION" 'BEGIN { printf "%.1f", 2 * e / d }') dictionary changes per second"

mm=$(q $DB -c "SELECT count(*) || ' ' || coalesce(string_agg(DISTINCT what || ':' || id, ',' ), '') FROM load.mismatch")
is "$mm" "0 " "every analysis made under load equals the serial result without or with the editor's alias"
seen=$(q $DB -c "SELECT count(*) FILTER (WHERE with_alias) || ' ' || count(*) FILTER (WHERE NOT with_alias) FROM load.seen")
read -r seen_z seen_0 <<<"$seen"
if [ "${seen_z:-0}" -gt 0 ] && [ "${seen_0:-0}" -gt 0 ]; then
	ok "the editor's changes are visible under load: alias-dependent analyses saw it $seen_z times and did not $seen_0 times"
else
	nok "the editor's changes are visible under load" "with alias: ${seen_z:-0}, without: ${seen_0:-0}"
fi

q $DB -c "DELETE FROM diplo.alias WHERE alias = 'Zorglub' AND NOT builtin" >/dev/null
is "$(q $DB -c "SELECT count(*) FROM diplo.alias WHERE NOT builtin")" 0 "the dictionary is back to its original rows"
diff=$(q $DB -c "SELECT count(*) FROM load.articles a JOIN load.baseline b USING (id) WHERE load.ents_md5(a.body) <> b.ents OR load.stances_md5(a.body) <> b.stances")
is "$diff" 0 "a serial run after the load equals the serial baseline for all $NART articles"

# memory of one backend after tagging everything, and its growth over passes
q $DB >"$HARD_TMP/mem.out" 2>&1 <<'SQL'
SELECT count(*) FROM load.articles a, diplo.entities(a.body);
SELECT count(*) FROM load.articles a, diplo.stances(a.body);
SELECT 'pass1 ' || sum(total_bytes) FROM pg_backend_memory_contexts;
SELECT count(*) FROM load.articles a, diplo.entities(a.body);
SELECT count(*) FROM load.articles a, diplo.stances(a.body);
SELECT count(*) FROM load.articles a, diplo.entities(a.body);
SELECT count(*) FROM load.articles a, diplo.stances(a.body);
SELECT 'pass3 ' || sum(total_bytes) FROM pg_backend_memory_contexts;
SELECT 'dict ' || coalesce(sum(total_bytes), 0) || ' ' || count(*) FROM pg_backend_memory_contexts WHERE name = 'diplo dictionary';
SELECT 'info ' || bytes FROM diplo.dictionary_info();
SQL
m1=$(sed -n 's/^pass1 //p' "$HARD_TMP/mem.out")
m3=$(sed -n 's/^pass3 //p' "$HARD_TMP/mem.out")
read -r dbytes dn <<<"$(sed -n 's/^dict //p' "$HARD_TMP/mem.out")"
ok "report: one backend after tagging $NART articles: $((${m1:-0} / 1048576)) MB in memory contexts, of which the dictionary $((${dbytes:-0} / 1048576)) MB ($dn context)"
cmp_num "$(((${m3:-0} - ${m1:-0}) / 1024))" "<=" 1024 "backend memory does not grow over two more passes ($(((${m3:-0} - ${m1:-0}) / 1024)) kB)"
