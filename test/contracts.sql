-- contracts: the SQL API of diplo as users and the planner see it: objects,
-- signatures, volatility, strictness, parallel safety, comments, composite
-- types, triggers, constraints (with their SQLSTATEs) and privileges.
\ir lib/tap_session.sql

BEGIN;
SELECT plan(102);

------------------------------------------------------------------------
-- the extension, its schema, its objects
------------------------------------------------------------------------

SELECT has_extension('diplo', 'extension diplo is installed');
SELECT has_schema('diplo', 'schema diplo exists');
SELECT is((SELECT extrelocatable FROM pg_extension WHERE extname = 'diplo'), false,
          'diplo is not relocatable (every reference is schema-qualified)');
SELECT is((SELECT count(*)::int FROM pg_depend d JOIN pg_namespace n ON n.oid = d.objid
             WHERE d.classid = 'pg_namespace'::regclass AND d.refclassid = 'pg_extension'::regclass
               AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'diplo')
               AND d.deptype = 'e' AND n.nspname = 'diplo'), 1,
          'schema diplo belongs to the extension (DROP EXTENSION drops it)');

SELECT tables_are('diplo',
  ARRAY['country', 'entity', 'alias', 'demonym', 'role', 'name_head', 'name_cue', 'particle', 'name_hint',
        'topic', 'topic_term', 'cue', 'modifier', 'furniture', 'user_edit', 'builtin_row', 'cluster_change',
        'cluster_node'],
  'diplo has exactly the fourteen dictionary tables, user_edit, builtin_row, cluster_change and cluster_node');
SELECT is(diplo.dictionary_tables(),
  ARRAY['country', 'entity', 'alias', 'demonym', 'role', 'name_head', 'name_cue', 'furniture', 'particle',
        'name_hint', 'topic', 'topic_term', 'cue', 'modifier'],
  'dictionary_tables() lists the fourteen, parents before children');
SELECT functions_are('diplo',
  ARRAY['normalize', 'match_key', 'tokens', 'sentences', 'text_stats', 'entities', 'entity_ids',
        'dictionary_info', 'stances', 'stance_summary', 'stance_balance', 'stance_balance_step',
        'stance_balance_combine', 'stance_balance_final', 'dictionary_changed', 'rules',
        'actor_ids', 'resolve', 'stance_graph', 'stance_graph_json', 'stance_graph_final', 'stance_graph_json_final',
        'stance_graph_combine', 'restore_builtin', 'stale_objects', 'dictionary_tables', 'row_key', 'table_columns',
        'apply_builtin_edit', 'record_builtin_edit', 'record_builtin_truncate', 'apply_user_edit',
        'snapshot_builtin', 'notice_stale_objects', 'strip_html', 'cluster_group', 'user_state', 'load_user_state',
        'propagate_cluster_change', 'replay_cluster_change', 'citus_sync', 'citus_distribute_dictionary',
        'cluster_check', 'party'],
  'diplo has exactly the documented functions');
SELECT is(ARRAY(SELECT t.typname::text FROM pg_type t
                 WHERE t.typnamespace = 'diplo'::regnamespace AND t.typtype IN ('c', 'e')
                   AND NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind <> 'c')
                 ORDER BY 1),
          ARRAY['entity_kind', 'mention', 'sentence', 'stance', 'token'],
          'diplo has exactly the types entity_kind, mention, sentence, stance, token');

------------------------------------------------------------------------
-- types
------------------------------------------------------------------------

SELECT has_enum('diplo', 'entity_kind', 'enum diplo.entity_kind exists');
SELECT enum_has_labels('diplo', 'entity_kind', ARRAY['PER', 'GPE', 'ORG', 'LOC', 'EVENT', 'PRODUCT'],
                       'entity_kind has the labels PER GPE ORG LOC EVENT PRODUCT in that order');
SELECT has_composite('diplo', 'token', 'composite diplo.token exists');
SELECT has_composite('diplo', 'sentence', 'composite diplo.sentence exists');
SELECT has_composite('diplo', 'mention', 'composite diplo.mention exists');
SELECT has_composite('diplo', 'stance', 'composite diplo.stance exists');

CREATE FUNCTION pg_temp.columns_of(t regtype) RETURNS text[]
LANGUAGE sql AS $$
  SELECT ARRAY(SELECT a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                 FROM pg_attribute a JOIN pg_type ty ON ty.typrelid = a.attrelid
                WHERE ty.oid = t AND a.attnum > 0 AND NOT a.attisdropped
                ORDER BY a.attnum)
