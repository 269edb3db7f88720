-- winer_ner: score diplo.entities() on all 571 WiNER-fr 2016 articles of
-- shared/winer with the rules of shared/eval/winer.py (exact spans; PER, LOC
-- = GPE + LOC, ORG; a system span equal to a gold Product or Event span is
-- not counted), micro-averaged; fail when a score drops below its threshold.
-- The fixture test/fixtures/winer_ner.sql is made from shared/ at test time
-- (scripts/make_fixtures.py --winer, run by scripts/cluster-tests.sh).
\ir lib/tap_session.sql

BEGIN;
SELECT plan(5);

\ir fixtures/winer_ner.sql

CREATE TEMP TABLE ner_sys AS
SELECT DISTINCT d.doc, e.start - 1 AS s, e.start - 1 + e.len AS e,
       CASE e.kind::text WHEN 'GPE' THEN 'LOC' ELSE e.kind::text END AS kind
  FROM ner_docs d, diplo.entities(d.body) e
 WHERE e.kind::text IN ('PER', 'GPE', 'LOC', 'ORG')
   AND NOT EXISTS (SELECT 1 FROM ner_excused x WHERE x.doc = d.doc AND x.s = e.start - 1
                                                AND x.e = e.start - 1 + e.len);

CREATE TEMP TABLE ner_scores AS
WITH kinds(kind) AS (VALUES ('ALL'), ('PER'), ('LOC'), ('ORG')),
counts AS (
  SELECT k.kind,
         (SELECT count(*) FROM ner_sys s JOIN ner_gold g USING (doc, s, e, kind)
           WHERE k.kind IN ('ALL', s.kind))::float8 AS tp,
         (SELECT count(*) FROM ner_sys s WHERE k.kind IN ('ALL', s.kind))::float8 AS nsys,
         (SELECT count(*) FROM ner_gold g WHERE k.kind IN ('ALL', g.kind))::float8 AS ngold
    FROM kinds k)
SELECT kind, ngold, CASE WHEN tp = 0 THEN 0 ELSE 2 * tp / (nsys + ngold) END AS f1 FROM counts;

SELECT is((SELECT count(*) FROM ner_docs), 571::bigint, 'the 571 WiNER-fr 2016 articles are loaded');

-- thresholds a little under the scores measured when they were last set
-- (README, Accuracy: F1 0.875, PER 0.914, LOC 0.894, ORG 0.759 on
-- 2026-12-07, after the issue 16 rules acronym-gloss to head-complement):
-- raise them as the tagger improves
CREATE FUNCTION pg_temp.at_least(k text, threshold float8) RETURNS text
LANGUAGE sql AS $$
  SELECT ok(f1 >= threshold,
            format('WiNER entities %s exact-span F1 %s >= %s (gold %s)', k, round(f1::numeric, 3),
                   threshold, ngold))
    FROM ner_scores WHERE kind = k
$$;
SELECT pg_temp.at_least('ALL', 0.873);
SELECT pg_temp.at_least('PER', 0.912);
SELECT pg_temp.at_least('LOC', 0.892);
SELECT pg_temp.at_least('ORG', 0.757);

SELECT diag(string_agg(format('WiNER entities %s F1 = %s (gold %s)', kind, round(f1::numeric, 3), ngold),
                       E'\n' ORDER BY kind))
  FROM ner_scores;

SELECT * FROM finish();
ROLLBACK;
