#!/usr/bin/env bash
# Hardening: long calls can be stopped.
#
# On a 100 MB document (a French paragraph repeated), statement_timeout =
# '1s' (or, on a slow machine, the time PostgreSQL takes to read the
# document plus 0.1 s) and pg_cancel_backend() stop diplo.entities() and diplo.stances()
# (and the other analysis functions) within about a second with SQLSTATE
# 57014, and the next call in the same session works.  The fast text-layer
# functions run on a 300 MB document with a 0.5 s timeout instead.
#
# Environment: CANCEL_MB (default 100), CANCEL_LIMIT_S (longest accepted
# time from the timeout or the cancel to the error, default 1.0).
#
# Runs inside pg_virtualenv; prints TAP.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
hard_preflight

DB=hard_cancel
MB=${CANCEL_MB:-100}
LIMIT=${CANCEL_LIMIT_S:-1.0}
GUARD=30 # seconds before a call that ignores cancels is terminated
fresh_db $DB || bail "create database $DB"
q $DB >/dev/null <<SQL || bail "set up $DB"
CREATE EXTENSION diplo;
CREATE TABLE big (body text);
INSERT INTO big SELECT repeat(\$d\$$FR_PARAGRAPH\$d\$, ($MB * 1048576 / octet_length(\$d\$$FR_PARAGRAPH\$d\$))::int + 1);
SQL
size=$(q $DB -c "SELECT octet_length(body) FROM big")
cmp_num "$size" ">=" $((MB * 1048576)) "a $((size / 1048576)) MB document of repeated French paragraphs"

SHORT="SELECT count(*) FROM diplo.entities('Emmanuel Macron a reçu Volodymyr Zelensky à Paris.')"
SHORT_N=$(q $DB -c "$SHORT")

sess_start s1 $DB
sess_start sc $DB
sess_backend_pid s1
			S1PID=$SESS_PID_OF
sess_run s1 "$SHORT" # load the dictionary first

# stop_guard: after a call that did not return in time, terminate it
stop_guard() {
	q $DB -c "SELECT pg_cancel_backend($S1PID)" >/dev/null 2>&1
	sess_wait s1 5 && return 0
	q $DB -c "SELECT pg_terminate_backend($S1PID)" >/dev/null 2>&1
	sess_wait s1 10 && return 0
	note "backend $S1PID ignores cancel and terminate: killing it (the server restarts)"
	kill -9 "$S1PID" 2>/dev/null
	sleep 5
	return 1
}

backend_mb() {
	sess_run s1 "SELECT (sum(total_bytes) / 1048576)::int FROM pg_backend_memory_contexts"
	BACKEND_MB=$SESS_OUT
}

# entity_ids() builds no rows and finishes 100 MB in about 1.3 s, so close
# to the 1 s cancel delay that a fast spell let it finish first: it runs
# over the three rows of big3 (below) like the text layer.
# The text layer is fast enough to finish 100 MB within the 1 s timeout:
# sentences(), text_stats() and normalize() (French text, ASCII and Latin-1
# letters, is copied without utf8proc: about 0.6 s per 100 MB) run over
# three rows of 100 MB each (about three times longer), with a 0.5 s
# timeout (and cancel delay), so that the cancel lands in their work (or in
# the reading of the next row, which ends in their work) long before the
# statement could finish.
q $DB >/dev/null <<SQL || bail "set up big3 in $DB"
CREATE TABLE big3 AS SELECT body FROM big, generate_series(1, 3);
SQL
# calls: description|SQL on the big document|timeout and cancel delay (s)
CALLS="diplo.entities()|SELECT count(*) FROM big, diplo.entities(big.body)|1
diplo.stances()|SELECT count(*) FROM big, diplo.stances(big.body)|1
diplo.stance_summary()|SELECT count(*) FROM big, diplo.stance_summary(big.body)|1
diplo.entity_ids() x 3|SELECT cardinality(diplo.entity_ids(body)) FROM big3|1
diplo.tokens()|SELECT count(*) FROM big, diplo.tokens(big.body)|1
diplo.sentences() x 3|SELECT count(*) FROM big3, diplo.sentences(big3.body)|0.5
diplo.text_stats() x 3|SELECT (diplo.text_stats(body)).tokens FROM big3|0.5
diplo.normalize() x 3|SELECT octet_length(diplo.normalize(body)) FROM big3|0.5
diplo.match_key()|SELECT octet_length(diplo.match_key(body)) FROM big|1"

