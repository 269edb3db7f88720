-- What analysts reach for (0.2): stance keys, kinds and cue offsets; search
-- by state and by alias; the stance network; edits of built-in rows that
-- survive pg_dump and can be undone; stale indexes named; a hint on
-- permission errors.
\pset null '∅'

-- stance rows: a key per document, holder and target kinds, cue offsets
SELECT stance_no, holder, holder_kind, target, target_kind, score, cue,
       substr(d, cue_start, cue_len) = cue AS cue_at_offsets
  FROM (VALUES ('Le Kremlin rejette le cessez-le-feu, que Volodymyr Zelensky salue ; Emmanuel Macron critique Vladimir Poutine.')) v(d),
       diplo.stances(d)
 ORDER BY stance_no;

-- offsets count characters, also after multi-byte letters
SELECT substr(d, cue_start, cue_len) AS cue, cue_start, cue_len
  FROM (VALUES ('Éléonore à Kyïv : « Moscou rejette la trêve », a déclaré Dmitri Peskov.')) v(d),
       diplo.stances(d);

-- stance_no is a key of the rows of one document
SELECT count(*) = count(DISTINCT stance_no) AS unique_key, min(stance_no) AS first
  FROM diplo.stances('La Russie rejette le plan de paix. L''Ukraine salue le plan de paix. La Chine soutient les négociations.');

-- scores print without float noise
SELECT score::text FROM diplo.stances('Moscou ne semble pas rejeter fermement la trêve.');

-- search by state: GIN on actor_ids
SELECT diplo.actor_ids('Vladimir Poutine a reçu Xi Jinping au Kremlin, puis a appelé Donald Trump.');
SELECT diplo.actor_ids('Rien à signaler.');

-- the entities a name stands for
SELECT * FROM diplo.resolve('Poutine');
SELECT entity, via FROM diplo.resolve('ukrainienne');
SELECT entity, via FROM diplo.resolve('FRA');
SELECT count(*) FROM diplo.resolve('Zorglubie');

-- roll-ups that count international bodies beside states
SELECT e, diplo.party(e) FROM unnest(ARRAY['Kaja Kallas', 'Mark Rutte', 'OTAN', 'Vladimir Poutine', 'Reuters', 'Zorglub']) e;
SELECT coalesce(diplo.party(s.holder), s.holder) AS side, s.target, count(*)
  FROM diplo.stances('Kaja Kallas salue le cessez-le-feu. Mark Rutte soutient le cessez-le-feu. L''OTAN soutient le cessez-le-feu. Moscou rejette le cessez-le-feu.') s
 GROUP BY 1, 2 ORDER BY 1, 2;

-- the stance network
SELECT diplo.stance_graph(s)
  FROM diplo.stances('La Russie rejette le cessez-le-feu. L''Ukraine salue le cessez-le-feu. La Russie critique l''Ukraine.') s;
SELECT jsonb_pretty(diplo.stance_graph_json(s))
  FROM diplo.stances('La Russie rejette le cessez-le-feu. L''Ukraine salue le cessez-le-feu.') s;
SELECT diplo.stance_graph(ROW(h, NULL, t, NULL, s, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)::diplo.stance)
  FROM (VALUES ('A "x"', 'B', 0.5::real), (NULL, 'B', 1), ('A "x"', 'B', 'NaN'), ('A "x"', 'B', 3)) v(h, t, s);
SELECT diplo.stance_graph_json(s) FROM diplo.stances('') s;

-- a dictionary change names the indexes and materialized views it makes stale
CREATE TABLE analyst_articles (id integer PRIMARY KEY, body text);
INSERT INTO analyst_articles VALUES (1, 'Le Kremlin rejette la trêve.'), (2, 'Emmanuel Macron salue la trêve.');
CREATE INDEX analyst_ids ON analyst_articles USING gin (diplo.entity_ids(body));
CREATE INDEX analyst_actors ON analyst_articles USING gin (diplo.actor_ids(body));
CREATE MATERIALIZED VIEW analyst_stances AS
  SELECT a.id, s.stance_no, s.holder, s.target, s.score FROM analyst_articles a, diplo.stances(a.body) s;
