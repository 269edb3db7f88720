-- dictionary: rows users add to the dictionary tables are seen by the very
-- next statement, rolled-back rows are not, constraints reject bad rows, and
-- an alias shared by two entities is resolved by the documented rule.
\set VERBOSITY terse

CREATE TEMP TABLE baseline AS SELECT * FROM diplo.dictionary_info();

-- the mentions the dictionary gives (the name guesser's are left out)
CREATE FUNCTION pg_temp.dict(doc text)
RETURNS TABLE (surface text, entity text, kind diplo.entity_kind, actor text)
LANGUAGE sql AS $$
  SELECT m.surface, m.entity, m.kind, m.actor
    FROM diplo.entities(doc) m
   WHERE m.method = 'dictionary'
   ORDER BY m.start, m.len
$$;

------------------------------------------------------------------------
-- INSERT, UPDATE and DELETE are seen by the next statement
------------------------------------------------------------------------

SELECT * FROM pg_temp.dict('Le sénateur Quentin Varlamoff a rencontré Emmanuel Macron. Varlamoff est reparti.');

INSERT INTO diplo.entity (name, kind, actor, title) VALUES ('Quentin Varlamoff', 'PER', 'FRA', 'sénateur');
INSERT INTO diplo.alias (alias, entity) VALUES ('Varlamoff', 'Quentin Varlamoff');
SELECT * FROM pg_temp.dict('Le sénateur Quentin Varlamoff a rencontré Emmanuel Macron. Varlamoff est reparti.');
SELECT entities - (SELECT entities FROM baseline) AS added_entities FROM diplo.dictionary_info();

-- user rows are not built-in
SELECT name, builtin FROM diplo.entity WHERE name = 'Quentin Varlamoff';
SELECT alias, entity, builtin FROM diplo.alias WHERE entity = 'Quentin Varlamoff';

-- UPDATE of an entity, of its name (cascading to its aliases) and of an alias
UPDATE diplo.entity SET actor = 'BEL' WHERE name = 'Quentin Varlamoff';
SELECT * FROM pg_temp.dict('Quentin Varlamoff est arrivé.');
UPDATE diplo.entity SET name = 'Quentin Varlamov' WHERE name = 'Quentin Varlamoff';
SELECT alias, entity FROM diplo.alias WHERE entity LIKE 'Quentin Varlamo%';
SELECT * FROM pg_temp.dict('Quentin Varlamov est arrivé. Varlamoff est reparti.');
UPDATE diplo.alias SET alias = 'Varlamov' WHERE entity = 'Quentin Varlamov';
SELECT * FROM pg_temp.dict('Varlamov est arrivé. Varlamoff est reparti.');

-- DELETE of the alias, then of the entity
DELETE FROM diplo.alias WHERE entity = 'Quentin Varlamov';
SELECT * FROM pg_temp.dict('Quentin Varlamov est arrivé. Varlamov est reparti.');
DELETE FROM diplo.entity WHERE name = 'Quentin Varlamov';
SELECT * FROM pg_temp.dict('Quentin Varlamov est arrivé. Varlamov est reparti.');
SELECT entities = (SELECT entities FROM baseline) AS back_to_baseline FROM diplo.dictionary_info();

------------------------------------------------------------------------
-- rolled-back rows are not seen; a rolled-back savepoint is not either
------------------------------------------------------------------------

BEGIN;
INSERT INTO diplo.entity (name, kind, actor) VALUES ('Fondation Ormelune', 'ORG', 'FRA');
SELECT * FROM pg_temp.dict('La Fondation Ormelune soutient Paris.');
ROLLBACK;
SELECT * FROM pg_temp.dict('La Fondation Ormelune soutient Paris.');

BEGIN;
INSERT INTO diplo.entity (name, kind, actor) VALUES ('Fondation Ormelune', 'ORG', 'FRA');
SAVEPOINT before_alias;
INSERT INTO diplo.alias (alias, entity) VALUES ('Ormelune', 'Fondation Ormelune');
SELECT * FROM pg_temp.dict('La Fondation Ormelune et Ormelune.');
ROLLBACK TO SAVEPOINT before_alias;
SELECT * FROM pg_temp.dict('La Fondation Ormelune et Ormelune.');
-- an error inside the transaction does not leave a stale dictionary either
SAVEPOINT before_error;
INSERT INTO diplo.alias (alias, entity) VALUES ('Ormelune', 'Fondation Ormelune'), ('', 'Fondation Ormelune');
ROLLBACK TO SAVEPOINT before_error;
SELECT * FROM pg_temp.dict('La Fondation Ormelune et Ormelune.');
COMMIT;
SELECT * FROM pg_temp.dict('La Fondation Ormelune et Ormelune.');
DELETE FROM diplo.entity WHERE name = 'Fondation Ormelune';
SELECT * FROM pg_temp.dict('La Fondation Ormelune et Ormelune.');

------------------------------------------------------------------------
-- other sessions: a committed change reaches every backend's compiled
-- dictionary; an uncommitted or rolled-back one reaches none
------------------------------------------------------------------------

CREATE EXTENSION IF NOT EXISTS dblink;
SELECT dblink_connect('other', format('dbname=%s host=%s port=%s', current_database(),
                                      split_part(current_setting('unix_socket_directories'), ',', 1),
                                      current_setting('port')));
CREATE FUNCTION pg_temp.other_dict(doc text) RETURNS SETOF text
LANGUAGE sql AS $$
  SELECT x FROM dblink('other', format($q$SELECT string_agg(entity, ', ' ORDER BY start)
                                           FROM diplo.entities(%L) WHERE method = 'dictionary'$q$, doc)) AS t(x text)
$$;
-- the other session compiles its dictionary
SELECT pg_temp.other_dict('Quentin Varlamoff a rencontré Emmanuel Macron.') AS other_before;
-- this session commits an entity: the other sees it at its next statement
INSERT INTO diplo.entity (name, kind, actor) VALUES ('Quentin Varlamoff', 'PER', 'FRA');
SELECT pg_temp.other_dict('Quentin Varlamoff a rencontré Emmanuel Macron.') AS other_after_commit;
-- the other session commits a deletion: this one sees it
SELECT dblink_exec('other', $$DELETE FROM diplo.entity WHERE name = 'Quentin Varlamoff'$$);
SELECT * FROM pg_temp.dict('Quentin Varlamoff a rencontré Emmanuel Macron.');
-- an open transaction of this session is not seen by the other, its commit is
BEGIN;
INSERT INTO diplo.entity (name, kind, actor) VALUES ('Quentin Varlamoff', 'PER', 'FRA');
SELECT pg_temp.other_dict('Quentin Varlamoff a rencontré Emmanuel Macron.') AS other_during_transaction;
COMMIT;
SELECT pg_temp.other_dict('Quentin Varlamoff a rencontré Emmanuel Macron.') AS other_after_commit;
-- a change the other session rolls back is never seen here
SELECT dblink_exec('other', 'BEGIN');
SELECT dblink_exec('other', $$DELETE FROM diplo.entity WHERE name = 'Quentin Varlamoff'$$);
SELECT * FROM pg_temp.dict('Quentin Varlamoff a rencontré Emmanuel Macron.');
SELECT dblink_exec('other', 'ROLLBACK');
SELECT * FROM pg_temp.dict('Quentin Varlamoff a rencontré Emmanuel Macron.');
SELECT pg_temp.other_dict('Quentin Varlamoff a rencontré Emmanuel Macron.') AS other_after_rollback;
DELETE FROM diplo.entity WHERE name = 'Quentin Varlamoff';
SELECT pg_temp.other_dict('Quentin Varlamoff a rencontré Emmanuel Macron.') AS other_after_delete;
SELECT dblink_disconnect('other');
DROP EXTENSION dblink;

------------------------------------------------------------------------
-- the other dictionary tables are seen as well
------------------------------------------------------------------------

BEGIN;
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Le grand chambellan zorbécien Kazimir Wolanczyk a parlé.') ORDER BY start;
INSERT INTO diplo.role (title, class) VALUES ('grand chambellan', 'official');
INSERT INTO diplo.demonym (form, actor) VALUES ('zorbécien', 'FRA');
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Le grand chambellan zorbécien Kazimir Wolanczyk a parlé.') ORDER BY start;
ROLLBACK;

BEGIN;
SELECT holder, target, score FROM diplo.stances('Emmanuel Macron adoube le cessez-le-feu.') ORDER BY start;
INSERT INTO diplo.cue (lemma, pos, polarity, weight, frame) VALUES ('adouber', 'verb', 1, 0.8, 'support');
SELECT holder, target, score, cue FROM diplo.stances('Emmanuel Macron adoube le cessez-le-feu.') ORDER BY start;
SELECT holder, target, score, cue FROM diplo.stances('Emmanuel Macron a adoubé le moratoire.') ORDER BY start;
INSERT INTO diplo.topic_term (term, topic) VALUES ('moratoire', 'cessez-le-feu');
SELECT holder, target, score, cue FROM diplo.stances('Emmanuel Macron a adoubé le moratoire.') ORDER BY start;
INSERT INTO diplo.modifier (word, type, factor) VALUES ('mollement', 'hedge', 0.5);
SELECT holder, target, score, hedged FROM diplo.stances('Emmanuel Macron a mollement adoubé le moratoire.') ORDER BY start;
SELECT lemma, builtin FROM diplo.cue WHERE lemma = 'adouber';
-- a short form: "la pause" after "pause tactique", only once marked
INSERT INTO diplo.topic_term (term, topic) VALUES ('pause tactique', 'cessez-le-feu');
SELECT holder, target, score, cue FROM diplo.stances('Une pause tactique est proposée. Emmanuel Macron adoube la pause.') ORDER BY start;
UPDATE diplo.topic_term SET short_form = true WHERE term = 'pause tactique';
SELECT holder, target, score, cue FROM diplo.stances('Une pause tactique est proposée. Emmanuel Macron adoube la pause.') ORDER BY start;
SELECT holder, target, score, cue FROM diplo.stances('Emmanuel Macron adoube la pause.') ORDER BY start;
ROLLBACK;
SELECT holder, target, score FROM diplo.stances('Emmanuel Macron a adoubé le cessez-le-feu.') ORDER BY start;

------------------------------------------------------------------------
-- constraints
------------------------------------------------------------------------

-- kind must be one of the enum
INSERT INTO diplo.entity (name, kind) VALUES ('Entité Test', 'PERSON');
-- actor must be an ISO alpha-3 code of diplo.country
INSERT INTO diplo.entity (name, kind, actor) VALUES ('Entité Test', 'PER', 'XX');
INSERT INTO diplo.entity (name, kind, actor) VALUES ('Entité Test', 'PER', 'xxx');
INSERT INTO diplo.entity (name, kind, actor) VALUES ('Entité Test', 'PER', 'ZZZ');
INSERT INTO diplo.country (code, name) VALUES ('FR', 'France bis');
-- names and aliases must hold a letter or digit, and at most 200 characters
INSERT INTO diplo.entity (name, kind) VALUES ('', 'PER');
INSERT INTO diplo.entity (name, kind) VALUES (repeat('N', 201), 'PER');
INSERT INTO diplo.alias (alias, entity) VALUES ('', 'Donald Trump');
INSERT INTO diplo.alias (alias, entity) VALUES ('   ', 'Donald Trump');
INSERT INTO diplo.alias (alias, entity) VALUES (E' \t\n ', 'Donald Trump');
INSERT INTO diplo.alias (alias, entity) VALUES (' - . ', 'Donald Trump');
INSERT INTO diplo.alias (alias, entity) VALUES (repeat('a', 10000), 'Donald Trump');
-- an alias of an entity that does not exist
INSERT INTO diplo.alias (alias, entity) VALUES ('Trumpo', 'Entité Inconnue');
-- cue weight in (0, 1], polarity -1 or 1
INSERT INTO diplo.cue (lemma, pos, polarity, weight, frame) VALUES ('bénir', 'verb', 1, 0, 'support');
INSERT INTO diplo.cue (lemma, pos, polarity, weight, frame) VALUES ('bénir', 'verb', 1, 1.5, 'support');
INSERT INTO diplo.cue (lemma, pos, polarity, weight, frame) VALUES ('bénir', 'verb', 0, 0.5, 'support');
INSERT INTO diplo.cue (lemma, pos, polarity, weight, frame) VALUES ('bénir', 'verbe', 1, 0.5, 'support');
-- modifier factor in (0, 4]
INSERT INTO diplo.modifier (word, type, factor) VALUES ('bof', 'hedge', -1);
INSERT INTO diplo.modifier (word, type, factor) VALUES ('bof', 'hedge', 0);
-- topic_term polarity -1 or 1, topic must exist
INSERT INTO diplo.topic_term (term, topic, polarity) VALUES ('armistice', 'cessez-le-feu', 2);
INSERT INTO diplo.topic_term (term, topic, polarity) VALUES ('armistice', 'guerre', 1);
-- demonyms and roles are lower case
INSERT INTO diplo.demonym (form, actor) VALUES ('Zorbécien', 'FRA');
INSERT INTO diplo.role (title, class) VALUES ('Chambellan', 'official');
INSERT INTO diplo.role (title, class) VALUES ('chambellan', 'courtisan');
-- none of the rejected rows is there
SELECT (SELECT count(*) FROM diplo.entity WHERE NOT builtin) AS user_entities,
       (SELECT count(*) FROM diplo.alias WHERE NOT builtin) AS user_aliases,
       (SELECT count(*) FROM diplo.cue WHERE NOT builtin) AS user_cues,
       (SELECT count(*) FROM diplo.modifier WHERE NOT builtin) AS user_modifiers,
       (SELECT count(*) FROM diplo.topic_term WHERE NOT builtin) AS user_topic_terms;

------------------------------------------------------------------------
-- an alias written in NFD matches NFC text (and the other way round)
------------------------------------------------------------------------

INSERT INTO diplo.entity (name, kind, actor) VALUES (normalize('Hélène Quérard', NFD), 'PER', 'FRA');
INSERT INTO diplo.alias (alias, entity) VALUES (normalize('Quérard', NFD), normalize('Hélène Quérard', NFD));
SELECT length(name) AS nfd_length FROM diplo.entity WHERE NOT builtin;
SELECT surface, normalize(entity, NFC) AS entity, kind, actor
  FROM pg_temp.dict('Hélène Quérard a parlé. Quérard est repartie.');
SELECT normalize(surface, NFC) AS surface, normalize(entity, NFC) AS entity, kind, actor
  FROM pg_temp.dict(normalize('Hélène Quérard a parlé. Quérard est repartie.', NFD));
DELETE FROM diplo.entity WHERE NOT builtin;

------------------------------------------------------------------------
-- an alias shared by two entities: the entity mentioned most often before,
-- then the kind the context calls for (a title or M./Mme: PER; à, en,
-- vers, dans: GPE or LOC), then the higher prior, then the alphabetically
-- first canonical name.  Table order never decides.
------------------------------------------------------------------------

INSERT INTO diplo.entity (name, kind, actor) VALUES ('Jean Zorbec', 'PER', 'FRA'), ('Zorbec-les-Bains', 'GPE', 'FRA');
INSERT INTO diplo.alias (alias, entity) VALUES ('Zorbec', 'Zorbec-les-Bains'), ('Zorbec', 'Jean Zorbec');
SELECT * FROM pg_temp.dict('Zorbec a parlé hier.');
SELECT * FROM pg_temp.dict('M. Zorbec a parlé hier.');
SELECT * FROM pg_temp.dict('Le ministre Zorbec a parlé hier.');
SELECT * FROM pg_temp.dict('Il est allé à Zorbec hier.');
SELECT * FROM pg_temp.dict('Zorbec-les-Bains est calme. Zorbec a parlé hier.');
SELECT * FROM pg_temp.dict('Jean Zorbec est arrivé. Il est allé à Zorbec hier.');
-- the higher prior wins when nothing else decides
UPDATE diplo.entity SET prior = 5 WHERE name = 'Zorbec-les-Bains';
SELECT * FROM pg_temp.dict('Zorbec a parlé hier.');
SELECT * FROM pg_temp.dict('M. Zorbec a parlé hier.');
DELETE FROM diplo.entity WHERE name IN ('Jean Zorbec', 'Zorbec-les-Bains');

-- same kind, same prior: the alphabetically first name, whatever the insert order
INSERT INTO diplo.entity (name, kind, actor) VALUES ('Bruno Brévannec', 'PER', 'FRA');
INSERT INTO diplo.entity (name, kind, actor) VALUES ('Anne Brévannec', 'PER', 'BEL');
INSERT INTO diplo.alias (alias, entity) VALUES ('Brévannec', 'Bruno Brévannec');
INSERT INTO diplo.alias (alias, entity) VALUES ('Brévannec', 'Anne Brévannec');
SELECT * FROM pg_temp.dict('Brévannec a parlé hier.');
DELETE FROM diplo.entity WHERE name IN ('Anne Brévannec', 'Bruno Brévannec');
INSERT INTO diplo.entity (name, kind, actor) VALUES ('Anne Brévannec', 'PER', 'BEL');
INSERT INTO diplo.entity (name, kind, actor) VALUES ('Bruno Brévannec', 'PER', 'FRA');
INSERT INTO diplo.alias (alias, entity) VALUES ('Brévannec', 'Anne Brévannec');
INSERT INTO diplo.alias (alias, entity) VALUES ('Brévannec', 'Bruno Brévannec');
SELECT * FROM pg_temp.dict('Brévannec a parlé hier.');
-- the entity mentioned before wins over the alphabetical order
SELECT * FROM pg_temp.dict('Bruno Brévannec est arrivé. Brévannec a parlé hier.');
DELETE FROM diplo.entity WHERE name IN ('Anne Brévannec', 'Bruno Brévannec');

------------------------------------------------------------------------
-- 100 000 aliases sharing a prefix, inserted in one statement
------------------------------------------------------------------------

CREATE TEMP TABLE timing (step text, seconds float8);
INSERT INTO diplo.entity (name, kind) VALUES ('Fondation Quartz', 'ORG');
DO $$
DECLARE t0 timestamptz := clock_timestamp();
BEGIN
  INSERT INTO diplo.alias (alias, entity)
  SELECT 'Fondation Quartz ' || g, 'Fondation Quartz' FROM generate_series(1, 100000) g;
  INSERT INTO timing VALUES ('insert', extract(epoch FROM clock_timestamp() - t0));
  t0 := clock_timestamp();
  PERFORM * FROM diplo.entities('Rebuild.');
  INSERT INTO timing VALUES ('first query', extract(epoch FROM clock_timestamp() - t0));
END
$$;
SELECT count(*) AS prefixed_aliases FROM diplo.alias WHERE entity = 'Fondation Quartz';
SELECT * FROM pg_temp.dict('La Fondation Quartz 77777 a écrit à Vladimir Poutine ; la Fondation Quartz 100000 aussi, puis la Fondation Quartz 100001 et la Fondation Quartz.');
SELECT * FROM pg_temp.dict('Emmanuel Macron a reçu Volodymyr Zelensky à Paris.');
SELECT entities - (SELECT entities FROM baseline) AS added_entities FROM diplo.dictionary_info();
-- reasonable time: seconds, not minutes
SELECT step, seconds < 30 AS reasonable FROM timing ORDER BY step;
DELETE FROM diplo.alias WHERE entity = 'Fondation Quartz';
DELETE FROM diplo.entity WHERE name = 'Fondation Quartz';
SELECT * FROM pg_temp.dict('La Fondation Quartz 77777 a écrit à Vladimir Poutine.');

------------------------------------------------------------------------
-- long values in result rows: a text over 126 bytes takes a 4-byte,
-- aligned header in the row, a NULL column the null bitmap
------------------------------------------------------------------------

INSERT INTO diplo.entity (name, kind)
  VALUES ('Organisation ' || repeat('Zébulon ', 20) || 'Internationale', 'ORG');
INSERT INTO diplo.alias (alias, entity)
  VALUES (repeat('Zébulon ', 18) || 'Unie', 'Organisation ' || repeat('Zébulon ', 20) || 'Internationale');
CREATE TEMP TABLE longdoc AS
  SELECT 'Hier, l''' || repeat('Zébulon ', 18) || 'Unie a écrit à Vladimir Poutine. L''' ||
         repeat('Zébulon ', 18) || 'Unie soutient le cessez-le-feu.' AS doc;
SELECT length(e.surface) AS surface_chars, octet_length(e.surface) AS surface_bytes,
       e.surface = substr(l.doc, e.start, e.len) AS exact, length(e.entity) AS entity_chars,
       e.kind, e.actor, e.start, e.len, e.sentence, e.method, e.confidence
  FROM longdoc l, diplo.entities(l.doc) e ORDER BY e.start;
SELECT length(s.holder) AS holder_chars, s.holder_actor, s.target, s.target_actor, s.score > 0 AS supports,
       s.cue, s.sentence, s.evidence = substr(l.doc, s.start, s.len) AS exact,
       s.negated, s.hedged, s.reported
  FROM longdoc l, diplo.stances(l.doc) s;
DELETE FROM diplo.alias WHERE entity LIKE 'Organisation Zébulon%';
DELETE FROM diplo.entity WHERE name LIKE 'Organisation Zébulon%';

-- the dictionary is back to the built-in one
SELECT i.entities = b.entities AS entities, i.countries = b.countries AS countries,
       i.cues = b.cues AS cues, i.topics = b.topics AS topics
  FROM diplo.dictionary_info() i, baseline b;
SELECT (SELECT count(*) FROM diplo.entity WHERE NOT builtin) + (SELECT count(*) FROM diplo.alias WHERE NOT builtin) AS user_rows_left;

------------------------------------------------------------------------
-- the dictionary tables are read by heap scans where a scan gives what the
-- queries give, and by the queries otherwise: row-level security and
-- column privileges go through the queries, a missing privilege fails as
-- the query fails
------------------------------------------------------------------------

CREATE ROLE diplo_regress_reader;
CREATE TEMP TABLE scandoc AS
  SELECT 'Moscou a rejeté mardi la proposition de cessez-le-feu. Le négociateur ukrainien '
         'Mykola Bondarenko doit rencontrer Steve Witkoff à Riyad ; Bondarenko a salué un dialogue '
         '« constructif ». Le président français Emmanuel Macron soutient les sanctions contre la Russie, '
         'que Viktor Orban critique. « Nous remercions Washington », a déclaré Volodymyr Zelensky à Kiev.'::text AS doc;
GRANT SELECT ON scandoc TO diplo_regress_reader;
SELECT md5(string_agg(row(e.*)::text, '|' ORDER BY e.start)) AS scan_entities
  FROM scandoc, diplo.entities(doc) e \gset
SELECT md5(string_agg(row(s.*)::text, '|' ORDER BY s.start, s.target)) AS scan_stances
  FROM scandoc, diplo.stances(doc) s \gset
SELECT count(*) AS mentions FROM scandoc, diplo.entities(doc);
SELECT count(*) AS stances FROM scandoc, diplo.stances(doc);

-- every table under row-level security, with a policy that shows every row
CREATE FUNCTION pg_temp.regress_rls(enable boolean) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['country', 'entity', 'alias', 'demonym', 'role', 'name_head', 'name_cue',
                           'particle', 'name_hint', 'topic', 'topic_term', 'cue', 'modifier', 'furniture'] LOOP
    IF enable THEN
      EXECUTE format('ALTER TABLE diplo.%I ENABLE ROW LEVEL SECURITY', t);
      EXECUTE format('CREATE POLICY regress_all ON diplo.%I FOR SELECT USING (true)', t);
    ELSE
      EXECUTE format('DROP POLICY regress_all ON diplo.%I', t);
      EXECUTE format('ALTER TABLE diplo.%I DISABLE ROW LEVEL SECURITY', t);
    END IF;
  END LOOP;
END
$$;
SELECT pg_temp.regress_rls(true);
SET ROLE diplo_regress_reader;
SELECT md5(string_agg(row(e.*)::text, '|' ORDER BY e.start)) = :'scan_entities' AS same_entities
  FROM scandoc, diplo.entities(doc) e;
SELECT md5(string_agg(row(s.*)::text, '|' ORDER BY s.start, s.target)) = :'scan_stances' AS same_stances
  FROM scandoc, diplo.stances(doc) s;
RESET ROLE;
-- a policy that hides every alias: the reader's dictionary has none, the
-- owner's (who bypasses row-level security) has them all
ALTER POLICY regress_all ON diplo.alias USING (false);
SET ROLE diplo_regress_reader;
SELECT surface, entity, method FROM diplo.entities('Poutine a appelé Zelensky.') ORDER BY start;
RESET ROLE;
SELECT surface, entity, method FROM diplo.entities('Poutine a appelé Zelensky.') ORDER BY start;
SELECT pg_temp.regress_rls(false);

-- no SELECT on a table: the load fails with the query's error
REVOKE SELECT ON diplo.name_hint FROM PUBLIC;
SET ROLE diplo_regress_reader;
SELECT count(*) FROM diplo.entities('Paris.');
RESET ROLE;
-- SELECT on the columns it reads is enough
GRANT SELECT (word, hint) ON diplo.name_hint TO diplo_regress_reader;
SET ROLE diplo_regress_reader;
SELECT md5(string_agg(row(e.*)::text, '|' ORDER BY e.start)) = :'scan_entities' AS same_entities
  FROM scandoc, diplo.entities(doc) e;
RESET ROLE;
REVOKE SELECT (word, hint) ON diplo.name_hint FROM diplo_regress_reader;
GRANT SELECT ON diplo.name_hint TO PUBLIC;
DROP TABLE scandoc;
DROP ROLE diplo_regress_reader;
SELECT md5(string_agg(row(e.*)::text, '|' ORDER BY e.start)) = :'scan_entities' AS same_entities_again
  FROM (SELECT 'Moscou a rejeté mardi la proposition de cessez-le-feu. Le négociateur ukrainien '
         'Mykola Bondarenko doit rencontrer Steve Witkoff à Riyad ; Bondarenko a salué un dialogue '
         '« constructif ». Le président français Emmanuel Macron soutient les sanctions contre la Russie, '
         'que Viktor Orban critique. « Nous remercions Washington », a déclaré Volodymyr Zelensky à Kiev.'::text AS doc) d,
       diplo.entities(d.doc) e;