# The cancels must land in diplo's own work, after PostgreSQL has read
# (detoasted) the document, which no diplo code can interrupt.  How long that
# reading takes depends on the machine, so it is measured (best of 2) and
# each call's timeout and cancel delay is at least that time plus 0.1 s: it
# then falls inside the analysis, which takes longer.
# read_time TABLE : sets READ_S (sess_* never runs in $(...))
read_time() {
	local t0 t1 r
	READ_S=999
	for _ in 1 2; do
		t0=$(now_s)
		sess_run s1 "SELECT strpos(body, chr(1)) FROM $1"
		t1=$(now_s)
		r=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
		READ_S=$(awk -v a="$r" -v b="$READ_S" 'BEGIN { print (a < b) ? a : b }')
	done
}
read_time big
READ_BIG=$READ_S
note "reading the 100 MB document (detoast, and a memchr scan): ${READ_BIG}s (timeouts are at least that + 0.1 s)"
for f in entities stances; do
	t0=$(now_s)
	sess_run s1 "SELECT count(*) FROM big, diplo.$f(left(big.body, 1048576))"
	t1=$(now_s)
	est=$(awk -v a="$t0" -v b="$t1" -v m="$MB" 'BEGIN { printf "%.1f", (b - a) * m }')
	note "diplo.$f() on 1 MB: $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')s, $SESS_OUT rows: about ${est}s for $MB MB without a cancel"
done

backend_mb
mem0=$BACKEND_MB
while IFS='|' read -r name sql tmo0; do
	# never before PostgreSQL has read the (first) document
	tmo=$(awk -v a="$tmo0" -v b="$READ_BIG" 'BEGIN { b += 0.1; printf "%.2f", (a > b) ? a : b }')
	# statement_timeout
	sess_run s1 "SET statement_timeout = '${tmo}s'"
	t0=$(now_s)
	sess_run s1 "$sql" $GUARD
	rc=$?
	t1=$(now_s)
	el=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
	if [ $rc -ne 0 ]; then
		nok "statement_timeout = ${tmo}s stops $name on $MB MB" "no answer within ${GUARD}s"
		stop_guard || {
			sess_stop s1
			sess_start s1 $DB
			sess_backend_pid s1
			S1PID=$SESS_PID_OF
		}
	else
		over=$(awk -v e="$el" -v t="$tmo" 'BEGIN { printf "%.2f", e - t }')
		if [ "$SESS_STATE" = 57014 ] && awk -v o="$over" -v l="$LIMIT" 'BEGIN { exit !(o <= l) }'; then
			ok "statement_timeout = ${tmo}s stops $name on $MB MB with 57014 after ${el}s"
		else
			nok "statement_timeout = ${tmo}s stops $name on $MB MB with 57014 within ${tmo}+${LIMIT}s" "SQLSTATE $SESS_STATE after ${el}s: $(head -n 3 <<<"$SESS_OUT")"
		fi
	fi
	sess_run s1 "RESET statement_timeout"
	sess_run s1 "$SHORT"
	is "$SESS_STATE|$SESS_OUT" "00000|$SHORT_N" "the next call in the same session works (after the timeout of $name)"

	# pg_cancel_backend from another session, as late as the timeout
	sess_send s1 "$sql"
	sleep "$tmo"
	sess_run sc "SELECT pg_cancel_backend($S1PID)"
	t0=$(now_s)
	sess_wait s1 $GUARD
	rc=$?
	t1=$(now_s)
	el=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
	if [ $rc -ne 0 ]; then
		nok "pg_cancel_backend stops $name on $MB MB" "no answer within ${GUARD}s of the cancel"
		stop_guard || {
			sess_stop s1
			sess_start s1 $DB
			sess_backend_pid s1
			S1PID=$SESS_PID_OF
		}
	elif [ "$SESS_STATE" = 57014 ] && awk -v e="$el" -v l="$LIMIT" 'BEGIN { exit !(e <= l) }'; then
		ok "pg_cancel_backend stops $name on $MB MB with 57014 ${el}s after the cancel"
	else
		nok "pg_cancel_backend stops $name on $MB MB with 57014 within ${LIMIT}s" "SQLSTATE $SESS_STATE ${el}s after the cancel: $(head -n 3 <<<"$SESS_OUT")"
	fi
	sess_run s1 "$SHORT"
	is "$SESS_STATE|$SESS_OUT" "00000|$SHORT_N" "the next call in the same session works (after the cancel of $name)"
done <<<"$CALLS"

backend_mb
mem1=$BACKEND_MB
cmp_num "${mem1:-9999}" "<=" $((mem0 + 16)) "backend memory after all the cancelled calls: ${mem1} MB (${mem0} MB before)"

# cancelling the dictionary rebuild of a call on the big document
q $DB -c "INSERT INTO diplo.particle (word) VALUES ('zorg')" -c "DELETE FROM diplo.particle WHERE word = 'zorg'"
sess_run s1 "SET statement_timeout = '1s'"
sess_run s1 "SELECT count(*) FROM big, diplo.entities(big.body)" $GUARD
is "$SESS_STATE" 57014 "statement_timeout stops a call that first rebuilds the dictionary"
sess_run s1 "RESET statement_timeout"
sess_run s1 "$SHORT"
is "$SESS_STATE|$SESS_OUT" "00000|$SHORT_N" "the next call works"
sess_stop s1
sess_stop sc
