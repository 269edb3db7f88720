-- badinput: NULL, empty, huge, deeply nested and odd Unicode input.  Every
-- function answers (no error, no crash) with the stated result; offsets
-- always satisfy substr(); scores are always finite and within [-1,1].

-- one row of counts and invariant checks over every function of a text.
-- substr() is linear in the offset on multibyte text, so on huge texts the
-- offsets of the first and last 100 rows of each kind are checked.
CREATE FUNCTION pg_temp.probe(x text)
RETURNS TABLE (tokens bigint, sentences bigint, mentions bigint, stances bigint,
               bad_offsets bigint, bad_scores bigint, stats_agree boolean)
LANGUAGE sql AS $$
  WITH t AS (SELECT *, row_number() OVER (ORDER BY start) AS rn, count(*) OVER () AS n FROM diplo.tokens(x)),
       s AS (SELECT *, row_number() OVER (ORDER BY start) AS rn, count(*) OVER () AS n FROM diplo.sentences(x)),
       m AS (SELECT *, row_number() OVER (ORDER BY start) AS rn, count(*) OVER () AS n FROM diplo.entities(x)),
       st AS (SELECT *, row_number() OVER (ORDER BY start) AS rn, count(*) OVER () AS n FROM diplo.stances(x))
  SELECT (SELECT count(*) FROM t),
         (SELECT count(*) FROM s),
         (SELECT count(*) FROM m),
         (SELECT count(*) FROM st),
         (SELECT count(*) FROM t WHERE (t.rn <= 100 OR t.rn > t.n - 100)
                                   AND (substr(x, t.start, t.len) IS DISTINCT FROM t.token OR t.len < 1))
       + (SELECT count(*) FROM s WHERE (s.rn <= 100 OR s.rn > s.n - 100)
                                   AND (substr(x, s.start, s.len) IS DISTINCT FROM s.text OR s.len < 1))
       + (SELECT count(*) FROM m WHERE (m.rn <= 100 OR m.rn > m.n - 100)
                                   AND (substr(x, m.start, m.len) IS DISTINCT FROM m.surface OR m.len < 1))
       + (SELECT count(*) FROM st WHERE (st.rn <= 100 OR st.rn > st.n - 100)
                                    AND (substr(x, st.start, st.len) IS DISTINCT FROM st.evidence OR st.len < 1)),
         (SELECT count(*) FROM st WHERE st.score IS NULL OR st.score = 0 OR NOT (st.score BETWEEN -1 AND 1)
                                     OR st.score IN ('NaN', 'Infinity', '-Infinity')),
         (SELECT ROW(ts.tokens, ts.sentences) = ROW((SELECT count(*) FROM t), (SELECT count(*) FROM s))
            FROM diplo.text_stats(x) ts)
$$;

------------------------------------------------------------------------
-- NULL: every function is STRICT, so NULL in gives NULL or no rows
------------------------------------------------------------------------

SELECT diplo.normalize(NULL) IS NULL AS normalize,
       diplo.match_key(NULL) IS NULL AS match_key,
       diplo.entity_ids(NULL) IS NULL AS entity_ids,
       (SELECT count(*) FROM diplo.tokens(NULL)) AS tokens,
       (SELECT count(*) FROM diplo.sentences(NULL)) AS sentences,
       (SELECT count(*) FROM diplo.entities(NULL)) AS mentions,
       (SELECT count(*) FROM diplo.stances(NULL)) AS stances,
       (SELECT count(*) FROM diplo.stance_summary(NULL)) AS summary;
SELECT tokens IS NULL AS tokens_null, sentences IS NULL AS sentences_null FROM diplo.text_stats(NULL);
SELECT diplo.stance_balance(NULL::real) IS NULL AS balance_of_null;

------------------------------------------------------------------------
-- empty, blank and punctuation-only text: no tokens or one per mark,
-- never a mention or a stance
------------------------------------------------------------------------

SELECT label, p.*
  FROM (VALUES (1, 'empty', ''),
               (2, 'spaces, tab, newlines', E'   \t\n\r\n  '),
               (3, 'NBSP, narrow NBSP, thin space', E'\u00A0\u202F\u2009'),
               (4, 'zero-width space and soft hyphen', E'\u200B\u00AD\u200B'),
               (5, 'punctuation only', '... !!! ??? « » — ; : , . ( ) [ ] / \ * & % $ #'),
               (6, 'one period', '.')) AS v(n, label, x),
       pg_temp.probe(x) p
 ORDER BY n;
