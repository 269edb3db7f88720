#!/usr/bin/env bash
# Hardening: the compiled-dictionary cache under concurrent changes.
#
# Two (or three) psql sessions driven through fifos: s1 tags texts, s2
# changes dictionary rows (alias, entity, cue, topic_term) with COMMIT,
# ROLLBACK and SAVEPOINT / ROLLBACK TO / RELEASE, and TRUNCATE.
#  - s1's next statement sees exactly the committed rows, s2 its own;
#  - one statement of s1 sees one dictionary even when s2 commits a change
#    while it runs (advisory-lock and pg_sleep interleavings, one and several
#    call sites, entities() and stances());
#  - a rebuild that fails (SELECT revoked, statement_timeout, cancel) leaves
#    the extension usable and leaks no dictionary;
#  - PL/pgSQL callers and procedures that COMMIT see changes too.
#
# Runs inside pg_virtualenv; prints TAP.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
hard_preflight

DB=hard_conc
PW=hard_pw_$$
fresh_role hard_conc_reader "LOGIN PASSWORD '$PW'"
fresh_db $DB || bail "create database $DB"
q $DB >/dev/null 2>"$HARD_TMP/setup.err" <<'SQL' || bail "set up $DB" "$(cat "$HARD_TMP/setup.err")"
CREATE EXTENSION diplo;
CREATE SCHEMA hard;
GRANT USAGE ON SCHEMA hard TO PUBLIC;
-- a relation that no statement of the test locks except hard.gate(), so that
-- locking it makes a backend read the invalidation queue mid-statement
CREATE TABLE hard.touch (x int);
INSERT INTO hard.touch VALUES (1);
GRANT SELECT ON hard.touch TO PUBLIC;
-- mentions of a text as one comparable string
CREATE FUNCTION hard.ents(doc text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce(string_agg(e.surface || '=' || e.entity || '/' || coalesce(e.actor, '-'), ', ' ORDER BY e.start, e.entity), '')
    FROM diplo.entities(doc) e $$;
-- the same through PL/pgSQL: a new executor (and call site) on every call
CREATE FUNCTION hard.ents_pl(doc text) RETURNS text LANGUAGE plpgsql STABLE AS $$
DECLARE r text;
BEGIN
  SELECT coalesce(string_agg(e.surface || '=' || e.entity || '/' || coalesce(e.actor, '-'), ', ' ORDER BY e.start, e.entity), '')
    INTO r FROM diplo.entities(doc) e;
  RETURN r;
END $$;
CREATE FUNCTION hard.stances(doc text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce(string_agg(s.holder || '>' || s.target || ':' || s.score || ':' || s.cue, ', ' ORDER BY s.start, s.holder, s.target), '')
    FROM diplo.stances(doc) s $$;
-- row i = 2 waits for advisory lock 4242 (held by the other session), then
-- locks hard.touch, which makes it accept pending invalidations
CREATE FUNCTION hard.gate(i int, doc text) RETURNS text LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF i = 2 THEN
    PERFORM pg_advisory_lock(4242);
    PERFORM pg_advisory_unlock(4242);
    PERFORM count(*) FROM hard.touch;
  END IF;
  RETURN doc;
END $$;
-- row i = 2 sleeps first
CREATE FUNCTION hard.sleep_gate(i int, doc text, secs float8) RETURNS text LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF i = 2 THEN
    PERFORM pg_sleep(secs);
    PERFORM count(*) FROM hard.touch;
  END IF;
  RETURN doc;
END $$;
-- PL/pgSQL simple expressions (no FROM): their expression state, and with
-- it the called function's FmgrInfo, lives for the whole transaction
CREATE FUNCTION hard.ids_simple(doc text) RETURNS text[] LANGUAGE plpgsql STABLE AS $$
BEGIN RETURN diplo.entity_ids(doc); END $$;
CREATE FUNCTION hard.nent_simple() RETURNS bigint LANGUAGE plpgsql STABLE AS $$
BEGIN RETURN (diplo.dictionary_info()).entities; END $$;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA hard TO PUBLIC;
-- the memory of the dictionaries a backend holds
CREATE FUNCTION hard.dict_contexts(OUT n bigint, OUT bytes bigint) LANGUAGE sql AS $$
  SELECT count(*), coalesce(sum(total_bytes), 0) FROM pg_backend_memory_contexts WHERE name = 'diplo dictionary' $$;
SQL
# let the plain role see its own memory contexts
q $DB -c "GRANT SELECT ON pg_catalog.pg_backend_memory_contexts TO hard_conc_reader" \
	-c "GRANT EXECUTE ON FUNCTION pg_catalog.pg_get_backend_memory_contexts() TO hard_conc_reader" >/dev/null

TXT="Zorglub a rencontré le ministre."
ALIAS_PROBE="SELECT count(*) FROM diplo.entities('$TXT') WHERE surface = 'Zorglub' AND entity = 'Emmanuel Macron'"
INS_ALIAS="INSERT INTO diplo.alias (alias, entity) VALUES ('Zorglub', 'Emmanuel Macron')"
DEL_ALIAS="DELETE FROM diplo.alias WHERE alias = 'Zorglub' AND NOT builtin"

sess_start s1 $DB
sess_start s2 $DB

# expect SESSION SQL EXPECTED DESCRIPTION
expect() {
	sess_run "$1" "$2"
	if [ "$SESS_STATE" != 00000 ]; then
		nok "$4" "statement failed ($SESS_STATE): $SESS_OUT"
	else
		is "$SESS_OUT" "$3" "$4"
	fi
}
# run SESSION SQL : must succeed
run() {
	sess_run "$1" "$2"
	[ "$SESS_STATE" = 00000 ] || note "unexpected $SESS_STATE from $1: $2: $SESS_OUT"
}

########################################################################
# next statement sees exactly the committed rows: alias
########################################################################
expect s1 "$ALIAS_PROBE" 0 "alias: s1 before any change: 'Zorglub' is not an alias"
run s2 "BEGIN"
run s2 "$INS_ALIAS"
expect s2 "$ALIAS_PROBE" 1 "alias: s2 sees its own uncommitted INSERT in its next statement"
expect s1 "$ALIAS_PROBE" 0 "alias: s1 does not see s2's uncommitted INSERT"
run s2 "ROLLBACK"
expect s2 "$ALIAS_PROBE" 0 "alias: after ROLLBACK s2 no longer sees it"
expect s1 "$ALIAS_PROBE" 0 "alias: after ROLLBACK s1 never saw it"
run s2 "BEGIN"
run s2 "$INS_ALIAS"
run s2 "COMMIT"
expect s1 "$ALIAS_PROBE" 1 "alias: s1's next statement after COMMIT finds 'Zorglub'"
# savepoints
run s2 "BEGIN"
run s2 "SAVEPOINT a"
run s2 "$DEL_ALIAS"
expect s2 "$ALIAS_PROBE" 0 "savepoint: s2 sees its DELETE inside the savepoint"
run s2 "ROLLBACK TO SAVEPOINT a"
expect s2 "$ALIAS_PROBE" 1 "savepoint: after ROLLBACK TO, s2 sees the alias again"
run s2 "COMMIT"
expect s1 "$ALIAS_PROBE" 1 "savepoint: s1 still sees the alias (the DELETE was rolled back to the savepoint)"
run s2 "BEGIN"
run s2 "SAVEPOINT a"
run s2 "$DEL_ALIAS"
run s2 "RELEASE SAVEPOINT a"
expect s1 "$ALIAS_PROBE" 1 "savepoint: s1 sees the alias while the released DELETE is uncommitted"
run s2 "COMMIT"
expect s1 "$ALIAS_PROBE" 0 "savepoint: s1 no longer sees the alias once the released DELETE is committed"
run s2 "BEGIN"
run s2 "SAVEPOINT a"
run s2 "$INS_ALIAS"
run s2 "SAVEPOINT b"
run s2 "UPDATE diplo.alias SET entity = 'Vladimir Poutine' WHERE alias = 'Zorglub' AND NOT builtin"
expect s2 "SELECT entity FROM diplo.entities('$TXT') WHERE surface = 'Zorglub'" "Vladimir Poutine" "nested savepoints: s2 sees the UPDATE of savepoint b"
run s2 "ROLLBACK TO SAVEPOINT b"
expect s2 "SELECT entity FROM diplo.entities('$TXT') WHERE surface = 'Zorglub'" "Emmanuel Macron" "nested savepoints: after ROLLBACK TO b, s2 sees the INSERT of savepoint a"
run s2 "COMMIT"
expect s1 "SELECT entity FROM diplo.entities('$TXT') WHERE surface = 'Zorglub'" "Emmanuel Macron" "nested savepoints: s1 sees what was committed"
run s2 "UPDATE diplo.alias SET entity = 'Vladimir Poutine' WHERE alias = 'Zorglub' AND NOT builtin"
expect s1 "SELECT entity FROM diplo.entities('$TXT') WHERE surface = 'Zorglub'" "Vladimir Poutine" "alias UPDATE (autocommit): s1 sees the new entity"
run s2 "$DEL_ALIAS"
expect s1 "$ALIAS_PROBE" 0 "alias DELETE (autocommit): s1 no longer finds it"

########################################################################
# entity
########################################################################
E_PROBE="SELECT hard.ents('Zorgnikov est arrivé. Zorglub Zorgnikov a parlé.')"
sess_run s1 "$E_PROBE"
base=$SESS_OUT
n0=$(q $DB -c "SELECT entities FROM diplo.dictionary_info()")
run s2 "BEGIN"
run s2 "INSERT INTO diplo.entity (name, kind, actor) VALUES ('Zorglub Zorgnikov', 'PER', 'FRA')"
run s2 "INSERT INTO diplo.alias (alias, entity) VALUES ('Zorgnikov', 'Zorglub Zorgnikov')"
expect s1 "$E_PROBE" "$base" "entity: s1 does not see an uncommitted entity"
run s2 "ROLLBACK"
expect s1 "$E_PROBE" "$base" "entity: nor after ROLLBACK"
run s2 "BEGIN"
run s2 "INSERT INTO diplo.entity (name, kind, actor) VALUES ('Zorglub Zorgnikov', 'PER', 'FRA')"
run s2 "INSERT INTO diplo.alias (alias, entity) VALUES ('Zorgnikov', 'Zorglub Zorgnikov')"
run s2 "COMMIT"
sess_run s1 "$E_PROBE"
case "$SESS_OUT" in
*"Zorglub Zorgnikov=Zorglub Zorgnikov/FRA"*"Zorgnikov=Zorglub Zorgnikov/FRA"* | *"Zorgnikov=Zorglub Zorgnikov/FRA"*"Zorglub Zorgnikov=Zorglub Zorgnikov/FRA"*)
	ok "entity: after COMMIT s1 finds the new entity and its alias ($SESS_OUT)" ;;
*) nok "entity: after COMMIT s1 finds the new entity and its alias" "got: $SESS_OUT" ;;
esac
expect s1 "SELECT entities FROM diplo.dictionary_info()" $((n0 + 1)) "entity: dictionary_info() counts the new entity"
run s2 "BEGIN"
run s2 "UPDATE diplo.entity SET actor = 'DEU' WHERE name = 'Zorglub Zorgnikov'"
run s2 "ROLLBACK"
expect s1 "SELECT actor FROM diplo.entities('Zorglub Zorgnikov a parlé.')" FRA "entity: a rolled-back UPDATE changes nothing"
run s2 "UPDATE diplo.entity SET actor = 'DEU' WHERE name = 'Zorglub Zorgnikov'"
expect s1 "SELECT actor FROM diplo.entities('Zorglub Zorgnikov a parlé.')" DEU "entity: s1 sees a committed UPDATE of the actor"
run s2 "UPDATE diplo.entity SET name = 'Zorglub Zorgnikov II' WHERE name = 'Zorglub Zorgnikov'"
expect s1 "SELECT entity FROM diplo.entities('Zorgnikov a parlé.')" "Zorglub Zorgnikov II" "entity: s1 sees a rename (ON UPDATE CASCADE to the alias)"
run s2 "DELETE FROM diplo.entity WHERE name = 'Zorglub Zorgnikov II'"
expect s1 "$E_PROBE" "$base" "entity: after a committed DELETE (cascading to its alias) s1 is back to the original result"
expect s1 "SELECT entities FROM diplo.dictionary_info()" "$n0" "entity: dictionary_info() is back to the original count"

