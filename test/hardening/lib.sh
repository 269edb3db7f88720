# Shared helpers of the hardening scripts: TAP output, psql wrappers and
# interactive psql sessions driven through fifos.
#
# Every script runs inside a pg_virtualenv environment (PGHOST, PGPORT,
# PGUSER, PGPASSWORD set; PGUSER is a superuser) against the installed
# extension, creates its own databases and roles, and removes them at exit.
# shellcheck shell=bash

HARD_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$HARD_DIR/../.." && pwd)
HARD_TMP=$(mktemp -d "${TMPDIR:-/tmp}/diplo-hardening.XXXXXX")

T_N=0
T_FAIL=0
T_FAILED_NAMES=()
HARD_CLEANUP=()

# --- TAP ---------------------------------------------------------------

ok() {
	T_N=$((T_N + 1))
	echo "ok $T_N - $1"
}

# nok DESCRIPTION [DIAGNOSTIC LINE...]
nok() {
	local desc=$1
	shift
	T_N=$((T_N + 1))
	T_FAIL=$((T_FAIL + 1))
	T_FAILED_NAMES+=("$desc")
	echo "not ok $T_N - $desc"
	local l
	for l in "$@"; do
		printf '%s\n' "$l" | sed 's/^/#   /'
	done
}

# is GOT EXPECTED DESCRIPTION
is() {
	if [ "$1" == "$2" ]; then
		ok "$3"
	else
		nok "$3" "got:      $(printf '%s' "$1" | head -c 2000)" "expected: $(printf '%s' "$2" | head -c 2000)"
	fi
}

# cmp_num A OP B DESCRIPTION   (awk comparison of numbers, OP one of < <= > >= ==)
cmp_num() {
	if awk -v a="$1" -v b="$3" "BEGIN { exit !(a $2 b) }"; then
		ok "$4"
	else
		nok "$4" "got: $1, expected $2 $3"
	fi
}

note() {
	printf '%s\n' "$*" | sed 's/^/# /'
}

# bail: abort the script (reported as a failure, plan still printed).
bail() {
	nok "$1" "${@:2}"
	echo "Bail out! $1"
	exit 1
}

hard_finish() {
	local rc=$?
	local c
	for ((c = ${#HARD_CLEANUP[@]} - 1; c >= 0; c--)); do
		eval "${HARD_CLEANUP[$c]}" >/dev/null 2>&1 || true
	done
	rm -rf "$HARD_TMP"
	echo "1..$T_N"
	if [ "$T_FAIL" -gt 0 ]; then
		echo "# failed $T_FAIL of $T_N: $(printf '%s; ' "${T_FAILED_NAMES[@]}")"
		exit 1
	fi
	[ "$rc" -eq 0 ] || exit "$rc"
	exit 0
}
trap hard_finish EXIT

# on_exit COMMAND: run at exit, last registered first.
on_exit() {
	HARD_CLEANUP+=("$1")
}

# --- psql --------------------------------------------------------------

# q DB SQL... : unaligned tuples only, stops at the first error (stderr kept).
q() {
	local db=$1
	shift
	psql -X -A -t -q -v ON_ERROR_STOP=1 -d "$db" "$@"
}

# qs DB SQL : run SQL (may be several statements, psql meta-commands
# allowed), print its output then "__STATE <sqlstate of the last statement>".
qs() {
	local db=$1
	shift
	printf '%s\n\\echo __STATE :SQLSTATE\n' "$(terminate_sql "$*")" | psql -X -A -t -q -v ON_ERROR_STOP=0 -d "$db" 2>&1
}

# terminate_sql SQL : SQL with a final semicolon (psql would otherwise keep
# the statement in its buffer and run the next meta-command first).
terminate_sql() {
	local s=$1
	local t=${s%"${s##*[![:space:]]}"}
	case "${t##*$'\n'}" in
	*\;) printf '%s' "$s" ;;
	*\\[a-zA-Z]*) printf '%s' "$s" ;;  # ends with a meta-command (\gset, \g)
	*) printf '%s;' "$s" ;;
	esac
}

