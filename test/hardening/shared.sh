#!/usr/bin/env bash
# Hardening: the compiled dictionary shared between backends through its
# image file ($PGDATA/pg_diplo/<key>.dict, ext/pg/pg_dict_image.c).
#
#  (a) a new connection attaches the image another backend wrote (it does
#      not compile) and gives the same rows as the backend that compiled;
#      parallel workers give the same rows too;
#  (b) an edit committed in one session is seen by the next statement of
#      another, and by a new connection (a new key); undone, the old key and
#      its image come back;
#  (c) a rolled-back edit leaves nothing: same key, same rows;
#  (d) ANALYZE and VACUUM of a dictionary table change nothing: same key,
#      the image is attached;
#  (e) a truncated, garbled, emptied or foreign image is ignored (compiled
#      again, same rows, server alive) and then replaced by a good one;
#  (f) two roles that see different rows (row-level security) get
#      different keys and never each other's dictionary;
#  (g) the directory keeps at most 16 images;
#  (h) a table whose pages did not change since a scan recorded them is
#      not read again by a new connection (its recorded key is taken), and
#      every edit is still seen: with triggers off (session_replication_role
#      = replica, ALTER TABLE DISABLE TRIGGER), vacuumed or not; in a
#      transaction, rolled back in a subtransaction; not by a repeatable
#      read snapshot older than the edit; a garbled record file is ignored;
#      a table with row-level security is always read.
#
# Runs against the installed extension as a superuser (pg_virtualenv or any
# cluster: PGHOST, PGPORT, PGUSER); prints TAP.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
hard_preflight

DB=hard_shared
fresh_db $DB || bail "create database $DB"
q $DB -c "CREATE EXTENSION diplo" >/dev/null || bail "create extension"
# a name of this run only: the dictionary's rows, hence its key, are new
U="Quorvalin Ztemberg$(date +%s%N | tail -c 7 | tr '0-9' 'a-j')"
V="Bexmoran Tulliquet$(date +%s%N | tail -c 7 | tr '0-9' 'a-j')"
q $DB -c "INSERT INTO diplo.entity(name, kind, actor) VALUES ('$U', 'PER', 'FRA')" >/dev/null ||
	bail "insert the entity of this run"
DOC="$FR_PARAGRAPH Selon $U, la France soutient le cessez-le-feu. $V a rejeté la trêve."
ROWS="SELECT md5(string_agg(e::text, '|')) FROM diplo.entities(\$d\$$DOC\$d\$) e"
SROWS="SELECT md5(string_agg(s::text, '|')) FROM diplo.stances(\$d\$$DOC\$d\$) s"
INFO="SELECT source || ' ' || key FROM diplo.dictionary_info()"
# the entities found through the dictionary (not by the rules for unknown names)
IDS="SELECT string_agg(DISTINCT entity, ',' ORDER BY entity) FROM diplo.entities(\$d\$$DOC\$d\$) WHERE method = 'dictionary'"

# one new connection: source key | entities md5 | stances md5 | ids
fresh() {
	q $DB "$@" -c "$INFO" -c "$ROWS" -c "$SROWS" -c "$IDS" | paste -sd'|'
}
src() { printf '%s' "$1" | cut -d'|' -f1 | cut -d' ' -f1; }
key() { printf '%s' "$1" | cut -d'|' -f1 | cut -d' ' -f2; }
res() { printf '%s' "$1" | cut -d'|' -f2-; }

datadir=$(q postgres -c "SHOW data_directory")

########################################################################
# (a) attach instead of compile, same rows
########################################################################

c1=$(fresh)
c2=$(fresh)
c3=$(fresh)
is "$(src "$c1")" compiled "a first connection with new rows compiles the dictionary"
K0=$(key "$c1")
cmp_num "${#K0}" "==" 64 "dictionary_info() gives the rows' SHA-256 as the key"
is "$(src "$c2") $(src "$c3")" "attached attached" "the next new connections attach its image"
is "$(key "$c2")" "$K0" "an attached dictionary has the same key"
is "$(res "$c2")" "$(res "$c1")" "an attached dictionary gives the same entities, stances and ids"
case "$(res "$c1")" in
*"$U"*) ok "the run's entity is found" ;;
*) nok "the run's entity is found" "$(res "$c1")" ;;
esac
is "$(q $DB -c "SELECT count(*) FROM pg_ls_dir('pg_diplo') f WHERE f = '$K0.dict'")" 1 \
	"the image is \$PGDATA/pg_diplo/<key>.dict"
