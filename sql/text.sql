-- text: normalize(), match_key(), tokens(), sentences(), text_stats().
-- Non-ASCII characters that are hard to see are written as E'\uXXXX'.

------------------------------------------------------------------------
-- normalize
------------------------------------------------------------------------

-- apostrophe variants: ’ U+2019, ‘ U+2018, ʼ U+02BC, ′ U+2032
SELECT diplo.normalize(E'l\u2019Ukraine') AS right_quote,
       diplo.normalize(E'l\u2018Ukraine') AS left_quote,
       diplo.normalize(E'l\u02BCUkraine') AS modifier_letter,
       diplo.normalize(E'l\u2032Ukraine') AS prime;
SELECT diplo.normalize(E'l\u2019a l\u2018b l\u02BCc l\u2032d') = 'l''a l''b l''c l''d' AS apostrophes_folded;

-- space variants: NBSP U+00A0, narrow NBSP U+202F, thin space U+2009
SELECT diplo.normalize(E'1\u00A0000') = '1 000' AS nbsp,
       diplo.normalize(E'30\u202F%') = '30 %' AS narrow_nbsp,
       diplo.normalize(E'a\u2009b') = 'a b' AS thin_space,
       diplo.normalize(E'\u00AB\u202FNon\u202F\u00BB') = E'\u00AB Non \u00BB' AS guillemet_spaces;

-- zero-width space U+200B and soft hyphen U+00AD are removed
SELECT diplo.normalize(E'Zelen\u200Bsky') AS zwsp,
       diplo.normalize(E'Pou\u00ADtine') AS soft_hyphen,
       diplo.normalize(E'\u200B\u00AD\u200B') = '' AS only_invisible;

-- non-breaking hyphen U+2011 becomes -
SELECT diplo.normalize(E'cessez\u2011le\u2011feu') AS nb_hyphen,
       diplo.normalize(E'\u00C9tats\u2011Unis') = 'États-Unis' AS same_as_hyphen;

-- NFD becomes NFC
SELECT diplo.normalize(E'E\u0301tats-Unis') = E'\u00C9tats-Unis' AS nfc_e_acute,
       diplo.normalize(E'Ame\u0301lie co\u0302te\u0301 Se\u0301gole\u0300ne') AS nfc_text,
       length(E'Se\u0301gole\u0300ne') AS nfd_chars,
       length(diplo.normalize(E'Se\u0301gole\u0300ne')) AS nfc_chars,
       diplo.normalize(normalize('Sergueï Lavrov à Genève', NFD)) = 'Sergueï Lavrov à Genève' AS nfd_round_trip;

-- plain text is unchanged, the result is idempotent and keeps other characters
SELECT diplo.normalize('Le Kremlin a rejeté la trêve.') AS ascii_like,
       diplo.normalize('') = '' AS empty,
       diplo.normalize('a-b c''d') = 'a-b c''d' AS ascii_kept;
SELECT diplo.normalize(x) = diplo.normalize(diplo.normalize(x)) AS idempotent
  FROM (VALUES (E'l\u2019\u00C9tat\u00A0: E\u0301tats\u2011Unis, Pou\u00ADtine\u200B.')) AS v(x);

------------------------------------------------------------------------
-- match_key: normalize, then case folding and accent stripping
------------------------------------------------------------------------

SELECT diplo.match_key('États-Unis') AS k1,
       diplo.match_key('ETATS-UNIS') AS k2,
       diplo.match_key(E'E\u0301tats\u2011Unis') AS k3,
       diplo.match_key(E'\u00C9TATS\u2011UNIS') AS k4;
SELECT diplo.match_key(E'L\u2019\u00C9lys\u00E9e') AS elysee,
       diplo.match_key('Sergueï Lavrov') AS lavrov,
       diplo.match_key('Recep Tayyip Erdoğan') AS erdogan,
       diplo.match_key('Péter Szijjártó') AS szijjarto,
       diplo.match_key(E'Zelen\u200Bsky') AS zelensky;
SELECT diplo.match_key('Kiev') = diplo.match_key('KIEV') AS case_folded,
       diplo.match_key('Pékin') = diplo.match_key('Pekin') AS accents_stripped,
       diplo.match_key('Kiev') <> diplo.match_key('Kyiv') AS spelling_kept;