SELECT diplo.normalize('') = '' AS empty_normalize,
       diplo.match_key('') = '' AS empty_match_key,
       diplo.entity_ids('') = '{}' AS empty_ids,
       diplo.normalize(E'\u200B\u00AD') = '' AS invisible_removed,
       diplo.entity_ids(E'\u00A0 \t') = '{}' AS blank_ids;

------------------------------------------------------------------------
-- huge input
------------------------------------------------------------------------

-- a 10 MB single word: one token, one sentence, nothing else
SELECT p.* FROM pg_temp.probe(repeat('a', 10000000)) p;
SELECT length(diplo.normalize(repeat('a', 10000000))) AS normalized_length,
       length(diplo.match_key(repeat('A', 10000000))) AS key_length;

-- 10 000 nested guillemets: 10 000 quote tokens, no mention, no stance
SELECT p.* FROM pg_temp.probe(repeat('« ', 10000)) p;
SELECT count(*) FILTER (WHERE class = 'quote') AS quote_tokens FROM diplo.tokens(repeat('« ', 10000));
-- nested guillemets around a real sentence do not lose it
SELECT holder, target, sign(score)::int AS sign
  FROM diplo.stances(repeat('« ', 1000) || 'Le Kremlin rejette toute trêve.' || repeat(' »', 1000))
 ORDER BY start;

-- a quote that never closes, and one that never opened
SELECT p.* FROM pg_temp.probe('« Nous rejetons toute trêve, a dit Dmitri Peskov. Emmanuel Macron soutient la paix.') p;
SELECT holder, target, sign(score)::int AS sign
  FROM diplo.stances('« Nous rejetons toute trêve, a dit Dmitri Peskov. Emmanuel Macron soutient la paix.')
 ORDER BY start;
SELECT p.* FROM pg_temp.probe('Nous rejetons toute trêve », a dit Dmitri Peskov. Emmanuel Macron soutient la paix.') p;

-- a sentence of 100 000 words, ending with a stance
SELECT p.* FROM pg_temp.probe(repeat('le chat dort ', 33334) || 'Poutine rejette la trêve.') p;
SELECT holder, target, sign(score)::int AS sign
  FROM diplo.stances(repeat('le chat dort ', 33334) || 'Poutine rejette la trêve.');

-- "Macron " 100 000 times: 100 000 mentions of one entity, no stance
SELECT count(*) AS mentions, count(DISTINCT entity) AS entities, min(entity) AS entity,
       count(*) FILTER (WHERE surface <> 'Macron') AS other_surfaces
  FROM diplo.entities(repeat('Macron ', 100000));
SELECT diplo.entity_ids(repeat('Macron ', 100000)) AS ids,
       (SELECT count(*) FROM diplo.stances(repeat('Macron ', 100000))) AS stances;

-- many stances and many quotes in one document
SELECT p.* FROM pg_temp.probe(repeat('Emmanuel Macron soutient la trêve. ', 20000)) p;
SELECT p.* FROM pg_temp.probe(repeat('« Je soutiens la trêve », a dit Emmanuel Macron. ', 5000)) p;
-- a cue repeated 100 000 times, and 100 000 negations, in one sentence
SELECT p.bad_offsets, p.bad_scores, p.stats_agree
  FROM pg_temp.probe('Emmanuel Macron ' || repeat('soutient ', 100000) || 'la trêve.') p;
SELECT p.bad_offsets, p.bad_scores, p.stats_agree
  FROM pg_temp.probe('Emmanuel Macron ' || repeat('ne pas ', 50000) || 'soutient la trêve.') p;
-- 100 000 capitalised unknown words, abbreviations, elisions, periods
SELECT p.tokens, p.bad_offsets, p.bad_scores, p.stats_agree FROM pg_temp.probe(repeat('Abcde ', 100000)) p;
SELECT p.tokens, p.mentions, p.bad_offsets, p.stats_agree FROM pg_temp.probe(repeat('M. ', 100000)) p;
SELECT p.tokens, p.mentions, p.bad_offsets, p.stats_agree FROM pg_temp.probe(repeat('l''', 100000)) p;
SELECT p.tokens, p.mentions, p.bad_offsets, p.stats_agree FROM pg_temp.probe(repeat('. ', 100000)) p;
-- a 400 001-character number and a 1 MB URL stay single tokens
SELECT count(*) AS tokens, max(len) AS longest, min(class) AS class
  FROM diplo.tokens('1' || repeat(E'\u00A0000', 100000));
