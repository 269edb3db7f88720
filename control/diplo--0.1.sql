-- diplo 0.1: entity tagging and stance scoring for French diplomatic news.
-- This hand-written part creates the types, tables and functions; the build
-- appends the built-in dictionary (build/dict.sql, build/lexicon.sql).
-- Every reference is schema-qualified so that no search_path can capture it.

\echo Use "CREATE EXTENSION diplo" to load this file. \quit

-- The schema belongs to the extension: DROP EXTENSION drops it, and a schema
-- diplo created beforehand by someone else makes CREATE EXTENSION fail
-- instead of installing into it.
CREATE SCHEMA diplo;
COMMENT ON SCHEMA diplo IS 'diplo: entity tagging and stance scoring for French diplomatic news';

------------------------------------------------------------------------
-- Types
------------------------------------------------------------------------

CREATE TYPE diplo.entity_kind AS ENUM ('PER', 'GPE', 'ORG', 'LOC', 'EVENT', 'PRODUCT');
COMMENT ON TYPE diplo.entity_kind IS
  'kind of a named entity: PER person, GPE country/region/city, ORG organisation, LOC other place, EVENT named event, PRODUCT named weapon, aircraft, vehicle or other product (F-16, Taurus)';

CREATE TYPE diplo.token AS (
  "position" integer,
  token text,
  norm text,
  start integer,
  len integer,
  sentence integer,
  class text
);
COMMENT ON TYPE diplo.token IS
  'a token: 1-based position, original text, normalised text, substr() start and length in the document, sentence number, token class';

CREATE TYPE diplo.sentence AS (
  number integer,
  start integer,
  len integer,
  text text
);
COMMENT ON TYPE diplo.sentence IS 'a sentence: number, substr() start and length in the document, its text';

CREATE TYPE diplo.mention AS (
  surface text,
  entity text,
  kind diplo.entity_kind,
  actor text,
  start integer,
  len integer,
  sentence integer,
  method text,
  confidence real
);
COMMENT ON TYPE diplo.mention IS
  'an entity mention: exact surface text, canonical entity, kind, actor (ISO 3166-1 alpha-3 or NULL), substr() start and length, sentence, how it was found (dictionary, title, noun, name, linked, acronym) and a confidence in [0,1]';

CREATE TYPE diplo.stance AS (
  holder text,
  holder_actor text,
  target text,
  target_actor text,
  score real,
  cue text,
  sentence integer,
  start integer,
  len integer,
  negated boolean,
  hedged boolean,
  reported boolean,
  evidence text
);
COMMENT ON TYPE diplo.stance IS
  'a stance: holder entity and actor, target entity or topic key and actor, score in [-1,1] (sign = polarity, magnitude = strength), the cue words, the evidence span (sentence, substr() start and length, text) and whether it was negated, hedged or reported';

------------------------------------------------------------------------
-- Dictionary tables.  Built-in rows have builtin = true; rows users add
-- have builtin = false and are kept by pg_dump.
------------------------------------------------------------------------

