-- diplo 0.1 -> 0.2.
-- The build makes two scripts of this file (see the Makefile): the update
-- script, where the @@BUILTIN_DATA@@ line becomes "replace the built-in rows
-- of the installed version by this build's", and the second half of the 0.2
-- install script, where it becomes this build's built-in rows.  Every
-- reference is schema-qualified so that no search_path can capture it.

\echo Use "ALTER EXTENSION diplo UPDATE TO '0.2'" to load this file. \quit

------------------------------------------------------------------------
-- Stance rows: a key, the kinds of holder and target, the cue's offsets
------------------------------------------------------------------------

ALTER TYPE diplo.stance
  ADD ATTRIBUTE stance_no integer,
  ADD ATTRIBUTE holder_kind text,
  ADD ATTRIBUTE target_kind text,
  ADD ATTRIBUTE cue_start integer,
  ADD ATTRIBUTE cue_len integer;
COMMENT ON TYPE diplo.stance IS
  'a stance: holder and target with their actors and kinds, score in [-1,1] (sign = polarity, magnitude = strength), the cue words and their offsets, the evidence span, whether it was negated, hedged or reported; (document key, stance_no) is a key of stance rows';
COMMENT ON COLUMN diplo.stance.holder IS 'canonical name of the entity that holds the stance';
COMMENT ON COLUMN diplo.stance.holder_actor IS 'ISO 3166-1 alpha-3 code of the state the holder speaks for, NULL if none (international bodies, persons of unknown state)';
COMMENT ON COLUMN diplo.stance.target IS 'canonical name of the target entity, or the key of a topic of diplo.topic (see target_kind)';
COMMENT ON COLUMN diplo.stance.target_actor IS 'ISO 3166-1 alpha-3 code of the state the target entity stands for, NULL for a topic or an entity without state';
COMMENT ON COLUMN diplo.stance.score IS 'in [-1,1]: the sign is the polarity (for or against), the magnitude the strength';
COMMENT ON COLUMN diplo.stance.cue IS 'the words that carry the stance, as in the document (substr(doc, cue_start, cue_len))';
COMMENT ON COLUMN diplo.stance.sentence IS 'number of the sentence (1-based, as in diplo.sentences())';
COMMENT ON COLUMN diplo.stance.start IS 'substr() start of the evidence span in the document';
COMMENT ON COLUMN diplo.stance.len IS 'substr() length of the evidence span';
COMMENT ON COLUMN diplo.stance.negated IS 'the cue is negated (ne ... pas, refuser de, non pas X mais Y)';
COMMENT ON COLUMN diplo.stance.hedged IS 'the stance is hedged (pourrait, semble, selon des sources)';
COMMENT ON COLUMN diplo.stance.reported IS 'the stance is reported speech or attributed by the writer, not stated by the holder in its own words';
COMMENT ON COLUMN diplo.stance.evidence IS 'the evidence span: from the holder (or the cue) to the end of the target';
COMMENT ON COLUMN diplo.stance.stance_no IS 'number of the stance in its document (1, 2, ... in text order): with the document''s key, a key of stance rows';
COMMENT ON COLUMN diplo.stance.holder_kind IS 'entity kind of the holder: PER, GPE, ORG, LOC, EVENT or PRODUCT';
COMMENT ON COLUMN diplo.stance.target_kind IS 'topic when the target is a topic key, else the entity kind of the target';
COMMENT ON COLUMN diplo.stance.cue_start IS 'substr() start of the cue words in the document';
COMMENT ON COLUMN diplo.stance.cue_len IS 'substr() length of the cue words';

------------------------------------------------------------------------
-- Columns of the other types and of the dictionary tables
------------------------------------------------------------------------

COMMENT ON COLUMN diplo.token.position IS '1-based position of the token in the document';
COMMENT ON COLUMN diplo.token.token IS 'the token as in the document';
COMMENT ON COLUMN diplo.token.norm IS 'the token after diplo.normalize()';
COMMENT ON COLUMN diplo.token.start IS 'substr() start of the token in the document';
COMMENT ON COLUMN diplo.token.len IS 'substr() length of the token';
COMMENT ON COLUMN diplo.token.sentence IS 'number of its sentence';
COMMENT ON COLUMN diplo.token.class IS 'word, elision, clitic, acronym, abbreviation, initials, number, ordinal, percent, punct, quote, url, email, handle, hashtag or symbol';
COMMENT ON COLUMN diplo.sentence.number IS '1-based number of the sentence';
COMMENT ON COLUMN diplo.sentence.start IS 'substr() start of the sentence in the document';
COMMENT ON COLUMN diplo.sentence.len IS 'substr() length of the sentence';
COMMENT ON COLUMN diplo.sentence.text IS 'the sentence';
COMMENT ON COLUMN diplo.mention.surface IS 'the words of the mention as in the document';
COMMENT ON COLUMN diplo.mention.entity IS 'canonical entity name (diplo.entity.name, or the mention''s own name when it is in no entity row)';
COMMENT ON COLUMN diplo.mention.kind IS 'PER, GPE, ORG, LOC, EVENT or PRODUCT';
COMMENT ON COLUMN diplo.mention.actor IS 'ISO 3166-1 alpha-3 code of the state the entity acts for, NULL if none';
COMMENT ON COLUMN diplo.mention.start IS 'substr() start of the mention in the document';
COMMENT ON COLUMN diplo.mention.len IS 'substr() length of the mention';
COMMENT ON COLUMN diplo.mention.sentence IS 'number of the sentence (1-based, as in diplo.sentences())';
COMMENT ON COLUMN diplo.mention.method IS 'how it was found: dictionary (a name or alias of diplo.entity/diplo.alias), title (an unknown name after a role title), noun (after a noun giving its kind), name (the shape of an unknown name), acronym (an unknown acronym), linked (a short form of a name met earlier)';
COMMENT ON COLUMN diplo.mention.confidence IS 'in [0,1]: how sure the tagger is of the mention (0.85 to 0.95 for dictionary names, 0.4 to 0.85 for names found by their shape or context)';

