-- Scores one group of gold documents (gold_docs.grp = :'grp') as
-- shared/eval/score.py does: mention F1, linking, actor accuracy, stance F1
-- and stance F1 at actor level, into gold_scores (grp, metric, value, n).
-- Included by test/gold.sql and test/winer.sql after their fixtures, once
-- per group; the caller creates gold_scores.
SET client_min_messages = warning;
DROP VIEW IF EXISTS g_entities, g_stances;
DROP TABLE IF EXISTS sys_ents, sys_stances, st, gt, sys_map, gold_map;
-- Names are compared after NFC, case folding, accent stripping (match_key)
-- and folding of hyphens, apostrophes, periods, underscores and spaces.
CREATE OR REPLACE FUNCTION pg_temp.gnorm(s text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT btrim(regexp_replace(
           translate(diplo.match_key(s),
                     E'\u2019''\u2018`-\u2010\u2011\u2013\u2014_.\u00A0\u202F',
                     '             '),
           '[ \t\n\r\f\v]+', ' ', 'g'))
$$;

-- what the extension finds (scored kinds only) in the gold documents
CREATE TEMP VIEW g_entities AS
SELECT * FROM gold_entities WHERE doc IN (SELECT doc FROM gold_docs WHERE grp = :'grp');
CREATE TEMP VIEW g_stances AS
SELECT * FROM gold_stances WHERE doc IN (SELECT doc FROM gold_docs WHERE grp = :'grp');
CREATE TEMP TABLE sys_ents AS
SELECT d.doc, e.surface, e.entity, e.kind::text AS kind, e.actor
  FROM gold_docs d, diplo.entities(d.body) e
 WHERE e.kind IN ('PER', 'GPE', 'ORG') AND d.grp = :'grp';
-- scores as score.py reads them: the text form of the real, as a double
CREATE TEMP TABLE sys_stances AS
SELECT d.doc, s.holder, s.target, s.score::text::float8 AS score
  FROM gold_docs d, diplo.stances(d.body) s
 WHERE d.grp = :'grp';

CREATE OR REPLACE FUNCTION pg_temp.f1(tp bigint, fp bigint, fn bigint) RETURNS float8
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN tp = 0 THEN 0.0
              ELSE 2.0 * (tp::float8 / (tp + fp)) * (tp::float8 / (tp + fn))
                   / ((tp::float8 / (tp + fp)) + (tp::float8 / (tp + fn))) END
$$;

-- mention F1: distinct (surface, kind) per document, micro-averaged
INSERT INTO gold_scores
SELECT :'grp', 'mention_f1', pg_temp.f1(count(*) FILTER (WHERE g.k IS NOT NULL AND s.k IS NOT NULL),
                                count(*) FILTER (WHERE g.k IS NULL),
                                count(*) FILTER (WHERE s.k IS NULL)),
       count(*) FILTER (WHERE g.k IS NOT NULL)
  FROM (SELECT DISTINCT doc, pg_temp.gnorm(surface) AS k, upper(kind) AS kind FROM g_entities) g
  FULL JOIN (SELECT DISTINCT doc, pg_temp.gnorm(surface) AS k, upper(kind) AS kind FROM sys_ents) s
    ON s.doc = g.doc AND s.k = g.k AND s.kind = g.kind;

-- linking: gold surfaces the extension found, linked to the gold entity
INSERT INTO gold_scores
SELECT :'grp', 'linking', avg(ok::int), count(*)
  FROM (SELECT EXISTS (SELECT 1 FROM sys_ents s
                        WHERE s.doc = g.doc AND pg_temp.gnorm(s.surface) = pg_temp.gnorm(g.surface)
                          AND pg_temp.gnorm(s.entity) = pg_temp.gnorm(g.entity)) AS ok
          FROM g_entities g
         WHERE EXISTS (SELECT 1 FROM sys_ents s
                        WHERE s.doc = g.doc AND pg_temp.gnorm(s.surface) = pg_temp.gnorm(g.surface))) x;

-- actors: gold entities the extension found, with the gold actor
INSERT INTO gold_scores
SELECT :'grp', 'actor', avg(ok::int), count(*)
  FROM (SELECT EXISTS (SELECT 1 FROM sys_ents s
                        WHERE s.doc = g.doc AND pg_temp.gnorm(s.entity) = g.ent
                          AND upper(coalesce(s.actor, '')) = g.actor) AS ok
          FROM (SELECT DISTINCT doc, pg_temp.gnorm(entity) AS ent, upper(coalesce(actor, '')) AS actor
                  FROM g_entities) g
         WHERE EXISTS (SELECT 1 FROM sys_ents s WHERE s.doc = g.doc AND pg_temp.gnorm(s.entity) = g.ent)) x;

-- stances: one signed triple per (holder, target) per document
CREATE TEMP TABLE st AS
SELECT doc, pg_temp.gnorm(holder) AS h, pg_temp.gnorm(target) AS t, CASE WHEN sum(score) > 0 THEN 1 ELSE -1 END AS p
  FROM sys_stances
 GROUP BY doc, pg_temp.gnorm(holder), pg_temp.gnorm(target)
HAVING sum(score) <> 0;
CREATE TEMP TABLE gt AS
SELECT DISTINCT doc, pg_temp.gnorm(holder) AS h, pg_temp.gnorm(target) AS t, CASE WHEN polarity > 0 THEN 1 ELSE -1 END AS p
  FROM g_stances;
INSERT INTO gold_scores
SELECT :'grp', 'stance_f1', pg_temp.f1(count(*) FILTER (WHERE g.h IS NOT NULL AND s.h IS NOT NULL),
                               count(*) FILTER (WHERE g.h IS NULL),
                               count(*) FILTER (WHERE s.h IS NULL)),
       count(*) FILTER (WHERE g.h IS NOT NULL)
  FROM gt g FULL JOIN st s ON s.doc = g.doc AND s.h = g.h AND s.t = g.t AND s.p = g.p;

-- stances at actor level: holders and entity targets replaced by the actor
-- the extension (for its triples) or the gold (for the gold triples) gives
CREATE TEMP TABLE sys_map AS
SELECT doc, ent, act FROM (
  SELECT doc, pg_temp.gnorm(entity) AS ent, min(upper(coalesce(actor, '')) COLLATE "C") AS act
    FROM sys_ents GROUP BY doc, pg_temp.gnorm(entity)) m
 WHERE act <> '';
CREATE TEMP TABLE gold_map AS
SELECT DISTINCT doc, pg_temp.gnorm(entity) AS ent, upper(actor) AS act
  FROM g_entities WHERE coalesce(actor, '') <> '';
INSERT INTO gold_scores
SELECT :'grp', 'stance_actor_f1', pg_temp.f1(count(*) FILTER (WHERE g.h IS NOT NULL AND s.h IS NOT NULL),
                                     count(*) FILTER (WHERE g.h IS NULL),
                                     count(*) FILTER (WHERE s.h IS NULL)),
       count(*) FILTER (WHERE g.h IS NOT NULL)
  FROM (SELECT DISTINCT x.doc, coalesce(mh.act, x.h) AS h, coalesce(mt.act, x.t) AS t, x.p
          FROM gt x
          LEFT JOIN gold_map mh ON mh.doc = x.doc AND mh.ent = x.h
          LEFT JOIN gold_map mt ON mt.doc = x.doc AND mt.ent = x.t) g
  FULL JOIN
       (SELECT DISTINCT x.doc, coalesce(mh.act, x.h) AS h, coalesce(mt.act, x.t) AS t, x.p
          FROM st x
          LEFT JOIN sys_map mh ON mh.doc = x.doc AND mh.ent = x.h
          LEFT JOIN sys_map mt ON mt.doc = x.doc AND mt.ent = x.t) s
    ON s.doc = g.doc AND s.h = g.h AND s.t = g.t AND s.p = g.p;