CREATE TABLE diplo.country (
  code text PRIMARY KEY CHECK (code ~ '^[A-Z]{3}$'),
  name text NOT NULL CHECK (name ~ '[^[:space:][:punct:]]'),
  builtin boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE diplo.country IS 'states by ISO 3166-1 alpha-3 code, with their usual French short name (the canonical GPE entity of the state)';

CREATE TABLE diplo.entity (
  name text PRIMARY KEY CHECK (name ~ '[^[:space:][:punct:]]' AND length(name) <= 200),
  kind diplo.entity_kind NOT NULL,
  actor text REFERENCES diplo.country (code) ON UPDATE CASCADE CHECK (actor ~ '^[A-Z]{3}$'),
  title text,
  wikidata text CHECK (wikidata ~ '^Q[0-9]+$'),
  prior real NOT NULL DEFAULT 1 CHECK (prior > 0 AND prior <= 1000),
  builtin boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE diplo.entity IS 'canonical entities: name, kind, actor (ISO alpha-3 of the state it acts for), usual role title (for a GPE, ''capitale'' marks a seat of government, which may hold stances for its state), Wikidata id, prior (used to rank entities sharing an alias)';

CREATE TABLE diplo.alias (
  alias text NOT NULL CHECK (alias ~ '[^[:space:][:punct:]]' AND length(alias) <= 200),
  entity text NOT NULL REFERENCES diplo.entity (name) ON UPDATE CASCADE ON DELETE CASCADE,
  builtin boolean NOT NULL DEFAULT false,
  PRIMARY KEY (alias, entity)
);
COMMENT ON TABLE diplo.alias IS 'other surface forms of an entity; matching ignores case, accents, hyphens and apostrophe variants, but a capital letter in the alias must be a capital in the text';

CREATE TABLE diplo.demonym (
  form text PRIMARY KEY CHECK (form = lower(form) AND form ~ '[^[:space:][:punct:]]' AND length(form) <= 100),
  actor text NOT NULL REFERENCES diplo.country (code) ON UPDATE CASCADE ON DELETE CASCADE,
  builtin boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE diplo.demonym IS 'inflected nationality adjectives and nouns (russe, ukrainiennes) and the state they denote';

CREATE TABLE diplo.role (
  title text PRIMARY KEY CHECK (title ~ '[^[:space:][:punct:]]' AND title = lower(title)),
  class text NOT NULL CHECK (class IN ('head', 'minister', 'envoy', 'spokesperson', 'official', 'military', 'other')),
  builtin boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE diplo.role IS 'role titles that introduce a person (le négociateur ukrainien X); class head marks heads of state or government';

CREATE TABLE diplo.name_head (
  word text PRIMARY KEY CHECK (word ~ '[^[:space:][:punct:]]' AND length(word) <= 100),
  kind diplo.entity_kind NOT NULL,
  builtin boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE diplo.name_head IS 'capitalised words that give the kind of an unknown name they start (Conférence EVENT, Banque ORG, Golfe LOC)';

CREATE TABLE diplo.name_cue (
  cue text PRIMARY KEY CHECK (cue ~ '[^[:space:][:punct:]]' AND cue = lower(cue) AND length(cue) <= 100),
  kind diplo.entity_kind NOT NULL,
  builtin boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE diplo.name_cue IS 'common nouns that announce an unknown name and give its kind (la société X ORG, le quotidien X ORG, la ville de X GPE); role titles announce persons';

CREATE TABLE diplo.furniture (
  opener text PRIMARY KEY CHECK (opener ~ '[^[:space:][:punct:]]' AND opener = lower(opener) AND length(opener) <= 100),
  builtin boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE diplo.furniture IS 'opening words of lines of page furniture (partager sur, abonnez-vous, laisser un commentaire): a sentence that opens a line with them is not article text, and no entity is tagged in it';

CREATE TABLE diplo.particle (
  word text PRIMARY KEY CHECK (word ~ '[^[:space:][:punct:]]'),
  builtin boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE diplo.particle IS 'name particles allowed between capitalised words of a name (de, von, ben, al)';

CREATE TABLE diplo.name_hint (
  word text NOT NULL CHECK (word ~ '[^[:space:][:punct:]]'),
  hint text NOT NULL CHECK (hint IN ('first', 'surname', 'place')),
  builtin boolean NOT NULL DEFAULT false,
  PRIMARY KEY (word, hint)
);
COMMENT ON TABLE diplo.name_hint IS 'known first names, surnames and place names (from hunspell-fr) used to find names that are in no entity row';

CREATE TABLE diplo.topic (
  topic text PRIMARY KEY CHECK (topic ~ '^[a-z][a-z0-9-]*$'),
  label text NOT NULL,
  description text,
  builtin boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE diplo.topic IS 'stance topics (cessez-le-feu, paix, sanctions, ...)';

CREATE TABLE diplo.topic_term (
  term text NOT NULL CHECK (term ~ '[^[:space:][:punct:]]' AND length(term) <= 200),
  topic text NOT NULL REFERENCES diplo.topic (topic) ON UPDATE CASCADE ON DELETE CASCADE,
  polarity smallint NOT NULL DEFAULT 1 CHECK (polarity IN (-1, 1)),
  short_form boolean NOT NULL DEFAULT false,
  builtin boolean NOT NULL DEFAULT false,
  PRIMARY KEY (term, topic)
);
COMMENT ON TABLE diplo.topic_term IS 'words and patterns that evoke a topic; polarity -1 when being for the term means being against the topic (intégrité territoriale vs concessions-territoriales); * in a pattern is a gap of up to 4 words';
COMMENT ON COLUMN diplo.topic_term.short_form IS 'once the term is named in a document, its first word alone after a determiner stands for the topic (l''échange after échange de prisonniers); for terms whose first word is the topic''s own noun, not an action on it (fin, levée)';

CREATE TABLE diplo.cue (
  lemma text NOT NULL CHECK (lemma ~ '[^[:space:][:punct:]]' AND length(lemma) <= 200),
  pos text NOT NULL CHECK (pos IN ('verb', 'noun', 'adj', 'adv', 'expr')),
  polarity smallint NOT NULL CHECK (polarity IN (-1, 1)),
  weight real NOT NULL CHECK (weight > 0 AND weight <= 1),
  frame text NOT NULL CHECK (frame IN ('accept', 'reject', 'support', 'oppose', 'demand', 'propose', 'praise', 'thank', 'accuse', 'condemn', 'threaten', 'distrust', 'welcome', 'hope', 'criticize', 'evaluate', 'commit', 'seek')),
  target_mode text NOT NULL DEFAULT 'object' CHECK (target_mode IN ('object', 'subject', 'entity', 'both', 'self')),
  builtin boolean NOT NULL DEFAULT false,
  PRIMARY KEY (lemma, pos)
);
COMMENT ON TABLE diplo.cue IS 'stance cue lemmas; every inflected form matches through Snowball French stems';
COMMENT ON COLUMN diplo.cue.target_mode IS 'where the target is: object (after the cue), subject (before it: evaluations), entity (a person or state after it), both (a topic or an entity), self (the topic the cue word itself names, as a topic term: la médiation d''Oman is Oman for negotiations)';

CREATE TABLE diplo.modifier (
  word text NOT NULL CHECK (word ~ '[^[:space:][:punct:]]' AND length(word) <= 200),
  type text NOT NULL CHECK (type IN ('negation', 'hedge', 'intensifier', 'contrast', 'reporting', 'pronoun', 'collective', 'leader', 'demonstrative', 'circumstance', 'author')),
  factor real NOT NULL DEFAULT 1 CHECK (factor > 0 AND factor <= 4),
  builtin boolean NOT NULL DEFAULT false,
  PRIMARY KEY (word, type)
);
COMMENT ON TABLE diplo.modifier IS 'function words of the stance grammar: negation, hedges, intensifiers, contrast, reporting verbs, pronouns, collective and leader nouns, demonstratives, circumstantial openers (lors de) that end a cue''s object, author nouns (propos, décision) whose de- or par-complement is the author a stance on them is toward';

-- pg_dump keeps the rows users add, not the built-in ones.
SELECT pg_catalog.pg_extension_config_dump('diplo.country', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('diplo.entity', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('diplo.alias', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('diplo.demonym', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('diplo.role', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('diplo.name_head', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('diplo.name_cue', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('diplo.furniture', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('diplo.particle', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('diplo.name_hint', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('diplo.topic', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('diplo.topic_term', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('diplo.cue', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('diplo.modifier', 'WHERE NOT builtin');

------------------------------------------------------------------------
-- Cache invalidation: any change to a dictionary table, committed or
-- rolled back, tells every backend to rebuild its compiled dictionary.
------------------------------------------------------------------------

CREATE FUNCTION diplo.dictionary_changed() RETURNS trigger
  AS 'MODULE_PATHNAME', 'diplo_dictionary_changed' LANGUAGE C;
COMMENT ON FUNCTION diplo.dictionary_changed() IS
  'statement trigger on the dictionary tables: invalidates the compiled dictionary of every backend at commit';

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['country', 'entity', 'alias', 'demonym', 'role', 'name_head', 'name_cue',
                           'particle', 'name_hint', 'topic', 'topic_term', 'cue', 'modifier', 'furniture'] LOOP
    EXECUTE pg_catalog.format(
      'CREATE TRIGGER dictionary_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON diplo.%I '
      'FOR EACH STATEMENT EXECUTE FUNCTION diplo.dictionary_changed()', t);
  END LOOP;
END
$$;

------------------------------------------------------------------------
-- Privileges: everyone may read the dictionary and call the analysis
-- functions; only the owner and members of diplo_admin may change the
-- dictionary.  diplo_admin is a cluster-wide role: it outlives the extension.
------------------------------------------------------------------------

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'diplo_admin') THEN
    CREATE ROLE diplo_admin NOLOGIN;
  END IF;
END
$$;

GRANT USAGE ON SCHEMA diplo TO PUBLIC;
GRANT SELECT ON ALL TABLES IN SCHEMA diplo TO PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA diplo TO diplo_admin;
REVOKE ALL ON FUNCTION diplo.dictionary_changed() FROM PUBLIC;

------------------------------------------------------------------------
-- Text layer
------------------------------------------------------------------------

CREATE FUNCTION diplo.normalize(text) RETURNS text
  AS 'MODULE_PATHNAME', 'diplo_normalize'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION diplo.normalize(text) IS
  'NFC, one apostrophe, one space character, no zero-width characters or soft hyphens, U+2011 as -';

CREATE FUNCTION diplo.match_key(text) RETURNS text
  AS 'MODULE_PATHNAME', 'diplo_match_key'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION diplo.match_key(text) IS
  'the key names are matched on: normalize(), then case folding and accent stripping';

CREATE FUNCTION diplo.tokens(doc text) RETURNS SETOF diplo.token
  AS 'MODULE_PATHNAME', 'diplo_tokens'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 500;
COMMENT ON FUNCTION diplo.tokens(text) IS
  'French tokens of a document with substr() offsets into the original text';

CREATE FUNCTION diplo.sentences(doc text) RETURNS SETOF diplo.sentence
  AS 'MODULE_PATHNAME', 'diplo_sentences'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 30;
COMMENT ON FUNCTION diplo.sentences(text) IS
  'sentences of a document (abbreviation-, quote- and headline-aware) with substr() offsets';

CREATE FUNCTION diplo.text_stats(doc text, OUT tokens bigint, OUT sentences bigint)
  AS 'MODULE_PATHNAME', 'diplo_text_stats'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION diplo.text_stats(text) IS
  'number of tokens and sentences, without returning a row per token';

------------------------------------------------------------------------
-- Entity tagging
------------------------------------------------------------------------

CREATE FUNCTION diplo.entities(doc text) RETURNS SETOF diplo.mention
  AS 'MODULE_PATHNAME', 'diplo_entities'
  LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 40 COST 1000;
COMMENT ON FUNCTION diplo.entities(text) IS
  'named persons, places and organisations of a document, linked to canonical entities and actors; reads the dictionary tables';

-- Immutable by convention, like to_tsvector(regconfig, text): the result
-- depends on the dictionary tables, which the index does not track.  After
-- changing the dictionary, REINDEX the indexes built on this function.
CREATE FUNCTION diplo.entity_ids(doc text) RETURNS text[]
  AS 'MODULE_PATHNAME', 'diplo_entity_ids'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION diplo.entity_ids(text) IS
  'sorted distinct canonical names of the PER, GPE and ORG entities of a document, for GIN expression indexes (immutable by convention: REINDEX after changing the dictionary)';

CREATE FUNCTION diplo.dictionary_info(OUT entities bigint, OUT countries bigint, OUT cues bigint,
                                      OUT topics bigint, OUT bytes bigint)
  AS 'MODULE_PATHNAME', 'diplo_dictionary_info'
  LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION diplo.dictionary_info() IS
  'sizes of the compiled dictionary this backend uses (loading it if needed), and the memory it takes';

------------------------------------------------------------------------
-- Stance scoring
------------------------------------------------------------------------

CREATE FUNCTION diplo.stances(doc text) RETURNS SETOF diplo.stance
  AS 'MODULE_PATHNAME', 'diplo_stances'
  LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 15 COST 2500;
COMMENT ON FUNCTION diplo.stances(text) IS
  'every holder -> target stance a document states or reports, scored in [-1,1], with its cue and evidence span; reads the dictionary tables';

CREATE FUNCTION diplo.rules(OUT name text, OUT description text, OUT enabled boolean)
  RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'diplo_rules'
  LANGUAGE C STABLE PARALLEL SAFE ROWS 20;
COMMENT ON FUNCTION diplo.rules() IS
  'the named stance rules and whether each is on (SET diplo.rules_off = ''name, ...'' switches rules off, for testing)';

CREATE FUNCTION diplo.stance_summary(doc text, OUT holder text, OUT holder_actor text, OUT target text,
                                     OUT target_actor text, OUT score real, OUT polarity integer,
                                     OUT stances integer, OUT evidence text, OUT mixed boolean)
  RETURNS SETOF record
  LANGUAGE sql STABLE STRICT PARALLEL SAFE ROWS 10 COST 2500
  SET search_path = pg_catalog, pg_temp
  AS $$
    SELECT g.holder, g.holder_actor, g.target, g.target_actor,
           round(greatest(-1, least(1, g.total))::numeric, 4)::real,
           CASE WHEN g.mixed THEN 0 ELSE sign(g.total)::integer END,
           g.n, g.evidence, g.mixed
      FROM (SELECT s.holder, min(s.holder_actor) AS holder_actor, s.target, min(s.target_actor) AS target_actor,
                   sum(s.score::float8) AS total, count(*)::integer AS n,
                   string_agg(s.evidence, ' | ' ORDER BY s.start) AS evidence,
                   -- mixed: hits of both signs, the weaker side at least half
                   -- the stronger (rule mixed-pair of diplo.rules())
                   coalesce(least(sum(s.score::float8) FILTER (WHERE s.score > 0),
                                  -sum(s.score::float8) FILTER (WHERE s.score < 0))
                            >= 0.5 * greatest(sum(s.score::float8) FILTER (WHERE s.score > 0),
                                              -sum(s.score::float8) FILTER (WHERE s.score < 0))
                            AND bool_or(s.score > 0) AND bool_or(s.score < 0), false)
                   AND NOT 'mixed-pair' = ANY (string_to_array(
                         replace(coalesce(current_setting('diplo.rules_off', true), ''), ' ', ''), ',')) AS mixed
              FROM diplo.stances(doc) AS s
             GROUP BY s.holder, s.target) g
     WHERE g.total <> 0 OR g.mixed
  $$;
COMMENT ON FUNCTION diplo.stance_summary(text) IS
  'one row per (holder, target) of a document: net score clamped to [-1,1], its sign (0 for a mixed pair: hits of both signs, the weaker side at least half the stronger), how many stances and their evidence';

-- The state sums in double precision, so that a parallel or distributed
-- aggregate gives the same digits as a serial one.
CREATE FUNCTION diplo.stance_balance_step(state float8[], score real) RETURNS float8[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
  AS $$
    SELECT CASE WHEN score IS NULL OR score = 'NaN'::real THEN state
                ELSE ARRAY[state[1] + greatest(-1, least(1, score))::float8,
                           state[2] + abs(greatest(-1, least(1, score)))::float8] END
  $$;
COMMENT ON FUNCTION diplo.stance_balance_step(float8[], real) IS 'state transition of diplo.stance_balance';

CREATE FUNCTION diplo.stance_balance_combine(a float8[], b float8[]) RETURNS float8[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
  AS $$ SELECT ARRAY[a[1] + b[1], a[2] + b[2]] $$;
COMMENT ON FUNCTION diplo.stance_balance_combine(float8[], float8[]) IS 'combine function of diplo.stance_balance';

CREATE FUNCTION diplo.stance_balance_final(state float8[]) RETURNS real
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
  AS $$ SELECT CASE WHEN state[2] > 0 THEN (state[1] / state[2])::real END $$;
COMMENT ON FUNCTION diplo.stance_balance_final(float8[]) IS 'final function of diplo.stance_balance';

CREATE AGGREGATE diplo.stance_balance(real) (
  SFUNC = diplo.stance_balance_step,
  STYPE = float8[],
  INITCOND = '{0,0}',
  FINALFUNC = diplo.stance_balance_final,
  COMBINEFUNC = diplo.stance_balance_combine,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE diplo.stance_balance(real) IS
  'roll stance scores up over many articles: sum of scores over sum of their strengths, in [-1,1] (NULL when no stance)';