is "$(q $DB -c "SELECT count(*) FROM pg_ls_dir('pg_diplo') f WHERE f LIKE '%.tmp.%'")" 0 \
	"no temporary file is left"
cmp_num "$(q $DB -c "SELECT count(*) FROM pg_ls_dir('pg_diplo') f WHERE f LIKE '%.dict'")" "<=" 16 \
	"at most 16 images are kept"
bytes=$(q $DB -c "SELECT count(*) FROM diplo.entities(\$d\$$DOC\$d\$)" -c "SELECT bytes FROM diplo.dictionary_info()" | tail -1)
img=$(q $DB -c "SELECT (pg_stat_file('pg_diplo/$K0.dict')).size")
# the image is mapped, not copied: the backend's own memory is less than
# the image plus the word cache (a copy would be both)
cmp_num "$bytes" "<" "$img" "an attached dictionary's own memory ($bytes bytes) is less than its mapped image ($img)"
par=$(q $DB -c "CREATE TABLE docs AS SELECT \$d\$$DOC\$d\$ || g AS body FROM generate_series(1, 40) g" \
	-c "SELECT md5(string_agg(e::text, '|' ORDER BY body, e::text)) FROM docs, diplo.entities(body) e")
par2=$(q $DB -c "SET max_parallel_workers_per_gather = 2" -c "SET parallel_setup_cost = 0" \
	-c "SET parallel_tuple_cost = 0" -c "SET min_parallel_table_scan_size = 0" \
	-c "SET force_parallel_mode = on" \
	-c "SELECT md5(string_agg(e::text, '|' ORDER BY body, e::text)) FROM docs, diplo.entities(body) e")
is "$par2" "$par" "parallel workers (which attach) give the same rows"

########################################################################
# (b) an edit in one session, seen by the next statement of another
########################################################################

sess_start s1 $DB
sess_run s1 "$INFO"
is "$SESS_OUT" "attached $K0" "a long session attaches the image too"
q $DB -c "INSERT INTO diplo.entity(name, kind, actor) VALUES ('$V', 'PER', 'FRA')" >/dev/null
sess_run s1 "$IDS"
case "$SESS_OUT" in
*"$V"*) ok "an entity committed by another session is seen by the next statement" ;;
*) nok "an entity committed by another session is seen by the next statement" "$SESS_OUT" ;;
esac
sess_run s1 "$INFO"
K1=$(printf '%s' "$SESS_OUT" | cut -d' ' -f2)
[ "$K1" != "$K0" ] && ok "the edit gives a new key" || nok "the edit gives a new key" "$SESS_OUT"
c4=$(fresh)
is "$(key "$c4")" "$K1" "a new connection reads the same new key"
case "$(res "$c4")" in
*"$V"*) ok "a new connection sees the new entity" ;;
*) nok "a new connection sees the new entity" "$c4" ;;
esac
q $DB -c "DELETE FROM diplo.entity WHERE name = '$V'" >/dev/null
sess_run s1 "$IDS"
case "$SESS_OUT" in
*"$V"*) nok "a deleted entity is gone at the next statement" "$SESS_OUT" ;;
*) ok "a deleted entity is gone at the next statement" ;;
esac
c5=$(fresh)
is "$(src "$c5") $(key "$c5")" "attached $K0" "undone, the old key comes back and its image is attached"
is "$(res "$c5")" "$(res "$c1")" "undone, the old rows come back"

########################################################################
# (c) a rolled-back edit leaves nothing
########################################################################

