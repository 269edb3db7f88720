#!/usr/bin/env bash
# Hardening: the extension's life cycle.
#
#  (a) pg_dump / pg_restore (custom format) of a database with user-added
#      dictionary rows and analysed articles: user rows come back exactly
#      once, built-in rows are not duplicated, entities() and stances() give
#      the same rows in both databases.
#  (b) DROP EXTENSION leaves nothing behind; CREATE EXTENSION again works,
#      also for sessions that had the old dictionary loaded.
#  (c) every update path from the oldest available version to the default
#      version runs and gives the same catalog objects as a fresh install;
#      ALTER EXTENSION diplo UPDATE TO the installed version is a no-op.
#
# Runs inside pg_virtualenv; prints TAP.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
hard_preflight

TABLES="country entity alias demonym role name_head name_cue furniture particle name_hint topic topic_term cue modifier user_edit builtin_row"

# User rows in several dictionary tables, with foreign keys between user
# rows and from user rows to built-in rows.
USER_ROWS_SQL="
INSERT INTO diplo.country (code, name) VALUES ('ZZX', 'Zorgland');
INSERT INTO diplo.entity (name, kind, actor, title, wikidata, prior) VALUES ('Zorglub Zorgnikov', 'PER', 'ZZX', 'grand zorgleur', 'Q999999999', 3);
INSERT INTO diplo.alias (alias, entity) VALUES ('Zorglub', 'Zorglub Zorgnikov');
INSERT INTO diplo.alias (alias, entity) VALUES ('le locataire de l''Élysée', 'Emmanuel Macron');
INSERT INTO diplo.demonym (form, actor) VALUES ('zorglandais', 'ZZX');
INSERT INTO diplo.role (title, class) VALUES ('grand zorgleur', 'head');
INSERT INTO diplo.name_head (word, kind) VALUES ('Zorgconférence', 'EVENT');
INSERT INTO diplo.particle (word) VALUES ('zorg');
INSERT INTO diplo.name_hint (word, hint) VALUES ('Zorgbert', 'first');
INSERT INTO diplo.topic (topic, label, description) VALUES ('zorglubisme', 'zorglubisme', 'test topic');
INSERT INTO diplo.topic_term (term, topic, polarity) VALUES ('zorglubisation', 'zorglubisme', 1);
INSERT INTO diplo.topic_term (term, topic, polarity) VALUES ('zorgtrêve', (SELECT min(topic) FROM diplo.topic WHERE builtin), -1);
INSERT INTO diplo.cue (lemma, pos, polarity, weight, frame, target_mode) VALUES ('zorgluber', 'verb', -1, 0.7, 'condemn', 'object');
INSERT INTO diplo.modifier (word, type, factor) VALUES ('zorgment', 'intensifier', 1.5);
"

