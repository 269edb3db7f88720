#!/usr/bin/env bash
# diplo on a Citus cluster: a coordinator and two workers on localhost,
# started here in a temporary directory on free ports (as user postgres when
# run as root), stopped and removed at exit, whatever happens.
#
#  (a) the analysis over a distributed articles table gives the rows of a
#      plain table: entities(), stances(), stance_summary(), entity_ids()
#      and the aggregate stance_balance (EXCEPT ALL both ways), with the
#      functions run on the workers;
#  (b) dictionary edits made on the coordinator (insert, update, delete of
#      entity, alias, cue and topic rows, an edit of a built-in row, a
#      TRUNCATE) are seen by the next distributed query on every node, by
#      worker connections that had the old dictionary loaded; an edit rolled
#      back is seen nowhere;
#  (c) a worker added later refuses to analyse until diplo.citus_sync()
#      sends it the user's rows, then answers with them;
#  (d) a GIN index on diplo.entity_ids(body) of a distributed table answers
#      like a local one; a co-located INSERT ... SELECT of mentions runs on
#      the workers.
#
# Needs citus.so for the PostgreSQL of $PG_CONFIG (default: pg_config on the
# PATH) and diplo installed there; prints "1..0 # SKIP" without Citus.
#   PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config bash test/citus/run.sh
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
PG_CONFIG=${PG_CONFIG:-pg_config}
BIN=$("$PG_CONFIG" --bindir 2>/dev/null) || { echo "1..0 # SKIP no pg_config"; exit 0; }
if [ ! -f "$("$PG_CONFIG" --pkglibdir)/citus.so" ]; then
	echo "1..0 # SKIP citus not installed"
	exit 0
fi
export PATH="$BIN:$PATH"
unset PGHOST PGPORT PGUSER PGDATABASE PGPASSWORD PGSERVICE PGOPTIONS PGHOSTADDR

. "$HERE/../hardening/lib.sh"

# --- the cluster -----------------------------------------------------------

CL=$(mktemp -d "${TMPDIR:-/tmp}/diplo-citus.XXXXXX")
chmod 755 "$CL"
as_pg() {
	if [ "$(id -u)" -eq 0 ]; then
		su postgres -s /bin/bash -c "$1"
	else
		bash -c "$1"
	fi
}
[ "$(id -u)" -eq 0 ] && chown postgres "$CL"
on_exit "rm -rf '$CL'"

# N free TCP ports on localhost
free_ports() {
	python3 - "$1" <<'PY'
import socket, sys
socks = []
for _ in range(int(sys.argv[1])):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
PY
}
read -r P0 P1 P2 P3 <<<"$(free_ports 4)"

# one initdb, copied for every node
as_pg "'$BIN/initdb' -D '$CL/template' -A trust -U postgres -E UTF8 --locale=C.UTF-8 --no-sync" >"$CL/initdb.log" 2>&1 ||
	bail "initdb" "$(tail -n 5 "$CL/initdb.log")"
cat >>"$CL/template/postgresql.conf" <<CONF
shared_preload_libraries = 'citus'
listen_addresses = 'localhost'
unix_socket_directories = '$CL'
max_connections = 60
max_prepared_transactions = 60
shared_buffers = 32MB
fsync = off
synchronous_commit = off
full_page_writes = off
CONF

start_node() {
	local port=$1
	as_pg "cp -a '$CL/template' '$CL/n$port'" || return 1
	on_exit "stop_node $port"
	as_pg "'$BIN/pg_ctl' -D '$CL/n$port' -o '-p $port' -l '$CL/n$port.log' -w -t 60 start" >/dev/null 2>&1 || return 1
	qn "$port" postgres -c "CREATE EXTENSION citus" >/dev/null
}
stop_node() {
	as_pg "'$BIN/pg_ctl' -D '$CL/n$1' -m immediate stop" >/dev/null 2>&1
}
# qn PORT DB SQL... : unaligned tuples only on one node, stops at the first error
qn() {
	local port=$1 db=$2
	shift 2
	psql -X -A -t -q -v ON_ERROR_STOP=1 -h "$CL" -p "$port" -U postgres -d "$db" "$@"
}
# the coordinator, through lib.sh's helpers (q, qs, sessions)
export PGHOST=$CL PGPORT=$P0 PGUSER=postgres
DB=postgres

