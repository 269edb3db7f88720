#!/usr/bin/env bash
# Hardening: search_path capture, privileges, function attributes.
#
#  (a) diplo is installed and used while look-alike functions, aggregates
#      and operators (public.lower(text), public.=(text,text), ...) and
#      pg_temp look-alikes sit earlier in search_path than pg_catalog; each
#      look-alike records its call in an audit table, which must stay empty.
#      Also: a schema "diplo" pre-created by another role must not let that
#      role run code as whoever uses the extension.
#  (b) privileges: PUBLIC reads and analyses, only diplo_admin writes.
#  (c) SECURITY DEFINER functions (none expected) and SQL/PL functions
#      without a pinned search_path (reported).
#
# Runs inside pg_virtualenv; prints TAP.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
hard_preflight

DB=hard_sec
PW=hard_pw_$$
HOSTILE_PATH="pg_temp, public, pg_catalog"
DOC="$FR_PARAGRAPH Zorglub a répondu."

fresh_role hard_reader "LOGIN PASSWORD '$PW'"
fresh_role hard_editor "LOGIN PASSWORD '$PW'"
fresh_role hard_squatter "LOGIN PASSWORD '$PW'"
fresh_db $DB || bail "create database $DB"

as_reader() { PGUSER=hard_reader PGPASSWORD=$PW "$@"; }
as_editor() { PGUSER=hard_editor PGPASSWORD=$PW "$@"; }
as_squatter() { PGUSER=hard_squatter PGPASSWORD=$PW "$@"; }

########################################################################
# (a) hostile search_path
########################################################################