# A canonical text picture of everything the extension owns.
SNAPSHOT_SQL=$(
	cat <<'SQL'
WITH ext AS (SELECT oid, extnamespace FROM pg_extension WHERE extname = 'diplo'),
members AS (
  SELECT d.classid, d.objid FROM pg_depend d, ext
   WHERE d.refclassid = 'pg_extension'::regclass AND d.refobjid = ext.oid AND d.deptype = 'e'),
lines AS (
  SELECT 'extension ' || e.extname || ' ' || e.extversion || ' reloc=' || e.extrelocatable
         || ' schema=' || e.extnamespace::regnamespace
         || ' config=' || coalesce((SELECT string_agg(c::regclass::text, ',' ORDER BY c::regclass::text) FROM unnest(e.extconfig) c), '')
         || ' cond=' || coalesce(array_to_string(e.extcondition, ','), '') AS l
    FROM pg_extension e WHERE e.extname = 'diplo'
  UNION ALL
  SELECT 'member ' || pg_describe_object(m.classid, m.objid, 0) FROM members m
  UNION ALL
  SELECT 'schema ' || n.nspname || ' acl=' || coalesce(n.nspacl::text, '') || ' comment=' || coalesce(obj_description(n.oid, 'pg_namespace'), '')
    FROM pg_namespace n, ext WHERE n.oid = ext.extnamespace
  UNION ALL
  SELECT 'proc ' || p.oid::regprocedure || ' returns ' || p.prorettype::regtype || ' kind=' || p.prokind::text
         || ' vol=' || p.provolatile::text || ' par=' || p.proparallel::text || ' strict=' || p.proisstrict
         || ' secdef=' || p.prosecdef || ' set=' || p.proretset || ' rows=' || p.prorows || ' cost=' || p.procost
         || ' lang=' || (SELECT lanname FROM pg_language WHERE oid = p.prolang)
         || ' argnames=' || coalesce(p.proargnames::text, '') || ' argmodes=' || coalesce(p.proargmodes::text, '')
         || ' config=' || coalesce(p.proconfig::text, '') || ' acl=' || coalesce(p.proacl::text, '')
         || ' bin=' || coalesce(p.probin, '') || ' src=' || md5(p.prosrc)
         || ' comment=' || coalesce(obj_description(p.oid, 'pg_proc'), '')
    FROM pg_proc p, ext WHERE p.pronamespace = ext.extnamespace
  UNION ALL
  SELECT 'aggregate ' || a.aggfnoid::regprocedure || ' sfunc=' || a.aggtransfn::regproc || ' final=' || a.aggfinalfn::regproc
         || ' combine=' || a.aggcombinefn::regproc || ' stype=' || a.aggtranstype::regtype || ' init=' || coalesce(a.agginitval, '')
    FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid, ext WHERE p.pronamespace = ext.extnamespace
  UNION ALL
  SELECT 'type ' || t.typname || ' type=' || t.typtype::text || ' len=' || t.typlen || ' acl=' || coalesce(t.typacl::text, '')
         || ' comment=' || coalesce(obj_description(t.oid, 'pg_type'), '')
    FROM pg_type t, ext WHERE t.typnamespace = ext.extnamespace
  UNION ALL
  SELECT 'enum ' || e.enumtypid::regtype || ' ' || e.enumsortorder || ' ' || e.enumlabel
    FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid, ext WHERE t.typnamespace = ext.extnamespace
  UNION ALL
  SELECT 'class ' || c.relname || ' kind=' || c.relkind::text || ' persistence=' || c.relpersistence::text
         || ' acl=' || coalesce(c.relacl::text, '') || ' comment=' || coalesce(obj_description(c.oid, 'pg_class'), '')
    FROM pg_class c, ext WHERE c.relnamespace = ext.extnamespace
  UNION ALL
  SELECT 'column ' || c.relname || '.' || lpad(a.attnum::text, 3, '0') || ' ' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
         || ' notnull=' || a.attnotnull || ' default=' || coalesce(pg_get_expr(d.adbin, d.adrelid), '')
         || ' collation=' || a.attcollation || ' comment=' || coalesce(col_description(c.oid, a.attnum), '')
    FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum, ext
   WHERE c.relnamespace = ext.extnamespace
  UNION ALL
  SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(co.oid)
    FROM pg_constraint co, ext WHERE co.connamespace = ext.extnamespace
  UNION ALL
  SELECT 'index ' || pg_get_indexdef(i.indexrelid)
    FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid, ext WHERE c.relnamespace = ext.extnamespace
  UNION ALL
  SELECT 'trigger ' || CASE WHEN tg.tgisinternal
           THEN 'internal on ' || tg.tgrelid::regclass || ' from ' || tg.tgconstrrelid::regclass || ' ' || tg.tgfoid::regproc || ' type=' || tg.tgtype
           ELSE pg_get_triggerdef(tg.oid) END || ' enabled=' || tg.tgenabled::text
    FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid, ext WHERE c.relnamespace = ext.extnamespace
  UNION ALL
  SELECT 'initpriv ' || pg_describe_object(ip.classoid, ip.objoid, ip.objsubid) || ' ' || ip.privtype::text || ' ' || ip.initprivs::text
    FROM pg_init_privs ip JOIN members m ON m.classid = ip.classoid AND m.objid = ip.objoid
  UNION ALL
  SELECT 'rows ' || t || ' builtin=' || b || ' n=' || n || ' md5=' || h
    FROM (SELECT 'country' t, builtin b, count(*) n, md5(string_agg(x::text, '|' ORDER BY x::text)) h FROM diplo.country x GROUP BY builtin
          UNION ALL SELECT 'entity', builtin, count(*), md5(string_agg(x::text, '|' ORDER BY x::text)) FROM diplo.entity x GROUP BY builtin
          UNION ALL SELECT 'alias', builtin, count(*), md5(string_agg(x::text, '|' ORDER BY x::text)) FROM diplo.alias x GROUP BY builtin
          UNION ALL SELECT 'demonym', builtin, count(*), md5(string_agg(x::text, '|' ORDER BY x::text)) FROM diplo.demonym x GROUP BY builtin
          UNION ALL SELECT 'role', builtin, count(*), md5(string_agg(x::text, '|' ORDER BY x::text)) FROM diplo.role x GROUP BY builtin
          UNION ALL SELECT 'name_head', builtin, count(*), md5(string_agg(x::text, '|' ORDER BY x::text)) FROM diplo.name_head x GROUP BY builtin
          UNION ALL SELECT 'particle', builtin, count(*), md5(string_agg(x::text, '|' ORDER BY x::text)) FROM diplo.particle x GROUP BY builtin
          UNION ALL SELECT 'name_hint', builtin, count(*), md5(string_agg(x::text, '|' ORDER BY x::text)) FROM diplo.name_hint x GROUP BY builtin
          UNION ALL SELECT 'topic', builtin, count(*), md5(string_agg(x::text, '|' ORDER BY x::text)) FROM diplo.topic x GROUP BY builtin
          UNION ALL SELECT 'topic_term', builtin, count(*), md5(string_agg(x::text, '|' ORDER BY x::text)) FROM diplo.topic_term x GROUP BY builtin
          UNION ALL SELECT 'cue', builtin, count(*), md5(string_agg(x::text, '|' ORDER BY x::text)) FROM diplo.cue x GROUP BY builtin
          UNION ALL SELECT 'modifier', builtin, count(*), md5(string_agg(x::text, '|' ORDER BY x::text)) FROM diplo.modifier x GROUP BY builtin) r
)
SELECT l FROM lines ORDER BY l COLLATE "C";
SQL
)

snapshot() {
	q "$1" -c "$SNAPSHOT_SQL" 2>&1
}

