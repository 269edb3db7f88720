-- stances: holder -> target stances of short, clear sentences (holder,
-- target, sign, negated, hedged, reported), their evidence spans,
-- stance_summary() and the stance_balance aggregate.

CREATE TABLE st_docs (id int PRIMARY KEY, phenomenon text NOT NULL, doc text NOT NULL);
INSERT INTO st_docs VALUES
(1, 'verb, topic', 'Emmanuel Macron soutient le plan de paix.'),
(2, 'verb, state body', 'Le Kremlin rejette toute trêve.'),
(3, 'verb, entity target', 'Donald Trump a accusé Vladimir Poutine de mentir.'),
(4, 'negation', 'Volodymyr Zelensky n''a pas accepté le cessez-le-feu.'),
(5, 'negation', 'Keir Starmer ne soutient plus les sanctions.'),
(6, 'negation', 'Donald Trump n''a jamais accepté la trêve.'),
(7, 'hedge', 'Olaf Scholz pourrait soutenir les sanctions.'),
(8, 'hedge', 'Sergueï Lavrov semble favorable à un sommet.'),
(9, 'hedge', 'Donald Trump a apparemment accepté la trêve.'),
(10, 'negated rejection', 'Le Kremlin n''a pas rejeté catégoriquement la proposition de trêve.'),
(11, 'metonymy holder', 'Moscou refuse tout échange de prisonniers.'),
(12, 'entity target', 'Mark Rutte a salué la fermeté de Keir Starmer.'),
(13, 'demand', 'Xi Jinping appelle à l''ouverture de négociations.'),
(14, 'demand', 'Moscou exige le retrait des troupes ukrainiennes du Donbass.'),
(15, 'demand', 'Friedrich Merz réclame davantage d''aide militaire pour Kiev.'),
(16, 'quote, speaker after', '« Je remercie Donald Trump », a déclaré Volodymyr Zelensky.'),
(35, 'quote, speaker before', 'Dmitri Peskov a déclaré : « Nous rejetons cette trêve. »'),
(17, 'entity target, no actor holder', 'Kaja Kallas a condamné la Russie.'),
(18, 'evaluative adjective', 'Pete Hegseth a jugé l''adhésion de l''Ukraine à l''OTAN irréaliste.'),
(19, 'framing Selon', 'Selon Moscou, les sanctions sont illégales.'),
(20, 'passive agent', 'Le cessez-le-feu a été rejeté par Moscou.'),
(21, 'verb, topic', 'Viktor Orban s''oppose à l''aide militaire.'),
(22, 'reflexive verb', 'Recep Tayyip Erdogan se félicite de l''échange de prisonniers.'),
(23, 'infinitive topic', 'Volodymyr Zelensky refuse de céder des territoires.'),
(24, 'pronoun', 'Marco Rubio a salué Emmanuel Macron. Il a ensuite critiqué Vladimir Poutine.'),
(25, 'nominal holder, no person', 'Le président russe a rejeté la trêve.'),
(26, 'nominal holder, person named', 'Vladimir Poutine est arrivé. Le président russe a rejeté la trêve.'),
(27, 'intensifier', 'Emmanuel Macron a fermement condamné la Russie.'),
(28, 'plain', 'Emmanuel Macron a condamné la Russie.'),
(29, 'plain', 'Donald Trump a accepté la trêve.'),
(30, 'plain', 'Le Kremlin a rejeté la proposition de trêve.'),
-- neutral sentences: no stance at all
(31, 'neutral', 'Emmanuel Macron se rendra à Bruxelles mardi.'),
(32, 'neutral', 'Sergueï Lavrov a atterri à Genève dans la soirée.'),
(33, 'neutral question', 'Keir Starmer soutiendra-t-il la trêve ?'),
(34, 'neutral', 'Le Kremlin a publié la liste de ses délégués.');

-- the stances, with the sign of their score
SELECT d.id, s.holder, s.holder_actor, s.target, s.target_actor,
       sign(s.score)::int AS sign, s.negated, s.hedged, s.reported, s.sentence
  FROM st_docs d, diplo.stances(d.doc) s
 ORDER BY d.id, s.sentence, s.start, s.holder COLLATE "C", s.target COLLATE "C";

-- documents without any stance
SELECT d.id, d.phenomenon
  FROM st_docs d
 WHERE NOT EXISTS (SELECT 1 FROM diplo.stances(d.doc))
 ORDER BY d.id;