COMMENT ON COLUMN diplo.country.code IS 'ISO 3166-1 alpha-3 code: the value of every actor column';
COMMENT ON COLUMN diplo.country.name IS 'usual French short name (Russie), the canonical GPE entity of the state';
COMMENT ON COLUMN diplo.entity.name IS 'canonical name, the value of entities().entity and of stance holders and targets';
COMMENT ON COLUMN diplo.entity.kind IS 'PER, GPE, ORG, LOC, EVENT or PRODUCT';
COMMENT ON COLUMN diplo.entity.actor IS 'ISO 3166-1 alpha-3 code of the state the entity acts for (a minister''s state, a capital''s state), NULL for none';
COMMENT ON COLUMN diplo.entity.title IS 'usual role title (président, ministre des affaires étrangères), used to resolve "le président américain"; for a GPE, capitale marks a seat of government';
COMMENT ON COLUMN diplo.entity.wikidata IS 'Wikidata id (Q...)';
COMMENT ON COLUMN diplo.entity.prior IS 'weight among entities sharing an alias: the highest wins';
COMMENT ON COLUMN diplo.alias.alias IS 'another surface form of the entity (Poutine, le Kremlin)';
COMMENT ON COLUMN diplo.alias.entity IS 'the entity''s canonical name';
COMMENT ON COLUMN diplo.demonym.form IS 'an inflected nationality adjective or noun, lower case (ukrainiennes)';
COMMENT ON COLUMN diplo.demonym.actor IS 'ISO 3166-1 alpha-3 code of the state it denotes';
COMMENT ON COLUMN diplo.role.title IS 'a role title, lower case (ministre des affaires étrangères)';
COMMENT ON COLUMN diplo.role.class IS 'head (of state or government), minister, envoy, spokesperson, official, military or other';
COMMENT ON TABLE diplo.name_head IS 'words that give the kind of an unknown name they start: capitalised (Conférence EVENT, Banque ORG, Golfe LOC) or, written in lower case, a lower-case head that starts a name with the proper name after it (université de Kyoto ORG, prix Goncourt EVENT)';
COMMENT ON COLUMN diplo.name_head.word IS 'first word of a name: capitalised, or lower case for a head written in lower case (université, comité, prix)';
COMMENT ON COLUMN diplo.name_head.kind IS 'kind of the unknown names it starts';
COMMENT ON COLUMN diplo.name_cue.cue IS 'common noun, lower case, that announces a name (la société, la ville de)';
COMMENT ON COLUMN diplo.name_cue.kind IS 'kind of the name it announces';
COMMENT ON COLUMN diplo.furniture.opener IS 'opening words, lower case, of a line of page furniture (partager sur)';
COMMENT ON COLUMN diplo.particle.word IS 'a particle allowed inside a name (de, von, ben)';
COMMENT ON COLUMN diplo.name_hint.word IS 'a first name, surname or place name';
COMMENT ON COLUMN diplo.name_hint.hint IS 'first, surname or place';
COMMENT ON COLUMN diplo.topic.topic IS 'topic key, the value of stance targets of target_kind topic (cessez-le-feu)';
COMMENT ON COLUMN diplo.topic.label IS 'display label';
COMMENT ON COLUMN diplo.topic.description IS 'what the topic covers';
COMMENT ON COLUMN diplo.topic_term.term IS 'word or pattern that evokes the topic; * is a gap of up to 4 words';
COMMENT ON COLUMN diplo.topic_term.topic IS 'the topic key';
COMMENT ON COLUMN diplo.topic_term.polarity IS '1, or -1 when being for the term means being against the topic';
COMMENT ON COLUMN diplo.cue.lemma IS 'the cue''s lemma (rejeter, saluer, ligne rouge); every inflected form matches';
COMMENT ON COLUMN diplo.cue.pos IS 'verb, noun, adj, adv or expr (a fixed expression)';
COMMENT ON COLUMN diplo.cue.polarity IS '1 for, -1 against';
COMMENT ON COLUMN diplo.cue.weight IS 'strength in (0,1]: the score of a plain, unhedged use';
COMMENT ON COLUMN diplo.cue.frame IS 'what the cue does: accept, reject, support, oppose, demand, propose, praise, thank, accuse, condemn, threaten, distrust, welcome, hope, criticize, evaluate, commit, seek';
COMMENT ON COLUMN diplo.modifier.word IS 'the word or words';
ALTER TABLE diplo.modifier DROP CONSTRAINT modifier_type_check;
ALTER TABLE diplo.modifier ADD CONSTRAINT modifier_type_check
  CHECK (type IN ('negation', 'hedge', 'intensifier', 'contrast', 'reporting', 'pronoun', 'collective', 'leader',
                  'demonstrative', 'circumstance', 'author', 'patient', 'sense', 'receive'));
COMMENT ON COLUMN diplo.modifier.type IS 'negation, hedge, intensifier, contrast, reporting, pronoun, collective, leader, demonstrative, circumstance, author, patient, sense (a form spelt with a cue''s stem that is another word: no cue) or receive (a verb whose object noun cue is held by its de-complement and aimed at the verb''s subject: reçoit le soutien de X)';
COMMENT ON COLUMN diplo.modifier.factor IS 'multiplier of the score for hedges and intensifiers, 1 for the others';

------------------------------------------------------------------------
-- Edits of built-in rows survive pg_dump, and can be undone.
--
-- pg_dump keeps the rows users add (NOT builtin).  An UPDATE or DELETE of a
-- built-in row is recorded in diplo.user_edit, which pg_dump keeps whole;
-- when pg_restore loads it, after CREATE EXTENSION has put back the
-- built-in rows, each recorded edit is applied again.  diplo.builtin_row
-- holds the rows as this version installed them, for
-- diplo.restore_builtin().
------------------------------------------------------------------------

------------------------------------------------------------------------
-- International bodies: the unit roll-ups count beside states
------------------------------------------------------------------------

-- A name, not a foreign key: a self-reference would make pg_dump warn of
-- circular foreign keys on every dump.
ALTER TABLE diplo.entity ADD COLUMN body text CHECK (body ~ '[^[:space:][:punct:]]' AND length(body) <= 200);
COMMENT ON COLUMN diplo.entity.body IS
  'for an intergovernmental body, its organs and officials: the name of the body it belongs to or speaks for (Kaja Kallas: Union européenne; OTAN: OTAN); NULL for the rest';

CREATE FUNCTION diplo.party(entity text) RETURNS text
  LANGUAGE sql STABLE STRICT PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
  AS $$ SELECT coalesce(e.actor, e.body) FROM diplo.entity e WHERE e.name = party.entity $$;
COMMENT ON FUNCTION diplo.party(text) IS
  'what an entity counts for in a roll-up: its state (actor, ISO 3166-1 alpha-3) or else its international body (diplo.entity.body: Union européenne, OTAN, ONU...); NULL for the rest';

-- The dictionary tables, parents before children (foreign keys).
CREATE FUNCTION diplo.dictionary_tables() RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
  AS $$ SELECT ARRAY['country', 'entity', 'alias', 'demonym', 'role', 'name_head', 'name_cue', 'furniture',
                     'particle', 'name_hint', 'topic', 'topic_term', 'cue', 'modifier']::text[] $$;
COMMENT ON FUNCTION diplo.dictionary_tables() IS
  'names of the dictionary tables of schema diplo, parents before children';