$$;
SELECT is(pg_temp.columns_of('diplo.token'),
          ARRAY['position integer', 'token text', 'norm text', 'start integer', 'len integer',
                'sentence integer', 'class text'],
          'diplo.token columns');
SELECT is(pg_temp.columns_of('diplo.sentence'),
          ARRAY['number integer', 'start integer', 'len integer', 'text text'],
          'diplo.sentence columns');
SELECT is(pg_temp.columns_of('diplo.mention'),
          ARRAY['surface text', 'entity text', 'kind diplo.entity_kind', 'actor text', 'start integer',
                'len integer', 'sentence integer', 'method text', 'confidence real'],
          'diplo.mention columns');
SELECT is(pg_temp.columns_of('diplo.stance'),
          ARRAY['holder text', 'holder_actor text', 'target text', 'target_actor text', 'score real',
                'cue text', 'sentence integer', 'start integer', 'len integer', 'negated boolean',
                'hedged boolean', 'reported boolean', 'evidence text', 'stance_no integer', 'holder_kind text',
                'target_kind text', 'cue_start integer', 'cue_len integer'],
          'diplo.stance columns');

------------------------------------------------------------------------
-- functions: signature, result, volatility, strictness, parallel safety
------------------------------------------------------------------------

CREATE TEMP TABLE expected_functions (sig text PRIMARY KEY, contract text);
INSERT INTO expected_functions VALUES
  ('diplo."normalize"(text)', 'text | immutable strict parallel safe | c'),
  ('diplo.match_key(text)', 'text | immutable strict parallel safe | c'),
  ('diplo.tokens(text)', 'SETOF diplo.token | immutable strict parallel safe | c'),
  ('diplo.sentences(text)', 'SETOF diplo.sentence | immutable strict parallel safe | c'),
  ('diplo.text_stats(text)', 'OUT tokens bigint, OUT sentences bigint | immutable strict parallel safe | c'),
  ('diplo.entities(text)', 'SETOF diplo.mention | stable strict parallel safe | c'),
  ('diplo.entity_ids(text)', 'text[] | immutable strict parallel safe | c'),
  ('diplo.dictionary_info()', 'OUT entities bigint, OUT countries bigint, OUT cues bigint, OUT topics bigint, OUT bytes bigint, OUT source text, OUT key text | stable called-on-null parallel safe | c'),
  ('diplo.stances(text)', 'SETOF diplo.stance | stable strict parallel safe | c'),
  ('diplo.stance_summary(text)', 'OUT holder text, OUT holder_actor text, OUT target text, OUT target_actor text, OUT score real, OUT polarity integer, OUT stances integer, OUT evidence text, OUT mixed boolean | stable strict parallel safe | sql'),
  ('diplo.rules()', 'OUT name text, OUT description text, OUT enabled boolean | stable called-on-null parallel safe | c'),
  ('diplo.stance_balance(real)', 'real | immutable called-on-null parallel safe | internal'),
  ('diplo.stance_balance_step(double precision[],real)', 'double precision[] | immutable called-on-null parallel safe | sql'),
  ('diplo.stance_balance_combine(double precision[],double precision[])', 'double precision[] | immutable called-on-null parallel safe | sql'),
  ('diplo.stance_balance_final(double precision[])', 'real | immutable called-on-null parallel safe | sql'),
  ('diplo.dictionary_changed()', 'trigger | volatile called-on-null parallel unsafe | c');

SELECT is(
  (SELECT CASE WHEN p.proargmodes IS NULL THEN pg_get_function_result(p.oid)
               ELSE (SELECT string_agg(x, ', ') FROM regexp_split_to_table(pg_get_function_arguments(p.oid), ', ') x
                      WHERE x LIKE 'OUT %') END
          || ' | ' || CASE p.provolatile WHEN 'i' THEN 'immutable' WHEN 's' THEN 'stable' ELSE 'volatile' END
          || CASE WHEN p.proisstrict THEN ' strict' ELSE ' called-on-null' END
          || CASE p.proparallel WHEN 's' THEN ' parallel safe' WHEN 'r' THEN ' parallel restricted' ELSE ' parallel unsafe' END
          || ' | ' || l.lanname
     FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
    WHERE p.oid::regprocedure::text = e.sig),
  e.contract,
  'contract of ' || e.sig)
  FROM expected_functions e ORDER BY e.sig COLLATE "C";