# state DB SQL : the SQLSTATE of the last statement of SQL (00000 = success).
state() {
	qs "$@" | sed -n 's/^__STATE //p' | tail -n 1
}

# fresh_db NAME : drop and create a database, dropped again at exit.
fresh_db() {
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" >/dev/null 2>&1
	psql -X -q -d postgres -v ON_ERROR_STOP=1 -c "CREATE DATABASE $1" >/dev/null || return 1
	on_exit "psql -X -q -d postgres -c 'DROP DATABASE IF EXISTS $1 WITH (FORCE)'"
}

# fresh_role NAME [OPTIONS] : drop and create a role, dropped at exit (after
# the databases registered later are dropped, as cleanup runs in reverse).
fresh_role() {
	local r=$1
	shift
	drop_role_everywhere "$r"
	psql -X -q -d postgres -v ON_ERROR_STOP=1 -c "CREATE ROLE $r $*" >/dev/null || return 1
	on_exit "drop_role_everywhere $r"
}

drop_role_everywhere() {
	local r=$1 db
	[ "$(psql -X -A -t -q -d postgres -c "SELECT count(*) FROM pg_roles WHERE rolname = '$r'")" = 1 ] || return 0
	for db in $(psql -X -A -t -q -d postgres -c "SELECT datname FROM pg_database WHERE datallowconn"); do
		psql -X -q -d "$db" -c "DROP OWNED BY $r" >/dev/null 2>&1
	done
	psql -X -q -d postgres -c "DROP ROLE IF EXISTS $r" >/dev/null 2>&1
}

# now_s : wall clock in seconds with decimals
now_s() {
	date +%s.%N
}

# A French paragraph of the kind the extension analyses (written for these
# tests).
FR_PARAGRAPH="Le président Emmanuel Macron a reçu mardi à l'Élysée son homologue ukrainien Volodymyr Zelensky. La Russie condamne fermement les nouvelles sanctions européennes et menace de riposter. Selon le Kremlin, Vladimir Poutine ne soutient pas le plan de paix proposé par Washington. L'OTAN salue l'engagement de la France en faveur d'un cessez-le-feu durable. "

# --- interactive sessions ------------------------------------------------
# sess_start NAME DB [psql options...] starts psql reading from a fifo.
# sess_run NAME SQL sends SQL, waits for it and sets SESS_OUT (its output)
# and SESS_STATE (SQLSTATE of its last statement).  sess_send NAME SQL sends
# without waiting; sess_wait NAME [timeout] waits for what was sent.

declare -A SESS_FD SESS_PID SESS_SEQ SESS_LINES SESS_MARK
SESS_OUT=
SESS_STATE=

sess_start() {
	local name=$1 db=$2
	shift 2
	rm -f "$HARD_TMP/$name.in"
	mkfifo "$HARD_TMP/$name.in"
	: >"$HARD_TMP/$name.out"
	psql -X -A -t -q -v ON_ERROR_STOP=0 -d "$db" "$@" <"$HARD_TMP/$name.in" >"$HARD_TMP/$name.out" 2>&1 &
	SESS_PID[$name]=$!
	local fd
	exec {fd}>"$HARD_TMP/$name.in"
	SESS_FD[$name]=$fd
	SESS_SEQ[$name]=0
	SESS_LINES[$name]=0
	on_exit "sess_stop $name"
	sess_run "$name" "SET application_name = 'hard_$name'" 30
}

sess_send() {
	local name=$1 sql=$2
	SESS_SEQ[$name]=$((SESS_SEQ[$name] + 1))
	SESS_MARK[$name]="__END_${SESS_SEQ[$name]}_${RANDOM}${RANDOM}"
	printf '%s\n\\echo %s :SQLSTATE\n' "$(terminate_sql "$sql")" "${SESS_MARK[$name]}" >&"${SESS_FD[$name]}"
}