-- Named so that pg_dump, which loads the data of an extension's tables in
-- name order after their foreign keys, loads it after every dictionary
-- table: an edit may refer to a user row (an entity's actor a user country).
CREATE TABLE diplo.user_edit (
  tbl text NOT NULL CHECK (tbl = ANY (diplo.dictionary_tables())),
  key jsonb NOT NULL CHECK (jsonb_typeof(key) = 'object'),
  action text NOT NULL CHECK (action IN ('update', 'delete')),
  data jsonb CHECK (jsonb_typeof(data) = 'object'),
  edited timestamptz NOT NULL DEFAULT pg_catalog.now(),
  PRIMARY KEY (tbl, key),
  CHECK ((action = 'update') = (data IS NOT NULL))
);
COMMENT ON TABLE diplo.user_edit IS
  'edits of built-in dictionary rows (kept by pg_dump and applied again by pg_restore); written by the dictionary tables'' triggers, emptied by diplo.restore_builtin()';
COMMENT ON COLUMN diplo.user_edit.tbl IS 'the dictionary table';
COMMENT ON COLUMN diplo.user_edit.key IS 'the primary key of the built-in row, as a JSON object';
COMMENT ON COLUMN diplo.user_edit.action IS 'update (the row now reads as data) or delete';
COMMENT ON COLUMN diplo.user_edit.data IS 'the edited row as a JSON object (update), NULL (delete)';
COMMENT ON COLUMN diplo.user_edit.edited IS 'time of the last edit';
SELECT pg_catalog.pg_extension_config_dump('diplo.user_edit', '');

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY diplo.dictionary_tables() LOOP
    EXECUTE format('COMMENT ON COLUMN diplo.%I.builtin IS %L', t,
                   'the row comes with diplo (read-only: edits of built-in rows are recorded in diplo.user_edit)');
  END LOOP;
END
$$;

CREATE TABLE diplo.builtin_row (
  tbl text NOT NULL CHECK (tbl = ANY (diplo.dictionary_tables())),
  key jsonb NOT NULL,
  data jsonb NOT NULL,
  PRIMARY KEY (tbl, key)
);
COMMENT ON TABLE diplo.builtin_row IS
  'the built-in dictionary rows as this version of diplo installs them, for diplo.restore_builtin()';

GRANT SELECT ON diplo.user_edit, diplo.builtin_row TO PUBLIC;

-- The primary key of a row of a dictionary table, as a JSON object.
CREATE FUNCTION diplo.row_key(tbl text, r jsonb) RETURNS jsonb
  LANGUAGE sql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
  AS $$
    SELECT jsonb_object_agg(a.attname, r -> a.attname::text)
      FROM pg_constraint c
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
     WHERE c.conrelid = format('diplo.%I', tbl)::regclass AND c.contype = 'p'
  $$;
COMMENT ON FUNCTION diplo.row_key(text, jsonb) IS
  'the primary key columns of a row (as JSON) of a dictionary table, as a JSON object';

-- Column lists of a dictionary table for the dynamic statements below:
-- every column but builtin, and the primary key's.
CREATE FUNCTION diplo.table_columns(tbl text, key_only boolean DEFAULT false) RETURNS text[]
  LANGUAGE sql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
  AS $$
    SELECT array_agg(quote_ident(a.attname) ORDER BY a.attnum)
      FROM pg_attribute a
     WHERE a.attrelid = format('diplo.%I', tbl)::regclass AND a.attnum > 0 AND NOT a.attisdropped
       AND a.attname <> 'builtin'
       AND (NOT key_only OR a.attnum = ANY ((SELECT c.conkey FROM pg_constraint c
                                              WHERE c.conrelid = a.attrelid AND c.contype = 'p')::int2[]))
  $$;
COMMENT ON FUNCTION diplo.table_columns(text, boolean) IS
  'quoted column names of a dictionary table but builtin (key_only: those of the primary key)';

-- Apply one edit to the built-in row of key k: data NULL deletes it, else
-- its columns become data's (the row is inserted, as built-in, if it is not
-- there).  Returns the number of rows changed.
CREATE FUNCTION diplo.apply_builtin_edit(tbl text, k jsonb, data jsonb) RETURNS bigint
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
  AS $$
DECLARE
  cols text[] := diplo.table_columns(tbl);
  kcols text[] := diplo.table_columns(tbl, true);
  cond text;
  n bigint;
  sync text := current_setting('diplo_internal.builtin_sync', true);
BEGIN
  IF tbl IS NULL OR NOT tbl = ANY (diplo.dictionary_tables()) THEN
    RAISE EXCEPTION 'diplo: % is not a dictionary table', coalesce(tbl, 'NULL') USING ERRCODE = '22023';
  END IF;
  cond := format('(%s) = (SELECT %s FROM jsonb_populate_record(NULL::diplo.%I, $1) k)',
                 (SELECT string_agg('t.' || c, ', ') FROM unnest(kcols) c),
                 (SELECT string_agg('k.' || c, ', ') FROM unnest(kcols) c), tbl);
  PERFORM set_config('diplo_internal.builtin_sync', 'on', true);
  IF data IS NULL THEN
    EXECUTE format('DELETE FROM diplo.%I t WHERE t.builtin AND %s', tbl, cond) USING k;
    GET DIAGNOSTICS n = ROW_COUNT;
  ELSE
    EXECUTE format('UPDATE diplo.%I t SET (%s) = (SELECT %s FROM jsonb_populate_record(NULL::diplo.%I, $2) d) WHERE %s',
                   tbl, array_to_string(cols || '{builtin}'::text[], ', '),
                   (SELECT string_agg('d.' || c, ', ') FROM unnest(cols) c) || ', true', tbl, cond) USING k, data;
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n = 0 THEN
      EXECUTE format('INSERT INTO diplo.%I (%s) SELECT %s FROM jsonb_populate_record(NULL::diplo.%I, $1) d ON CONFLICT DO NOTHING',
                     tbl, array_to_string(cols || '{builtin}'::text[], ', '),
                     (SELECT string_agg('d.' || c, ', ') FROM unnest(cols) c) || ', true', tbl) USING data;
      GET DIAGNOSTICS n = ROW_COUNT;
    END IF;
  END IF;
  PERFORM set_config('diplo_internal.builtin_sync', coalesce(sync, ''), true);
  RETURN n;
END
$$;
COMMENT ON FUNCTION diplo.apply_builtin_edit(text, jsonb, jsonb) IS
  'applies an edit to a built-in dictionary row without recording it (pg_restore of diplo.user_edit, diplo.restore_builtin(), updates)';

-- Row trigger of the dictionary tables: builtin is read-only; an UPDATE or
-- DELETE of a built-in row is recorded in diplo.user_edit.
CREATE FUNCTION diplo.record_builtin_edit() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
  AS $$
DECLARE
  k jsonb;
  d jsonb;
BEGIN
  IF current_setting('diplo_internal.builtin_sync', true) = 'on' THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  IF TG_OP = 'INSERT' THEN
    NEW.builtin := false;
    IF EXISTS (SELECT 1 FROM diplo.user_edit u WHERE u.tbl = TG_TABLE_NAME) THEN
      -- a built-in row the user deleted comes back: an edit of that row
      k := diplo.row_key(TG_TABLE_NAME, to_jsonb(NEW));
      IF EXISTS (SELECT 1 FROM diplo.user_edit u WHERE u.tbl = TG_TABLE_NAME AND u.key = k AND u.action = 'delete') THEN
        NEW.builtin := true;
        d := to_jsonb(NEW) - 'builtin';
        IF d = (SELECT b.data FROM diplo.builtin_row b WHERE b.tbl = TG_TABLE_NAME AND b.key = k) THEN
          DELETE FROM diplo.user_edit u WHERE u.tbl = TG_TABLE_NAME AND u.key = k;
        ELSE
          UPDATE diplo.user_edit u SET action = 'update', data = d, edited = now()
           WHERE u.tbl = TG_TABLE_NAME AND u.key = k;
        END IF;
      END IF;
    END IF;
    RETURN NEW;
  ELSIF TG_OP = 'UPDATE' THEN
    NEW.builtin := OLD.builtin;
    IF NOT OLD.builtin THEN
      RETURN NEW;
    END IF;
    k := diplo.row_key(TG_TABLE_NAME, to_jsonb(OLD));
    IF k IS DISTINCT FROM diplo.row_key(TG_TABLE_NAME, to_jsonb(NEW)) THEN
      RAISE EXCEPTION 'diplo: the key of a built-in row of diplo.% cannot change', TG_TABLE_NAME
        USING ERRCODE = '0A000', DETAIL = format('The row''s key is %s.', k),
              HINT = 'Insert a row with the new key and delete the built-in one: pg_dump keeps both changes.';
    END IF;
    d := to_jsonb(NEW) - 'builtin';
    IF d = (SELECT b.data FROM diplo.builtin_row b WHERE b.tbl = TG_TABLE_NAME AND b.key = k) THEN
      DELETE FROM diplo.user_edit u WHERE u.tbl = TG_TABLE_NAME AND u.key = k;
    ELSE
      INSERT INTO diplo.user_edit AS u (tbl, key, action, data) VALUES (TG_TABLE_NAME, k, 'update', d)
        ON CONFLICT (tbl, key) DO UPDATE SET action = 'update', data = EXCLUDED.data, edited = EXCLUDED.edited;
    END IF;
    RETURN NEW;
  ELSE
    IF OLD.builtin THEN
      INSERT INTO diplo.user_edit AS u (tbl, key, action, data)
        VALUES (TG_TABLE_NAME, diplo.row_key(TG_TABLE_NAME, to_jsonb(OLD)), 'delete', NULL)
        ON CONFLICT (tbl, key) DO UPDATE SET action = 'delete', data = NULL, edited = EXCLUDED.edited;
    END IF;
    RETURN OLD;
  END IF;