# The look-alikes.  Each logs (once per backend and name, so that a
# captured operator in a join does not insert 400k rows) and then returns
# what the real function returns, so a capture changes no result and can
# only be seen in the audit table.
hostile_sql() {
	cat <<'SQL'
CREATE TABLE public.audit (name text, who text DEFAULT current_user, at timestamptz DEFAULT clock_timestamp());
GRANT ALL ON public.audit TO PUBLIC;
CREATE FUNCTION public.hostile_log(n text) RETURNS void LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  phase text := coalesce(current_setting('hostile.phase', true), '');
  key text := 'hostile.h' || md5(n || '/' || phase);
BEGIN
  IF current_setting(key, true) IS DISTINCT FROM 'y' THEN
    INSERT INTO public.audit (name) VALUES (n || CASE WHEN phase <> '' THEN ' [' || phase || ']' ELSE '' END);
    PERFORM set_config(key, 'y', false);
  END IF;
END $$;
GRANT EXECUTE ON FUNCTION public.hostile_log(text) TO PUBLIC;
SQL
	# functions: name|argument types|return type|body expression on $1.. $n
	local f
	while IFS='|' read -r name args ret expr; do
		[ -n "$name" ] || continue
		printf 'CREATE FUNCTION public.%s(%s) RETURNS %s LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $h$ BEGIN PERFORM public.hostile_log(%s); RETURN %s; END $h$;\n' \
			"$name" "$args" "$ret" "'public.$name($args)'" "$expr"
	done <<'LIST'
lower|text|text|pg_catalog.lower($1)
upper|text|text|pg_catalog.upper($1)
btrim|text|text|pg_catalog.btrim($1)
btrim|text, text|text|pg_catalog.btrim($1, $2)
ltrim|text|text|pg_catalog.ltrim($1)
rtrim|text|text|pg_catalog.rtrim($1)
length|text|integer|pg_catalog.length($1)
char_length|text|integer|pg_catalog.char_length($1)
octet_length|text|integer|pg_catalog.octet_length($1)
substr|text, integer|text|pg_catalog.substr($1, $2)
substr|text, integer, integer|text|pg_catalog.substr($1, $2, $3)
strpos|text, text|integer|pg_catalog.strpos($1, $2)
replace|text, text, text|text|pg_catalog.replace($1, $2, $3)
regexp_replace|text, text, text|text|pg_catalog.regexp_replace($1, $2, $3)
regexp_replace|text, text, text, text|text|pg_catalog.regexp_replace($1, $2, $3, $4)
split_part|text, text, integer|text|pg_catalog.split_part($1, $2, $3)
left|text, integer|text|pg_catalog.left($1, $2)
right|text, integer|text|pg_catalog.right($1, $2)
format|text|text|pg_catalog.format($1)
format|text, VARIADIC text[]|text|pg_catalog.format($1, VARIADIC $2)
concat|VARIADIC text[]|text|pg_catalog.array_to_string($1, '')
quote_ident|text|text|pg_catalog.quote_ident($1)
quote_literal|text|text|pg_catalog.quote_literal($1)
md5|text|text|pg_catalog.md5($1)
array_to_string|anyarray, text|text|pg_catalog.array_to_string($1, $2)
string_to_array|text, text|text[]|pg_catalog.string_to_array($1, $2)
sign|double precision|double precision|pg_catalog.sign($1)
abs|real|real|pg_catalog.abs($1)
abs|integer|integer|pg_catalog.abs($1)
now||timestamptz|pg_catalog.now()
current_setting|text|text|pg_catalog.current_setting($1)
set_config|text, text, boolean|text|pg_catalog.set_config($1, $2, $3)
pg_get_userbyid|oid|name|pg_catalog.pg_get_userbyid($1)
enum_eq|anyenum, anyenum|boolean|pg_catalog.enum_eq($1, $2)
h_texteq|text, text|boolean|pg_catalog.texteq($1, $2)
h_textne|text, text|boolean|pg_catalog.textne($1, $2)
h_textlt|text, text|boolean|pg_catalog.text_lt($1, $2)
h_textle|text, text|boolean|pg_catalog.text_le($1, $2)
h_textgt|text, text|boolean|pg_catalog.text_gt($1, $2)
h_textge|text, text|boolean|pg_catalog.text_ge($1, $2)
h_textre|text, text|boolean|pg_catalog.textregexeq($1, $2)
h_textnre|text, text|boolean|pg_catalog.textregexne($1, $2)
h_textire|text, text|boolean|pg_catalog.texticregexeq($1, $2)
h_textlike|text, text|boolean|pg_catalog.textlike($1, $2)
h_textcat|text, text|text|pg_catalog.textcat($1, $2)
h_nameeq|name, name|boolean|pg_catalog.nameeq($1, $2)
h_nametexteq|name, text|boolean|pg_catalog.nameeqtext($1, $2)
h_int4eq|integer, integer|boolean|pg_catalog.int4eq($1, $2)
h_int4ne|integer, integer|boolean|pg_catalog.int4ne($1, $2)
h_int4pl|integer, integer|integer|pg_catalog.int4pl($1, $2)
h_int4lt|integer, integer|boolean|pg_catalog.int4lt($1, $2)
h_float4eq|real, real|boolean|pg_catalog.float4eq($1, $2)
h_float4ne|real, real|boolean|pg_catalog.float4ne($1, $2)
h_float4pl|real, real|real|pg_catalog.float4pl($1, $2)
h_float4div|real, real|real|pg_catalog.float4div($1, $2)
h_float4gt|real, real|boolean|pg_catalog.float4gt($1, $2)
h_float48ne|real, double precision|boolean|pg_catalog.float48ne($1, $2)
h_booleq|boolean, boolean|boolean|pg_catalog.booleq($1, $2)
h_enumeq|anyenum, anyenum|boolean|pg_catalog.enum_eq($1, $2)
h_arraycat|anyarray, anyarray|anyarray|pg_catalog.array_cat($1, $2)
h_oideq|oid, oid|boolean|pg_catalog.oideq($1, $2)
h_sfunc_count|bigint|bigint|$1 + 1
h_sfunc_text|text, text|text|pg_catalog.coalesce($1, $2)
h_sfunc_real|real, real|real|pg_catalog.coalesce($1, 0) + pg_catalog.coalesce($2, 0)
h_sfunc_agg|text[], text|text[]|pg_catalog.array_append($1, $2)
h_sfunc_sagg|text, text, text|text|pg_catalog.concat_ws($3, $1, $2)
LIST
	# operators: name;left;right;function
	while IFS=';' read -r op l r fn; do
		[ -n "$op" ] || continue
		printf 'CREATE OPERATOR public.%s (LEFTARG = %s, RIGHTARG = %s, FUNCTION = public.%s);\n' "$op" "$l" "$r" "$fn"
	done <<'LIST'
=;text;text;h_texteq
<>;text;text;h_textne
<;text;text;h_textlt
<=;text;text;h_textle
>;text;text;h_textgt
>=;text;text;h_textge
~;text;text;h_textre
!~;text;text;h_textnre
~*;text;text;h_textire
~~;text;text;h_textlike
||;text;text;h_textcat
=;name;name;h_nameeq
=;name;text;h_nametexteq
=;integer;integer;h_int4eq
<>;integer;integer;h_int4ne
+;integer;integer;h_int4pl
<;integer;integer;h_int4lt
=;real;real;h_float4eq
<>;real;real;h_float4ne
+;real;real;h_float4pl
/;real;real;h_float4div
>;real;real;h_float4gt
<>;real;double precision;h_float48ne
=;boolean;boolean;h_booleq
=;anyenum;anyenum;h_enumeq
||;anyarray;anyarray;h_arraycat
=;oid;oid;h_oideq
LIST
	cat <<'SQL'
CREATE AGGREGATE public.count(*) (SFUNC = public.h_sfunc_count, STYPE = bigint, INITCOND = '0');
CREATE AGGREGATE public.min(text) (SFUNC = public.h_sfunc_text, STYPE = text);
CREATE AGGREGATE public.max(text) (SFUNC = public.h_sfunc_text, STYPE = text);
CREATE AGGREGATE public.sum(real) (SFUNC = public.h_sfunc_real, STYPE = real);
CREATE AGGREGATE public.array_agg(text) (SFUNC = public.h_sfunc_agg, STYPE = text[], INITCOND = '{}');
CREATE AGGREGATE public.string_agg(text, text) (SFUNC = public.h_sfunc_sagg, STYPE = text);
SQL
}