# same_snapshot FILE_A FILE_B DESCRIPTION
same_snapshot() {
	if [ "$(wc -l <"$1")" -lt 50 ] || [ "$(wc -l <"$2")" -lt 50 ] || grep -q '^ERROR' "$1" "$2"; then
		nok "$3" "a snapshot failed: $(grep -h ERROR "$1" "$2" | head -n 3)"
	elif diff -u "$1" "$2" >"$HARD_TMP/snap.diff"; then
		ok "$3"
	else
		nok "$3" "$(head -n 60 "$HARD_TMP/snap.diff")"
	fi
}

########################################################################
# (a) pg_dump / pg_restore
########################################################################

A=hard_life_a
B=hard_life_b
fresh_db $A || bail "create database $A"
fresh_db $B || bail "create database $B"
q $A -c "CREATE EXTENSION diplo" || bail "CREATE EXTENSION diplo in $A"
q $A -c "$USER_ROWS_SQL" >/dev/null 2>"$HARD_TMP/user.err" || bail "add user rows" "$(cat "$HARD_TMP/user.err")"
load_articles $A || bail "load articles"
q $A >/dev/null 2>"$HARD_TMP/an.err" <<'SQL' || bail "analyse the articles" "$(cat "$HARD_TMP/an.err")"
CREATE TABLE public.article_entities AS SELECT a.id, e.* FROM public.articles a, diplo.entities(a.body) e;
CREATE TABLE public.article_stances AS SELECT a.id, s.* FROM public.articles a, diplo.stances(a.body) s;
CREATE INDEX articles_entity_ids ON public.articles USING gin (diplo.entity_ids(body));
CREATE VIEW public.article_summary AS SELECT a.id, s.* FROM public.articles a, diplo.stance_summary(a.body) s;
SQL
n_ent=$(q $A -c "SELECT count(*) FROM public.article_entities")
n_sta=$(q $A -c "SELECT count(*) FROM public.article_stances")
n_zorg=$(q $A -c "SELECT count(*) FROM public.article_entities WHERE entity = 'Zorglub Zorgnikov'")
cmp_num "$n_zorg" ">" 0 "source database: the user entity is found through its user alias ($n_ent mentions, $n_sta stances over $(q $A -c "SELECT count(*) FROM public.articles") articles)"

DUMP=$HARD_TMP/a.dump
pg_dump -Fc -f "$DUMP" $A 2>"$HARD_TMP/dump.err"
is "$?" 0 "pg_dump -Fc of a database with diplo"
[ -s "$HARD_TMP/dump.err" ] && note "$(cat "$HARD_TMP/dump.err")"
pg_restore -d $B "$DUMP" >"$HARD_TMP/restore.out" 2>&1
rc=$?
is "$rc" 0 "pg_restore into a new database"
[ -s "$HARD_TMP/restore.out" ] && note "$(head -n 30 "$HARD_TMP/restore.out")"
is "$(grep -ci 'error' "$HARD_TMP/restore.out")" 0 "pg_restore reports no error"