END
$$;
COMMENT ON FUNCTION diplo.record_builtin_edit() IS
  'row trigger of the dictionary tables: keeps builtin read-only and records edits of built-in rows in diplo.user_edit';

-- Statement trigger: TRUNCATE deletes built-in rows without row triggers.
CREATE FUNCTION diplo.record_builtin_truncate() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
  AS $$
BEGIN
  IF current_setting('diplo_internal.builtin_sync', true) IS DISTINCT FROM 'on' THEN
    EXECUTE format('INSERT INTO diplo.user_edit AS u (tbl, key, action, data)
                    SELECT %L, diplo.row_key(%L, to_jsonb(t)), ''delete'', NULL FROM diplo.%I t WHERE t.builtin
                    ON CONFLICT (tbl, key) DO UPDATE SET action = ''delete'', data = NULL, edited = EXCLUDED.edited',
                   TG_TABLE_NAME, TG_TABLE_NAME, TG_TABLE_NAME);
  END IF;
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION diplo.record_builtin_truncate() IS
  'TRUNCATE trigger of the dictionary tables: records the deletion of their built-in rows in diplo.user_edit';

-- Row trigger of diplo.user_edit: a row that pg_restore (or a user) loads is
-- applied to the built-in row; rows the dictionary triggers write (nested
-- trigger calls) are records of edits already made.
CREATE FUNCTION diplo.apply_user_edit() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
  AS $$
BEGIN
  IF pg_trigger_depth() = 1 THEN
    PERFORM diplo.apply_builtin_edit(NEW.tbl, NEW.key, CASE WHEN NEW.action = 'update' THEN NEW.data END);
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION diplo.apply_user_edit() IS
  'row trigger of diplo.user_edit: applies a loaded edit (pg_restore) to its built-in row';

-- The built-in rows as installed, for restore_builtin().
CREATE FUNCTION diplo.snapshot_builtin() RETURNS bigint
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
  AS $$
DECLARE
  t text;
  n bigint := 0;
  m bigint;
BEGIN
  DELETE FROM diplo.builtin_row;
  FOREACH t IN ARRAY diplo.dictionary_tables() LOOP
    EXECUTE format('INSERT INTO diplo.builtin_row (tbl, key, data)
                    SELECT %L, diplo.row_key(%L, to_jsonb(t)), to_jsonb(t) - ''builtin'' FROM diplo.%I t WHERE t.builtin',
                   t, t, t);
    GET DIAGNOSTICS m = ROW_COUNT;
    n := n + m;
  END LOOP;
  RETURN n;
END
$$;
COMMENT ON FUNCTION diplo.snapshot_builtin() IS
  'records the built-in rows as installed in diplo.builtin_row (run by the install and update scripts)';

CREATE FUNCTION diplo.restore_builtin(tbl regclass DEFAULT NULL) RETURNS bigint
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
  AS $$
DECLARE
  t text;
  n bigint := 0;
  m bigint;
  cols text[];
  kcols text[];
  vcols text[];
  sync text := current_setting('diplo_internal.builtin_sync', true);
BEGIN
  IF tbl IS NOT NULL AND NOT EXISTS (
       SELECT 1 FROM unnest(diplo.dictionary_tables()) d WHERE format('diplo.%I', d)::regclass = tbl) THEN
    RAISE EXCEPTION 'diplo: % is not a dictionary table', tbl USING ERRCODE = '22023',
      HINT = 'The dictionary tables are ' || array_to_string(diplo.dictionary_tables(), ', ') || '.';
  END IF;
  PERFORM set_config('diplo_internal.builtin_sync', 'on', true);
  FOREACH t IN ARRAY diplo.dictionary_tables() LOOP
    CONTINUE WHEN tbl IS NOT NULL AND format('diplo.%I', t)::regclass <> tbl;
    cols := diplo.table_columns(t);
    kcols := diplo.table_columns(t, true);
    vcols := ARRAY(SELECT c FROM unnest(cols) c WHERE NOT c = ANY (kcols));
    EXECUTE format('INSERT INTO diplo.%1$I AS t (%2$s, builtin)
                    SELECT %3$s, true FROM diplo.builtin_row b, jsonb_populate_record(NULL::diplo.%1$I, b.data) r
                     WHERE b.tbl = %4$L
                    ON CONFLICT (%5$s) DO UPDATE SET %6$s builtin = true
                     WHERE NOT t.builtin %7$s',
                   t, array_to_string(cols, ', '),
                   (SELECT string_agg('r.' || c, ', ') FROM unnest(cols) c), t,
                   array_to_string(kcols, ', '),
                   (SELECT coalesce(string_agg(c || ' = EXCLUDED.' || c || ',', ' '), '') FROM unnest(vcols) c),
                   CASE WHEN cardinality(vcols) > 0 THEN format('OR (%s) IS DISTINCT FROM (%s)',
                     (SELECT string_agg('t.' || c, ', ') FROM unnest(vcols) c),
                     (SELECT string_agg('EXCLUDED.' || c, ', ') FROM unnest(vcols) c))
                   ELSE '' END);
    GET DIAGNOSTICS m = ROW_COUNT;
    n := n + m;
    DELETE FROM diplo.user_edit u WHERE u.tbl = t;
  END LOOP;
  PERFORM set_config('diplo_internal.builtin_sync', coalesce(sync, ''), true);
  RETURN n;
END
$$;
COMMENT ON FUNCTION diplo.restore_builtin(regclass) IS
  'puts back the built-in rows of one dictionary table (or of all) as installed, undoing updates and deletes of them (the rows users added stay); returns the number of rows restored';

------------------------------------------------------------------------
-- Indexes and materialized views computed by diplo go stale when the
-- dictionary changes: say so, once per transaction, with the command.
------------------------------------------------------------------------

CREATE FUNCTION diplo.stale_objects(OUT object regclass, OUT kind text, OUT command text)
  RETURNS SETOF record
  LANGUAGE sql STABLE
  SET search_path = pg_catalog, pg_temp
  AS $$
    WITH f AS (
      SELECT p.oid FROM pg_proc p
       WHERE p.pronamespace = 'diplo'::regnamespace
         AND p.proname IN ('entities', 'entity_ids', 'actor_ids', 'stances', 'stance_summary', 'resolve'))
    SELECT DISTINCT c.oid::regclass, 'index', format('REINDEX INDEX %s;', c.oid::regclass)
      FROM pg_depend d JOIN pg_class c ON c.oid = d.objid
     WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_proc'::regclass
       AND d.refobjid IN (SELECT oid FROM f) AND c.relkind = 'i'
    UNION
    SELECT DISTINCT c.oid::regclass, 'materialized view', format('REFRESH MATERIALIZED VIEW %s;', c.oid::regclass)
      FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid JOIN pg_class c ON c.oid = r.ev_class
     WHERE d.classid = 'pg_rewrite'::regclass AND d.refclassid = 'pg_proc'::regclass
       AND d.refobjid IN (SELECT oid FROM f) AND c.relkind = 'm'
    ORDER BY 2, 1
  $$;
COMMENT ON FUNCTION diplo.stale_objects() IS
  'indexes and materialized views of this database computed by diplo functions, which a dictionary change makes stale, with the command that renews each';

CREATE FUNCTION diplo.notice_stale_objects() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
  AS $$