-- scores are finite, non-zero and within [-1,1]; the evidence is the
-- substr() span it claims, lies in its sentence and holds the cue
SELECT count(*) > 30 AS many_stances,
       count(*) FILTER (WHERE NOT (s.score BETWEEN -1 AND 1) OR s.score = 0
                          OR s.score IN ('NaN', 'Infinity', '-Infinity')) AS bad_scores,
       count(*) FILTER (WHERE substr(d.doc, s.start, s.len) IS DISTINCT FROM s.evidence) AS evidence_offset_violations,
       count(*) FILTER (WHERE position(s.cue IN s.evidence) = 0) AS cue_outside_evidence,
       count(*) FILTER (WHERE s.holder IS NULL OR s.target IS NULL) AS missing_holder_or_target
  FROM st_docs d, diplo.stances(d.doc) s;
SELECT count(*) AS evidence_outside_its_sentence
  FROM st_docs d
  CROSS JOIN LATERAL diplo.stances(d.doc) s
  LEFT JOIN LATERAL diplo.sentences(d.doc) x
         ON x.number = s.sentence AND s.start >= x.start AND s.start + s.len <= x.start + x.len
 WHERE x.number IS NULL;

-- strengths: a hedge weakens, an intensifier strengthens, a negated
-- rejection is weaker support than an acceptance
CREATE FUNCTION pg_temp.score_of(doc_id int) RETURNS real
LANGUAGE sql AS $$
  SELECT sum(s.score)::real FROM st_docs d, diplo.stances(d.doc) s WHERE d.id = doc_id
$$;
SELECT abs(pg_temp.score_of(9)) < abs(pg_temp.score_of(29)) AS hedge_weakens,
       abs(pg_temp.score_of(27)) > abs(pg_temp.score_of(28)) AS intensifier_strengthens,
       pg_temp.score_of(10) > 0 AS negated_rejection_supports,
       pg_temp.score_of(10) < abs(pg_temp.score_of(30)) AS negated_rejection_is_weaker,
       pg_temp.score_of(6) < 0 AS negated_acceptance_opposes,
       abs(pg_temp.score_of(6)) < abs(pg_temp.score_of(29)) AS negation_weakens;

------------------------------------------------------------------------
-- stance_summary: one row per (holder, target), net score clamped to
-- [-1,1]; pairs whose scores cancel out are left out
------------------------------------------------------------------------

SELECT holder, holder_actor, target, target_actor, sign(score)::int AS sign, polarity, stances
  FROM diplo.stance_summary('Emmanuel Macron soutient la trêve. Il salue aussi le cessez-le-feu. Emmanuel Macron critique Vladimir Poutine.')
 ORDER BY holder COLLATE "C", target COLLATE "C";

-- with cues of known weights: 0.7 + 0.7 is clamped to 1; 0.5 and -0.5 on
-- one pair make it mixed (polarity 0, mixed true): hits of both signs, the
-- weaker side at least half the stronger
BEGIN;
INSERT INTO diplo.cue (lemma, pos, polarity, weight, frame) VALUES
  ('adouber', 'verb', 1, 0.7, 'support'),
  ('conspuer', 'verb', -1, 0.5, 'oppose'),
  ('ovationner', 'verb', 1, 0.5, 'support');
SELECT holder, target, score, cue FROM diplo.stances(
  'Emmanuel Macron adoube la trêve. Emmanuel Macron adoube le cessez-le-feu. ' ||
  'Emmanuel Macron ovationne les sanctions. Emmanuel Macron conspue les sanctions.')
 ORDER BY start;
SELECT holder, target, score, polarity, stances, evidence, mixed FROM diplo.stance_summary(
  'Emmanuel Macron adoube la trêve. Emmanuel Macron adoube le cessez-le-feu. ' ||
  'Emmanuel Macron ovationne les sanctions. Emmanuel Macron conspue les sanctions.')
 ORDER BY holder COLLATE "C", target COLLATE "C";
-- a weak opposite hit does not make a pair mixed: 0.7 and -0.5
SELECT holder, target, score, polarity, mixed FROM diplo.stance_summary(
  'Emmanuel Macron adoube les sanctions. Emmanuel Macron conspue les sanctions. Emmanuel Macron adoube les sanctions.')
 ORDER BY holder COLLATE "C", target COLLATE "C";
-- with the rule mixed-pair off, the cancelling pair is left out as before
SET LOCAL diplo.rules_off = 'mixed-pair';
SELECT count(*) AS rows_without_rule FROM diplo.stance_summary(
  'Emmanuel Macron ovationne les sanctions. Emmanuel Macron conspue les sanctions.');
ROLLBACK;

-- a document without stances has no summary
SELECT count(*) AS summary_rows FROM diplo.stance_summary('Emmanuel Macron se rendra à Bruxelles mardi.');