counts() {
	local t
	for t in $TABLES; do
		q "$1" -c "SELECT '$t builtin=' || count(*) FILTER (WHERE to_jsonb(x)->>'builtin' = 'true') || ' user=' || count(*) FILTER (WHERE to_jsonb(x)->>'builtin' IS DISTINCT FROM 'true') || ' md5=' || md5(coalesce(string_agg((to_jsonb(x) - 'edited')::text, '|' ORDER BY (to_jsonb(x) - 'edited')::text), '')) FROM diplo.$t x"
	done
}
# same_counts DB_A DB_B DESCRIPTION: counts() equal in both databases
same_counts() {
	counts "$1" >"$HARD_TMP/counts.$1"
	counts "$2" >"$HARD_TMP/counts.$2"
	if diff -u "$HARD_TMP/counts.$1" "$HARD_TMP/counts.$2" >"$HARD_TMP/counts.diff"; then
		ok "$3"
	else
		nok "$3" "$(cat "$HARD_TMP/counts.diff")"
	fi
}
same_counts $A $B "every dictionary table has the same built-in and user rows after restore"
note "$(tr '\n' ';' <"$HARD_TMP/counts.$A" | sed 's/ md5=[0-9a-f]*//g')"
dup=$(q $B -c "
SELECT coalesce(string_agg(t || ':' || k, ', '), '') FROM (
  SELECT 'alias' t, alias || '/' || entity k FROM diplo.alias GROUP BY alias, entity HAVING count(*) > 1
  UNION ALL SELECT 'entity', name FROM diplo.entity GROUP BY name HAVING count(*) > 1
  UNION ALL SELECT 'country', code FROM diplo.country GROUP BY code HAVING count(*) > 1) d")
is "$dup" "" "no duplicated dictionary key after restore"
is "$(q $B -c "SELECT count(*) FROM diplo.alias WHERE alias = 'Zorglub' AND NOT builtin") $(q $B -c "SELECT count(*) FROM diplo.entity WHERE name = 'Zorglub Zorgnikov' AND NOT builtin")" \
	"1 1" "the user entity and its alias are there exactly once, still builtin = false"
is "$(q $B -c "SELECT count(*) FROM diplo.alias WHERE builtin") $(q $B -c "SELECT count(*) FROM diplo.entity WHERE builtin")" \
	"$(q $A -c "SELECT count(*) FROM diplo.alias WHERE builtin") $(q $A -c "SELECT count(*) FROM diplo.entity WHERE builtin")" \
	"built-in aliases and entities are not duplicated"
is "$(q $B -c "SELECT entities, countries, cues, topics FROM diplo.dictionary_info()")" \
	"$(q $A -c "SELECT entities, countries, cues, topics FROM diplo.dictionary_info()")" \
	"dictionary_info() is the same in both databases"

# results of both databases, compared with EXCEPT both ways in the restored one
ENT_Q="SELECT a.id, e.surface, e.entity, e.kind::text AS kind, e.actor, e.start, e.len, e.sentence, e.method, e.confidence FROM public.articles a, diplo.entities(a.body) e"
STA_Q="SELECT a.id, s.holder, s.holder_actor, s.target, s.target_actor, s.score, s.cue, s.sentence, s.start, s.len, s.negated, s.hedged, s.reported, s.evidence, s.stance_no, s.holder_kind, s.target_kind, s.cue_start, s.cue_len FROM public.articles a, diplo.stances(a.body) s"
q $B -c "CREATE TABLE public.src_entities AS $ENT_Q LIMIT 0" -c "CREATE TABLE public.src_stances AS $STA_Q LIMIT 0"
q $A -c "COPY ($ENT_Q) TO STDOUT" | q $B -c "COPY public.src_entities FROM STDIN"
q $A -c "COPY ($STA_Q) TO STDOUT" | q $B -c "COPY public.src_stances FROM STDIN"
is "$(q $B -c "SELECT count(*) FROM public.src_entities") $(q $B -c "SELECT count(*) FROM public.src_stances")" "$n_ent $n_sta" "source results copied into the restored database"
d1=$(q $B -c "SELECT count(*) FROM (TABLE public.src_entities EXCEPT ALL $ENT_Q) x")
d2=$(q $B -c "SELECT count(*) FROM ($ENT_Q EXCEPT ALL TABLE public.src_entities) x")
is "$d1 $d2" "0 0" "diplo.entities(body) gives identical rows in both databases (EXCEPT ALL both ways)"
d1=$(q $B -c "SELECT count(*) FROM (TABLE public.src_stances EXCEPT ALL $STA_Q) x")
d2=$(q $B -c "SELECT count(*) FROM ($STA_Q EXCEPT ALL TABLE public.src_stances) x")
is "$d1 $d2" "0 0" "diplo.stances(body) gives identical rows in both databases (EXCEPT ALL both ways)"
d1=$(q $B -c "SELECT count(*) FROM (SELECT * FROM public.article_entities EXCEPT ALL SELECT a.id, e.* FROM public.articles a, diplo.entities(a.body) e) x")
d2=$(q $B -c "SELECT count(*) FROM (SELECT a.id, e.* FROM public.articles a, diplo.entities(a.body) e EXCEPT ALL SELECT * FROM public.article_entities) x")
is "$d1 $d2" "0 0" "the restored analysed-articles table equals a fresh analysis in the restored database"
ids_a=$(q $A -c "SET enable_seqscan = off" -c "SELECT string_agg(id::text, ',' ORDER BY id) FROM public.articles WHERE diplo.entity_ids(body) @> ARRAY['Zorglub Zorgnikov']")
ids_b=$(q $B -c "SET enable_seqscan = off" -c "SELECT string_agg(id::text, ',' ORDER BY id) FROM public.articles WHERE diplo.entity_ids(body) @> ARRAY['Zorglub Zorgnikov']")
if [ -n "$ids_a" ] && [ "$ids_a" = "$ids_b" ]; then
	ok "the restored GIN index on diplo.entity_ids(body) finds the user entity in the same articles ($ids_b)"
else
	nok "the restored GIN index on diplo.entity_ids(body) finds the user entity in the same articles" "source: $ids_a" "restored: $ids_b"
fi
is "$(q $B -c "SELECT count(*) FROM public.article_summary")" "$(q $A -c "SELECT count(*) FROM public.article_summary")" "a view over diplo.stance_summary() is restored and gives as many rows"

# Edits of built-in rows (an UPDATE, a DELETE, one that points at a user
# row, a deleted row inserted again) survive dump/restore through
# diplo.user_edit; diplo.restore_builtin() undoes them.
C=hard_life_c
D=hard_life_d
fresh_db $C && fresh_db $D
q $C >/dev/null 2>"$HARD_TMP/edit.err" <<'SQL' || nok "edit built-in rows" "$(cat "$HARD_TMP/edit.err")"
CREATE EXTENSION diplo;
UPDATE diplo.entity SET prior = 7 WHERE name = 'Vladimir Poutine';
DELETE FROM diplo.alias WHERE builtin AND entity = 'Emmanuel Macron' AND alias = 'Macron';
DELETE FROM diplo.cue WHERE lemma = 'rejeter';
INSERT INTO diplo.country (code, name) VALUES ('ZZX', 'Zorgland');
UPDATE diplo.entity SET actor = 'ZZX' WHERE name = 'Kaja Kallas';
DELETE FROM diplo.cue WHERE lemma = 'saluer' AND pos = 'verb';
INSERT INTO diplo.cue (lemma, pos, polarity, weight, frame) VALUES ('saluer', 'verb', 1, 0.3, 'praise');
SQL
edits=$(q $C -c "SELECT string_agg(tbl || ':' || action, ',' ORDER BY tbl, key::text) FROM diplo.user_edit")
is "$edits" "alias:delete,cue:delete,cue:update,entity:update,entity:update" "edits of built-in rows are recorded in diplo.user_edit"
pg_dump -Fc -f "$HARD_TMP/c.dump" $C && pg_restore -d $D "$HARD_TMP/c.dump" >"$HARD_TMP/c.restore" 2>&1
is "$(grep -c ERROR "$HARD_TMP/c.restore")" 0 "pg_restore of a database with edited built-in rows reports no error"
EDIT_Q="SELECT (SELECT prior FROM diplo.entity WHERE name = 'Vladimir Poutine') || '/' ||
  (SELECT count(*) FROM diplo.alias WHERE entity = 'Emmanuel Macron' AND alias = 'Macron') || '/' ||
  (SELECT count(*) FROM diplo.cue WHERE lemma = 'rejeter') || '/' ||
  coalesce((SELECT actor FROM diplo.entity WHERE name = 'Kaja Kallas'), '-') || '/' ||
  (SELECT weight FROM diplo.cue WHERE lemma = 'saluer' AND pos = 'verb')"
is "$(q $D -c "$EDIT_Q")" "7/0/0/ZZX/0.3" "after restore: the updated prior, the deleted alias and cue, the actor pointing at a user country and the re-inserted cue are as edited"
is "$(q $D -c "$EDIT_Q")" "$(q $C -c "$EDIT_Q")" "the restored dictionary reads as the source's"
same_counts $C $D "every dictionary table, diplo.user_edit and diplo.builtin_row are the same after restoring edited built-in rows"
is "$(q $D -c "SELECT string_agg(holder || ':' || target || ':' || score, ',' ORDER BY holder) FROM diplo.stances('Le Kremlin rejette la trêve. Emmanuel Macron salue la trêve.')")" \
	"$(q $C -c "SELECT string_agg(holder || ':' || target || ':' || score, ',' ORDER BY holder) FROM diplo.stances('Le Kremlin rejette la trêve. Emmanuel Macron salue la trêve.')")" \
	"stances() reads the edited cues alike in the source and the restored database"
is "$(q $D -c "SELECT diplo.restore_builtin('diplo.cue')") $(q $D -c "SELECT count(*) FROM diplo.cue WHERE lemma = 'rejeter'")" "2 1" \
	"restore_builtin('diplo.cue') puts back the deleted and the re-inserted cue"
q $D -c "SELECT diplo.restore_builtin()" >/dev/null
is "$(q $D -c "$EDIT_Q")" "1/1/1/-/0.8" "restore_builtin() puts back every built-in row as installed"
is "$(q $D -c "SELECT count(*) FROM diplo.user_edit")/$(q $D -c "SELECT count(*) FROM diplo.country WHERE code = 'ZZX'")" "0/1" \
	"restore_builtin() empties diplo.user_edit and keeps the user's rows"
F2=hard_life_f2
fresh_db $F2 && q $F2 -c "CREATE EXTENSION diplo" >/dev/null
counts $F2 | grep -v '^country ' >"$HARD_TMP/counts.f2"
counts $D | grep -v '^country ' >"$HARD_TMP/counts.d2"
if diff -u "$HARD_TMP/counts.f2" "$HARD_TMP/counts.d2" >"$HARD_TMP/counts.fd"; then
	ok "after restore_builtin() the dictionary (but the user's country) is that of a fresh install"
else
	nok "after restore_builtin() the dictionary (but the user's country) is that of a fresh install" "$(cat "$HARD_TMP/counts.fd")"
fi

########################################################################
# (b) DROP EXTENSION
########################################################################

E=hard_life_drop
fresh_db $E || bail "create database $E"
q $E -c "CREATE EXTENSION diplo" -c "$USER_ROWS_SQL" >/dev/null
sess_start s1 $E
sess_run s1 "SELECT count(*) FROM diplo.entities('Zorglub a parlé à Paris.') WHERE entity = 'Zorglub Zorgnikov'"
is "$SESS_OUT" 1 "a session has the dictionary loaded (user alias found)"
# record everything the extension owns
q $E >/dev/null <<'SQL'
CREATE TABLE public.old_objects AS
  SELECT d.classid, d.objid, pg_describe_object(d.classid, d.objid, 0) AS descr
    FROM pg_depend d
   WHERE d.refclassid = 'pg_extension'::regclass
     AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'diplo') AND d.deptype = 'e';