sess_run s1 "BEGIN; INSERT INTO diplo.entity(name, kind, actor) VALUES ('$V', 'PER', 'FRA'); $IDS"
case "$SESS_OUT" in
*"$V"*) ok "inside its transaction, the edit is seen" ;;
*) nok "inside its transaction, the edit is seen" "$SESS_OUT" ;;
esac
c6=$(fresh)
is "$(key "$c6") $(res "$c6")" "$K0 $(res "$c1")" "meanwhile another connection reads the committed rows"
sess_run s1 "ROLLBACK; $INFO"
is "$SESS_OUT" "attached $K0" "after the rollback the session has the old key again"
sess_run s1 "$IDS"
case "$SESS_OUT" in
*"$V"*) nok "after the rollback the entity is gone" "$SESS_OUT" ;;
*) ok "after the rollback the entity is gone" ;;
esac
c7=$(fresh)
is "$(src "$c7") $(key "$c7") $(res "$c7")" "attached $K0 $(res "$c1")" \
	"after the rollback a new connection attaches the old image"

########################################################################
# (d) ANALYZE, VACUUM
########################################################################

q $DB -c "ANALYZE diplo.entity" -c "VACUUM diplo.alias" -c "VACUUM ANALYZE diplo.cue" >/dev/null
sess_run s1 "$INFO"
is "$SESS_OUT" "attached $K0" "ANALYZE and VACUUM change nothing in a session"
c8=$(fresh)
is "$(src "$c8") $(key "$c8") $(res "$c8")" "attached $K0 $(res "$c1")" \
	"ANALYZE and VACUUM change nothing in a new connection"

########################################################################
# (e) bad images are ignored
########################################################################

IMG="$datadir/pg_diplo/$K0.dict"
if [ ! -w "$datadir/pg_diplo" ]; then
	ok "# SKIP bad images: $datadir/pg_diplo is not writable here"
	SKIP_BAD=1
else
	SKIP_BAD=0
fi
is "$(q $DB -c "SELECT (pg_stat_file('pg_diplo/$K0.dict')).size > 0")" t "the image is there"

size=$(q $DB -c "SELECT (pg_stat_file('pg_diplo/$K0.dict')).size")
cmp_num "$size" ">" 100000 "the image has $size bytes"
# write_image SQL_BYTEA : replace the image with these bytes, as diplo
# would: a new file renamed over the old (never written in place: backends
# may have the old one mapped), read-only, owned by the server's user
write_image() {
	q $DB -c "SELECT encode($1, 'base64')" | python3 -c '
import base64, os, sys
path = sys.argv[1]
data = base64.b64decode(sys.stdin.read())
st = os.stat(os.path.dirname(path))
tmp = path + ".test.tmp"
with open(tmp, "wb") as f:
    f.write(data)
os.chmod(tmp, 0o600)
if os.geteuid() == 0:
    os.chown(tmp, st.st_uid, st.st_gid)
os.rename(tmp, path)
' "$IMG"
}
ORIG="pg_read_binary_file('pg_diplo/$K0.dict')"
bad() {
	local what=$1 bytes=$2
	[ "$SKIP_BAD" = 1 ] && return 0
	write_image "$bytes"
	local c
	c=$(fresh)
	is "$(src "$c") $(key "$c") $(res "$c")" "compiled $K0 $(res "$c1")" \
		"$what: ignored, compiled again, same rows"
	c=$(fresh)
	is "$(src "$c")" attached "$what: then replaced by a good image"
}
bad "an image cut in half" "substr($ORIG, 1, $size / 2)"
bad "an image cut by one byte" "substr($ORIG, 1, $size - 1)"
bad "an image with only its header" "substr($ORIG, 1, 128)"
bad "an empty image" "''::bytea"
bad "an image with one payload byte changed" "set_byte($ORIG, $size / 2, (get_byte($ORIG, $size / 2) + 1) % 256)"
bad "an image with its magic changed" "set_byte($ORIG, 0, 0)"
bad "an image with its last byte changed" "set_byte($ORIG, $size - 1, (get_byte($ORIG, $size - 1) + 77) % 256)"
bad "an image with a byte appended" "$ORIG || '\\x00'::bytea"
# another key's image under this key's name (a valid file otherwise)
other=$(q $DB -c "SELECT f FROM pg_ls_dir('pg_diplo') f WHERE f LIKE '%.dict' AND f <> '$K0.dict' LIMIT 1")
if [ -n "$other" ]; then
	bad "another key's image under this name" "pg_read_binary_file('pg_diplo/$other')"
else
	ok "# SKIP no other image to swap in"