DECLARE
  objs text;
  cmds text;
BEGIN
  IF current_setting('diplo_internal.stale_notice', true) IS NOT DISTINCT FROM txid_current()::text THEN
    RETURN NULL;
  END IF;
  SELECT string_agg(kind || ' ' || object::text, ', '), string_agg(command, ' ')
    INTO objs, cmds FROM diplo.stale_objects();
  IF objs IS NOT NULL THEN
    RAISE NOTICE 'diplo: the dictionary changed; % computed with it %', objs,
      CASE WHEN objs LIKE '%,%' THEN 'are' ELSE 'is' END || ' now out of date'
      USING HINT = 'After the transaction commits, run: ' || cmds;
    PERFORM set_config('diplo_internal.stale_notice', txid_current()::text, true);
  END IF;
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION diplo.notice_stale_objects() IS
  'statement trigger of the dictionary tables: names the indexes and materialized views a change makes stale (diplo.stale_objects())';

------------------------------------------------------------------------
-- Plain text from web pages
------------------------------------------------------------------------

CREATE FUNCTION diplo.strip_html(html text) RETURNS text
  AS 'MODULE_PATHNAME', 'diplo_strip_html'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION diplo.strip_html(text) IS
  'plain text of an HTML page for entities() and stances(): tags, scripts, styles and comments removed, block elements as paragraphs, character references decoded (&nbsp; a space); offsets of the analysis refer to the returned text';

------------------------------------------------------------------------
-- Search by state and by alias
------------------------------------------------------------------------

-- Immutable by convention, like entity_ids().
CREATE FUNCTION diplo.actor_ids(doc text) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 1000
  SET search_path = pg_catalog, pg_temp
  AS $$
    SELECT coalesce(array_agg(DISTINCT m.actor ORDER BY m.actor), '{}')
      FROM diplo.entities(doc) m WHERE m.actor IS NOT NULL
  $$;
COMMENT ON FUNCTION diplo.actor_ids(text) IS
  'sorted distinct actors (ISO 3166-1 alpha-3) of the entities of a document, for GIN expression indexes by state (immutable by convention: REINDEX after changing the dictionary)';

CREATE FUNCTION diplo.resolve(name text, OUT entity text, OUT kind diplo.entity_kind, OUT actor text,
                              OUT matched text, OUT via text, OUT prior real)
  RETURNS SETOF record
  LANGUAGE sql STABLE STRICT PARALLEL SAFE ROWS 2
  SET search_path = pg_catalog, pg_temp
  AS $$
    SELECT e.name, e.kind, e.actor, m.matched, m.via, e.prior
      FROM (SELECT x.name AS entity, x.name AS matched, 'name' AS via FROM diplo.entity x
             WHERE diplo.match_key(x.name) = diplo.match_key(resolve.name)
            UNION
            SELECT a.entity, a.alias, 'alias' FROM diplo.alias a
             WHERE diplo.match_key(a.alias) = diplo.match_key(resolve.name)
            UNION
            SELECT c.name, d.form, 'demonym' FROM diplo.demonym d JOIN diplo.country c ON c.code = d.actor
             WHERE d.form = lower(resolve.name)
            UNION
            SELECT c.name, c.code, 'code' FROM diplo.country c WHERE c.code = upper(resolve.name)) m
      JOIN diplo.entity e ON e.name = m.entity
     ORDER BY e.prior DESC, e.name
  $$;
COMMENT ON FUNCTION diplo.resolve(text) IS
  'the entities a name, alias, demonym or ISO code stands for (matched as the tagger matches: case, accents and hyphens aside), the most likely first';

------------------------------------------------------------------------
-- The stance network as Graphviz DOT or JSON
------------------------------------------------------------------------

-- The state is the array of the stance rows aggregated, grown in place by
-- the built-in array_append; the final functions group it by (holder,
-- target).
CREATE FUNCTION diplo.stance_graph_json_final(state diplo.stance[]) RETURNS jsonb
  LANGUAGE sql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
  AS $$
    WITH x AS (
      SELECT * FROM unnest(state) x
       WHERE x.holder IS NOT NULL AND x.target IS NOT NULL AND x.score IS NOT NULL AND x.score <> 'NaN'::real),
    e AS (
      SELECT x.holder, x.target,
             round((sum(greatest(-1, least(1, x.score))::float8)
                    / nullif(sum(abs(greatest(-1, least(1, x.score)))::float8), 0))::numeric, 2) AS score,
             round(avg(greatest(-1, least(1, x.score))::float8)::numeric, 2) AS mean,
             count(*) AS stances
        FROM x GROUP BY x.holder, x.target),
    n AS (
      SELECT v.id, min(v.kind) AS kind, min(v.actor) AS actor
        FROM x, LATERAL (VALUES (x.holder, coalesce(x.holder_kind, 'entity'), x.holder_actor),
                                (x.target, coalesce(x.target_kind, 'entity'), x.target_actor)) v(id, kind, actor)
       GROUP BY v.id)
    SELECT jsonb_build_object(
      'nodes', coalesce((SELECT jsonb_agg(jsonb_build_object('id', n.id, 'kind', n.kind, 'actor', n.actor) ORDER BY n.id)
                           FROM n), '[]'),
      'edges', coalesce((SELECT jsonb_agg(jsonb_build_object('holder', e.holder, 'target', e.target,
                                                             'score', e.score, 'mean', e.mean, 'stances', e.stances)
                                          ORDER BY e.holder, e.target) FROM e), '[]'))
  $$;
COMMENT ON FUNCTION diplo.stance_graph_json_final(diplo.stance[]) IS 'final function of diplo.stance_graph_json';

CREATE FUNCTION diplo.stance_graph_final(state diplo.stance[]) RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
  AS $$
    WITH g AS (SELECT diplo.stance_graph_json_final(state) AS j),
    nodes AS (
      SELECT format('  %s [shape=%s];', to_json(n->>'id')::text,
                    CASE WHEN n->>'kind' = 'topic' THEN 'box, style="rounded,filled", fillcolor="#f2f2f2"'
                         WHEN n->>'kind' = 'PER' THEN 'ellipse'
                         ELSE 'ellipse, style=filled, fillcolor="#e8eef7"' END) AS l,
             n->>'id' AS k
        FROM g, jsonb_array_elements(g.j->'nodes') n),
    edges AS (
      SELECT format('  %s -> %s [label="%s%s ×%s", color="%s", penwidth=%s];',
                    to_json(e->>'holder')::text, to_json(e->>'target')::text,
                    CASE WHEN (e->>'mean')::numeric > 0 THEN '+' ELSE '' END, e->>'mean', e->>'stances',
                    CASE WHEN (e->>'score')::numeric >= 0.2 THEN '#1a9850'
                         WHEN (e->>'score')::numeric <= -0.2 THEN '#d73027' ELSE '#888888' END,
                    round(1 + ln((e->>'stances')::numeric), 1)) AS l,
             (e->>'holder') || chr(31) || (e->>'target') AS k
        FROM g, jsonb_array_elements(g.j->'edges') e)
    SELECT 'digraph stances {' || chr(10)
           || '  graph [rankdir=LR, fontname="Helvetica"];' || chr(10)
           || '  node [fontname="Helvetica", fontsize=11];' || chr(10)
           || '  edge [fontname="Helvetica", fontsize=9];' || chr(10)
           || coalesce((SELECT string_agg(l, chr(10) ORDER BY k) FROM nodes) || chr(10), '')
           || coalesce((SELECT string_agg(l, chr(10) ORDER BY k) FROM edges) || chr(10), '')
           || '}' || chr(10)
  $$;