# pg_temp look-alikes: functions (never searched for functions, but cheap
# to try) and views named like the dictionary tables and catalogs.
temp_hostile_sql() {
	cat <<'SQL'
CREATE FUNCTION pg_temp.lower(text) RETURNS text LANGUAGE sql AS $$ SELECT public.hostile_log('pg_temp.lower(text)')::text || $1 $$;
CREATE FUNCTION pg_temp.format(text, VARIADIC text[]) RETURNS text LANGUAGE sql AS $$ SELECT public.hostile_log('pg_temp.format')::text || $1 $$;
SQL
	local t
	for t in country entity alias demonym role name_head particle name_hint topic topic_term cue modifier pg_roles pg_extension pg_namespace pg_class; do
		printf "CREATE TEMP VIEW %s AS SELECT x.* FROM (SELECT public.hostile_log('pg_temp.%s view')) h, LATERAL (SELECT 1 AS dummy) x;\n" "$t" "$t"
	done
}

# Calls every function of the extension, using no operator, function or
# aggregate of our own (only SELECT * FROM / SELECT f()), so that only the
# extension could hit a look-alike.
CALL_ALL_SQL=$(
	cat <<SQL
SELECT diplo.normalize(\$d\$$DOC\$d\$) IS NULL;
SELECT diplo.match_key(\$d\$$DOC\$d\$) IS NULL;
SELECT * FROM diplo.tokens(\$d\$$DOC\$d\$) LIMIT 3;
SELECT * FROM diplo.sentences(\$d\$$DOC\$d\$);
SELECT * FROM diplo.text_stats(\$d\$$DOC\$d\$);
SELECT * FROM diplo.entities(\$d\$$DOC\$d\$);
SELECT diplo.entity_ids(\$d\$$DOC\$d\$);
SELECT * FROM diplo.dictionary_info();
SELECT * FROM diplo.stances(\$d\$$DOC\$d\$);
SELECT * FROM diplo.stance_summary(\$d\$$DOC\$d\$);
SELECT diplo.stance_balance(s.score) FROM diplo.stances(\$d\$$DOC\$d\$) AS s;
SELECT diplo.stance_balance(v.x) FROM (VALUES (0.5::real), (NULL::real), ('NaN'::real), (-1::real)) AS v(x);
SQL
)