for p in $P0 $P1 $P2; do
	start_node "$p" || bail "node on port $p starts" "$(tail -n 5 "$CL/n$p.log" 2>/dev/null)"
done
out=$(q $DB -c "SELECT citus_set_coordinator_host('localhost', $P0)" \
	-c "SELECT citus_add_node('localhost', $P1)" -c "SELECT citus_add_node('localhost', $P2)" 2>&1) ||
	bail "the workers join the coordinator" "$out"
ok "a coordinator and two workers run Citus $(q $DB -c "SELECT extversion FROM pg_extension WHERE extname = 'citus'")"

out=$(q $DB -c "CREATE EXTENSION diplo" 2>&1) || bail "CREATE EXTENSION diplo on the coordinator" "$out"
is "$(qn $P1 $DB -c "SELECT extversion FROM pg_extension WHERE extname = 'diplo'")/$(qn $P2 $DB -c "SELECT extversion FROM pg_extension WHERE extname = 'diplo'")" \
	"$(q $DB -c "SELECT extversion || '/' || extversion FROM pg_extension WHERE extname = 'diplo'")" \
	"CREATE EXTENSION diplo on the coordinator installs it on both workers"
is "$(q $DB -c "SELECT diplo.citus_distribute_dictionary()" 2>&1)" 0 \
	"diplo.citus_distribute_dictionary() runs on the coordinator (no user row to send yet)"
is "$(qn $P1 $DB -c "SELECT diplo.citus_distribute_dictionary()" 2>&1 | grep -o 'run diplo.citus_distribute_dictionary() on the coordinator')" \
	"run diplo.citus_distribute_dictionary() on the coordinator" "it refuses to run on a worker"
is "$(qn $P2 $DB -c "SELECT diplo.citus_sync()" 2>&1 | grep -o 'run diplo.citus_sync() on the coordinator')" \
	"run diplo.citus_sync() on the coordinator" "so does diplo.citus_sync()"

# --- the articles ----------------------------------------------------------