fi
is "$(q $DB -c "SELECT 1")" 1 "the server is alive"
sess_run s1 "$IDS"
is "$SESS_STATE $SESS_OUT" "00000 $(printf '%s' "$(res "$c1")" | cut -d'|' -f3)" \
	"a session that mapped the image before it was replaced still reads its own copy"

########################################################################
# (f) row-level security: different views, different dictionaries
########################################################################

fresh_role hard_shared_all
fresh_role hard_shared_some
q $DB >/dev/null <<SQL || bail "set up row-level security"
GRANT USAGE ON SCHEMA diplo TO hard_shared_all, hard_shared_some;
ALTER TABLE diplo.entity ENABLE ROW LEVEL SECURITY;
CREATE POLICY all_rows ON diplo.entity FOR SELECT TO hard_shared_all USING (true);
CREATE POLICY some_rows ON diplo.entity FOR SELECT TO hard_shared_some USING (name <> '$U');
SQL
ra=$(fresh -c "SET ROLE hard_shared_all")
rs=$(fresh -c "SET ROLE hard_shared_some")
rs2=$(fresh -c "SET ROLE hard_shared_some")
ra2=$(fresh -c "SET ROLE hard_shared_all")
case "$(res "$ra")" in
*"$U"*) ok "RLS: the role that sees every row finds the entity" ;;
*) nok "RLS: the role that sees every row finds the entity" "$ra" ;;
esac
case "$(res "$rs") $(res "$rs2")" in
*"$U"*) nok "RLS: the role the policy hides it from never finds it" "$rs" "$rs2" ;;
*) ok "RLS: the role the policy hides it from never finds it" ;;
esac
[ "$(key "$ra")" != "$(key "$rs")" ] && ok "RLS: the two views have different keys" ||
	nok "RLS: the two views have different keys" "$ra" "$rs"
# (its rows come through the query, which the key tells from a heap scan:
# the same rows, maybe another key, never another dictionary)
is "$(res "$ra")" "$(res "$c1")" "RLS: the role that sees every row gets the superuser's rows"
is "$(src "$rs2") $(key "$rs2")" "attached $(key "$rs")" "RLS: the restricted view's image is shared by its own connections"
is "$(res "$ra2")" "$(res "$c1")" "RLS: the full view's rows are unchanged"
sess_run s1 "SET ROLE hard_shared_some; $IDS"
case "$SESS_OUT" in
*"$U"*) nok "RLS: a session that switches role reads that role's view" "$SESS_OUT" ;;
*) ok "RLS: a session that switches role reads that role's view" ;;
esac
sess_run s1 "RESET ROLE; $IDS"
case "$SESS_OUT" in
*"$U"*) ok "RLS: back to the superuser, every row again" ;;
*) nok "RLS: back to the superuser, every row again" "$SESS_OUT" ;;
esac

########################################################################
# (g) the directory is bounded
########################################################################

sess_stop s1
q $DB -c "ALTER TABLE diplo.entity DISABLE ROW LEVEL SECURITY" >/dev/null
last=
for i in $(seq 1 18); do
	q $DB -c "INSERT INTO diplo.entity(name, kind, actor) VALUES ('$V$i', 'PER', 'FRA')" >/dev/null
	last=$(q $DB -c "SELECT source || ' ' || key FROM diplo.dictionary_info()")
done
is "${last%% *}" compiled "18 new dictionaries in a row are compiled"
n_img=$(q $DB -c "SELECT count(*) FROM pg_ls_dir('pg_diplo') f WHERE f LIKE '%.dict'")
cmp_num "$n_img" "<=" 16 "after them, at most 16 images are kept ($n_img)"
is "$(q $DB -c "SELECT count(*) FROM pg_ls_dir('pg_diplo') f WHERE f = '${last#* }.dict'")" 1 \
	"the newest image is kept"

########################################################################
# (h) recorded table keys
########################################################################