# A change to every dictionary table, so that the trigger fires and the
# dictionary is rebuilt under the hostile path.  Every comparison is written
# with OPERATOR(pg_catalog.=) so that the test itself hits no look-alike.
DML_ALL_SQL=$(
	cat <<'SQL'
INSERT INTO diplo.country (code, name) VALUES ('ZZX', 'Zorgland');
INSERT INTO diplo.entity (name, kind, actor) VALUES ('Zorglub Zorgnikov', 'PER', 'ZZX');
INSERT INTO diplo.alias (alias, entity) VALUES ('Zorglub', 'Zorglub Zorgnikov');
INSERT INTO diplo.demonym (form, actor) VALUES ('zorglandais', 'ZZX');
INSERT INTO diplo.role (title, class) VALUES ('grand zorgleur', 'official');
INSERT INTO diplo.name_head (word, kind) VALUES ('Zorgconférence', 'EVENT');
INSERT INTO diplo.particle (word) VALUES ('zorg');
INSERT INTO diplo.name_hint (word, hint) VALUES ('Zorgbert', 'first');
INSERT INTO diplo.topic (topic, label) VALUES ('zorglubisme', 'zorglubisme');
INSERT INTO diplo.topic_term (term, topic) VALUES ('zorglubisation', 'zorglubisme');
INSERT INTO diplo.cue (lemma, pos, polarity, weight, frame) VALUES ('zorgluber', 'verb', -1, 0.5, 'condemn');
INSERT INTO diplo.modifier (word, type) VALUES ('zorgment', 'intensifier');
UPDATE diplo.entity SET prior = 2 WHERE name OPERATOR(pg_catalog.=) 'Zorglub Zorgnikov';
UPDATE diplo.country SET code = 'ZZY' WHERE code OPERATOR(pg_catalog.=) 'ZZX';
BEGIN; TRUNCATE diplo.particle; ROLLBACK;
SELECT * FROM diplo.entities('Zorglub Zorgnikov, le grand zorgleur zorglandais, zorglube la zorglubisation.');
SELECT * FROM diplo.stances('Zorglub Zorgnikov, le grand zorgleur zorglandais, zorglube la zorglubisation.');
DELETE FROM diplo.modifier WHERE word OPERATOR(pg_catalog.=) 'zorgment';
DELETE FROM diplo.cue WHERE lemma OPERATOR(pg_catalog.=) 'zorgluber';
DELETE FROM diplo.topic WHERE topic OPERATOR(pg_catalog.=) 'zorglubisme';
DELETE FROM diplo.name_hint WHERE word OPERATOR(pg_catalog.=) 'Zorgbert';
DELETE FROM diplo.particle WHERE word OPERATOR(pg_catalog.=) 'zorg';
DELETE FROM diplo.name_head WHERE word OPERATOR(pg_catalog.=) 'Zorgconférence';
DELETE FROM diplo.role WHERE title OPERATOR(pg_catalog.=) 'grand zorgleur';
DELETE FROM diplo.entity WHERE name OPERATOR(pg_catalog.=) 'Zorglub Zorgnikov';
DELETE FROM diplo.country WHERE code OPERATOR(pg_catalog.=) 'ZZY';
SELECT * FROM diplo.entities('Zorglub Zorgnikov');
SQL
)