# sess_wait NAME [TIMEOUT_S] : returns 1 on timeout.
sess_wait() {
	local name=$1 timeout=${2:-120}
	local mark=${SESS_MARK[$name]} out="$HARD_TMP/$name.out" from=$((SESS_LINES[$name] + 1))
	local deadline endline
	deadline=$(awk -v t="$(now_s)" -v d="$timeout" 'BEGIN { printf "%.3f", t + d }')
	while :; do
		endline=$(awk -v f="$from" -v m="$mark" 'NR >= f && $1 == m { print NR; exit }' "$out")
		[ -z "$endline" ] || break
		if ! kill -0 "${SESS_PID[$name]}" 2>/dev/null; then
			SESS_OUT=$(tail -n +"$from" "$out")
			SESS_STATE=DEAD
			return 1
		fi
		if awk -v t="$(now_s)" -v d="$deadline" 'BEGIN { exit !(t > d) }'; then
			SESS_OUT=$(tail -n +"$from" "$out")
			SESS_STATE=TIMEOUT
			return 1
		fi
		sleep 0.01
	done
	SESS_OUT=$(sed -n "${from},$((endline - 1))p" "$out")
	SESS_STATE=$(sed -n "${endline}p" "$out" | awk '{print $2}')
	SESS_LINES[$name]=$endline
	return 0
}

sess_run() {
	sess_send "$1" "$2"
	sess_wait "$1" "${3:-120}"
}

# sess_backend_pid NAME : sets SESS_PID_OF (never call sess_* in $(...):
# the session's counters would be updated in a subshell only)
sess_backend_pid() {
	sess_run "$1" "SELECT pg_backend_pid()"
	SESS_PID_OF=$SESS_OUT
}

sess_stop() {
	local name=$1
	[ -n "${SESS_FD[$name]:-}" ] || return 0
	printf '\\q\n' >&"${SESS_FD[$name]}" 2>/dev/null
	eval "exec ${SESS_FD[$name]}>&-"
	local i
	for i in $(seq 1 100); do
		kill -0 "${SESS_PID[$name]}" 2>/dev/null || break
		sleep 0.05
	done
	kill "${SESS_PID[$name]}" 2>/dev/null
	wait "${SESS_PID[$name]}" 2>/dev/null
	unset "SESS_FD[$name]"
}

# require a usable server and the installed extension
hard_preflight() {
	psql -X -A -t -q -d postgres -c "SELECT 1" >/dev/null 2>&1 ||
		bail "server reachable (run inside pg_virtualenv)"
	[ "$(psql -X -A -t -q -d postgres -c "SELECT count(*) FROM pg_available_extensions WHERE name = 'diplo'")" = 1 ] ||
		bail "extension diplo is installed"
	[ "$(psql -X -A -t -q -d postgres -c "SELECT rolsuper FROM pg_roles WHERE rolname = current_user")" = t ] ||
		bail "connected as a superuser"
}

# qsql DB SQL... : the arguments, one after the other, as a psql script
# (statements sent one by one, as an interactive session would).
qsql() {
	local db=$1
	shift
	printf '%s\n' "$@" | q "$db" -f -
}

# load_articles DB : table public.articles (id, name, body) with the sample
# corpus of the repository and a few paragraphs written for these tests.
load_articles() {
	local db=$1 f i=0
	{
		echo "CREATE TABLE public.articles (id integer PRIMARY KEY, name text NOT NULL, body text NOT NULL);"
		for f in "$REPO_DIR"/data/corpus/*.txt; do
			i=$((i + 1))
			printf '\\set body `cat %q`\n' "$f"
			printf "INSERT INTO public.articles VALUES (%d, '%s', :'body');\n" "$i" "$(basename "$f" .txt)"
		done
		i=$((i + 1))
		printf "INSERT INTO public.articles VALUES (%d, 'paragraph', \$d\$%s\$d\$);\n" "$i" "$FR_PARAGRAPH"
		i=$((i + 1))
		printf "INSERT INTO public.articles VALUES (%d, 'zorglub', \$d\$%s\$d\$);\n" "$i" \
			"Zorglub a rencontré Emmanuel Macron à Paris. Zorglub condamne les sanctions et soutient le cessez-le-feu. $FR_PARAGRAPH"
	} | q "$db" -f -
}