------------------------------------------------------------------------
-- tokens
------------------------------------------------------------------------

-- elisions: l' d' qu' jusqu' lorsqu' puisqu' presqu', with every apostrophe
SELECT position, token, norm, start, len, sentence, class
  FROM diplo.tokens(E'L\u2019OTAN et l''UE, jusqu\u2019ici, lorsqu''il vint, puisqu\u2019elle part, presqu''\u00EEle, qu''on dit d\u2019Istanbul.')
 ORDER BY position;
SELECT position, token, norm, class
  FROM diplo.tokens(E'l\u02BCarm\u00E9e, l\u2018OTAN, d\u2032abord, aujourd\u2019hui, quelqu''un, c''est, n''a, s''il.')
 ORDER BY position;

-- hyphenated compounds stay whole, inverted subjects are split
SELECT position, token, norm, start, len, class
  FROM diplo.tokens('Le cessez-le-feu, la Maison-Blanche, les États-Unis, peut-être ; a-t-il dit, dit-elle, viendra-t-on ? Est-ce vrai ?')
 ORDER BY position;

-- numbers with NBSP thousands, decimal comma, percent, ordinals
SELECT position, token, norm, start, len, class
  FROM diplo.tokens(E'1\u00A0000 soldats, 1\u00A0000\u00A0000 d''euros, 2 500 hommes, 3,5 % puis 30\u00A0% et 12,5\u202F% ; le 1er mars, la 2e fois, le XXIe si\u00E8cle.')
 ORDER BY position;
-- the norm of a number uses a plain space
SELECT token <> norm AS token_has_nbsp, norm = '1 000 000' AS norm_plain
  FROM diplo.tokens(E'1\u00A0000\u00A0000') ORDER BY position;

-- abbreviations and initials keep their dot; acronyms
SELECT position, token, norm, start, len, class
  FROM diplo.tokens('M. Macron, Mme Kallas, MM. Trump et Vance, Dr Martin, J.D. Vance et George W. Bush ; l''OTAN, le G7, l''UE.')
 ORDER BY position;

-- guillemets, ellipsis, URL, e-mail, @handle, #hashtag
SELECT position, token, norm, start, len, sentence, class
  FROM diplo.tokens(E'\u00AB\u00A0Non\u00A0\u00BB, dit-il\u2026 Voir https://www.example.org/monde/article_1.html ou \u00E9crire \u00E0 presse@example.fr, suivre @DiploFr et #Ukraine.')
 ORDER BY position;

-- a name split by a zero-width space or a soft hyphen is one token
SELECT position, token, norm, start, len, class
  FROM diplo.tokens(E'Zelen\u200Bsky et Pou\u00ADtine.')
 ORDER BY position;

------------------------------------------------------------------------
-- the offset invariant: substr(doc, start, len) = token, for every token
-- of long and varied texts (in NFC and in NFD)
------------------------------------------------------------------------

CREATE TEMP TABLE long_docs (id int PRIMARY KEY, doc text);
INSERT INTO long_docs VALUES
(1, E'UKRAINE\u00A0: LE KREMLIN DIT \u00ABNON\u00BB \u00C0 LA TR\u00CAVE\n' ||
    E'Par notre correspondante \u00E0 Gen\u00E8ve. Publi\u00E9 le 3 mars 2025 \u00E0 18h30.\n\n' ||
    E'Le porte-parole du Kremlin, Dmitri Peskov, a jug\u00E9 \u00AB\u202Fpr\u00E9matur\u00E9e\u202F\u00BB l\u2019id\u00E9e d\u2019un cessez-le-feu de 30\u00A0jours. ' ||
    E'\u00AB\u00A0Nous n\u2019accepterons pas un diktat\u2026\u00A0\u00BB, a-t-il ajout\u00E9 lors d\u2019un point presse. ' ||
    E'M. Peskov r\u00E9pondait \u00E0 J.D. Vance, qui avait \u00E9voqu\u00E9 une \u00AB fen\u00EAtre \u00BB de n\u00E9gociation jusqu\u2019au 1er avril. ' ||
    E'Selon l\u2019agence Tass, 1\u00A0200 prisonniers pourraient \u00EAtre \u00E9chang\u00E9s ; le taux de participation atteint 67,5\u00A0%. ' ||
    E'Lire aussi\u00A0: https://www.example.org/international/2025/03/03/treve_6571.html\n' ||
    E'- Premier point : la Maison-Blanche temporise\n' ||
    E'- Second point : les \u00C9tats-Unis consultent l\u2019OTAN et l\u2019UE\n' ||
    E'Contact : redaction@example.fr ou @DiploActu sur X. #Ukraine #Paix\n'),