COMMENT ON FUNCTION diplo.stance_graph_final(diplo.stance[]) IS 'final function of diplo.stance_graph';

CREATE FUNCTION diplo.stance_graph_combine(a diplo.stance[], b diplo.stance[]) RETURNS diplo.stance[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
  AS $$ SELECT a || b $$;
COMMENT ON FUNCTION diplo.stance_graph_combine(diplo.stance[], diplo.stance[]) IS
  'combine function of diplo.stance_graph and diplo.stance_graph_json';

CREATE AGGREGATE diplo.stance_graph(diplo.stance) (
  SFUNC = pg_catalog.array_append,
  STYPE = diplo.stance[],
  INITCOND = '{}',
  FINALFUNC = diplo.stance_graph_final,
  COMBINEFUNC = diplo.stance_graph_combine,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE diplo.stance_graph(diplo.stance) IS
  'the stance network of the stance rows aggregated, as a Graphviz DOT digraph: one edge per (holder, target), labelled with its mean score and number of stances, green when its balance (as diplo.stance_balance) is for, red when against; topics are boxes, persons plain ellipses, states and bodies filled ones';

CREATE AGGREGATE diplo.stance_graph_json(diplo.stance) (
  SFUNC = pg_catalog.array_append,
  STYPE = diplo.stance[],
  INITCOND = '{}',
  FINALFUNC = diplo.stance_graph_json_final,
  COMBINEFUNC = diplo.stance_graph_combine,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE diplo.stance_graph_json(diplo.stance) IS
  'the stance network of the stance rows aggregated, as JSON: {"nodes": [{"id", "kind", "actor"}], "edges": [{"holder", "target", "score" (the balance, as diplo.stance_balance), "mean", "stances"}]}';

------------------------------------------------------------------------
-- On a Citus cluster: dictionary edits made on the coordinator reach every
-- node, in the coordinator's transaction.
--
-- Every node keeps its own dictionary tables (CREATE EXTENSION diplo on the
-- coordinator is propagated, and each worker installs the built-in rows),
-- and diplo reads them where it runs, as on a single server.
-- diplo.citus_distribute_dictionary() makes diplo.cluster_change a Citus
-- reference table and enables, on the coordinator, a row trigger of each
-- dictionary table that writes every row change into it.  Citus writes a
-- reference table on every node in the writer's transaction, with a
-- two-phase commit; on every other node a trigger of the table's shard
-- replays the change on that node's dictionary tables (whose own triggers
-- then record edits of built-in rows and invalidate the compiled
-- dictionary at commit) and keeps no row.  An edit rolled back is replayed
-- nowhere.  diplo.citus_sync() sends the whole user dictionary (a new
-- worker's first copy).
------------------------------------------------------------------------

CREATE TABLE diplo.cluster_change (
  id uuid PRIMARY KEY DEFAULT pg_catalog.gen_random_uuid(),
  origin integer NOT NULL,
  tbl text CHECK (tbl = ANY (diplo.dictionary_tables())),
  op text NOT NULL CHECK (op IN ('insert', 'update', 'delete', 'truncate', 'sync')),
  old_key jsonb,
  new_row jsonb,
  CHECK ((op = 'sync') = (tbl IS NULL))
);
COMMENT ON TABLE diplo.cluster_change IS
  'on a Citus cluster, the channel of dictionary edits from the coordinator to the other nodes (a reference table once diplo.citus_distribute_dictionary() ran): each row inserted is replayed on every other node and kept nowhere; always empty';
COMMENT ON COLUMN diplo.cluster_change.id IS 'a key of the change';
COMMENT ON COLUMN diplo.cluster_change.origin IS 'Citus group id of the node the change was made on (it is not replayed there)';
COMMENT ON COLUMN diplo.cluster_change.tbl IS 'the dictionary table changed (NULL for a sync)';
COMMENT ON COLUMN diplo.cluster_change.op IS 'insert, update, delete, truncate, or sync (new_row is the whole user dictionary, as diplo.user_state() gives it)';
COMMENT ON COLUMN diplo.cluster_change.old_key IS 'update, delete: the primary key of the row before the change, as a JSON object';
COMMENT ON COLUMN diplo.cluster_change.new_row IS 'insert, update: the row after the change, as a JSON object; sync: the user dictionary';

-- The Citus group of this node, NULL without Citus.
CREATE FUNCTION diplo.cluster_group() RETURNS integer
  LANGUAGE plpgsql STABLE
  SET search_path = pg_catalog, pg_temp
  AS $$
DECLARE
  g integer;
BEGIN
  IF to_regclass('pg_catalog.pg_dist_local_group') IS NULL THEN
    RETURN NULL;
  END IF;
  EXECUTE 'SELECT groupid FROM pg_catalog.pg_dist_local_group' INTO g;
  RETURN g;
END
$$;
COMMENT ON FUNCTION diplo.cluster_group() IS
  'the Citus group id of this node (0 on the coordinator), NULL where Citus is not installed';

-- One row on a node that has received the whole user dictionary; a Citus
-- worker without it (added after the dictionary was distributed, not yet
-- synced) refuses to analyse (diplo.cluster_check(), called by every load
-- of the dictionary where Citus is installed).
CREATE TABLE diplo.cluster_node (
  synced boolean PRIMARY KEY DEFAULT true CHECK (synced),
  at timestamptz NOT NULL DEFAULT pg_catalog.now()
);
COMMENT ON TABLE diplo.cluster_node IS
  'on a node of a Citus cluster: one row once the node has received the whole user dictionary (diplo.citus_sync()); a worker without it refuses to analyse';
COMMENT ON COLUMN diplo.cluster_node.synced IS 'true: the node has received the user dictionary (the key of the only row)';
COMMENT ON COLUMN diplo.cluster_node.at IS 'when it last received it';

CREATE FUNCTION diplo.cluster_check() RETURNS void
  LANGUAGE plpgsql STABLE
  SET search_path = pg_catalog, pg_temp
  AS $$
BEGIN
  -- two statements: the second names a Citus catalog
  IF to_regclass('pg_catalog.pg_dist_partition') IS NULL THEN
    RETURN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition p WHERE p.logicalrelid = 'diplo.cluster_change'::regclass)
     OR diplo.cluster_group() = 0 OR EXISTS (SELECT 1 FROM diplo.cluster_node) THEN
    RETURN;
  END IF;
  RAISE EXCEPTION 'diplo: this node has not received the user dictionary of the Citus cluster' USING ERRCODE = '55000',
    DETAIL = format('Node group %s joined the cluster after the dictionary was distributed.', diplo.cluster_group()),
    HINT = 'Run SELECT diplo.citus_sync(); on the coordinator.';
END
$$;
COMMENT ON FUNCTION diplo.cluster_check() IS
  'raises an error on a Citus worker that has not received the user dictionary (diplo.citus_sync()); run by every load of the dictionary where Citus is installed';

-- The rows users added and the edits of built-in rows: what pg_dump keeps.
CREATE FUNCTION diplo.user_state() RETURNS jsonb
  LANGUAGE plpgsql STABLE
  SET search_path = pg_catalog, pg_temp
  AS $$
DECLARE
  t text;
  r jsonb;
  rows jsonb := '{}';
BEGIN
  FOREACH t IN ARRAY diplo.dictionary_tables() LOOP
    EXECUTE format('SELECT coalesce(jsonb_agg(to_jsonb(x) - ''builtin''), ''[]'') FROM diplo.%I x WHERE NOT x.builtin', t)
      INTO r;
    rows := rows || jsonb_build_object(t, r);
  END LOOP;
  RETURN jsonb_build_object('rows', rows,
                            'edits', (SELECT coalesce(jsonb_agg(to_jsonb(u)), '[]') FROM diplo.user_edit u));
END
$$;
COMMENT ON FUNCTION diplo.user_state() IS
  'the user dictionary as JSON: the rows users added to each dictionary table and diplo.user_edit (what pg_dump keeps)';

-- Make this node's user dictionary the one given: built-in rows as
-- installed, the user's rows, then the edits of built-in rows.
CREATE FUNCTION diplo.load_user_state(state jsonb) RETURNS bigint
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
  AS $$
DECLARE
  t text;
  n bigint := 0;
  m bigint;
  e record;
BEGIN
  IF state IS NULL OR jsonb_typeof(state -> 'rows') IS DISTINCT FROM 'object'
     OR jsonb_typeof(state -> 'edits') IS DISTINCT FROM 'array' THEN
    RAISE EXCEPTION 'diplo: not a user dictionary (see diplo.user_state())' USING ERRCODE = '22023';
  END IF;
  PERFORM diplo.restore_builtin();
  FOREACH t IN ARRAY (SELECT array_agg(x ORDER BY o DESC) FROM unnest(diplo.dictionary_tables()) WITH ORDINALITY u(x, o)) LOOP
    EXECUTE format('DELETE FROM diplo.%I WHERE NOT builtin', t);
  END LOOP;
  FOREACH t IN ARRAY diplo.dictionary_tables() LOOP
    EXECUTE format('INSERT INTO diplo.%1$I (%2$s) SELECT %2$s FROM jsonb_populate_recordset(NULL::diplo.%1$I, $1)',
                   t, array_to_string(diplo.table_columns(t), ', '))
      USING coalesce(state -> 'rows' -> t, '[]');
    GET DIAGNOSTICS m = ROW_COUNT;
    n := n + m;
  END LOOP;
  FOR e IN SELECT u.* FROM jsonb_populate_recordset(NULL::diplo.user_edit, state -> 'edits') u
            ORDER BY array_position(diplo.dictionary_tables(), u.tbl), u.action DESC, u.key::text LOOP
    PERFORM diplo.apply_builtin_edit(e.tbl, e.key, CASE WHEN e.action = 'update' THEN e.data END);
    n := n + 1;
  END LOOP;
  -- recorded as they were (the insert trigger applies them only at the top level: again, to the same effect)
  INSERT INTO diplo.user_edit SELECT u.* FROM jsonb_populate_recordset(NULL::diplo.user_edit, state -> 'edits') u;
  RETURN n;
END
$$;
COMMENT ON FUNCTION diplo.load_user_state(jsonb) IS
  'makes the user dictionary of this database the one given (as diplo.user_state() gives it): built-in rows as installed, the user''s rows, the edits of built-in rows; returns the number of rows and edits loaded';

-- Row and TRUNCATE trigger of the dictionary tables, enabled on the
-- coordinator by diplo.citus_distribute_dictionary(): the change, to every
-- other node.
CREATE FUNCTION diplo.propagate_cluster_change() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
  AS $$
BEGIN
  IF current_setting('diplo_internal.cluster_replay', true) = 'on' THEN
    RETURN NULL;
  END IF;
  INSERT INTO diplo.cluster_change (origin, tbl, op, old_key, new_row)
  VALUES (coalesce(diplo.cluster_group(), -1), TG_TABLE_NAME, lower(TG_OP),
          CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN diplo.row_key(TG_TABLE_NAME, to_jsonb(OLD)) END,
          CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN to_jsonb(NEW) END);
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION diplo.propagate_cluster_change() IS
  'row and TRUNCATE trigger of the dictionary tables on a Citus coordinator: writes each change to diplo.cluster_change, which replays it on every other node';

-- Trigger of diplo.cluster_change (of its shard on each node of a Citus
-- cluster): replays a change made on another node, keeps no row.  An
-- insert or update makes the row with that key read as the new row (an
-- update whose row a cascade already changed, or an insert of a row this
-- node has, ends the same); the dictionary's own triggers record edits of
-- built-in rows as on the node of origin.
CREATE FUNCTION diplo.replay_cluster_change() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
  AS $$
DECLARE
  t text := NEW.tbl;
  cols text[];
  kcols text[];
  vcols text[];
  cond text;
  n bigint := 0;
  here integer := diplo.cluster_group();
  prev text := current_setting('diplo_internal.cluster_replay', true);
BEGIN
  IF here IS NULL OR NEW.origin = here THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('diplo_internal.cluster_replay', 'on', true);
  -- the coordinator names the stale indexes (REINDEX there reaches the
  -- shards'): no notice of this node's shards, which Citus would relay
  PERFORM set_config('diplo_internal.stale_notice', txid_current()::text, true);
  IF NEW.op = 'sync' THEN
    PERFORM diplo.load_user_state(NEW.new_row);
    INSERT INTO diplo.cluster_node AS c (synced, at) VALUES (true, now())
      ON CONFLICT (synced) DO UPDATE SET at = EXCLUDED.at;
  ELSIF NEW.op = 'truncate' THEN
    EXECUTE format('TRUNCATE diplo.%I CASCADE', t);
  ELSE
    cols := diplo.table_columns(t);
    kcols := diplo.table_columns(t, true);
    vcols := ARRAY(SELECT c FROM unnest(cols) c WHERE NOT c = ANY (kcols));
    cond := format('(%s) = (SELECT %s FROM jsonb_populate_record(NULL::diplo.%I, $1) k)',
                   (SELECT string_agg('t.' || c, ', ') FROM unnest(kcols) c),
                   (SELECT string_agg('k.' || c, ', ') FROM unnest(kcols) c), t);
    IF NEW.op = 'delete' THEN
      EXECUTE format('DELETE FROM diplo.%I t WHERE %s', t, cond) USING NEW.old_key;
    ELSIF NEW.op = 'update' THEN
      EXECUTE format('UPDATE diplo.%I t SET %s FROM jsonb_populate_record(NULL::diplo.%I, $2) d WHERE %s',
                     t, (SELECT string_agg(c || ' = d.' || c, ', ') FROM unnest(cols) c), t, cond)
        USING NEW.old_key, NEW.new_row;
      GET DIAGNOSTICS n = ROW_COUNT;
    END IF;
    IF NEW.op = 'insert' OR (NEW.op = 'update' AND n = 0) THEN
      EXECUTE format('INSERT INTO diplo.%1$I AS t (%2$s) SELECT %3$s FROM jsonb_populate_record(NULL::diplo.%1$I, $1) d
                      ON CONFLICT (%4$s) DO %5$s',
                     t, array_to_string(cols, ', '), (SELECT string_agg('d.' || c, ', ') FROM unnest(cols) c),
                     array_to_string(kcols, ', '),
                     CASE WHEN cardinality(vcols) = 0 THEN 'NOTHING'
                          ELSE 'UPDATE SET ' || (SELECT string_agg(c || ' = EXCLUDED.' || c, ', ') FROM unnest(vcols) c) END)
        USING NEW.new_row;
    END IF;
  END IF;
  PERFORM set_config('diplo_internal.cluster_replay', coalesce(prev, ''), true);
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION diplo.replay_cluster_change() IS
  'trigger of diplo.cluster_change: replays on this node a dictionary change made on another node of the Citus cluster, and keeps no row';

CREATE TRIGGER replay_cluster_change BEFORE INSERT ON diplo.cluster_change
  FOR EACH ROW EXECUTE FUNCTION diplo.replay_cluster_change();

-- The Citus table functions are looked up at run time: diplo does not
-- depend on Citus.
CREATE FUNCTION diplo.citus_sync() RETURNS bigint
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
  AS $$
DECLARE
  state jsonb := diplo.user_state();
BEGIN
  IF to_regclass('pg_catalog.pg_dist_partition') IS NULL THEN
    RAISE EXCEPTION 'diplo: Citus is not installed in this database' USING ERRCODE = '55000';
  END IF;
  IF diplo.cluster_group() IS DISTINCT FROM 0 THEN
    RAISE EXCEPTION 'diplo: run diplo.citus_sync() on the coordinator' USING ERRCODE = '55000';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition p WHERE p.logicalrelid = 'diplo.cluster_change'::regclass) THEN
    RAISE EXCEPTION 'diplo: the dictionary is not distributed yet' USING ERRCODE = '55000',
      HINT = 'Run SELECT diplo.citus_distribute_dictionary(); on the coordinator.';
  END IF;
  -- a worker added since holds no placement of the reference tables yet
  -- (Citus copies them lazily): copy them now, or the sync would miss it
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_dist_node n
              WHERE n.isactive AND n.noderole = 'primary'
                AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_placement p JOIN pg_catalog.pg_dist_shard s USING (shardid)
                                 WHERE s.logicalrelid = 'diplo.cluster_change'::regclass AND p.groupid = n.groupid)) THEN
    EXECUTE 'SELECT pg_catalog.replicate_reference_tables(''block_writes'')';
  END IF;
  INSERT INTO diplo.cluster_change (origin, tbl, op, new_row) VALUES (diplo.cluster_group(), NULL, 'sync', state);
  RETURN jsonb_array_length(state -> 'edits')
         + (SELECT coalesce(sum(jsonb_array_length(v)), 0) FROM jsonb_each(state -> 'rows') r(k, v))::bigint;