audit() {
	q $DB -c "SELECT coalesce(string_agg(name || ' (as ' || who || ')', '; ' ORDER BY at), '') FROM public.audit"
}

q $DB -c "$(hostile_sql)" >/dev/null 2>"$HARD_TMP/hostile.err" ||
	bail "create the look-alike objects" "$(cat "$HARD_TMP/hostile.err")"
# the look-alikes really shadow pg_catalog under the hostile path
probe=$(q $DB -c "SET search_path = $HOSTILE_PATH" -c "SELECT lower('X') = 'x', count(*) FROM (VALUES (1)) v" \
	-c "RESET search_path" -c "SELECT count(*) FROM public.audit" -c "TRUNCATE public.audit" 2>&1 | tail -n 1)
if [ "$probe" -ge 3 ] 2>/dev/null; then
	ok "look-alikes capture unqualified calls under search_path $HOSTILE_PATH (probe logged $probe calls)"
else
	nok "look-alikes capture unqualified calls under search_path $HOSTILE_PATH" "probe logged: $probe"
fi

out=$(qsql $DB "$(temp_hostile_sql)" "SET search_path = $HOSTILE_PATH;" "CREATE EXTENSION diplo;" 2>&1)
rc=$?
is "$rc" 0 "CREATE EXTENSION diplo with look-alikes in pg_temp and public ahead of pg_catalog"
[ $rc -eq 0 ] || note "$out"
is "$(audit)" "" "no look-alike ran during CREATE EXTENSION"

# every function, in a new backend (the first call loads the dictionary)
out=$(qsql $DB "SET search_path = $HOSTILE_PATH;" "$(temp_hostile_sql)" "$CALL_ALL_SQL" 2>&1)
is "$?" 0 "every diplo function runs under the hostile search_path (superuser, fresh backend)"
a=$(audit)
is "$a" "" "no look-alike ran while calling every diplo function (superuser, fresh backend: dictionary load included)"
if [ -n "$a" ]; then
	note "BUG: the dictionary load's SPI queries are parsed with the caller's search_path; an operator or function earlier in search_path than pg_catalog runs inside diplo."
	q $DB -c "TRUNCATE public.audit"
fi

# dictionary changes fire the trigger and rebuild under the hostile path;
# what the first load of this backend logged is discarded first
out=$(qsql $DB "SET search_path = $HOSTILE_PATH;" "$(temp_hostile_sql)" "$CALL_ALL_SQL" \
	"TRUNCATE public.audit; SET hostile.phase = 'changes';" "$DML_ALL_SQL" "$CALL_ALL_SQL" 2>&1)
is "$?" 0 "changes to every dictionary table and the rebuilds after them run under the hostile search_path"
[ "${out//ERROR/}" = "$out" ] && [ "${out//WARNING/}" = "$out" ] || note "$(grep -A3 'ERROR\|WARNING' <<<"$out" | head -20)"
a=$(audit)
is "$a" "" "no look-alike ran during dictionary changes, trigger and rebuilds"
[ -z "$a" ] || q $DB -c "TRUNCATE public.audit"

# same as a plain role, in a fresh backend
out=$(as_reader qsql $DB "SET search_path = $HOSTILE_PATH;" "$CALL_ALL_SQL" 2>&1)
is "$?" 0 "every diplo function runs under the hostile search_path (plain role)"
a=$(audit)
is "$a" "" "no look-alike ran while a plain role called every diplo function"
[ -z "$a" ] || q $DB -c "TRUNCATE public.audit"

# results are the same with and without the hostile path
r_clean=$(q $DB -c "SELECT * FROM diplo.entities(\$d\$$DOC\$d\$)" -c "SELECT * FROM diplo.stances(\$d\$$DOC\$d\$)")
r_host=$(q $DB -c "SET search_path = $HOSTILE_PATH" -c "SELECT * FROM diplo.entities(\$d\$$DOC\$d\$)" -c "SELECT * FROM diplo.stances(\$d\$$DOC\$d\$)")
is "$r_host" "$r_clean" "entities() and stances() give the same rows under the hostile search_path"
q $DB -c "TRUNCATE public.audit"

