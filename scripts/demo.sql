-- The analysis the demo prints over the bundled sample corpus.
\pset footer off
\echo
\echo '== The corpus'
SELECT count(*) AS articles, sum(s.tokens) AS tokens, sum(s.sentences) AS sentences
  FROM articles a, diplo.text_stats(a.body) s;

\echo
\echo '== Who is mentioned (top 15 canonical entities)'
SELECT m.entity, m.kind, m.actor, count(*) AS mentions, count(DISTINCT a.id) AS articles,
       string_agg(DISTINCT m.surface, ', ') AS written_as
  FROM articles a, diplo.entities(a.body) m
 WHERE m.kind IN ('PER', 'GPE', 'ORG')
 GROUP BY m.entity, m.kind, m.actor
 ORDER BY mentions DESC, m.entity
 LIMIT 15;

\echo
\echo '== Names found without a dictionary entry (title cues, linking)'
SELECT DISTINCT m.surface, m.entity, m.kind, m.actor, m.method
  FROM articles a, diplo.entities(a.body) m
 WHERE m.method <> 'dictionary'
 ORDER BY m.entity;

\echo
\echo '== Who is for or against what (net balance over the corpus, strongest first)'
SELECT s.holder, s.target, round(diplo.stance_balance(s.score)::numeric, 2) AS balance,
       count(*) AS stances, count(DISTINCT a.id) AS articles
  FROM articles a, diplo.stances(a.body) s
 GROUP BY s.holder, s.target
 ORDER BY count(*) DESC, abs(diplo.stance_balance(s.score)) DESC, s.holder, s.target
 LIMIT 25;

\echo
\echo '== The same, rolled up to states (actor codes)'
SELECT s.holder_actor, coalesce(s.target_actor, s.target) AS target,
       round(diplo.stance_balance(s.score)::numeric, 2) AS balance, count(*) AS stances
  FROM articles a, diplo.stances(a.body) s
 WHERE s.holder_actor IS NOT NULL
 GROUP BY 1, 2
 ORDER BY count(*) DESC, 1, 2
 LIMIT 15;

\echo
\echo '== Every score points at its words (first article)'
SELECT s.holder, s.target, round(s.score::numeric, 2) AS score, s.cue,
       s.negated, s.hedged, s.reported, left(s.evidence, 90) AS evidence
  FROM articles a, diplo.stances(a.body) s
 WHERE a.id = 1
 ORDER BY s.start;