########################################################################
# cue and topic_term
########################################################################
C_PROBE="SELECT hard.stances('La Russie zorglube les sanctions.')"
expect s1 "$C_PROBE" "" "cue: no stance before the cue exists"
run s2 "BEGIN"
run s2 "INSERT INTO diplo.cue (lemma, pos, polarity, weight, frame) VALUES ('zorgluber', 'verb', -1, 0.9, 'condemn')"
expect s2 "$C_PROBE" "Russie>sanctions:-0.9:zorglube" "cue: s2 sees its uncommitted cue"
expect s1 "$C_PROBE" "" "cue: s1 does not"
run s2 "ROLLBACK"
expect s1 "$C_PROBE" "" "cue: nor after ROLLBACK"
run s2 "INSERT INTO diplo.cue (lemma, pos, polarity, weight, frame) VALUES ('zorgluber', 'verb', -1, 0.9, 'condemn')"
expect s1 "$C_PROBE" "Russie>sanctions:-0.9:zorglube" "cue: s1 sees a committed cue"
run s2 "BEGIN"
run s2 "SAVEPOINT a"
run s2 "UPDATE diplo.cue SET polarity = 1, frame = 'support' WHERE lemma = 'zorgluber'"
run s2 "ROLLBACK TO SAVEPOINT a"
run s2 "UPDATE diplo.cue SET weight = 0.5 WHERE lemma = 'zorgluber'"
run s2 "COMMIT"
expect s1 "$C_PROBE" "Russie>sanctions:-0.5:zorglube" "cue: s1 sees the committed UPDATE but not the one rolled back to the savepoint"
run s2 "DELETE FROM diplo.cue WHERE lemma = 'zorgluber'"
expect s1 "$C_PROBE" "" "cue: s1 sees the committed DELETE"