-- the ones the planner relies on, with pgTAP's own assertions
SELECT volatility_is('diplo', 'entity_ids', ARRAY['text'], 'immutable',
                     'entity_ids is IMMUTABLE (usable in a GIN expression index)');
SELECT volatility_is('diplo', 'entities', ARRAY['text'], 'stable', 'entities is STABLE (it reads the dictionary)');
SELECT volatility_is('diplo', 'stances', ARRAY['text'], 'stable', 'stances is STABLE (it reads the dictionary)');
SELECT is_strict('diplo', 'entities', ARRAY['text'], 'entities is STRICT');
SELECT is_strict('diplo', 'stances', ARRAY['text'], 'stances is STRICT');
SELECT isnt_strict('diplo', 'stance_balance_step', ARRAY['double precision[]', 'real'],
                   'the step function of stance_balance sees NULL scores (not STRICT)');
SELECT function_returns('diplo', 'tokens', ARRAY['text'], 'setof diplo.token', 'tokens returns SETOF diplo.token');
SELECT function_returns('diplo', 'entity_ids', ARRAY['text'], 'text[]', 'entity_ids returns text[]');
SELECT is_aggregate('diplo', 'stance_balance', ARRAY['real'], 'stance_balance(real) is an aggregate');
SELECT is((SELECT ROW(aggtransfn::regproc::text, aggcombinefn::regproc::text, aggfinalfn::regproc::text,
                      aggtranstype::regtype::text, agginitval)::text
             FROM pg_aggregate WHERE aggfnoid = 'diplo.stance_balance(real)'::regprocedure),
          ROW('diplo.stance_balance_step', 'diplo.stance_balance_combine', 'diplo.stance_balance_final',
              'double precision[]', '{0,0}')::text,
          'stance_balance has a combine function, so it can run in parallel');
-- planner labels: the analysis functions cost what they cost (bench/bench.sh:
-- about 40 us per 3 kB article for entities(), 95 us for stances())
SELECT is(ARRAY(SELECT p.proname || ':' || p.procost || ':' || p.prorows FROM pg_proc p
                 WHERE p.pronamespace = 'diplo'::regnamespace
                   AND p.proname IN ('entities', 'entity_ids', 'stances', 'stance_summary') ORDER BY 1),
          '{entities:1000:40,entity_ids:1000:0,stance_summary:2500:10,stances:2500:15}'::text[],
          'the analysis functions carry their measured cost and row estimates');
SELECT is(ARRAY(SELECT p.oid::regprocedure::text FROM pg_proc p
                 WHERE p.pronamespace = 'diplo'::regnamespace AND p.prosecdef ORDER BY 1),
          '{}'::text[], 'no function is SECURITY DEFINER');
SELECT is(ARRAY(SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
                 WHERE p.pronamespace = 'diplo'::regnamespace AND l.lanname = 'sql'
                   AND NOT coalesce('search_path=pg_catalog, pg_temp' = ANY (p.proconfig), false)
                 ORDER BY 1),
          '{}'::text[], 'every SQL-language function pins search_path to pg_catalog, pg_temp');

-- IMMUTABLE entity_ids may be used where PostgreSQL requires immutability
CREATE TEMP TABLE contract_docs (body text);
SELECT lives_ok('CREATE INDEX ON contract_docs USING gin (diplo.entity_ids(body))',
                'a GIN expression index on entity_ids can be built');
SELECT lives_ok('ALTER TABLE contract_docs ADD COLUMN ids text[] GENERATED ALWAYS AS (diplo.entity_ids(body)) STORED',
                'entity_ids can compute a stored generated column');

------------------------------------------------------------------------
-- comments on every type, table and function
------------------------------------------------------------------------

SELECT is(ARRAY(SELECT t.oid::regtype::text FROM pg_type t
                 WHERE t.typnamespace = 'diplo'::regnamespace AND t.typtype IN ('c', 'e')
                   AND NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind <> 'c')
                   AND coalesce(obj_description(t.oid, 'pg_type'), '') = ''
                 ORDER BY 1),
          '{}'::text[], 'every type has a COMMENT');
SELECT is(ARRAY(SELECT c.relname::text FROM pg_class c
                 WHERE c.relnamespace = 'diplo'::regnamespace AND c.relkind = 'r'
                   AND coalesce(obj_description(c.oid, 'pg_class'), '') = ''
                 ORDER BY 1),
          '{}'::text[], 'every table has a COMMENT');