END
$$;
COMMENT ON FUNCTION diplo.citus_sync() IS
  'on a Citus coordinator: makes the user dictionary of every node the coordinator''s (run it after adding a worker); returns the number of user rows and edits sent';

CREATE FUNCTION diplo.citus_distribute_dictionary() RETURNS bigint
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
  AS $$
DECLARE
  t text;
BEGIN
  IF to_regclass('pg_catalog.pg_dist_partition') IS NULL THEN
    RAISE EXCEPTION 'diplo: Citus is not installed in this database' USING ERRCODE = '55000',
      HINT = 'CREATE EXTENSION citus, add the workers, then call this function on the coordinator.';
  END IF;
  IF diplo.cluster_group() IS DISTINCT FROM 0 THEN
    RAISE EXCEPTION 'diplo: run diplo.citus_distribute_dictionary() on the coordinator' USING ERRCODE = '55000';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition p WHERE p.logicalrelid = 'diplo.cluster_change'::regclass) THEN
    -- its trigger must run on the shards (Citus calls such triggers unsafe:
    -- they may touch only what is on the node, here the node's dictionary)
    PERFORM set_config('citus.enable_unsafe_triggers', 'on', true);
    EXECUTE 'SELECT pg_catalog.create_reference_table(''diplo.cluster_change'')';
  END IF;
  FOREACH t IN ARRAY diplo.dictionary_tables() LOOP
    EXECUTE format('ALTER TABLE diplo.%I ENABLE TRIGGER "Cluster_propagate", ENABLE TRIGGER cluster_propagate_truncate', t);
  END LOOP;
  RETURN diplo.citus_sync();
END
$$;
COMMENT ON FUNCTION diplo.citus_distribute_dictionary() IS
  'on a Citus coordinator: from now on, every dictionary edit made on the coordinator reaches every node in the same transaction (diplo.cluster_change); sends the current user dictionary to every node and returns the number of user rows and edits sent';

------------------------------------------------------------------------
-- Who may do what: diplo_admin writes diplo.user_edit through the
-- dictionary's triggers; nobody but the owner writes diplo.builtin_row.
------------------------------------------------------------------------

GRANT INSERT, UPDATE, DELETE, TRUNCATE ON diplo.user_edit TO diplo_admin;
REVOKE ALL ON FUNCTION diplo.record_builtin_edit(), diplo.record_builtin_truncate(), diplo.apply_user_edit(),
  diplo.notice_stale_objects(), diplo.snapshot_builtin() FROM PUBLIC;
-- On a Citus cluster diplo_admin writes diplo.cluster_change through the
-- dictionary's triggers (as the user who edits, on every node).
GRANT SELECT ON diplo.cluster_change, diplo.cluster_node TO PUBLIC;
GRANT INSERT ON diplo.cluster_change TO diplo_admin;
REVOKE ALL ON FUNCTION diplo.propagate_cluster_change(), diplo.replay_cluster_change(), diplo.load_user_state(jsonb),
  diplo.citus_sync(), diplo.citus_distribute_dictionary() FROM PUBLIC;

------------------------------------------------------------------------
-- The built-in dictionary
------------------------------------------------------------------------

------------------------------------------------------------------------
-- dictionary_info(): whether this backend compiled its dictionary or
-- attached the image another backend wrote of the same rows, and the key
-- of those rows (ext/pg/pg_dict_image.c)
------------------------------------------------------------------------

DROP FUNCTION diplo.dictionary_info();
CREATE FUNCTION diplo.dictionary_info(OUT entities bigint, OUT countries bigint, OUT cues bigint,
                                      OUT topics bigint, OUT bytes bigint, OUT source text,
                                      OUT key text)
  AS 'MODULE_PATHNAME', 'diplo_dictionary_info'
  LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION diplo.dictionary_info() IS
  'sizes of the compiled dictionary this backend uses (loading it if needed), the memory it takes, whether it was compiled here or attached from the image of the same rows, and the SHA-256 of those rows';

-- @@BUILTIN_DATA@@

SELECT diplo.snapshot_builtin();

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY diplo.dictionary_tables() LOOP
    EXECUTE format('CREATE TRIGGER record_builtin_edit BEFORE INSERT OR UPDATE OR DELETE ON diplo.%I '
                   'FOR EACH ROW EXECUTE FUNCTION diplo.record_builtin_edit()', t);
    EXECUTE format('CREATE TRIGGER record_builtin_truncate BEFORE TRUNCATE ON diplo.%I '
                   'FOR EACH STATEMENT EXECUTE FUNCTION diplo.record_builtin_truncate()', t);
    EXECUTE format('CREATE TRIGGER notice_stale_objects AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON diplo.%I '
                   'FOR EACH STATEMENT EXECUTE FUNCTION diplo.notice_stale_objects()', t);
    -- Off, but on a Citus coordinator (diplo.citus_distribute_dictionary()
    -- turns them on there): every change, to the other nodes.  The capital
    -- C makes the row trigger fire before the foreign keys' cascades
    -- (triggers fire in name order, and theirs start with RI_): an
    -- entity's new key reaches the other nodes before its aliases' do.
    EXECUTE format('CREATE TRIGGER "Cluster_propagate" AFTER INSERT OR UPDATE OR DELETE ON diplo.%I '
                   'FOR EACH ROW EXECUTE FUNCTION diplo.propagate_cluster_change()', t);
    EXECUTE format('CREATE TRIGGER cluster_propagate_truncate AFTER TRUNCATE ON diplo.%I '
                   'FOR EACH STATEMENT EXECUTE FUNCTION diplo.propagate_cluster_change()', t);
    EXECUTE format('ALTER TABLE diplo.%I DISABLE TRIGGER "Cluster_propagate", DISABLE TRIGGER cluster_propagate_truncate', t);
  END LOOP;
  CREATE TRIGGER apply_user_edit BEFORE INSERT ON diplo.user_edit
    FOR EACH ROW EXECUTE FUNCTION diplo.apply_user_edit();
END
$$;