T_PROBE="SELECT hard.stances('La Russie condamne la zorglubisation.')"
expect s1 "$T_PROBE" "" "topic_term: no topic target before the term exists"
run s2 "BEGIN"
run s2 "INSERT INTO diplo.topic_term (term, topic) VALUES ('zorglubisation', 'sanctions')"
expect s1 "$T_PROBE" "" "topic_term: s1 does not see an uncommitted term"
run s2 "ROLLBACK"
run s2 "BEGIN"
run s2 "SAVEPOINT a"
run s2 "INSERT INTO diplo.topic_term (term, topic) VALUES ('zorglubisation', 'sanctions')"
run s2 "RELEASE SAVEPOINT a"
run s2 "COMMIT"
expect s1 "$T_PROBE" "Russie>sanctions:-0.9:condamne" "topic_term: s1 sees a committed term (released savepoint)"
run s2 "UPDATE diplo.topic_term SET topic = 'paix' WHERE term = 'zorglubisation'"
expect s1 "$T_PROBE" "Russie>paix:-0.9:condamne" "topic_term: s1 sees the term moved to another topic"
run s2 "DELETE FROM diplo.topic_term WHERE term = 'zorglubisation'"
expect s1 "$T_PROBE" "" "topic_term: s1 sees the committed DELETE"