SELECT is(ARRAY(SELECT p.oid::regprocedure::text FROM pg_proc p
                 WHERE p.pronamespace = 'diplo'::regnamespace
                   AND coalesce(obj_description(p.oid, 'pg_proc'), '') = ''
                 ORDER BY 1),
          '{}'::text[], 'every function and aggregate has a COMMENT');
SELECT isnt(obj_description((SELECT oid FROM pg_extension WHERE extname = 'diplo'), 'pg_extension'), NULL,
            'the extension has a comment');

------------------------------------------------------------------------
-- dictionary tables: builtin flag, primary key, pg_dump, trigger
------------------------------------------------------------------------

SELECT is(ARRAY(SELECT c.relname::text FROM pg_class c
                 WHERE c.relnamespace = 'diplo'::regnamespace AND c.relname = ANY (diplo.dictionary_tables())
                   AND NOT EXISTS (SELECT 1 FROM pg_attribute a
                                    WHERE a.attrelid = c.oid AND a.attname = 'builtin'
                                      AND a.atttypid = 'boolean'::regtype AND a.attnotnull
                                      AND pg_get_expr((SELECT d.adbin FROM pg_attrdef d
                                                        WHERE d.adrelid = c.oid AND d.adnum = a.attnum), c.oid) = 'false')
                 ORDER BY 1),
          '{}'::text[], 'every dictionary table has builtin boolean NOT NULL DEFAULT false');
SELECT is(ARRAY(SELECT c.relname::text FROM pg_class c
                 WHERE c.relnamespace = 'diplo'::regnamespace AND c.relkind = 'r'
                   AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'p')
                 ORDER BY 1),
          '{}'::text[], 'every dictionary table has a primary key');
SELECT is(ARRAY(SELECT c.relname::text FROM pg_class c
                 WHERE c.relnamespace = 'diplo'::regnamespace AND c.relname = ANY (diplo.dictionary_tables())
                   AND NOT EXISTS (SELECT 1 FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS x(cfg, cond)
                                    WHERE e.extname = 'diplo' AND x.cfg = c.oid AND x.cond = 'WHERE NOT builtin')
                 ORDER BY 1),
          '{}'::text[], 'pg_dump keeps the user rows (WHERE NOT builtin) of every dictionary table');
SELECT is((SELECT x.cond FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS x(cfg, cond)
            WHERE e.extname = 'diplo' AND x.cfg = 'diplo.user_edit'::regclass), '',
          'pg_dump keeps every row of diplo.user_edit (the edits of built-in rows)');
SELECT is((SELECT count(*)::int FROM pg_extension e, unnest(e.extconfig) AS x(cfg)
            WHERE e.extname = 'diplo' AND x.cfg = 'diplo.builtin_row'::regclass), 0,
          'pg_dump does not keep diplo.builtin_row (CREATE EXTENSION makes it)');

SELECT trigger_is('diplo', t, 'dictionary_changed', 'diplo', 'dictionary_changed',
                  format('diplo.%s has the dictionary_changed trigger', t))
  FROM unnest(ARRAY['alias', 'country', 'cue', 'demonym', 'entity', 'furniture', 'modifier', 'name_cue',
                    'name_head', 'name_hint', 'particle', 'role', 'topic', 'topic_term']) AS t
 ORDER BY t;
-- tgtype 60 = AFTER, FOR EACH STATEMENT, INSERT | DELETE | UPDATE | TRUNCATE
SELECT is(ARRAY(SELECT c.relname::text FROM pg_class c
                 WHERE c.relnamespace = 'diplo'::regnamespace AND c.relname = ANY (diplo.dictionary_tables())
                   AND NOT EXISTS (SELECT 1 FROM pg_trigger g
                                    WHERE g.tgrelid = c.oid AND g.tgname = 'dictionary_changed'
                                      AND g.tgtype = 60 AND g.tgenabled = 'O')
                 ORDER BY 1),
          '{}'::text[], 'every trigger fires after each INSERT, UPDATE, DELETE and TRUNCATE statement, and is enabled');