INSERT INTO public.old_objects
  SELECT 'pg_extension'::regclass, oid, 'extension diplo' FROM pg_extension WHERE extname = 'diplo';
-- types of the tables (row types, array types) and trigger oids, which are not direct members
INSERT INTO public.old_objects
  SELECT 'pg_type'::regclass, t.oid, 'type ' || t.typname FROM pg_type t WHERE t.typnamespace = 'diplo'::regnamespace
     AND t.oid NOT IN (SELECT objid FROM public.old_objects);
INSERT INTO public.old_objects
  SELECT 'pg_trigger'::regclass, tg.oid, 'trigger ' || tg.tgname FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid
   WHERE c.relnamespace = 'diplo'::regnamespace;
INSERT INTO public.old_objects
  SELECT 'pg_class'::regclass, c.oid, 'class ' || c.relname FROM pg_class c WHERE c.relnamespace = 'diplo'::regnamespace
     AND c.oid NOT IN (SELECT objid FROM public.old_objects);
INSERT INTO public.old_objects
  SELECT 'pg_constraint'::regclass, co.oid, 'constraint ' || co.conname FROM pg_constraint co WHERE co.connamespace = 'diplo'::regnamespace;
INSERT INTO public.old_objects
  SELECT 'pg_namespace'::regclass, 'diplo'::regnamespace, 'schema diplo'
   WHERE 'diplo'::regnamespace NOT IN (SELECT objid FROM public.old_objects);