# TRUNCATE, rolled back then committed (the rows are put back afterwards)
S_PROBE="SELECT hard.stances('La Russie condamne les sanctions.')"
sess_run s1 "$S_PROBE"
sbase=$SESS_OUT
is "$sbase" "Russie>sanctions:-0.9:condamne" "truncate: baseline stance on a built-in topic term"
run s2 "CREATE TABLE hard.keep_terms AS SELECT * FROM diplo.topic_term"
run s2 "BEGIN"
run s2 "TRUNCATE diplo.topic_term"
sess_run s2 "$S_PROBE"
[ "$SESS_OUT" != "$sbase" ] && ok "truncate: s2 sees its uncommitted TRUNCATE ($SESS_OUT)" || nok "truncate: s2 sees its uncommitted TRUNCATE" "got the baseline: $SESS_OUT"
# s1 keeps its dictionary, or, when it must rebuild (an autovacuum ANALYZE
# of a dictionary table invalidates it too), waits for s2's lock like any
# reader of the table: either way it must not see the TRUNCATE.
sess_backend_pid s1
s1pid=$SESS_PID_OF
sess_send s1 "$S_PROBE"
blocked=0
r1=
for _ in $(seq 300); do
	if sess_wait s1 0.2; then
		r1="$SESS_STATE|$SESS_OUT"
		break
	fi
	[ "$SESS_STATE" = DEAD ] && break
	if [ "$(q $DB -c "SELECT count(*) FROM pg_locks WHERE pid = $s1pid AND NOT granted")" != 0 ]; then
		blocked=1
		break
	fi
done
run s2 "ROLLBACK"
if [ "$blocked" = 1 ]; then
	sess_wait s1 60
	r1="$SESS_STATE|$SESS_OUT"
fi
note "truncate: s1 $([ "$blocked" = 1 ] && echo "rebuilt, waiting for s2's lock" || echo "kept its dictionary")"
is "$r1" "00000|$sbase" "truncate: s1 does not see the uncommitted TRUNCATE"
expect s2 "$S_PROBE" "$sbase" "truncate: after ROLLBACK s2 has the terms again"
run s2 "TRUNCATE diplo.topic_term"
sess_run s1 "$S_PROBE"
[ "$SESS_OUT" != "$sbase" ] && ok "truncate: s1 sees the committed TRUNCATE ($SESS_OUT)" || nok "truncate: s1 sees the committed TRUNCATE" "got the baseline: $SESS_OUT"
run s2 "INSERT INTO diplo.topic_term SELECT * FROM hard.keep_terms"
expect s1 "$S_PROBE" "$sbase" "truncate: s1 sees the rows put back"

########################################################################
# explicit transactions of the reading session
########################################################################
run s1 "BEGIN ISOLATION LEVEL READ COMMITTED"
expect s1 "$ALIAS_PROBE" 0 "read committed: s1 in a transaction, alias absent"
run s2 "$INS_ALIAS"
expect s1 "$ALIAS_PROBE" 1 "read committed: s1's next statement in the same transaction sees the alias committed meanwhile"
run s2 "$DEL_ALIAS"
expect s1 "$ALIAS_PROBE" 0 "read committed: and its DELETE"
run s1 "COMMIT"
run s1 "BEGIN ISOLATION LEVEL REPEATABLE READ"
expect s1 "$ALIAS_PROBE" 0 "repeatable read: alias absent in s1's snapshot"
run s2 "$INS_ALIAS"
run s1 "SELECT count(*) FROM hard.touch"
expect s1 "$ALIAS_PROBE" 0 "repeatable read: s1 keeps its snapshot's dictionary after s2 commits"
run s1 "COMMIT"
expect s1 "$ALIAS_PROBE" 1 "repeatable read: after its COMMIT s1 sees the alias"
run s2 "$DEL_ALIAS"