{
	echo "CREATE TABLE articles_local (id integer PRIMARY KEY, name text NOT NULL, body text NOT NULL);"
	i=0
	for _ in 1 2 3; do
		for f in "$REPO_DIR"/data/corpus/*.txt; do
			i=$((i + 1))
			printf '\\set body `cat %q`\n' "$f"
			printf "INSERT INTO articles_local VALUES (%d, '%s', :'body');\n" "$i" "$(basename "$f" .txt)"
		done
	done
	echo "CREATE TABLE articles (LIKE articles_local INCLUDING ALL);"
	echo "SELECT create_distributed_table('articles', 'id', shard_count := 4);"
	echo "INSERT INTO articles SELECT * FROM articles_local;"
} | q $DB -f - >/dev/null 2>"$CL/load.err" || bail "the articles load" "$(cat "$CL/load.err")"
is "$(q $DB -c "SELECT count(*) || ' on ' || count(DISTINCT pl.groupid) FROM articles_local a
                  JOIN pg_dist_placement pl ON pl.shardid = get_shard_id_for_distribution_column('articles', a.id)")" \
	"30 on 2" "the 30 sample articles (the corpus three times) are distributed over both workers"

# same DESCRIPTION COLUMNS FROM_AND_REST: the rows of "SELECT COLUMNS FROM
# articles a <FROM_AND_REST>" over the distributed and the plain table are
# the same multiset (EXCEPT ALL both ways).  The distributed rows are
# collected by INSERT ... SELECT into a temporary table, which Citus runs
# as the plain SELECT, pushed down to the workers.
same() {
	local desc=$1 cols=$2 rest=$3 out
	out=$(q $DB 2>&1 <<SQL
CREATE TEMP TABLE r_dist AS SELECT $cols FROM articles_local a $rest WITH NO DATA;
CREATE TEMP TABLE r_local AS SELECT $cols FROM articles_local a $rest WITH NO DATA;
INSERT INTO r_dist SELECT $cols FROM articles a $rest;
INSERT INTO r_local SELECT $cols FROM articles_local a $rest;
SELECT (SELECT count(*) FROM r_local) || ' rows, '
       || (SELECT count(*) FROM (SELECT * FROM r_dist EXCEPT ALL SELECT * FROM r_local) x) || ' only distributed, '
       || (SELECT count(*) FROM (SELECT * FROM r_local EXCEPT ALL SELECT * FROM r_dist) x) || ' only local';
SQL
	)
	if [[ "$out" =~ ^([1-9][0-9]*)\ rows,\ 0\ only\ distributed,\ 0\ only\ local$ ]]; then
		ok "$desc ($out)"
	else
		nok "$desc" "$out"
	fi
}
same "entities(): the rows of the distributed table are those of the plain table" \
	"a.id, m.*" ", diplo.entities(a.body) m"
same "stances(): the same rows" "a.id, s.*" ", diplo.stances(a.body) s"
same "stance_summary(): the same rows" "a.id, s.*" ", diplo.stance_summary(a.body) s"
same "entity_ids(): the same arrays" "a.id, diplo.entity_ids(a.body)" ""
same "stance_balance by holder state and target (partial aggregates on the workers): the same values" \
	"s.holder_actor, s.target, round(diplo.stance_balance(s.score)::numeric, 5) AS balance, count(*)" \
	", diplo.stances(a.body) s GROUP BY 1, 2"
same "stance_balance over all stances: the same value" \
	"round(diplo.stance_balance(s.score)::numeric, 5), count(*)" ", diplo.stances(a.body) s"

plan=$(q $DB -c "EXPLAIN (COSTS OFF) SELECT a.id, m.entity FROM articles a, diplo.entities(a.body) m" \
	-c "EXPLAIN (COSTS OFF) SELECT a.id, s.holder FROM articles a, diplo.stances(a.body) s")
if [ "$(grep -c 'Task Count: 4' <<<"$plan")" = 2 ] && grep -q 'Function Scan on entities' <<<"$plan" &&
	grep -q 'Function Scan on stances' <<<"$plan"; then
	ok "entities() and stances() run on the workers (pushed down into the shards' tasks)"
else
	nok "entities() and stances() run on the workers (pushed down into the shards' tasks)" "$plan"
fi

# --- dictionary edits --------------------------------------------------------

# probe: 32 copies of one text, on both workers (and a plain copy).
PROBE="Le ministre Zorglub Zorgnikov a parlé. La Zorgonie zorglube la zorglubisation du pays. Zorglub Zorgnikov zorglube la trêve. Vladimir Poutine a reçu Ilon Mosque, le patron de Twitter."
q $DB >/dev/null <<SQL || bail "the probe table is made"
CREATE TABLE probe (id integer PRIMARY KEY, body text NOT NULL);
SELECT create_distributed_table('probe', 'id', shard_count := 4);
INSERT INTO probe SELECT g, \$p\$$PROBE\$p\$ FROM generate_series(1, 32) g;
CREATE TABLE probe_local AS SELECT * FROM probe;
SQL
is "$(q $DB -c "SELECT count(DISTINCT pl.groupid) FROM probe_local p
                  JOIN pg_dist_placement pl ON pl.shardid = get_shard_id_for_distribution_column('probe', p.id)")" \
	2 "the probe rows are on both workers"

# What the probe text gives, per row: mentions and stances.  Run by a
# session that stays open, so that its connections to the workers, whose
# backends have compiled the dictionary, are reused from edit to edit.
PROBE_SQL="SELECT p.id, string_agg(m.surface || '=' || m.entity || '/' || coalesce(m.actor, '-'), ', ' ORDER BY m.start)
  FROM probe p, diplo.entities(p.body) m GROUP BY p.id;
SELECT p.id, string_agg(s.holder || '>' || s.target || ' ' || round(s.score::numeric, 2), ', ' ORDER BY s.start, s.target)
  FROM probe p, diplo.stances(p.body) s GROUP BY p.id"
PROBE_LOCAL_SQL=${PROBE_SQL//FROM probe p/FROM probe_local p}
sess_start S $DB
sess_run S "SET citus.max_cached_conns_per_worker = 4"

# probe_is DESCRIPTION EXPECTED_MENTIONS EXPECTED_STANCES: every one of the
# 32 distributed rows gives them (the next query of the open session), the
# plain table on the coordinator too, and every node's user dictionary is
# the coordinator's.
USER_FP="SELECT md5(string_agg(x, E'\n' ORDER BY x)) FROM (
  SELECT e.t || ':' || r::text AS x FROM jsonb_each(diplo.user_state() -> 'rows') e(t, rs), jsonb_array_elements(e.rs) r
  UNION ALL SELECT 'edit:' || (u - 'edited')::text FROM jsonb_array_elements(diplo.user_state() -> 'edits') u) s"
probe_is() {
	local desc=$1 want_m=$2 want_s=$3 got want fps
	sess_run S "$PROBE_SQL"
	got=$(printf '%s\n' "$SESS_OUT" | cut -d'|' -f2- | sort | uniq -c | sed 's/^ *//')
	want=$({ echo "32 $want_m"; [ -z "$want_s" ] || echo "32 $want_s"; } | sort)
	if [ "$SESS_STATE" = 00000 ] && [ "$got" = "$want" ]; then
		ok "$desc: every distributed row (every worker)"
	else
		nok "$desc: every distributed row (every worker)" "state $SESS_STATE" "got:" "$got" "expected:" "$want"
	fi
	got=$(q $DB -F '|' -c "$PROBE_LOCAL_SQL" 2>&1 | cut -d'|' -f2- | sort | uniq -c | sed 's/^ *//')
	is "$got" "$want" "$desc: the coordinator"
	fps=$(for p in $P0 $P1 $P2 ${EXTRA_PORT:-}; do qn "$p" $DB -c "$USER_FP"; done | sort -u | wc -l)
	is "$fps" 1 "$desc: every node's user dictionary is the coordinator's"
}