SQL
n_old=$(q $E -c "SELECT count(*) FROM public.old_objects")
note "the extension owns $(q $E -c "SELECT count(*) FROM public.old_objects WHERE descr NOT LIKE 'type %' AND descr NOT LIKE 'trigger %' AND descr NOT LIKE 'class %' AND descr NOT LIKE 'constraint %'") member objects; $n_old objects recorded in all"

# a user table that uses the extension's types blocks DROP EXTENSION
q $E -c "CREATE TABLE public.tagged AS SELECT * FROM diplo.entities('Emmanuel Macron à Paris.')"
is "$(state $E "DROP EXTENSION diplo")" 2BP01 "DROP EXTENSION without CASCADE refuses while a user table uses diplo.entity_kind"
is "$(q $E -c "SELECT count(*) FROM pg_extension WHERE extname = 'diplo'")" 1 "the extension is intact after the refused DROP"
q $E -c "DROP TABLE public.tagged"
# DROP rolled back
is "$(state $E "BEGIN; DROP EXTENSION diplo; ROLLBACK; SELECT count(*) FROM diplo.entities('Emmanuel Macron à Paris.')")" 00000 "DROP EXTENSION rolled back: the extension still works in that session"

is "$(state $E "DROP EXTENSION diplo")" 00000 "DROP EXTENSION diplo"
left=$(q $E <<'SQL'
SELECT coalesce(string_agg(x, '; ' ORDER BY x), '') FROM (
  SELECT 'extension row' AS x FROM pg_extension WHERE extname = 'diplo'
  UNION ALL SELECT 'pg_depend objid ' || o.descr FROM pg_depend d JOIN public.old_objects o ON o.classid = d.classid AND o.objid = d.objid
  UNION ALL SELECT 'pg_depend refobjid ' || o.descr FROM pg_depend d JOIN public.old_objects o ON o.classid = d.refclassid AND o.objid = d.refobjid
  UNION ALL SELECT 'pg_shdepend ' || o.descr || ' -> ' || d.refobjid::regrole FROM pg_shdepend d JOIN public.old_objects o ON o.classid = d.classid AND o.objid = d.objid
            WHERE d.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
  UNION ALL SELECT 'pg_description ' || o.descr FROM pg_description d JOIN public.old_objects o ON o.classid = d.classoid AND o.objid = d.objoid
  UNION ALL SELECT 'pg_init_privs ' || o.descr FROM pg_init_privs d JOIN public.old_objects o ON o.classid = d.classoid AND o.objid = d.objoid
            WHERE o.descr <> 'schema diplo'
  UNION ALL SELECT 'pg_proc ' || p.oid::regprocedure FROM pg_proc p WHERE p.probin LIKE '%diplo%'
            OR p.oid IN (SELECT objid FROM public.old_objects WHERE classid = 'pg_proc'::regclass)
  UNION ALL SELECT 'pg_type ' || t.typname FROM pg_type t WHERE t.oid IN (SELECT objid FROM public.old_objects WHERE classid = 'pg_type'::regclass)
            OR t.typname IN ('entity_kind', 'token', 'sentence', 'mention', 'stance')
  UNION ALL SELECT 'pg_enum ' || e.enumlabel FROM pg_enum e WHERE e.enumtypid IN (SELECT objid FROM public.old_objects WHERE classid = 'pg_type'::regclass)
  UNION ALL SELECT 'pg_class ' || c.relname FROM pg_class c WHERE c.oid IN (SELECT objid FROM public.old_objects WHERE classid = 'pg_class'::regclass)
  UNION ALL SELECT 'pg_trigger ' || tg.tgname || ' on ' || tg.tgrelid::regclass FROM pg_trigger tg
            WHERE tg.tgname = 'dictionary_changed' OR tg.oid IN (SELECT objid FROM public.old_objects WHERE classid = 'pg_trigger'::regclass)
  UNION ALL SELECT 'pg_constraint ' || co.conname FROM pg_constraint co WHERE co.oid IN (SELECT objid FROM public.old_objects WHERE classid = 'pg_constraint'::regclass)
  UNION ALL SELECT 'pg_aggregate ' || a.aggfnoid FROM pg_aggregate a WHERE a.aggfnoid IN (SELECT objid FROM public.old_objects WHERE classid = 'pg_proc'::regclass)
  UNION ALL SELECT 'pg_attrdef ' || ad.adrelid FROM pg_attrdef ad WHERE ad.adrelid IN (SELECT objid FROM public.old_objects WHERE classid = 'pg_class'::regclass)
) s
SQL
)
is "$left" "" "no function, type, table, trigger, constraint, comment, dependency or privilege of the extension is left after DROP EXTENSION"
schema_left=$(q $E -c "SELECT coalesce(string_agg('schema ' || n.nspname || ' owner=' || n.nspowner::regrole || ' acl=' || coalesce(n.nspacl::text, '')
     || ' objects=' || (SELECT count(*) FROM pg_class c WHERE c.relnamespace = n.oid) + (SELECT count(*) FROM pg_proc p WHERE p.pronamespace = n.oid)
     || ' init_privs=' || (SELECT count(*) FROM pg_init_privs i WHERE i.classoid = 'pg_namespace'::regclass AND i.objoid = n.oid), ''), '')
  FROM pg_namespace n WHERE n.nspname = 'diplo'")