# A rebuild that runs with a snapshot taken before a change committed (the
# statement started, then s2 committed, then s1 read the invalidation and
# rebuilt from its older snapshot) must not be kept as up to date.
run s2 "SELECT pg_advisory_lock(4242)"
sess_send s1 "SELECT hard.ents(hard.gate(2, '$TXT'))"
sleep 0.5
run s2 "$INS_ALIAS"
run s2 "SELECT pg_advisory_unlock(4242)"
sess_wait s1 60
note "statement that rebuilt after the commit, with its older snapshot: [$SESS_OUT]"
expect s1 "$ALIAS_PROBE" 1 "stale rebuild: the statement after one that rebuilt with a pre-commit snapshot sees the committed alias"
run s2 "$DEL_ALIAS"
expect s1 "$ALIAS_PROBE" 0 "stale rebuild: (alias removed again)"

# An invalidation that arrives while a rebuild is running (here the rebuild
# waits for a lock on diplo.modifier, the last table it reads, while another
# session commits a new alias) must not be lost: the rebuild used a snapshot
# from before that commit, so the next statement must rebuild again.
run s2 "INSERT INTO diplo.particle (word) VALUES ('zorgl')"
run s2 "DELETE FROM diplo.particle WHERE word = 'zorgl'"
run s2 "BEGIN"
run s2 "LOCK TABLE diplo.modifier IN ACCESS EXCLUSIVE MODE"
sess_backend_pid s1
s1pid=$SESS_PID_OF
sess_send s1 "$ALIAS_PROBE"
waiting=0
for k in $(seq 1 100); do
	[ "$(q $DB -c "SELECT wait_event_type FROM pg_stat_activity WHERE pid = $s1pid")" = Lock ] && { waiting=1; break; }
	sleep 0.05
done
is "$waiting" 1 "lost invalidation: s1's rebuild waits for the lock on diplo.modifier"
q $DB -c "$INS_ALIAS" >/dev/null
run s2 "ROLLBACK"
sess_wait s1 60
is "$SESS_STATE|$SESS_OUT" "00000|0" "lost invalidation: the statement whose rebuild started before the commit does not see the alias"
expect s1 "$ALIAS_PROBE" 1 "lost invalidation: s1's next statement sees the alias committed during its previous rebuild"
run s2 "$DEL_ALIAS"
expect s1 "$ALIAS_PROBE" 0 "lost invalidation: (alias removed again)"

# Several statements in one query string (one protocol message: same
# statement start time and transaction) are still separate statements.
out=$(q $DB -c "SELECT count(*) FROM diplo.entities('$TXT'); $INS_ALIAS; $ALIAS_PROBE" 2>&1 | tail -n 1)
is "$out" 1 "multi-statement query string: the statement after an INSERT of an alias sees it"
out=$(q $DB -c "$ALIAS_PROBE; $DEL_ALIAS; $ALIAS_PROBE" 2>&1 | tr '\n' ' ')
is "$out" "1 0 " "multi-statement query string: the statement after a DELETE of an alias no longer sees it"
q $DB -c "$DEL_ALIAS" >/dev/null

# the session's own changes inside one transaction, seen by the next statement
run s1 "BEGIN"
expect s1 "$ALIAS_PROBE" 0 "own change: alias absent"
run s1 "$INS_ALIAS"
expect s1 "$ALIAS_PROBE" 1 "own change: s1's next statement sees its own INSERT"
run s1 "ROLLBACK"
expect s1 "$ALIAS_PROBE" 0 "own change: gone after its ROLLBACK"

########################################################################
# one statement sees one dictionary
########################################################################
# s2 holds advisory lock 4242; s1's statement evaluates row 1, waits in
# row 2 for the lock; s2 commits a new alias, then releases the lock.
run s2 "SELECT pg_advisory_lock(4242)"
sess_send s1 "SELECT i, hard.ents(hard.gate(i, '$TXT')) FROM generate_series(1, 2) i ORDER BY i"
sleep 0.5
run s2 "$INS_ALIAS"
run s2 "SELECT pg_advisory_unlock(4242)"
sess_wait s1 60
r1=$(sed -n 1p <<<"$SESS_OUT" | cut -d'|' -f2-)
r2=$(sed -n 2p <<<"$SESS_OUT" | cut -d'|' -f2-)
is "$SESS_STATE" 00000 "mid-statement commit (one call site): s1's statement completes"
is "$r2" "$r1" "mid-statement commit (one call site): both rows of one statement have identical results"
note "row results: [$r1] [$r2]"
expect s1 "$ALIAS_PROBE" 1 "mid-statement commit: s1's next statement sees the alias"
run s2 "$DEL_ALIAS"
expect s1 "$ALIAS_PROBE" 0 "(alias removed again)"