# the session's connections to the workers (Citus names them by the
# session's global pid): still the same after the edits below
sess_run S "SELECT citus_backend_gpid()"
GPID=$SESS_OUT
worker_conns() {
	for p in $P1 $P2; do
		qn "$p" $DB -c "SELECT string_agg(pid::text, ',' ORDER BY pid) FROM pg_stat_activity WHERE application_name = 'citus_internal gpid=$GPID'"
	done | tr '\n' ' '
}

# the mentions of the probe text: m ZORGLUB_ACTOR ZORGONIE_IS POUTINE_ACTOR ILON_ACTOR TWITTER_IS
# (ZORGONIE_IS empty: no mention; a lone unknown word that the document
# names nowhere else is none)
m() {
	local zorgonie=""
	[ -z "$2" ] || zorgonie="Zorgonie=$2, "
	printf 'Zorglub Zorgnikov=Zorglub Zorgnikov/%s, %sZorglub Zorgnikov=Zorglub Zorgnikov/%s, Vladimir Poutine=Vladimir Poutine/%s, Ilon Mosque=Ilon Mosque/%s, Twitter=%s' \
		"$1" "$zorgonie" "$1" "$3" "$4" "$5"
}

BASE_M="$(m - '' RUS - 'X/-')"
sess_run S "$PROBE_SQL"
got=$(printf '%s\n' "$SESS_OUT" | cut -d'|' -f2- | sort -u)
if [ "$(printf '%s\n' "$got" | head -n 1)" = "$BASE_M" ] && [ "$(printf '%s\n' "$got" | wc -l)" = 1 ]; then
	ok "the probe text before any edit: names found by their shape, no stance"
else
	nok "the probe text before any edit: names found by their shape, no stance" "$got"
fi

CONNS_BEFORE=$(worker_conns)
q $DB -c "INSERT INTO diplo.entity (name, kind, actor, title) VALUES ('Zorglub Zorgnikov', 'PER', 'FRA', 'ministre')" >/dev/null
probe_is "entity inserted" \
	"$(m FRA '' RUS - 'X/-')" ""
q $DB -c "UPDATE diplo.entity SET actor = 'BEL' WHERE name = 'Zorglub Zorgnikov'" >/dev/null
probe_is "entity updated" \
	"$(m BEL '' RUS - 'X/-')" ""
q $DB -c "INSERT INTO diplo.alias (alias, entity) VALUES ('Zorgonia', 'Zorglub Zorgnikov')" >/dev/null
probe_is "alias inserted (a form the probe lacks: nothing changes)" \
	"$(m BEL '' RUS - 'X/-')" ""