is "$schema_left" "" "no schema diplo is left after DROP EXTENSION"
[ -z "$schema_left" ] || note "CREATE EXTENSION creates the control file's schema without making it a member of the extension, so DROP EXTENSION keeps it (with a stale pg_init_privs row for GRANT USAGE TO PUBLIC)"
is "$(q $E -c "SELECT count(*) FROM pg_roles WHERE rolname = 'diplo_admin'")" 1 "report: role diplo_admin outlives the extension (documented)"
is "$(q $E -c "SELECT count(*) FROM pg_shdepend d JOIN pg_roles r ON r.oid = d.refobjid WHERE r.rolname = 'diplo_admin' AND d.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())")" 0 \
	"diplo_admin holds no privilege on anything left in the database"

# the session that had the dictionary loaded, before and after re-CREATE
sess_run s1 "SELECT count(*) FROM diplo.entities('Paris')"
case "$SESS_STATE" in
3F000 | 42883) ok "the old session gets a clean error ($SESS_STATE) while the extension is dropped" ;;
*) nok "the old session gets a clean error (3F000/42883) while the extension is dropped" "got $SESS_STATE: $SESS_OUT" ;;
esac
is "$(state $E "CREATE EXTENSION diplo")" 00000 "CREATE EXTENSION diplo again"
sess_run s1 "SELECT count(*) FROM diplo.entities('Zorglub a parlé à Paris.') WHERE entity = 'Zorglub Zorgnikov'"
is "$SESS_STATE/$SESS_OUT" 00000/0 "the old session works with the new extension and no longer sees the dropped user rows"
sess_run s1 "SELECT entities, countries FROM diplo.dictionary_info()"
is "$SESS_OUT" "$(q $E -c "SELECT entities, countries FROM diplo.dictionary_info()")" "the old session's dictionary is the new extension's"
q $E -c "INSERT INTO diplo.entity (name, kind, actor) VALUES ('Zorglub Zorgnikov', 'PER', 'FRA')" -c "INSERT INTO diplo.alias (alias, entity) VALUES ('Zorglub', 'Zorglub Zorgnikov')"
sess_run s1 "SELECT actor FROM diplo.entities('Zorglub a parlé à Paris.') WHERE entity = 'Zorglub Zorgnikov'"
is "$SESS_OUT" FRA "the old session sees a change to the re-created tables (invalidation of the new tables reaches it)"
st=$(state $E "BEGIN; DROP EXTENSION diplo; CREATE EXTENSION diplo; SELECT count(*) FROM diplo.entities('Zorglub a parlé à Paris.'); COMMIT")
is "$st" 00000 "DROP and CREATE EXTENSION and a call in one transaction"
sess_run s1 "SELECT count(*) FROM diplo.entities('Zorglub a parlé à Paris.') WHERE entity = 'Zorglub Zorgnikov'"
is "$SESS_STATE/$SESS_OUT" 00000/0 "the old session follows a second re-creation"
sess_stop s1

########################################################################
# (c) update paths
########################################################################