# a new call site on every row (PL/pgSQL runs a new executor per call)
run s2 "SELECT pg_advisory_lock(4242)"
sess_send s1 "SELECT i, hard.ents_pl(hard.gate(i, '$TXT')) FROM generate_series(1, 2) i ORDER BY i"
sleep 0.5
run s2 "$INS_ALIAS"
run s2 "SELECT pg_advisory_unlock(4242)"
sess_wait s1 60
r1=$(sed -n 1p <<<"$SESS_OUT" | cut -d'|' -f2-)
r2=$(sed -n 2p <<<"$SESS_OUT" | cut -d'|' -f2-)
is "$SESS_STATE" 00000 "mid-statement commit (call site per row): statement completes"
is "$r2" "$r1" "mid-statement commit (call site per row): both rows identical"
note "row results: [$r1] [$r2]"
run s2 "$DEL_ALIAS"

# entities() in row 1 only, stances() first called in row 2 after a cue
# was committed: the statement's pin covers the second call site too
run s2 "SELECT pg_advisory_lock(4242)"
sess_send s1 "SELECT i, CASE WHEN i = 1 THEN hard.ents('$TXT') ELSE hard.stances(hard.gate(i, 'La Russie zorglube les sanctions.')) END FROM generate_series(1, 2) i ORDER BY i"
sleep 0.5
run s2 "INSERT INTO diplo.cue (lemma, pos, polarity, weight, frame) VALUES ('zorgluber', 'verb', -1, 0.9, 'condemn')"
run s2 "SELECT pg_advisory_unlock(4242)"
sess_wait s1 60
r2=$(sed -n 2p <<<"$SESS_OUT" | cut -d'|' -f2-)
is "$SESS_STATE|$r2" "00000|" "mid-statement commit (second function first called after the commit): stances() uses the statement's dictionary (no new cue)"
expect s1 "$C_PROBE" "Russie>sanctions:-0.9:zorglube" "mid-statement commit: next statement sees the cue"
run s2 "DELETE FROM diplo.cue WHERE lemma = 'zorgluber'"

# stance_summary() (SQL function with its own executor) and stances() in
# the same statement, with a commit in between
run s2 "SELECT pg_advisory_lock(4242)"
sess_send s1 "SELECT i, (SELECT count(*) FROM diplo.stance_summary(hard.gate(i, 'La Russie zorglube les sanctions.')))
  FROM generate_series(1, 2) i ORDER BY i"
sleep 0.5
run s2 "INSERT INTO diplo.cue (lemma, pos, polarity, weight, frame) VALUES ('zorgluber', 'verb', -1, 0.9, 'condemn')"
run s2 "SELECT pg_advisory_unlock(4242)"
sess_wait s1 60
is "$SESS_STATE|$(tr '\n' ' ' <<<"$SESS_OUT")" "00000|1|0 2|0 " "mid-statement commit: stance_summary() sees one dictionary on both rows"
run s2 "DELETE FROM diplo.cue WHERE lemma = 'zorgluber'"

# pg_sleep interleaving: row 2 sleeps 1.5 s, s2 commits during the sleep
sess_send s1 "SELECT i, hard.ents_pl(hard.sleep_gate(i, '$TXT', 1.5)) FROM generate_series(1, 2) i ORDER BY i"
sleep 0.5
run s2 "$INS_ALIAS"
sess_wait s1 60
r1=$(sed -n 1p <<<"$SESS_OUT" | cut -d'|' -f2-)
r2=$(sed -n 2p <<<"$SESS_OUT" | cut -d'|' -f2-)
is "$r2" "$r1" "pg_sleep interleaving: both rows identical although s2 committed between them"
expect s1 "$ALIAS_PROBE" 1 "pg_sleep interleaving: s1's next statement sees the alias"
run s2 "$DEL_ALIAS"

# a cursor keeps the dictionary it was opened with; FETCH is a new statement
run s1 "BEGIN"
run s1 "DECLARE c CURSOR FOR SELECT i, hard.ents_pl(CASE WHEN i > 0 THEN '$TXT' END) FROM generate_series(1, 3) i"
sess_run s1 "FETCH 1 FROM c"
c1=$(cut -d'|' -f2- <<<"$SESS_OUT")
run s2 "$INS_ALIAS"
run s1 "SELECT count(*) FROM hard.touch"
sess_run s1 "FETCH 2 FROM c"
c23=$(cut -d'|' -f2- <<<"$SESS_OUT" | sort -u)
ok "report: cursor rows fetched before/after a commit: [$c1] / [$(tr '\n' ';' <<<"$c23")]"
run s1 "COMMIT"
run s2 "$DEL_ALIAS"

########################################################################
# PL/pgSQL simple expressions and procedures
########################################################################
DOC="Zorglub a rencontré Zorglub Zorgnikov."
run s1 "BEGIN"
expect s1 "SELECT hard.nent_simple()" "$n0" "plpgsql: entity count through a simple expression"
run s1 "INSERT INTO diplo.entity (name, kind, actor) VALUES ('Zorglub Zorgnikov', 'PER', 'FRA')"
expect s1 "SELECT (diplo.dictionary_info()).entities" "$((n0 + 1))" "plpgsql: a plain query in the same transaction sees the new entity"
expect s1 "SELECT hard.nent_simple()" "$((n0 + 1))" "plpgsql: a PL/pgSQL simple expression in the next statement of the same transaction sees the new entity"
sess_run s1 "SELECT diplo.entity_ids('$DOC' || '')"
ids_plain=$SESS_OUT
expect s1 "SELECT hard.ids_simple('$DOC')" "$ids_plain" \
	"plpgsql: entity_ids() through a simple expression in the next statement sees the new entity (as a plain query does)"