q $DB -c "UPDATE diplo.alias SET alias = 'Zorgonie' WHERE alias = 'Zorgonia'" >/dev/null
M_ALIAS="$(m BEL 'Zorglub Zorgnikov/BEL' RUS - 'X/-')"
probe_is "alias updated (its key: Zorgonia becomes Zorgonie)" "$M_ALIAS" ""
q $DB -c "INSERT INTO diplo.cue (lemma, pos, polarity, weight, frame) VALUES ('zorgluber', 'verb', -1, 0.7, 'condemn')" >/dev/null
probe_is "cue inserted" "$M_ALIAS" "Zorglub Zorgnikov>cessez-le-feu -0.70"
q $DB -c "UPDATE diplo.cue SET weight = 0.4 WHERE lemma = 'zorgluber'" >/dev/null
probe_is "cue updated" "$M_ALIAS" "Zorglub Zorgnikov>cessez-le-feu -0.40"
q $DB -c "BEGIN" -c "INSERT INTO diplo.topic (topic, label) VALUES ('zorglubisme', 'zorglubisme')" \
	-c "INSERT INTO diplo.topic_term (term, topic) VALUES ('zorglubisation', 'zorglubisme')" -c "COMMIT" >/dev/null
probe_is "topic and topic term inserted in one transaction" "$M_ALIAS" \
	"Zorglub Zorgnikov>zorglubisme -0.40, Zorglub Zorgnikov>cessez-le-feu -0.40"
q $DB -c "UPDATE diplo.topic SET topic = 'zorgisme' WHERE topic = 'zorglubisme'" >/dev/null
probe_is "topic updated (its key, cascading to its term)" "$M_ALIAS" \
	"Zorglub Zorgnikov>zorgisme -0.40, Zorglub Zorgnikov>cessez-le-feu -0.40"
q $DB -c "DELETE FROM diplo.topic WHERE topic = 'zorgisme'" >/dev/null
probe_is "topic deleted (and its term with it)" "$M_ALIAS" "Zorglub Zorgnikov>cessez-le-feu -0.40"
q $DB -c "DELETE FROM diplo.cue WHERE lemma = 'zorgluber'" >/dev/null
probe_is "cue deleted" "$M_ALIAS" ""
q $DB -c "DELETE FROM diplo.alias WHERE alias = 'Zorgonie'" >/dev/null
probe_is "alias deleted" \
	"$(m BEL '' RUS - 'X/-')" ""

# built-in rows: an update and a delete, recorded in diplo.user_edit
q $DB -c "UPDATE diplo.entity SET actor = 'FRA' WHERE name = 'Vladimir Poutine'" \
	-c "DELETE FROM diplo.alias WHERE alias = 'Twitter' AND entity = 'X'" >/dev/null
M_EDIT="$(m BEL '' FRA - 'Twitter/-')"
probe_is "built-in entity updated and built-in alias deleted" "$M_EDIT" ""
is "$(for p in $P0 $P1 $P2; do qn "$p" $DB -c "SELECT string_agg(tbl || ':' || action, ',' ORDER BY tbl) FROM diplo.user_edit"; done | sort | uniq -c | sed 's/^ *//')" \
	"3 alias:delete,entity:update" "every node records the two edits of built-in rows in diplo.user_edit"

# rolled back: nowhere
q $DB -c "BEGIN" -c "INSERT INTO diplo.entity (name, kind, actor) VALUES ('Ilon Mosque', 'PER', 'USA')" \
	-c "DELETE FROM diplo.entity WHERE name = 'Zorglub Zorgnikov'" -c "ROLLBACK" >/dev/null
probe_is "an insert and a delete rolled back" "$M_EDIT" ""
is "$(for p in $P0 $P1 $P2; do qn "$p" $DB -c "SELECT count(*) FROM diplo.entity WHERE name IN ('Ilon Mosque', 'Zorglub Zorgnikov')"; done | tr '\n' ' ')" \
	"1 1 1 " "the rolled-back edits are in no node's tables"
out=$(q $DB -c "BEGIN" -c "INSERT INTO diplo.entity (name, kind, actor) VALUES ('Ilon Mosque', 'PER', 'USA')" \
	-c "INSERT INTO diplo.alias (alias, entity) VALUES ('Zorglub', 'Entité Inconnue')" -c "COMMIT" 2>&1)
probe_is "a transaction that fails (a foreign key) changes no node" "$M_EDIT" ""