CREATE UNIQUE INDEX ON analyst_stances (id, stance_no);
REFRESH MATERIALIZED VIEW CONCURRENTLY analyst_stances;
SELECT * FROM diplo.stale_objects();
SET enable_seqscan = off;
SELECT id FROM analyst_articles WHERE diplo.actor_ids(body) @> '{RUS}';
RESET enable_seqscan;
BEGIN;
INSERT INTO diplo.alias (alias, entity) VALUES ('le tsar', 'Vladimir Poutine');
INSERT INTO diplo.alias (alias, entity) VALUES ('le maître du Kremlin', 'Vladimir Poutine');
COMMIT;

-- edits of built-in rows are recorded; builtin is read-only
UPDATE diplo.entity SET prior = 7 WHERE name = 'Vladimir Poutine';
DELETE FROM diplo.cue WHERE lemma = 'rejeter';
UPDATE diplo.cue SET builtin = false WHERE lemma = 'saluer' AND pos = 'verb';
INSERT INTO diplo.topic (topic, label, builtin) VALUES ('zorglubisme', 'zorglubisme', true);
SELECT tbl, key, action, data ->> 'prior' AS prior FROM diplo.user_edit ORDER BY tbl;
SELECT builtin FROM diplo.cue WHERE lemma = 'saluer' AND pos = 'verb';
SELECT builtin FROM diplo.topic WHERE topic = 'zorglubisme';
-- an update back to the installed value is no edit any more
UPDATE diplo.entity SET prior = 1 WHERE name = 'Vladimir Poutine';
SELECT tbl, action FROM diplo.user_edit ORDER BY tbl;
-- the key of a built-in row cannot change
UPDATE diplo.entity SET name = 'V. Poutine' WHERE name = 'Vladimir Poutine';
-- a deleted built-in row inserted again is an edit of it
INSERT INTO diplo.cue (lemma, pos, polarity, weight, frame) VALUES ('rejeter', 'verb', -1, 0.5, 'reject');
SELECT tbl, action, data ->> 'weight' AS weight FROM diplo.user_edit ORDER BY tbl;
SELECT builtin, weight FROM diplo.cue WHERE lemma = 'rejeter';
-- restore_builtin() puts the built-in rows back, keeps the user's
SELECT diplo.restore_builtin('diplo.cue');
SELECT weight FROM diplo.cue WHERE lemma = 'rejeter';
SELECT diplo.restore_builtin('diplo.stance');
DELETE FROM diplo.alias WHERE NOT builtin AND entity = 'Vladimir Poutine';
DELETE FROM diplo.topic WHERE topic = 'zorglubisme';
SELECT diplo.restore_builtin();
SELECT count(*) FROM diplo.user_edit;

-- who may change the dictionary
CREATE ROLE analyst_reader;
SET ROLE analyst_reader;
DELETE FROM diplo.cue WHERE lemma = 'saluer';
SELECT count(*) > 0 AS can_read FROM diplo.cue;
RESET ROLE;
DROP ROLE analyst_reader;

DROP MATERIALIZED VIEW analyst_stances;
DROP TABLE analyst_articles;

-- plain text from web pages
SELECT diplo.strip_html('<p>Emmanuel <b>Macron</b> a re&ccedil;u Volodymyr <a href="/z">Zelensky</a>.</p><script>x("<p>")</script>');
SELECT entity FROM diplo.entities(diplo.strip_html('Emmanuel <b>Macron</b> &agrave;&nbsp;Kyiv')) ORDER BY start;
SELECT diplo.strip_html('plain text stays as it is') = 'plain text stays as it is' AS identity;