# $V, named in the document, is not in the dictionary now
W=$V
dboid=$(q $DB -c "SELECT oid FROM pg_database WHERE datname = current_database()")
# one new connection: "<tables by recorded key> <source> <key>|<ids>"
rec() {
	local out n
	out=$(q $DB "$@" -c "SET client_min_messages = debug1" -c "$INFO" -c "$IDS" 2>&1)
	n=$(printf '%s\n' "$out" | sed -n 's/.*, \([0-9]*\) of [0-9]* tables by their recorded keys.*/\1/p' | head -1)
	printf '%s %s|%s' "${n:-none}" "$(printf '%s\n' "$out" | grep -v DEBUG | sed -n 1p)" \
		"$(printf '%s\n' "$out" | grep -v DEBUG | sed -n 2p)"
}
rn() { printf '%s' "$1" | cut -d' ' -f1; }
rkey() { printf '%s' "$1" | cut -d'|' -f1 | cut -d' ' -f3; }
rsrc() { printf '%s' "$1" | cut -d'|' -f1 | cut -d' ' -f2; }
rids() { printf '%s' "$1" | cut -d'|' -f2-; }

q $DB -c "VACUUM" >/dev/null
r1=$(rec)
r2=$(rec)
ntab=$(q $DB -c "SELECT count(*) FROM unnest(diplo.dictionary_tables())")
is "$(rn "$r2")" "$ntab" "vacuumed: a new connection takes every table's recorded key"
is "$(rsrc "$r2") $(rkey "$r2")" "attached $(rkey "$r1")" "vacuumed: the same key as a read of the rows, its image attached"
is "$(rids "$r2")" "$(rids "$r1")" "vacuumed: the same entities"
is "$(q $DB -c "SELECT count(*) FROM pg_ls_dir('pg_diplo') f WHERE f = 'tables.$dboid.keys'")" 1 \
	"the records are \$PGDATA/pg_diplo/tables.<database oid>.keys"
KV=$(rkey "$r2")

# triggers off: no invalidation is sent, nothing but the pages tells
q $DB -c "SET session_replication_role = replica" \
	-c "INSERT INTO diplo.entity(name, kind, actor) VALUES ('$W', 'PER', 'FRA')" >/dev/null
r3=$(rec)
case "$(rids "$r3")" in
*"$W"*) ok "triggers off: an insert is seen by a new connection" ;;
*) nok "triggers off: an insert is seen by a new connection" "$r3" ;;
esac
cmp_num "$(rn "$r3")" "<" "$ntab" "triggers off: the changed table is read again"
r3b=$(rec)
is "$(rn "$r3b") $(rkey "$r3b")" "$ntab $(rkey "$r3")" "not vacuumed: the next new connection takes every table's recorded key, the same key"
case "$(rids "$r3b")" in
*"$W"*) ok "not vacuumed: it sees the insert" ;;
*) nok "not vacuumed: it sees the insert" "$r3b" ;;
esac
q $DB -c "VACUUM diplo.entity" >/dev/null
r4=$(rec)
case "$(rids "$r4")" in
*"$W"*) ok "triggers off, then vacuumed: the insert is still seen" ;;
*) nok "triggers off, then vacuumed: the insert is still seen" "$r4" ;;
esac
[ "$(rkey "$r4")" != "$KV" ] && ok "triggers off, then vacuumed: a new key" ||
	nok "triggers off, then vacuumed: a new key" "$r4"
q $DB -c "ALTER TABLE diplo.entity DISABLE TRIGGER ALL" -c "DELETE FROM diplo.entity WHERE name = '$W'" \
	-c "ALTER TABLE diplo.entity ENABLE TRIGGER ALL" -c "VACUUM diplo.entity" >/dev/null
r5=$(rec)
case "$(rids "$r5")" in
*"$W"*) nok "disabled triggers, deleted, vacuumed: the entity is gone" "$r5" ;;
*) ok "disabled triggers, deleted, vacuumed: the entity is gone" ;;
esac
is "$(rkey "$r5") $(rids "$r5")" "$KV $(rids "$r2")" "disabled triggers, deleted, vacuumed: the old key and rows"