------------------------------------------------------------------------
-- stance_balance: sum of scores over sum of their strengths
------------------------------------------------------------------------

SELECT round(diplo.stance_balance(x)::numeric, 4) AS balance
  FROM (VALUES (0.5::real), (-0.25), (NULL), ('NaN')) AS v(x);
SELECT diplo.stance_balance(x) AS all_positive FROM (VALUES (0.2::real), (0.9)) AS v(x);
SELECT diplo.stance_balance(x) AS all_negative FROM (VALUES (-0.2::real), (-0.9)) AS v(x);
SELECT diplo.stance_balance(x) AS no_rows FROM (SELECT 1::real WHERE false) AS v(x);
SELECT diplo.stance_balance(x) AS only_null FROM (VALUES (NULL::real)) AS v(x);
SELECT diplo.stance_balance_combine('{0.5,1.5}', '{-0.25,0.25}') AS combined;

-- over a small table of articles, per outlet
CREATE TABLE st_articles (id int PRIMARY KEY, outlet text NOT NULL, body text NOT NULL);
INSERT INTO st_articles VALUES
(1, 'Le Quotidien', 'Le Kremlin rejette toute trêve.'),
(2, 'Le Quotidien', 'Moscou refuse tout échange de prisonniers.'),
(3, 'Le Quotidien', 'Le cessez-le-feu a été rejeté par Moscou.'),
(4, 'La Gazette', 'Emmanuel Macron soutient le plan de paix.'),
(5, 'La Gazette', 'Donald Trump a accepté la trêve.'),
(6, 'L''Hebdo', 'Donald Trump a accepté la trêve.'),
(7, 'L''Hebdo', 'Le Kremlin rejette toute trêve.'),
(8, 'Le Bulletin', 'Emmanuel Macron se rendra à Bruxelles mardi.');

SELECT a.outlet,
       count(s.score) AS stances,
       diplo.stance_balance(s.score) AS balance
  FROM st_articles a LEFT JOIN LATERAL diplo.stances(a.body) s ON true
 WHERE a.outlet <> 'L''Hebdo'
 GROUP BY a.outlet
 ORDER BY a.outlet COLLATE "C";
-- a mixed outlet is strictly between -1 and 1
SELECT a.outlet, count(s.score) AS stances,
       diplo.stance_balance(s.score) > -1 AND diplo.stance_balance(s.score) < 1 AS mixed
  FROM st_articles a, diplo.stances(a.body) s
 WHERE a.outlet = 'L''Hebdo'
 GROUP BY a.outlet;
-- per holder actor and target, over every outlet
SELECT s.holder_actor, s.target, count(*) AS stances, diplo.stance_balance(s.score) AS balance
  FROM st_articles a, diplo.stances(a.body) s
 GROUP BY s.holder_actor, s.target
 ORDER BY s.holder_actor COLLATE "C", s.target COLLATE "C";

-- a parallel plan gives the serial answer
CREATE TABLE st_scores AS
SELECT g AS id, ((((g * 7919) % 201) - 80) / 100.0)::real AS score FROM generate_series(1, 50000) g;
ANALYZE st_scores;
SELECT round(diplo.stance_balance(score)::numeric, 3) AS serial FROM st_scores;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT diplo.stance_balance(score) FROM st_scores;
SELECT round(diplo.stance_balance(score)::numeric, 3) AS parallel FROM st_scores;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

DROP TABLE st_scores;
DROP TABLE st_articles;
DROP TABLE st_docs;

-- rows come in text order (sentence, then position), whatever found them
SELECT bool_and(ord = rn) AS text_order
  FROM (SELECT row_number() OVER () AS ord,
               row_number() OVER (ORDER BY sentence, start) AS rn
          FROM diplo.stances('Moscou rejette le cessez-le-feu. Zelensky remercie Trump. Le Kremlin accuse Kiev de sabotage. Kiev salue les sanctions.')) s;

-- "plutôt que" ends the object: no support for what is set aside
SELECT holder, target, score > 0 AS positive, cue
  FROM diplo.stances('Berlin réclame des garanties de sécurité plutôt qu''une adhésion de l''Ukraine à l''OTAN. Paris soutient les sanctions au lieu d''une trêve.')
 ORDER BY sentence, target COLLATE "C";

-- a name inside a topic ("l'adhésion de la Géorgie à l'OTAN") is not a target of its own
SELECT holder, target, score > 0 AS positive
  FROM diplo.stances('L''Allemagne défend l''adhésion de la Géorgie à l''OTAN.')
 ORDER BY target COLLATE "C";