-- tgtype 31 = ROW, BEFORE, INSERT | DELETE | UPDATE
SELECT is(ARRAY(SELECT c.relname::text FROM pg_class c
                 WHERE c.relnamespace = 'diplo'::regnamespace AND c.relname = ANY (diplo.dictionary_tables())
                   AND NOT EXISTS (SELECT 1 FROM pg_trigger g
                                    WHERE g.tgrelid = c.oid AND g.tgname = 'record_builtin_edit' AND g.tgtype = 31 AND g.tgenabled = 'O')
                 ORDER BY 1),
          '{}'::text[], 'every dictionary table records edits of its built-in rows');

-- Citus: the triggers that send edits to the other nodes are off on a
-- single server; the functions that turn them on need Citus
-- tgtype 29 = ROW, AFTER, INSERT | DELETE | UPDATE; 32 = STATEMENT, AFTER, TRUNCATE
SELECT is(ARRAY(SELECT c.relname::text FROM pg_class c
                 WHERE c.relnamespace = 'diplo'::regnamespace AND c.relname = ANY (diplo.dictionary_tables())
                   AND NOT (EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = 'Cluster_propagate'
                                     AND g.tgtype = 29 AND g.tgenabled = 'D')
                        AND EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = 'cluster_propagate_truncate'
                                     AND g.tgtype = 32 AND g.tgenabled = 'D'))
                 ORDER BY 1),
          '{}'::text[], 'every dictionary table has the Citus propagation triggers, disabled');
SELECT is(diplo.cluster_group(), NULL, 'cluster_group() is NULL without Citus');
SELECT lives_ok($$SELECT diplo.cluster_check()$$, 'cluster_check() lets a server without Citus analyse');
SELECT throws_ok($$SELECT diplo.citus_distribute_dictionary()$$, '55000', NULL,
                 'citus_distribute_dictionary() needs Citus');
SELECT is((SELECT count(*)::int FROM pg_extension e, unnest(e.extconfig) AS x(cfg)
            WHERE e.extname = 'diplo' AND x.cfg = 'diplo.cluster_change'::regclass), 0,
          'pg_dump does not keep diplo.cluster_change (it is always empty)');

------------------------------------------------------------------------
-- constraints and their SQLSTATEs
------------------------------------------------------------------------

SELECT throws_ok($$INSERT INTO diplo.entity (name, kind) VALUES ('Entité Test', 'PERSON')$$,
                 '22P02', NULL, 'an unknown kind is refused');
SELECT throws_ok($$INSERT INTO diplo.entity (name, kind, actor) VALUES ('Entité Test', 'PER', 'XX')$$,
                 '23514', NULL, 'an actor that is not three capitals is refused');
SELECT throws_ok($$INSERT INTO diplo.entity (name, kind, actor) VALUES ('Entité Test', 'PER', 'ZZZ')$$,
                 '23503', NULL, 'an actor that is no country code is refused');
SELECT throws_ok($$INSERT INTO diplo.alias (alias, entity) VALUES ('   ', 'Donald Trump')$$,
                 '23514', NULL, 'a blank alias is refused');
SELECT throws_ok($$INSERT INTO diplo.alias (alias, entity) VALUES (repeat('a', 10000), 'Donald Trump')$$,
                 '23514', NULL, 'an alias of 10 000 characters is refused');
SELECT throws_ok($$INSERT INTO diplo.cue (lemma, pos, polarity, weight, frame) VALUES ('bénir', 'verb', 1, 1.5, 'support')$$,
                 '23514', NULL, 'a cue weight above 1 is refused');
SELECT throws_ok($$INSERT INTO diplo.modifier (word, type, factor) VALUES ('bof', 'hedge', -1)$$,
                 '23514', NULL, 'a negative modifier factor is refused');
SELECT throws_ok($$INSERT INTO diplo.topic_term (term, topic, polarity) VALUES ('armistice', 'cessez-le-feu', 2)$$,
                 '23514', NULL, 'a topic_term polarity of 2 is refused');
SELECT throws_ok($$INSERT INTO diplo.alias (alias, entity) VALUES ('Trumpo', 'Entité Inconnue')$$,
                 '23503', NULL, 'an alias of an unknown entity is refused');

------------------------------------------------------------------------
-- privileges: everyone reads the dictionary and calls the functions,
-- only diplo_admin members change the dictionary
------------------------------------------------------------------------

CREATE ROLE diplo_tap_reader NOLOGIN;
CREATE ROLE diplo_tap_editor NOLOGIN IN ROLE diplo_admin;