# A schema named diplo that another role created before CREATE EXTENSION.
# PostgreSQL installs into it; its owner can then rename it and put its own
# "diplo" schema in place.  The extension must not read another role's
# tables (views that run its code) when it loads the dictionary.
SQ=hard_sec_squat
fresh_db $SQ
q postgres -c "ALTER DATABASE $SQ OWNER TO hard_squatter"
as_squatter q $SQ -c "CREATE SCHEMA diplo" >/dev/null 2>&1
out=$(q $SQ -c "CREATE EXTENSION diplo" 2>&1)
if [ $? -ne 0 ]; then
	ok "CREATE EXTENSION refuses a schema diplo owned by another role ($(head -n 1 <<<"$out"))"
else
	owner=$(q $SQ -c "SELECT nspowner::regrole FROM pg_namespace WHERE nspname = 'diplo'")
	note "CREATE EXTENSION diplo installed into the pre-existing schema diplo owned by $owner"
	q $SQ -c "CREATE TABLE public.audit (name text, who text DEFAULT current_user); GRANT ALL ON public.audit TO PUBLIC"
	as_squatter q $SQ >/dev/null 2>"$HARD_TMP/squat.err" <<'SQL'
ALTER SCHEMA diplo RENAME TO diplo_real;
CREATE SCHEMA diplo;
CREATE FUNCTION diplo.spy() RETURNS boolean LANGUAGE sql AS
  $$ INSERT INTO public.audit (name) VALUES ('squatter view read by the dictionary load'); SELECT true $$;
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['country', 'entity', 'alias', 'demonym', 'role', 'name_head', 'particle',
                           'name_hint', 'topic', 'topic_term', 'cue', 'modifier'] LOOP
    EXECUTE format('CREATE VIEW diplo.%I AS SELECT * FROM diplo_real.%I WHERE diplo.spy()', t, t);
  END LOOP;
END $$;
SQL
	[ -s "$HARD_TMP/squat.err" ] && note "$(cat "$HARD_TMP/squat.err")"
	out=$(q $SQ -c "SELECT count(*) FROM diplo_real.entities(\$d\$$DOC\$d\$)" 2>&1)
	who=$(q $SQ -c "SELECT coalesce(string_agg(DISTINCT who, ','), '') FROM public.audit")
	if [ -z "$who" ]; then
		ok "a renamed extension schema and a look-alike schema diplo: the dictionary load reads only the extension's tables"
	else
		nok "a renamed extension schema and a look-alike schema diplo: the dictionary load reads only the extension's tables" \
			"the superuser's call to diplo_real.entities() read the squatter's views and ran its function as: $who" \
			"(pg_dict.c looks the schema up by name: get_namespace_oid(\"diplo\") and SPI queries on diplo.<table>)"
	fi
fi

########################################################################
# (b) privileges
########################################################################

TABLES="country entity alias demonym role name_head particle name_hint topic topic_term cue modifier"

# a plain LOGIN role reads every table
bad=
for t in $TABLES; do
	n=$(as_reader q $DB -c "SELECT count(*) FROM diplo.$t" 2>&1) || bad="$bad $t($n)"
done
is "${bad# }" "" "plain role can SELECT every dictionary table"

n=$(as_reader q $DB -c "SELECT count(*) FROM diplo.entities(\$d\$$DOC\$d\$)" 2>&1)
cmp_num "${n:-0}" ">" 0 "plain role can call diplo.entities() ($n mentions)"
n=$(as_reader q $DB -c "SELECT count(*) FROM diplo.stances(\$d\$$DOC\$d\$)" 2>&1)
cmp_num "${n:-0}" ">" 0 "plain role can call diplo.stances() ($n stances)"
st=$(as_reader state $DB "SELECT * FROM diplo.stance_summary(\$d\$$DOC\$d\$); SELECT diplo.stance_balance(score) FROM diplo.stances(\$d\$$DOC\$d\$); SELECT diplo.entity_ids('Paris'), diplo.normalize('a'), diplo.match_key('a'); SELECT * FROM diplo.dictionary_info(), diplo.text_stats('a'), diplo.tokens('a'), diplo.sentences('a')")
is "$st" 00000 "plain role can call every other analysis function"