after=$(worker_conns)
if [ -n "${CONNS_BEFORE// /}" ] && [ "$(printf '%s\n' $CONNS_BEFORE | tr ',' '\n' | sort)" = "$(printf '%s\n' $after | tr ',' '\n' | sort)" ]; then
	ok "the open session used the same worker backends from the first query to the last (pids $after): their compiled dictionaries were renewed"
else
	nok "the open session used the same worker backends from the first query to the last" "before: $CONNS_BEFORE" "after: $after"
fi

# TRUNCATE and restore_builtin()
q $DB -c "TRUNCATE diplo.furniture" >/dev/null
is "$(for p in $P0 $P1 $P2; do qn "$p" $DB -c "SELECT count(*) FROM diplo.furniture"; done | tr '\n' ' ')" "0 0 0 " \
	"TRUNCATE of a dictionary table on the coordinator empties it on every node"
q $DB -c "SELECT diplo.restore_builtin()" >/dev/null
probe_is "restore_builtin(): built-in rows back everywhere, the user's rows kept" \
	"$(m BEL '' RUS - 'X/-')" ""
is "$(for p in $P0 $P1 $P2; do qn "$p" $DB -c "SELECT (SELECT count(*) FROM diplo.furniture) || '/' || (SELECT count(*) FROM diplo.user_edit)"; done | sort -u)" \
	"$(q $DB -c "SELECT count(*) || '/0' FROM diplo.builtin_row WHERE tbl = 'furniture'")" \
	"restore_builtin() on the coordinator restores the built-in rows and empties diplo.user_edit on every node"

# a constant folded on the coordinator agrees with the columns tagged on the workers
q $DB -c "INSERT INTO diplo.alias (alias, entity) VALUES ('Zorgonie', 'Zorglub Zorgnikov')" >/dev/null
sess_run S "SELECT count(*) FROM probe WHERE diplo.entity_ids(body) @> diplo.entity_ids('La Zorgonie.')"
is "$SESS_OUT" 32 "a constant entity_ids() (the coordinator's dictionary) matches the rows tagged on the workers"

# a diplo_admin member edits; a plain role cannot
q $DB -c "CREATE ROLE zorg_editor LOGIN" -c "GRANT diplo_admin TO zorg_editor" -c "CREATE ROLE zorg_reader LOGIN" >/dev/null
is "$(psql -X -A -t -q -h "$CL" -p "$P0" -U zorg_editor -d $DB -c "INSERT INTO diplo.entity (name, kind, actor) VALUES ('Ilon Mosque', 'PER', 'USA')" 2>&1)" "" \
	"a member of diplo_admin (GRANT propagated to the workers) edits the dictionary of every node"
is "$(for p in $P1 $P2; do qn "$p" $DB -c "SELECT actor FROM diplo.entity WHERE name = 'Ilon Mosque'"; done | tr '\n' ' ')" "USA USA " \
	"the diplo_admin member's row is on both workers"
is "$(psql -X -A -t -q -h "$CL" -p "$P0" -U zorg_reader -d $DB -c "INSERT INTO diplo.entity (name, kind) VALUES ('Zorg Lecteur', 'PER')" 2>&1 | grep -o 'permission denied for table entity')" \
	"permission denied for table entity" "a role without diplo_admin cannot edit"

# an edit made on a worker stays there, until the next sync
qn "$P1" $DB -c "INSERT INTO diplo.alias (alias, entity) VALUES ('Zorgouille', 'Zorglub Zorgnikov')" >/dev/null 2>&1
is "$(for p in $P0 $P1 $P2; do qn "$p" $DB -c "SELECT count(*) FROM diplo.alias WHERE alias = 'Zorgouille'"; done | tr '\n' ' ')" \
	"0 1 0 " "an edit made on a worker stays on that worker"

# a bulk load: the trigger off, one diplo.citus_sync() (README)
q $DB >/dev/null <<'SQL'
BEGIN;
ALTER TABLE diplo.name_hint DISABLE TRIGGER "Cluster_propagate";
INSERT INTO diplo.name_hint (word, hint) SELECT 'Zorgmot' || g, 'first' FROM generate_series(1, 500) g;
ALTER TABLE diplo.name_hint ENABLE TRIGGER "Cluster_propagate";
SELECT diplo.citus_sync();
COMMIT;
SQL
is "$(for p in $P0 $P1 $P2; do qn "$p" $DB -c "SELECT count(*) FROM diplo.name_hint WHERE word LIKE 'Zorgmot%'"; done | tr '\n' ' ')" \
	"500 500 500 " "a bulk load with the trigger off, then diplo.citus_sync(), reaches every node"