SELECT has_role('diplo_admin', 'role diplo_admin exists');
SELECT ok(has_schema_privilege('diplo_tap_reader', 'diplo', 'USAGE'), 'any role may use schema diplo');
SELECT is(ARRAY(SELECT c.relname::text FROM pg_class c
                 WHERE c.relnamespace = 'diplo'::regnamespace AND c.relkind = 'r'
                   AND NOT has_table_privilege('diplo_tap_reader', c.oid, 'SELECT')
                 ORDER BY 1),
          '{}'::text[], 'any role may read every dictionary table');
SELECT is(ARRAY(SELECT c.relname::text FROM pg_class c
                 WHERE c.relnamespace = 'diplo'::regnamespace AND c.relkind = 'r'
                   AND (has_table_privilege('diplo_tap_reader', c.oid, 'INSERT')
                     OR has_table_privilege('diplo_tap_reader', c.oid, 'UPDATE')
                     OR has_table_privilege('diplo_tap_reader', c.oid, 'DELETE')
                     OR has_table_privilege('diplo_tap_reader', c.oid, 'TRUNCATE'))
                 ORDER BY 1),
          '{}'::text[], 'no ordinary role may change a dictionary table, user_edit or builtin_row');
SELECT is(ARRAY(SELECT c.relname::text FROM pg_class c
                 WHERE c.relnamespace = 'diplo'::regnamespace AND c.relname = ANY (diplo.dictionary_tables() || '{user_edit}'::text[])
                   AND NOT (has_table_privilege('diplo_tap_editor', c.oid, 'INSERT')
                        AND has_table_privilege('diplo_tap_editor', c.oid, 'UPDATE')
                        AND has_table_privilege('diplo_tap_editor', c.oid, 'DELETE'))
                 ORDER BY 1),
          '{}'::text[], 'members of diplo_admin may change every dictionary table');
SELECT is(ARRAY(SELECT p.oid::regprocedure::text FROM pg_proc p
                 WHERE p.pronamespace = 'diplo'::regnamespace
                   AND p.prorettype <> 'trigger'::regtype
                   AND p.proname NOT IN ('snapshot_builtin', 'load_user_state', 'citus_sync', 'citus_distribute_dictionary')
                   AND NOT has_function_privilege('diplo_tap_reader', p.oid, 'EXECUTE')
                 ORDER BY 1),
          '{}'::text[], 'any role may call the analysis functions');
SELECT is(ARRAY(SELECT p.oid::regprocedure::text FROM pg_proc p
                 WHERE p.pronamespace = 'diplo'::regnamespace
                   AND (p.prorettype = 'trigger'::regtype
                        OR p.proname IN ('snapshot_builtin', 'load_user_state', 'citus_sync', 'citus_distribute_dictionary'))
                   AND has_function_privilege('diplo_tap_reader', p.oid, 'EXECUTE')
                 ORDER BY 1),
          '{}'::text[], 'the trigger functions, snapshot_builtin(), load_user_state() and the Citus functions are not callable by any role');

-- as an ordinary role
SET LOCAL ROLE diplo_tap_reader;
SELECT is((SELECT entity FROM diplo.entities('Emmanuel Macron a parlé.') LIMIT 1), 'Emmanuel Macron',
          'an ordinary role can tag entities');
SELECT ok((SELECT count(*) FROM diplo.stances('Le Kremlin rejette toute trêve.')) = 1,
          'an ordinary role can score stances');
SELECT throws_ok($$INSERT INTO diplo.alias (alias, entity) VALUES ('Manu', 'Emmanuel Macron')$$,
                 '42501', NULL, 'an ordinary role cannot add an alias');
SELECT throws_ok($$DELETE FROM diplo.user_edit$$, '42501', NULL, 'an ordinary role cannot write diplo.user_edit');
RESET ROLE;

-- as a member of diplo_admin: the change is seen at once, the trigger fires
SET LOCAL ROLE diplo_tap_editor;
SELECT lives_ok($$INSERT INTO diplo.entity (name, kind, actor) VALUES ('Quentin Varlamoff', 'PER', 'FRA')$$,
                'a member of diplo_admin can add an entity');
SELECT is((SELECT entity FROM diplo.entities('Quentin Varlamoff est arrivé.') WHERE method = 'dictionary'),
          'Quentin Varlamoff', 'the entity a diplo_admin member added is seen by the next statement');
SELECT is((SELECT builtin FROM diplo.entity WHERE name = 'Quentin Varlamoff'), false,
          'the row a user adds is not built-in');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
