-- setup: the extension is installed (pg_regress --load-extension=diplo),
-- its objects exist, the built-in dictionary is loaded and flagged builtin.

SELECT extname, extversion, extnamespace::regnamespace AS schema, extrelocatable
  FROM pg_extension WHERE extname = 'diplo';

-- every object of the extension, by kind
SELECT classid::regclass AS catalog, count(*) AS objects
  FROM pg_depend
 WHERE refclassid = 'pg_extension'::regclass
   AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'diplo')
   AND deptype = 'e'
 GROUP BY classid ORDER BY classid::regclass::text COLLATE "C";

-- types
SELECT t.typname, t.typtype
  FROM pg_type t
 WHERE t.typnamespace = 'diplo'::regnamespace
   AND t.typname NOT LIKE '\_%'
   AND t.typrelid NOT IN (SELECT oid FROM pg_class WHERE relkind = 'r')
 ORDER BY t.typname COLLATE "C";

-- the labels of the kind enum, in order
SELECT enumsortorder, enumlabel
  FROM pg_enum WHERE enumtypid = 'diplo.entity_kind'::regtype ORDER BY 1;

-- tables
SELECT c.relname
  FROM pg_class c
 WHERE c.relnamespace = 'diplo'::regnamespace AND c.relkind = 'r'
 ORDER BY c.relname COLLATE "C";

-- functions and the aggregate
SELECT p.oid::regprocedure AS function, p.prokind
  FROM pg_proc p
 WHERE p.pronamespace = 'diplo'::regnamespace
 ORDER BY p.oid::regprocedure::text COLLATE "C";

-- the compiled dictionary is loaded and is the size of the tables
SELECT entities > 1000 AS many_entities,
       countries >= 249 AS all_countries,
       cues > 100 AS many_cues,
       topics = 8 AS eight_topics,
       bytes > 0 AS has_memory
  FROM diplo.dictionary_info();
SELECT i.entities = (SELECT count(*) FROM diplo.entity) AS entities_match,
       i.countries = (SELECT count(*) FROM diplo.country) AS countries_match,
       i.cues = (SELECT count(*) FROM diplo.cue) AS cues_match,
       i.topics = (SELECT count(*) FROM diplo.topic) AS topics_match
  FROM diplo.dictionary_info() AS i;

-- the eight topics of the annotation guide
SELECT topic FROM diplo.topic ORDER BY topic COLLATE "C";

-- a fresh install holds built-in rows only, and some in every table
SELECT * FROM (
SELECT 'country' AS tbl, count(*) > 0 AS has_rows, bool_and(builtin) AS all_builtin FROM diplo.country
UNION ALL SELECT 'entity', count(*) > 0, bool_and(builtin) FROM diplo.entity
UNION ALL SELECT 'alias', count(*) > 0, bool_and(builtin) FROM diplo.alias
UNION ALL SELECT 'demonym', count(*) > 0, bool_and(builtin) FROM diplo.demonym
UNION ALL SELECT 'role', count(*) > 0, bool_and(builtin) FROM diplo.role
UNION ALL SELECT 'name_head', count(*) > 0, bool_and(builtin) FROM diplo.name_head
UNION ALL SELECT 'name_cue', count(*) > 0, bool_and(builtin) FROM diplo.name_cue
UNION ALL SELECT 'furniture', count(*) > 0, bool_and(builtin) FROM diplo.furniture
UNION ALL SELECT 'particle', count(*) > 0, bool_and(builtin) FROM diplo.particle
UNION ALL SELECT 'name_hint', count(*) > 0, bool_and(builtin) FROM diplo.name_hint
UNION ALL SELECT 'topic', count(*) > 0, bool_and(builtin) FROM diplo.topic
UNION ALL SELECT 'topic_term', count(*) > 0, bool_and(builtin) FROM diplo.topic_term
UNION ALL SELECT 'cue', count(*) > 0, bool_and(builtin) FROM diplo.cue
UNION ALL SELECT 'modifier', count(*) > 0, bool_and(builtin) FROM diplo.modifier
) AS per_table ORDER BY tbl COLLATE "C";

-- a few rows the annotation guide relies on
SELECT name, kind, actor, builtin FROM diplo.entity
 WHERE name IN ('Vladimir Poutine', 'Donald Trump', 'Kremlin', 'Maison Blanche', 'OTAN', 'Moscou', 'Kiev', 'Ukraine')
 ORDER BY name COLLATE "C";
SELECT alias, entity, builtin FROM diplo.alias
 WHERE alias IN ('Poutine', 'Maison-Blanche', 'Kyiv')
 ORDER BY alias COLLATE "C", entity COLLATE "C";
SELECT code, name, builtin FROM diplo.country WHERE code IN ('FRA', 'RUS', 'UKR', 'USA') ORDER BY code;

-- pg_dump keeps the user rows only
SELECT c.relname, x.cond
  FROM pg_extension e,
       unnest(e.extconfig, e.extcondition) AS x(cfg, cond)
  JOIN pg_class c ON c.oid = x.cfg
 WHERE e.extname = 'diplo'
 ORDER BY c.relname COLLATE "C";

-- the cache-invalidation trigger is on every dictionary table
SELECT c.relname, t.tgname, t.tgfoid::regproc AS function
  FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
 WHERE c.relnamespace = 'diplo'::regnamespace AND NOT t.tgisinternal
 ORDER BY c.relname COLLATE "C", t.tgname COLLATE "C";