is "$(qn "$P1" $DB -c "SELECT count(*) FROM diplo.alias WHERE alias = 'Zorgouille'")" 0 \
	"diplo.citus_sync() undoes the edit made on the worker"

# --- a worker added later ------------------------------------------------------

start_node "$P3" || bail "a third worker starts" "$(tail -n 5 "$CL/n$P3.log" 2>/dev/null)"
out=$(q $DB -c "SELECT citus_add_node('localhost', $P3)" 2>&1) || bail "the third worker joins" "$out"
# shards moved to it before diplo.citus_sync() (Citus first copies the
# reference tables, as citus_rebalance_start() does): it refuses to answer
out=$(q $DB -c "SELECT replicate_reference_tables('block_writes')" -c "SELECT citus_move_shard_placement(shardid, nodename, nodeport, 'localhost', $P3, 'block_writes')
                  FROM citus_shards WHERE table_name = 'probe'::regclass ORDER BY shardid LIMIT 2" 2>&1) ||
	nok "two probe shards move to the new worker" "$out"
is "$(q $DB -c "SELECT count(DISTINCT pl.groupid) FROM probe_local p JOIN pg_dist_placement pl ON pl.shardid = get_shard_id_for_distribution_column('probe', p.id)")" \
	3 "the probe rows are on the three workers"
sess_run S "$PROBE_SQL"
if [ "$SESS_STATE" = 55000 ] && grep -q 'has not received the user dictionary' <<<"$SESS_OUT" &&
	grep -q 'Run SELECT diplo.citus_sync(); on the coordinator' <<<"$SESS_OUT"; then
	ok "before diplo.citus_sync(), a query that reaches the new worker fails (SQLSTATE 55000, with the hint) instead of using the built-in rows only"
else
	nok "before diplo.citus_sync(), a query that reaches the new worker fails" "state $SESS_STATE" "$(head -n 5 <<<"$SESS_OUT")"
fi
is "$(q $DB -c "SELECT diplo.citus_sync() > 0" 2>&1)" t "diplo.citus_sync() sends the user's rows and edits"
EXTRA_PORT=$P3
is "$(qn "$P3" $DB -c "SELECT actor FROM diplo.entity WHERE name = 'Zorglub Zorgnikov'")/$(qn "$P3" $DB -c "SELECT entity FROM diplo.alias WHERE alias = 'Zorgonie'")" \
	"BEL/Zorglub Zorgnikov" "the worker added later has the user's rows"
probe_is "the new worker answers with the user's dictionary" \
	"$(m BEL 'Zorglub Zorgnikov/BEL' RUS USA 'X/-')" ""
q $DB -c "DELETE FROM diplo.entity WHERE name = 'Ilon Mosque'" >/dev/null
probe_is "an edit after it reaches the new worker too" \
	"$(m BEL 'Zorglub Zorgnikov/BEL' RUS - 'X/-')" ""

# --- GIN index, INSERT ... SELECT -----------------------------------------------

q $DB -c "CREATE INDEX articles_entities ON articles USING gin (diplo.entity_ids(body))" \
	-c "CREATE INDEX articles_local_entities ON articles_local USING gin (diplo.entity_ids(body))" >/dev/null
GIN_Q="SELECT string_agg(id::text, ',' ORDER BY id) FROM %s WHERE diplo.entity_ids(body) @> ARRAY['Vladimir Poutine', 'Donald Trump']"
# shellcheck disable=SC2059
got=$(q $DB -c "SET citus.propagate_set_commands = 'local'" -c "BEGIN" -c "SET LOCAL enable_seqscan = off" \
	-c "$(printf "$GIN_Q" articles)" -c "EXPLAIN (COSTS OFF) $(printf "$GIN_Q" articles)" -c "COMMIT")
# shellcheck disable=SC2059
want=$(q $DB -c "SET enable_seqscan = off" -c "$(printf "$GIN_Q" articles_local)")
if [ -n "$want" ] && [ "$(head -n 1 <<<"$got")" = "$want" ] && grep -q 'Bitmap Index Scan on articles_entities' <<<"$got"; then
	ok "a GIN index on entity_ids(body) of the distributed table answers like the local one (ids $want), through the shards' indexes"
else
	nok "a GIN index on entity_ids(body) of the distributed table answers like the local one" "got: $got" "local: $want"
fi

out=$(q $DB -c "INSERT INTO diplo.alias (alias, entity) VALUES ('Zorgo', 'Zorglub Zorgnikov')" 2>&1 >/dev/null)
if [ "$(grep -c '^NOTICE' <<<"$out")" = 1 ] && grep -q 'index public.articles_entities, index public.articles_local_entities computed' <<<"$out"; then
	ok "an edit gives one NOTICE of stale indexes, the coordinator's (none relayed from the workers' shards)"
else
	nok "an edit gives one NOTICE of stale indexes, the coordinator's" "$out"
fi

# a stale index, renewed from the coordinator: an article names Zorgu, then
# Zorgu becomes an alias (the indexes do not know it, as on a single
# server), then REINDEX INDEX on the coordinator
q $DB -c "UPDATE articles SET body = body || E'\\nZorgu a parlé.' WHERE id = 7" \
	-c "UPDATE articles_local SET body = body || E'\\nZorgu a parlé.' WHERE id = 7" \
	-c "INSERT INTO diplo.alias (alias, entity) VALUES ('Zorgu', 'Zorglub Zorgnikov')" >/dev/null 2>&1
GIN_Z="SELECT coalesce(string_agg(id::text, ',' ORDER BY id), 'none') FROM %s WHERE diplo.entity_ids(body) @> ARRAY['Zorglub Zorgnikov']"
gin_z() {
	# shellcheck disable=SC2059
	printf '%s/%s' "$(q $DB -c "SET citus.propagate_set_commands = 'local'" -c "BEGIN" -c "SET LOCAL enable_seqscan = off" \
		-c "$(printf "$GIN_Z" articles)" -c "COMMIT")" "$(q $DB -c "SET enable_seqscan = off" -c "$(printf "$GIN_Z" articles_local)")"
}
is "$(gin_z)" "none/none" "an alias added after the index was built: the shards' GIN indexes, like the local one, do not know it"
out=$(q $DB -c "REINDEX INDEX articles_entities" -c "REINDEX INDEX articles_local_entities" 2>&1) || nok "REINDEX INDEX of the distributed index" "$out"
is "$(gin_z)" "7/7" "after REINDEX INDEX on the coordinator, the shards' GIN indexes know it"

q $DB >/dev/null <<'SQL'
CREATE TABLE mentions (id integer, surface text, entity text, kind diplo.entity_kind, actor text, start integer, len integer);
SELECT create_distributed_table('mentions', 'id', colocate_with := 'articles');
SQL
INS="INSERT INTO mentions SELECT a.id, (a.m).surface, (a.m).entity, (a.m).kind, (a.m).actor, (a.m).start, (a.m).len
  FROM (SELECT id, diplo.entities(body) AS m FROM articles) a"
plan=$(q $DB -c "EXPLAIN (COSTS OFF) $INS")
if head -n 1 <<<"$plan" | grep -q 'Custom Scan (Citus Adaptive)' && grep -q 'Insert on mentions_' <<<"$plan"; then
	ok "INSERT ... SELECT with entities() in a subquery's select list runs whole on the workers"
else
	nok "INSERT ... SELECT with entities() in a subquery's select list runs whole on the workers" "$plan"
fi
q $DB -c "$INS" >/dev/null
is "$(q $DB -c "SELECT count(*) FROM ((SELECT * FROM mentions EXCEPT ALL SELECT a.id, m.surface, m.entity, m.kind, m.actor, m.start, m.len FROM articles_local a, diplo.entities(a.body) m)
                                      UNION ALL (SELECT a.id, m.surface, m.entity, m.kind, m.actor, m.start, m.len FROM articles_local a, diplo.entities(a.body) m EXCEPT ALL SELECT * FROM mentions)) d")" \
	0 "the mentions it stores are those of the plain table"

sess_stop S