# an edit inside a session's transaction, on vacuumed tables
sess_start s2 $DB
sess_run s2 "$IDS"
sess_run s2 "BEGIN; INSERT INTO diplo.entity(name, kind, actor) VALUES ('$W', 'PER', 'FRA'); $IDS"
case "$SESS_OUT" in
*"$W"*) ok "vacuumed: inside its transaction, the edit is seen" ;;
*) nok "vacuumed: inside its transaction, the edit is seen" "$SESS_OUT" ;;
esac
r6=$(rec)
is "$(rkey "$r6") $(rids "$r6")" "$KV $(rids "$r2")" "vacuumed: meanwhile a new connection reads the committed rows"
sess_run s2 "ROLLBACK; $IDS"
case "$SESS_OUT" in
*"$W"*) nok "vacuumed: after the rollback the entity is gone" "$SESS_OUT" ;;
*) ok "vacuumed: after the rollback the entity is gone" ;;
esac
sess_run s2 "BEGIN; SAVEPOINT a; INSERT INTO diplo.entity(name, kind, actor) VALUES ('$W', 'PER', 'FRA'); $IDS"
case "$SESS_OUT" in
*"$W"*) ok "vacuumed: an insert in a subtransaction is seen" ;;
*) nok "vacuumed: an insert in a subtransaction is seen" "$SESS_OUT" ;;
esac
sess_run s2 "ROLLBACK TO a; $IDS"
case "$SESS_OUT" in
*"$W"*) nok "vacuumed: rolled back to the savepoint, the entity is gone" "$SESS_OUT" ;;
*) ok "vacuumed: rolled back to the savepoint, the entity is gone" ;;
esac
sess_run s2 "COMMIT"
sess_stop s2
q $DB -c "VACUUM diplo.entity" >/dev/null
r7=$(rec)
is "$(rkey "$r7") $(rids "$r7")" "$KV $(rids "$r2")" "a rolled-back subtransaction, vacuumed: the old key and rows"

# a snapshot older than the records: a repeatable read transaction that
# began before an insert never sees it, though newer connections recorded
# the table with it
sess_start s3 $DB
sess_run s3 "BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT 1"
q $DB -c "INSERT INTO diplo.entity(name, kind, actor) VALUES ('$W', 'PER', 'FRA')" >/dev/null
r11=$(rec)
r12=$(rec)
is "$(rn "$r12")" "$ntab" "an insert: the second new connection takes every table's recorded key"
case "$(rids "$r12")" in
*"$W"*) ok "an insert: it sees the entity" ;;
*) nok "an insert: it sees the entity" "$r12" ;;
esac
sess_run s3 "$IDS"
case "$SESS_OUT" in
*"$W"*) nok "a repeatable read snapshot older than the insert does not see it" "$SESS_OUT" ;;
*) ok "a repeatable read snapshot older than the insert does not see it" ;;
esac
sess_run s3 "$INFO"
is "$SESS_OUT" "attached $KV" "the older snapshot reads the old rows: the old key"
sess_run s3 "COMMIT"
sess_run s3 "$IDS"
case "$SESS_OUT" in
*"$W"*) ok "after its commit, the session sees the insert" ;;
*) nok "after its commit, the session sees the insert" "$SESS_OUT" ;;
esac
sess_stop s3
q $DB -c "DELETE FROM diplo.entity WHERE name = '$W'" -c "VACUUM diplo.entity" >/dev/null

# a garbled record file
for how in garbage empty; do
	case $how in
	garbage) q $DB -c "COPY (SELECT repeat('x', 300)) TO '$datadir/pg_diplo/tables.$dboid.keys'" >/dev/null ;;
	empty) q $DB -c "COPY (SELECT 1 WHERE false) TO '$datadir/pg_diplo/tables.$dboid.keys'" >/dev/null ;;
	esac
	r8=$(rec)
	is "$(rn "$r8") $(rkey "$r8") $(rids "$r8")" "0 $KV $(rids "$r2")" \
		"a $how record file: ignored, every table read, same key and rows"
	r9=$(rec)
	is "$(rn "$r9") $(rkey "$r9")" "$ntab $KV" "a $how record file: then replaced"
done

# row-level security: the table is read by its query, never by its record
q $DB -c "ALTER TABLE diplo.topic ENABLE ROW LEVEL SECURITY" -c "CREATE POLICY all_topics ON diplo.topic USING (true)" >/dev/null
r10=$(rec -c "SET ROLE hard_shared_all")
cmp_num "$(rn "$r10")" "<" "$ntab" "row-level security: that table is read, not taken from its record"
is "$(rids "$r10")" "$(rids "$r2")" "row-level security: the same entities"
q $DB -c "DROP POLICY all_topics ON diplo.topic" -c "ALTER TABLE diplo.topic DISABLE ROW LEVEL SECURITY" >/dev/null