run s1 "ROLLBACK"
expect s1 "SELECT hard.nent_simple()" "$n0" "plpgsql: after ROLLBACK (new transaction) the count is back"
run s1 "BEGIN"
expect s1 "SELECT hard.nent_simple()" "$n0" "plpgsql: s1 in a transaction"
run s2 "INSERT INTO diplo.entity (name, kind, actor) VALUES ('Zorglub Zorgnikov', 'PER', 'FRA')"
run s1 "SELECT count(*) FROM hard.touch"
expect s1 "SELECT (diplo.dictionary_info()).entities" "$((n0 + 1))" "plpgsql: s1 (read committed) sees s2's committed entity in a plain query"
expect s1 "SELECT hard.nent_simple()" "$((n0 + 1))" "plpgsql: s1 (read committed) sees s2's committed entity through a simple expression"
run s1 "COMMIT"
run s2 "DELETE FROM diplo.entity WHERE name = 'Zorglub Zorgnikov'"

# a procedure that changes the dictionary and commits between calls
run s1 "CREATE OR REPLACE PROCEDURE hard.proc_loop(n int, INOUT ok_query int DEFAULT 0, INOUT ok_simple int DEFAULT 0, INOUT dicts bigint DEFAULT 0, INOUT bytes bigint DEFAULT 0)
LANGUAGE plpgsql AS \$\$
DECLARE k int; c bigint; ids text[];
BEGIN
  FOR k IN 1..n LOOP
    INSERT INTO diplo.alias (alias, entity) VALUES ('Zorgalias' || chr(96 + k), 'Emmanuel Macron');
    COMMIT;
    SELECT count(*) INTO c FROM diplo.entities('Zorgalias' || chr(96 + k) || ' parle.') e WHERE e.entity = 'Emmanuel Macron';
    IF c = 1 THEN ok_query := ok_query + 1; END IF;
    ids := diplo.entity_ids('Zorgalias' || chr(96 + k) || ' parle.');
    IF ids = ARRAY['Emmanuel Macron'] THEN ok_simple := ok_simple + 1; END IF;
  END LOOP;
  SELECT d.n, d.bytes INTO dicts, bytes FROM hard.dict_contexts() d;
  DELETE FROM diplo.alias WHERE alias LIKE 'Zorgalias%';
END \$\$"
sess_run s1 "CALL hard.proc_loop(10)"
IFS='|' read -r pq ps pd pb <<<"$SESS_OUT"
is "$SESS_STATE $pq" "00000 10" "procedure with COMMIT: queries see the alias committed in the same procedure (10 of 10)"
is "$ps" 10 "procedure with COMMIT: simple expressions see the alias committed in the same procedure"
cmp_num "${pd:-99}" "<=" 2 "procedure with COMMIT: at most 2 dictionaries in memory at the end of 10 changes ($pd contexts, $((${pb:-0} / 1048576)) MB)"

########################################################################
# failed rebuilds
########################################################################
# (1) the calling role lost SELECT on a dictionary table
PGUSER=hard_conc_reader PGPASSWORD=$PW sess_start s3 $DB
expect s3 "$ALIAS_PROBE" 0 "revoke: plain role session has the dictionary loaded"
q $DB -c "REVOKE SELECT ON diplo.topic_term FROM PUBLIC"
run s2 "$INS_ALIAS"
sess_run s3 "$ALIAS_PROBE"
is "$SESS_STATE" 42501 "revoke: the rebuild fails with 42501 for a role that cannot read diplo.topic_term"
sess_run s3 "$ALIAS_PROBE"
is "$SESS_STATE" 42501 "revoke: and fails again on the next call (still stale, tries again)"
sess_run s3 "SELECT n FROM hard.dict_contexts()"
cmp_num "${SESS_OUT:-99}" "<=" 1 "revoke: failed rebuilds leave at most one dictionary in memory ($SESS_OUT)"
q $DB -c "GRANT SELECT ON diplo.topic_term TO PUBLIC"
expect s3 "$ALIAS_PROBE" 1 "revoke: once SELECT is granted back the session works and sees the committed alias"
expect s3 "SELECT hard.stances('La Russie condamne les sanctions.')" "$sbase" "revoke: stances() works again too"
run s2 "$DEL_ALIAS"
expect s3 "$ALIAS_PROBE" 0 "revoke: and follows later changes"
sess_stop s3