for t in $TABLES; do
	res=
	for stmt in "INSERT INTO diplo.$t DEFAULT VALUES" "UPDATE diplo.$t SET builtin = builtin" "DELETE FROM diplo.$t" "TRUNCATE diplo.$t"; do
		s=$(as_reader state $DB "BEGIN; $stmt;")
		res="$res ${stmt%% *}=$s"
	done
	is "${res# }" "INSERT=42501 UPDATE=42501 DELETE=42501 TRUNCATE=42501" "plain role is denied INSERT/UPDATE/DELETE/TRUNCATE on diplo.$t"
done
is "$(as_reader state $DB '\copy diplo.alias FROM /dev/null')" 42501 "plain role is denied COPY FROM into diplo.alias (\\copy)"
is "$(as_reader state $DB "CREATE TABLE diplo.hard_t (x int)")" 42501 "plain role cannot create objects in schema diplo"
is "$(as_reader state $DB "CREATE FUNCTION diplo.lower(varchar) RETURNS text LANGUAGE sql AS 'SELECT 1::text'")" 42501 "plain role cannot create functions in schema diplo"
is "$(as_reader state $DB "ALTER TABLE diplo.alias DISABLE TRIGGER dictionary_changed")" 42501 "plain role cannot disable the invalidation trigger"
is "$(as_reader state $DB "SELECT diplo.dictionary_changed()")" 42501 "plain role cannot call diplo.dictionary_changed()"
is "$(as_reader state $DB "CREATE TEMP TABLE t (x int); CREATE TRIGGER t AFTER INSERT ON t FOR EACH STATEMENT EXECUTE FUNCTION diplo.dictionary_changed()")" \
	42501 "plain role cannot attach diplo.dictionary_changed() to its own table (no invalidation flooding)"
is "$(q $DB -c "SELECT rolcanlogin FROM pg_roles WHERE rolname = 'diplo_admin'")" f "diplo_admin is NOLOGIN"

# a member of diplo_admin edits; its own next statement and another
# session's next statement see the change
q postgres -c "GRANT diplo_admin TO hard_editor"
TXT="Zorglub a rencontré le ministre."
probe="SELECT count(*) FROM diplo.entities('$TXT') WHERE entity = 'Emmanuel Macron' AND surface = 'Zorglub'"
# the session runs as the reader role through a LOGIN connection
PGUSER=hard_reader PGPASSWORD=$PW sess_start reader $DB
sess_run reader "SELECT current_user, count(*) FROM diplo.entities('$TXT')"
is "${SESS_OUT%%|*}" hard_reader "second session connected as the plain role"
sess_run reader "$probe"
is "$SESS_OUT" 0 "before: 'Zorglub' is not an alias of Emmanuel Macron"
out=$(as_editor q $DB -c "INSERT INTO diplo.alias (alias, entity) VALUES ('Zorglub', 'Emmanuel Macron')" -c "$probe" 2>&1)
is "$out" 1 "diplo_admin member can INSERT an alias and its next statement sees it"
sess_run reader "$probe"
is "$SESS_OUT" 1 "another session (plain role, dictionary already loaded) sees the new alias in its next statement"
is "$(as_editor state $DB "UPDATE diplo.alias SET entity = 'Vladimir Poutine' WHERE alias = 'Zorglub' AND NOT builtin")" 00000 "diplo_admin member can UPDATE an alias"
sess_run reader "SELECT entity FROM diplo.entities('$TXT') WHERE surface = 'Zorglub'"
is "$SESS_OUT" "Vladimir Poutine" "the other session sees the update"
is "$(as_editor state $DB "DELETE FROM diplo.alias WHERE alias = 'Zorglub' AND NOT builtin")" 00000 "diplo_admin member can DELETE an alias"
sess_run reader "$probe"
is "$SESS_OUT" 0 "the other session sees the delete"
is "$(as_editor state $DB "BEGIN; TRUNCATE diplo.particle; ROLLBACK")" 00000 "diplo_admin member can TRUNCATE (rolled back)"
is "$(as_editor state $DB "ALTER TABLE diplo.alias DISABLE TRIGGER dictionary_changed")" 42501 "diplo_admin member cannot disable the invalidation trigger"
is "$(as_editor state $DB "CREATE TABLE diplo.hard_t (x int)")" 42501 "diplo_admin member cannot create objects in schema diplo"
sess_stop reader