default=$(q postgres -c "SELECT default_version FROM pg_available_extensions WHERE name = 'diplo'")
versions=$(q postgres -c "SELECT version FROM pg_available_extension_versions WHERE name = 'diplo'
  ORDER BY CASE WHEN version ~ '^[0-9]+(\.[0-9]+)*$' THEN string_to_array(version, '.')::int[] END NULLS LAST, version")
oldest=$(head -n 1 <<<"$versions")
note "available versions: $(tr '\n' ' ' <<<"$versions")(default $default, oldest $oldest)"

F=hard_life_fresh
fresh_db $F
q $F -c "CREATE EXTENSION diplo" >/dev/null
snapshot $F >"$HARD_TMP/snap.fresh"
if grep -q ERROR "$HARD_TMP/snap.fresh"; then
	nok "catalog snapshot of a fresh install" "$(head -n 5 "$HARD_TMP/snap.fresh")"
else
	cmp_num "$(wc -l <"$HARD_TMP/snap.fresh")" ">" 50 "catalog snapshot of a fresh install ($(wc -l <"$HARD_TMP/snap.fresh") lines)"
fi

out=$(q $F -c "ALTER EXTENSION diplo UPDATE TO '$default'" 2>&1)
is "$?" 0 "ALTER EXTENSION diplo UPDATE TO '$default' on an up-to-date install runs without error"
note "$out"
is "$(q $F -c "ALTER EXTENSION diplo UPDATE" 2>&1 >/dev/null | grep -c ERROR)" 0 "ALTER EXTENSION diplo UPDATE (to the default) runs without error"
snapshot $F >"$HARD_TMP/snap.noop"
same_snapshot "$HARD_TMP/snap.fresh" "$HARD_TMP/snap.noop" "the no-op update changes no catalog object"

# every version that has an update path to the default, starting from the
# oldest; the path is walked one step at a time
k=0
while read -r src; do
	[ -n "$src" ] || continue
	path=$(q postgres -c "SELECT path FROM pg_extension_update_paths('diplo') WHERE source = '$src' AND target = '$default'")
	if [ "$src" != "$default" ] && [ -z "$path" ]; then
		note "no update path from $src to $default"
		continue
	fi
	[ -n "$path" ] || path=$default
	k=$((k + 1))
	U=hard_life_upd$k
	fresh_db $U
	st=$(state $U "CREATE EXTENSION diplo VERSION '$src'")
	is "$st" 00000 "install version $src"
	steps=$(tr -s '-' '\n' <<<"$path" | tail -n +2)
	[ "$src" = "$default" ] && steps=$default
	for step in $steps; do
		st=$(state $U "ALTER EXTENSION diplo UPDATE TO '$step'")
		is "$st" 00000 "update $src: ALTER EXTENSION diplo UPDATE TO '$step'"
	done
	is "$(q $U -c "SELECT extversion FROM pg_extension WHERE extname = 'diplo'")" "$default" "update path from $src ends at $default"
	snapshot $U >"$HARD_TMP/snap.$k"
	same_snapshot "$HARD_TMP/snap.fresh" "$HARD_TMP/snap.$k" \
		"after the update path $path: same functions, types, tables, triggers, comments, privileges and rows as a fresh install"
	q $U -c "SELECT count(*) FROM diplo.entities('Emmanuel Macron à Paris.')" >/dev/null 2>&1
	is "$?" 0 "diplo.entities() works after the update path from $src"
done <<<"$versions"
[ $k -gt 0 ] || nok "at least one install/update path was checked"

# user rows made under the oldest version survive the update, and are read
if [ "$oldest" != "$default" ]; then
	W=hard_life_userupd
	fresh_db $W
	q $W -c "CREATE EXTENSION diplo VERSION '$oldest'" -c "$USER_ROWS_SQL" >/dev/null 2>"$HARD_TMP/uu.err" || nok "user rows under $oldest" "$(cat "$HARD_TMP/uu.err")"
	counts $W 2>/dev/null | sed 's/ md5=.*//' | grep -v '^user_edit\|^builtin_row' >"$HARD_TMP/uu.before"
	st=$(state $W "ALTER EXTENSION diplo UPDATE TO '$default'")
	is "$st" 00000 "update from $oldest to $default with user rows in every dictionary table"
	counts $W 2>/dev/null | sed 's/ md5=.*//' | grep -v '^user_edit\|^builtin_row' >"$HARD_TMP/uu.after"
	# expected: the user rows of before, the built-in rows of a fresh
	# install of the default version (which may add rows of values the
	# oldest version's constraints refuse, such as a new modifier type)
	counts $F 2>/dev/null | sed 's/ md5=.*//' | grep -v '^user_edit\|^builtin_row' >"$HARD_TMP/uu.fresh"
	awk 'NR == FNR { split($2, b, "="); fresh[$1] = b[2]; next }
		 { sub(/builtin=[0-9]+/, "builtin=" fresh[$1]); print }' \
		"$HARD_TMP/uu.fresh" "$HARD_TMP/uu.before" >"$HARD_TMP/uu.expected"
	if diff -u "$HARD_TMP/uu.expected" "$HARD_TMP/uu.after" >"$HARD_TMP/uu.diff"; then
		ok "the update keeps every user row and brings the built-in rows of a fresh install"
	else
		nok "the update keeps every user row and brings the built-in rows of a fresh install" "$(cat "$HARD_TMP/uu.diff")"
	fi
	is "$(q $W -c "SELECT actor FROM diplo.entities('Zorglub a parlé à Paris.') WHERE entity = 'Zorglub Zorgnikov'")" ZZX \
		"after the update the user entity is found through its user alias"
	is "$(q $W -c "SELECT count(*) FROM diplo.user_edit")" 0 "the update records no edit"
fi

# The 0.1 install script is the released one: control/diplo--0.1.sql as it
# was at tag v0.1 (or, without the tag, in the last commit whose control
# file said default_version 0.1).  Skipped outside a git checkout.
root=$(cd "$(dirname "$0")/../.." && pwd)
if git -C "$root" rev-parse --git-dir >/dev/null 2>&1; then
	rel=$(git -C "$root" rev-parse -q --verify 'v0.1^{commit}' 2>/dev/null ||
		git -C "$root" log -1 --format=%H -G"default_version = '0\.1'" -- control/diplo.control 2>/dev/null)
	# the commit that changed the default version away from 0.1: its parent
	if [ -n "$rel" ] && ! git -C "$root" show "$rel:control/diplo.control" 2>/dev/null | grep -q "default_version = '0.1'"; then
		rel=$(git -C "$root" rev-parse -q --verify "$rel^" 2>/dev/null)
	fi
	if [ -n "$rel" ] && git -C "$root" show "$rel:control/diplo.control" 2>/dev/null | grep -q "default_version = '0.1'"; then
		if git -C "$root" show "$rel:control/diplo--0.1.sql" | cmp -s - "$root/control/diplo--0.1.sql"; then
			ok "control/diplo--0.1.sql is the released 0.1 script (commit ${rel:0:7})"
		else
			nok "control/diplo--0.1.sql is the released 0.1 script (commit ${rel:0:7})" "it differs: released scripts never change; put changes in an update script"
		fi
	else
		note "no 0.1 release found in the git history: released-script check skipped"
	fi
else
	note "not a git checkout: released-script check skipped"
fi