# (2) statement_timeout cancels the rebuild (it takes tens of ms)
canc=0
inreload=0
states=
for t in 1 2 3 5 8 12 20 30 45 60 80 1 2 5 10 20 40 70 100 150; do
	run s2 "INSERT INTO diplo.particle (word) VALUES ('zorg$t') ON CONFLICT DO NOTHING"
	run s2 "DELETE FROM diplo.particle WHERE word = 'zorg$t'"
	sess_run s1 "SET statement_timeout = '${t}ms'; SELECT count(*) FROM diplo.entities('$TXT'); "
	states="$states $t:$SESS_STATE"
	if [ "$SESS_STATE" = 57014 ]; then
		canc=$((canc + 1))
		grep -q 'FROM diplo\.' <<<"$SESS_OUT" && inreload=$((inreload + 1))
	fi
	run s1 "RESET statement_timeout"
done
note "statement_timeout ms:SQLSTATE$states"
cmp_num "$canc" ">" 0 "timeout: statement_timeout cancelled some rebuilds ($canc of 20; $inreload inside a dictionary query)"
expect s1 "$ALIAS_PROBE" 0 "timeout: after cancelled rebuilds the session works"
run s2 "$INS_ALIAS"
expect s1 "$ALIAS_PROBE" 1 "timeout: and sees the next committed change"
run s2 "$DEL_ALIAS"
sess_run s1 "SELECT n, bytes FROM hard.dict_contexts()"
IFS='|' read -r dn db_ <<<"$SESS_OUT"
cmp_num "${dn:-99}" "<=" 1 "timeout: no dictionary leaked by cancelled rebuilds ($dn in memory, $((${db_:-0} / 1048576)) MB)"
expect s1 "SELECT hard.stances('La Russie condamne les sanctions.')" "$sbase" "timeout: stances() gives the baseline"

# (3) a failed rebuild inside a savepoint
run s2 "$INS_ALIAS"
run s1 "BEGIN"
run s1 "SAVEPOINT a"
sess_run s1 "SET LOCAL statement_timeout = '1ms'; SELECT count(*) FROM diplo.entities('$TXT')"
st1=$SESS_STATE
run s1 "ROLLBACK TO SAVEPOINT a"
expect s1 "$ALIAS_PROBE" 1 "savepoint: after a cancelled rebuild ($st1) and ROLLBACK TO, the rebuild succeeds in the same transaction"
run s1 "COMMIT"
run s2 "$DEL_ALIAS"

# (4) pg_cancel_backend during rebuilds, sent from a third session.  The
# rebuild is held inside its query of diplo.particle by a lock that s2 takes,
# so the cancel lands in the rebuild however fast the machine is (with timed
# delays instead, a faster rebuild made every cancel miss it).
sess_backend_pid s1
s1pid=$SESS_PID_OF
sess_start sc $DB
canc=0
for i in 1 2 3; do
	run s2 "INSERT INTO diplo.particle (word) VALUES ('zorgc') ON CONFLICT DO NOTHING"
	run s2 "DELETE FROM diplo.particle WHERE word = 'zorgc'"
	run s2 "BEGIN"
	run s2 "LOCK TABLE diplo.particle IN ACCESS EXCLUSIVE MODE"
	sess_send s1 "SELECT count(*) FROM diplo.entities('$TXT')"
	waiting=0
	for _ in $(seq 200); do
		sess_run sc "SELECT count(*) FROM pg_locks WHERE pid = $s1pid AND NOT granted AND relation = 'diplo.particle'::regclass"
		waiting=${SESS_OUT:-0}
		[ "$waiting" = 0 ] || break
		sleep 0.05
	done
	run sc "SELECT pg_cancel_backend($s1pid)"
	sess_wait s1 30
	[ "$SESS_STATE" = 57014 ] && [ "$waiting" != 0 ] && canc=$((canc + 1))
	run s2 "ROLLBACK"
done
sess_stop sc
cmp_num "$canc" "==" 3 "cancel: pg_cancel_backend interrupted rebuilds waiting for a lock on diplo.particle ($canc of 3)"
expect s1 "SELECT 1" 1 "cancel: session alive after cancels"
run s2 "$INS_ALIAS"
expect s1 "$ALIAS_PROBE" 1 "cancel: session works and sees the next committed change"
run s2 "$DEL_ALIAS"
sess_run s1 "SELECT n FROM hard.dict_contexts()"
cmp_num "${SESS_OUT:-99}" "<=" 1 "cancel: no dictionary leaked ($SESS_OUT in memory)"

is "$(q $DB -c "SELECT count(*) FROM diplo.alias WHERE NOT builtin") $(q $DB -c "SELECT count(*) FROM diplo.topic_term") $(q $DB -c "SELECT count(*) FROM hard.keep_terms")" \
	"0 $(q $DB -c "SELECT count(*) FROM hard.keep_terms") $(q $DB -c "SELECT count(*) FROM hard.keep_terms")" "the dictionary is back to its original rows"
sess_stop s1
sess_stop s2