SELECT count(*) AS tokens, max(len) AS longest, min(class) AS class
  FROM diplo.tokens('https://example.org/' || repeat('a/', 500000));

------------------------------------------------------------------------
-- odd Unicode
------------------------------------------------------------------------

CREATE TEMP TABLE odd (n int PRIMARY KEY, label text, x text);
INSERT INTO odd VALUES
(1, 'emoji and ZWJ sequences',
    E'Emmanuel Macron \U0001F1EB\U0001F1F7 soutient la paix \U0001F54A\uFE0F. Famille : \U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466 et \U0001F3F3\uFE0F\u200D\U0001F308.'),
(2, 'combining marks alone', E'\u0301\u0301\u0327 \u0308'),
(3, 'combining mark opening a word', E'\u0301Poutine rejette la trêve.'),
(4, 'right-to-left text and marks',
    E'\u0645\u0648\u0633\u0643\u0648 \u05DE\u05D5\u05E1\u05E7\u05D1\u05D4 : \u202BMoscou\u202C rejette la trêve, \u200FKiev\u200E aussi.'),
(5, 'control characters', E'Donald Trump\u0007 a rejeté\u001B la trêve.\u007F Le\u0001 Kremlin\u0008 aussi.'),
(6, 'private-use code points', E'\uE000\uE001 Poutine \U000F0000 rejette \U0010FFFD la trêve \uF8FF.'),
(7, 'unassigned code points and noncharacters', E'\u0378\u0379 Poutine \U0002FFFE rejette \uFFFF la trêve \U000E0001.'),
(8, 'replacement characters', E'\uFFFD\uFFFD Poutine rejette la trêve.'),
(9, 'lone ZWJ and variation selectors', E'\u200D\uFE0F\uFE0E Poutine rejette la trêve.');

SELECT o.n, o.label, p.*
  FROM odd o, pg_temp.probe(o.x) p
 ORDER BY o.n;

-- the mentions and stances found in them
SELECT o.n, m.entity, m.kind
  FROM odd o, diplo.entities(o.x) m
 WHERE m.method = 'dictionary'
 ORDER BY o.n, m.start;
SELECT o.n, s.holder, s.target, sign(s.score)::int AS sign
  FROM odd o, diplo.stances(o.x) s
 ORDER BY o.n, s.start, s.holder COLLATE "C";

-- an emoji ZWJ sequence or a flag is one symbol token; combining marks
-- alone are symbols, never words or names
SELECT o.n, t.position, t.class, length(t.token) AS chars
  FROM odd o, diplo.tokens(o.x) t
 WHERE o.n IN (1, 2) AND t.class NOT IN ('word', 'punct')
 ORDER BY o.n, t.position;

-- normalize and match_key leave no zero-width space or soft hyphen and keep the rest
SELECT o.n,
       position(E'\u200B' IN diplo.normalize(o.x)) = 0 AND position(E'\u00AD' IN diplo.normalize(o.x)) = 0 AS clean,
       diplo.normalize(diplo.normalize(o.x)) = diplo.normalize(o.x) AS idempotent,
       diplo.match_key(diplo.match_key(o.x)) = diplo.match_key(o.x) AS key_idempotent
  FROM odd o ORDER BY o.n;

-- scores stay finite and within [-1,1] over everything above
SELECT count(*) AS stances_checked,
       count(*) FILTER (WHERE NOT (s.score BETWEEN -1 AND 1) OR s.score IN ('NaN', 'Infinity', '-Infinity')) AS bad_scores
  FROM (SELECT x FROM odd
        UNION ALL SELECT repeat('Emmanuel Macron soutient fermement et absolument la trêve. ', 1000)
        UNION ALL SELECT repeat('Le Kremlin ne rejette pas catégoriquement et totalement la trêve. ', 1000)) d,
       diplo.stances(d.x) s;