(2, E'Au XXIe si\u00E8cle, la diplomatie se fait-elle encore \u00E0 huis clos\u202F? Presqu\u2019\u00EEle de Crim\u00E9e, ' ||
    E'golfe d\u2019Aden, mer Noire : les cartes changent. Mme Kallas, MM. Rubio et Lavrov, le Dr Martin et George W. Bush ' ||
    E'ont tous, \u00E0 un moment, dit \u00AB oui \u00BB puis \u00AB non \u00BB. Pourquoi\u2009? Parce qu\u2019un accord \u00E0 3,5\u00A0milliards ' ||
    E'd\u2019euros (soit 1\u00A0000\u00A0000\u00A0000 de roubles) est-il r\u00E9aliste\u00A0? Puisqu\u2019il faut choisir, lorsqu\u2019on parle de paix, ' ||
    E'on parle d\u2019argent. Zelen\u200Bsky et Pou\u00ADtine ne se sont jamais revus depuis 2019\u2026 ' ||
    E'Le G7, le G20 et l\u2019ASEAN observent. \u00ABJe ne c\u00E9derai pas un m\u00E8tre\u00BB, dit-elle. Viendra-t-on \u00E0 bout de la guerre\u00A0?'),
(3, E'Emoji \U0001F1FA\U0001F1E6 et \U0001F44D\U0001F3FD, symboles \u00A7 \u20AC 100 $ & * \u2014 tirets \u2013 et \u2010 ; ' ||
    E'accents compos\u00E9s : Ame\u0301lie, Se\u0301gole\u0300ne, co\u0302te\u0301 ; grec \u039C\u03BF\u03C3\u03C7\u03B1 et cyrillique \u041C\u043E\u0441\u043A\u0432\u0430. ' ||
    E'Tab\tulation, retour\r\nchariot, l\u2019\u00E9t\u00E9 2024 : 10\u00A0%, 1er, 2e, 3\u1D49, IIIe. Fin.');

-- no token breaks the invariant, and every text has tokens
SELECT d.id,
       count(*) AS tokens,
       count(*) FILTER (WHERE substr(d.doc, t.start, t.len) IS DISTINCT FROM t.token) AS violations,
       count(*) FILTER (WHERE t.len <= 0 OR t.start < 1 OR t.start + t.len - 1 > length(d.doc)) AS out_of_range
  FROM long_docs d, diplo.tokens(d.doc) t
 GROUP BY d.id ORDER BY d.id;

-- the same texts in NFD: the invariant holds on the NFD text too
SELECT d.id,
       count(*) FILTER (WHERE substr(normalize(d.doc, NFD), t.start, t.len) IS DISTINCT FROM t.token) AS violations
  FROM long_docs d, diplo.tokens(normalize(d.doc, NFD)) t
 GROUP BY d.id ORDER BY d.id;

-- tokens are in order, do not overlap, and positions are 1..n
SELECT d.id,
       bool_and(t.position = t.rn) AS positions_dense,
       bool_and(t.prev_end IS NULL OR t.start >= t.prev_end) AS no_overlap,
       bool_and(t.sentence >= t.prev_sentence OR t.prev_sentence IS NULL) AS sentences_ascend
  FROM long_docs d,
       LATERAL (SELECT x.*, row_number() OVER (ORDER BY x.position) AS rn,
                       lag(x.start + x.len) OVER (ORDER BY x.position) AS prev_end,
                       lag(x.sentence) OVER (ORDER BY x.position) AS prev_sentence
                  FROM diplo.tokens(d.doc) x) t
 GROUP BY d.id ORDER BY d.id;