########################################################################
# (c) function attributes
########################################################################

secdef=$(q $DB -c "SELECT coalesce(string_agg(p.oid::regprocedure::text, ', '), '') FROM pg_proc p WHERE p.pronamespace = 'diplo'::regnamespace AND p.prosecdef")
is "$secdef" "" "no SECURITY DEFINER function in schema diplo"

unpinned=$(q $DB -c "
SELECT coalesce(string_agg(p.oid::regprocedure::text || ' [' || l.lanname || ']', ', ' ORDER BY 1), '')
  FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
 WHERE p.pronamespace = 'diplo'::regnamespace
   AND l.lanname NOT IN ('c', 'internal')
   AND NOT EXISTS (SELECT 1 FROM unnest(p.proconfig) c WHERE c LIKE 'search\_path=%')")
ok "report: SQL/PL functions of schema diplo without a pinned search_path: ${unpinned:-none}"
pinned=$(q $DB -c "
SELECT coalesce(string_agg(p.proname || ' ' || array_to_string(p.proconfig, ','), '; ' ORDER BY 1), '')
  FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
 WHERE p.pronamespace = 'diplo'::regnamespace AND l.lanname NOT IN ('c', 'internal')")
note "SQL functions and their settings: $pinned"
bad=$(q $DB -c "
SELECT coalesce(string_agg(p.proname || ' ' || c, '; '), '')
  FROM pg_proc p, unnest(p.proconfig) c
 WHERE p.pronamespace = 'diplo'::regnamespace AND c LIKE 'search\_path=%'
   AND c NOT IN ('search_path=pg_catalog, pg_temp', 'search_path=pg_catalog,pg_temp')")
is "$bad" "" "every pinned search_path is exactly pg_catalog, pg_temp"
pubexec=$(q $DB -c "
SELECT coalesce(string_agg(p.oid::regprocedure::text, ', '), '')
  FROM pg_proc p
 WHERE p.pronamespace = 'diplo'::regnamespace AND p.prorettype = 'trigger'::regtype
   AND has_function_privilege('hard_reader', p.oid, 'EXECUTE')")
is "$pubexec" "" "trigger functions are not executable by PUBLIC"
writable=$(q $DB -c "
SELECT coalesce(string_agg(DISTINCT c.relname || ':' || a.privilege_type || ':' || CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE a.grantee::regrole::text END, ', '), '')
  FROM pg_class c, aclexplode(c.relacl) a
 WHERE c.relnamespace = 'diplo'::regnamespace
   AND a.privilege_type NOT IN ('SELECT')
   AND a.grantee <> c.relowner
   AND (a.grantee = 0 OR a.grantee::regrole::text <> 'diplo_admin')")
is "$writable" "" "only the owner and diplo_admin hold write privileges on the dictionary tables"
nsp=$(q $DB -c "SELECT coalesce(string_agg(CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE a.grantee::regrole::text END || ':' || a.privilege_type, ', '), '') FROM pg_namespace n, aclexplode(n.nspacl) a WHERE n.nspname = 'diplo' AND a.privilege_type = 'CREATE' AND a.grantee <> n.nspowner")
is "$nsp" "" "nobody but the owner has CREATE on schema diplo"