-- NFD and NFC inputs give the same normalised tokens and the same sentences
SELECT d.id,
       ARRAY(SELECT ROW(t.norm, t.sentence, t.class)::text FROM diplo.tokens(d.doc) t ORDER BY t.position)
     = ARRAY(SELECT ROW(t.norm, t.sentence, t.class)::text FROM diplo.tokens(normalize(d.doc, NFD)) t ORDER BY t.position)
       AS same_tokens,
       ARRAY(SELECT normalize(s.text, NFC) FROM diplo.sentences(d.doc) s ORDER BY s.number)
     = ARRAY(SELECT normalize(s.text, NFC) FROM diplo.sentences(normalize(d.doc, NFD)) s ORDER BY s.number)
       AS same_sentences
  FROM long_docs d ORDER BY d.id;

-- every sentence satisfies the invariant too, and sentences do not overlap
SELECT d.id,
       count(*) AS sentences,
       count(*) FILTER (WHERE substr(d.doc, s.start, s.len) IS DISTINCT FROM s.text) AS violations,
       bool_and(s.number = s.rn) AS numbers_dense,
       bool_and(s.prev_end IS NULL OR s.start >= s.prev_end) AS no_overlap
  FROM long_docs d,
       LATERAL (SELECT x.*, row_number() OVER (ORDER BY x.number) AS rn,
                       lag(x.start + x.len) OVER (ORDER BY x.number) AS prev_end
                  FROM diplo.sentences(d.doc) x) s
 GROUP BY d.id ORDER BY d.id;

-- each token lies inside the sentence it names
SELECT d.id, count(*) FILTER (WHERE s.number IS NULL) AS tokens_outside_their_sentence
  FROM long_docs d
  CROSS JOIN LATERAL diplo.tokens(d.doc) t
  LEFT JOIN LATERAL diplo.sentences(d.doc) s
         ON s.number = t.sentence AND t.start >= s.start AND t.start + t.len <= s.start + s.len
 GROUP BY d.id ORDER BY d.id;

-- the sentences of the first text
SELECT number, start, len, text FROM diplo.sentences((SELECT doc FROM long_docs WHERE id = 1)) ORDER BY number;

------------------------------------------------------------------------
-- sentences
------------------------------------------------------------------------

-- abbreviations and initials do not end a sentence; numbers are not split
SELECT number, start, len, text
  FROM diplo.sentences('M. Macron a parlé à J.D. Vance. Le Dr Martin est d''accord. La hausse atteint 3,5 % en 2024. Le vote a eu lieu le 1er déc. à Paris. George W. Bush est venu.')
 ORDER BY number;
SELECT number, text
  FROM diplo.sentences('Les chiffres 1.5 et 2.000.000 restent entiers. Le budget est de 3,5 milliards. Fin.')
 ORDER BY number;

-- final punctuation inside guillemets; ?, ! and ... end sentences
SELECT number, start, len, text
  FROM diplo.sentences(E'Il a dit\u00A0: \u00AB\u00A0C\u2019est fini.\u00A0\u00BB Puis il est parti. Vraiment\u00A0? Oui\u00A0! Et alors... Rien.')
 ORDER BY number;
SELECT number, text
  FROM diplo.sentences(E'\u00AB\u00A0Nous ne c\u00E9derons pas\u00A0! \u00BB Le Kremlin a r\u00E9pondu.')
 ORDER BY number;

-- headline and bullet lines without a final period are sentences of their own
SELECT number, start, len, text
  FROM diplo.sentences(E'UKRAINE : LES N\u00C9GOCIATIONS REPRENNENT\nKiev et Moscou discutent \u00E0 Riyad.\n\n- Premier point sans point final\n- Deuxi\u00E8me point\n\u2022 Troisi\u00E8me puce\nFin du texte.')
 ORDER BY number;

-- a text without final punctuation is one sentence; empty text has none
SELECT number, start, len, text FROM diplo.sentences('Kiev et Moscou discutent') ORDER BY number;
SELECT count(*) AS sentences_of_empty FROM diplo.sentences('');

------------------------------------------------------------------------
-- text_stats
------------------------------------------------------------------------

SELECT * FROM diplo.text_stats('M. Macron a parlé à J.D. Vance. Le Dr Martin est d''accord.');
SELECT * FROM diplo.text_stats('');
SELECT d.id,
       s.tokens = (SELECT count(*) FROM diplo.tokens(d.doc)) AS tokens_match,
       s.sentences = (SELECT count(*) FROM diplo.sentences(d.doc)) AS sentences_match
  FROM long_docs d, diplo.text_stats(d.doc) s
 ORDER BY d.id;
