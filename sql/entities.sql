-- entities: named persons, places and organisations, their canonical
-- entity, kind and actor, with substr() offsets; entity_ids() and a GIN
-- expression index on it.

CREATE TABLE ent_docs (id int PRIMARY KEY, topic text NOT NULL, doc text NOT NULL);
INSERT INTO ent_docs VALUES
-- full names and surnames
(1, 'full names', 'Emmanuel Macron a reçu Volodymyr Zelensky à Paris.'),
(2, 'surnames', 'Macron et Zelensky ont ensuite appelé Trump.'),
(3, 'spellings', 'Kyiv et Kiev, Maison-Blanche et Maison Blanche, Putin et Poutine.'),
-- a title gives kind and actor of a name in no entity row
(4, 'title, in dictionary', 'Le négociateur ukrainien Andriy Hnatov est arrivé à Genève.'),
(5, 'title, unknown name', 'Le négociateur ukrainien Mykola Hrytsenko est arrivé à Genève.'),
(6, 'title of Poutine', 'L''envoyé de Poutine, Anatoli Sviridenko, a rencontré Steve Witkoff.'),
(7, 'title, in dictionary', 'L''envoyé de Poutine, Kirill Dmitriev, a rencontré Steve Witkoff.'),
(8, 'title, unknown name', 'Le vice-ministre russe Ivan Zolotarev a parlé.'),
(9, 'title, feminine', 'La porte-parole ukrainienne Oksana Vereshchuk a démenti.'),
-- a short form linked to a full name given before or after
(10, 'linked after', 'Le conseiller américain Bradley Hoskins a parlé. Hoskins a ensuite quitté Riyad.'),
(11, 'linked before', 'Hoskins a parlé. Le conseiller américain Bradley Hoskins a ensuite quitté Riyad.'),
(12, 'dictionary short form', 'Witkoff a quitté Moscou. Steve Witkoff reviendra.'),
-- metonymy
(13, 'metonymy', 'Moscou a rejeté la proposition. Le Kremlin a confirmé.'),
(14, 'metonymy', 'Kiev répond à Washington, Pékin se tait.'),
-- common words and boilerplate at the start of a sentence are not names
(15, 'sentence-initial words', 'Selon Kiev, les frappes continuent. Cependant, Washington temporise.'),
(16, 'sentence-initial words', 'Lundi, le Kremlin a répondu. Pourtant, rien ne bouge. Ensuite, Washington a réagi. Mardi matin, Kiev a frappé.'),
(17, 'boilerplate', 'Partager cet article. Lire aussi. Le Monde a publié une enquête.'),
(18, 'boilerplate', 'Partager cet article'),
(19, 'boilerplate', 'Lire aussi | Moscou et Kiev échangent des prisonniers'),
(20, 'boilerplate', 'Abonnez-vous. Publicité. Newsletter. Vidéo. Le Monde avec AFP.'),
-- all-caps headlines
(21, 'all caps', 'LA RUSSIE ET L''UKRAINE SIGNENT À ISTANBUL'),
(22, 'all caps', 'ZELENSKY ET TRUMP SE RETROUVENT À LA MAISON BLANCHE'),
(31, 'all caps, hyphenated name', 'ZELENSKY ET TRUMP SE RETROUVENT À LA MAISON-BLANCHE'),
-- a name split by a zero-width space or a soft hyphen
(23, 'invisible characters', E'Zelen\u200Bsky a parlé avec Pou\u00ADtine.'),
-- span rule: the title is not part of the mention, nor is an elided article
(24, 'span', 'Le président Donald Trump a appelé l’Ukraine depuis l''aéroport d’Istanbul.'),
(25, 'span', 'Le président de la République Emmanuel Macron et le président américain, Donald Trump.'),
(26, 'span', 'M. Witkoff et Mme Kallas ont discuté avec MM. Rubio et Lavrov.'),
-- only the longest name counts
(27, 'longest name', 'La Conférence de Munich sur la sécurité s''ouvre vendredi.'),
(28, 'longest name', 'L''Union européenne et les Nations unies, l''ONU et l''OTAN se réunissent à Bruxelles.'),
(29, 'longest name', 'Donald Trump Jr. et Melania Trump sont arrivés.'),
-- kinds and actors of state bodies and international bodies
(30, 'actors', 'Le porte-parole du Kremlin, Dmitri Peskov, a répondu au secrétaire général de l''OTAN, Mark Rutte.');

-- every mention, with its offsets
SELECT d.id, m.surface, m.entity, m.kind, m.actor, m.start, m.len, m.sentence, m.method
  FROM ent_docs d, diplo.entities(d.doc) m
 ORDER BY d.id, m.start, m.len;

-- offsets: substr(doc, start, len) = surface for every mention; confidence in [0,1]
SELECT count(*) > 60 AS many_mentions,
       count(*) FILTER (WHERE substr(d.doc, m.start, m.len) IS DISTINCT FROM m.surface) AS offset_violations,
       count(*) FILTER (WHERE NOT (m.confidence BETWEEN 0 AND 1)) AS confidence_out_of_range,
       count(*) FILTER (WHERE m.method NOT IN ('dictionary', 'title', 'name', 'linked', 'acronym')) AS unknown_methods
  FROM ent_docs d, diplo.entities(d.doc) m;

-- mentions of a document do not overlap and their sentence numbers exist
SELECT count(*) AS overlapping
  FROM ent_docs d, diplo.entities(d.doc) a, diplo.entities(d.doc) b
 WHERE a.start < b.start AND a.start + a.len > b.start;
SELECT count(*) AS mention_outside_its_sentence
  FROM ent_docs d
  CROSS JOIN LATERAL diplo.entities(d.doc) m
  LEFT JOIN LATERAL diplo.sentences(d.doc) s
         ON s.number = m.sentence AND m.start >= s.start AND m.start + m.len <= s.start + s.len
 WHERE s.number IS NULL;

-- the same text in NFD gives the same mentions, with substr() offsets into the NFD text
SELECT d.id,
       ARRAY(SELECT ROW(m.entity, m.kind, m.actor)::text FROM diplo.entities(d.doc) m ORDER BY m.start)
     = ARRAY(SELECT ROW(m.entity, m.kind, m.actor)::text FROM diplo.entities(normalize(d.doc, NFD)) m ORDER BY m.start)
       AS same_entities,
       (SELECT count(*) FROM diplo.entities(normalize(d.doc, NFD)) m
         WHERE substr(normalize(d.doc, NFD), m.start, m.len) IS DISTINCT FROM m.surface) AS nfd_offset_violations
  FROM ent_docs d WHERE d.id IN (1, 4, 9, 21, 24, 28)
 ORDER BY d.id;

------------------------------------------------------------------------
-- entity_ids: sorted distinct canonical names of PER, GPE and ORG
------------------------------------------------------------------------

SELECT diplo.entity_ids('Poutine a parlé à Trump. Vladimir Poutine, la Russie, Moscou et Trump, puis le Kremlin, les États-Unis et la Conférence de Munich sur la sécurité.') AS ids;
SELECT diplo.entity_ids('Rien à signaler.') AS no_ids,
       diplo.entity_ids('') AS empty_doc;

-- equal to the distinct PER/GPE/ORG entities sorted bytewise, for every document
SELECT d.id
  FROM ent_docs d
 WHERE diplo.entity_ids(d.doc) IS DISTINCT FROM
       ARRAY(SELECT DISTINCT m.entity COLLATE "C" FROM diplo.entities(d.doc) m
              WHERE m.kind IN ('PER', 'GPE', 'ORG') ORDER BY 1)::text[]
 ORDER BY d.id;

------------------------------------------------------------------------
-- a GIN expression index on entity_ids
------------------------------------------------------------------------

CREATE TABLE articles (id int PRIMARY KEY, body text NOT NULL);
INSERT INTO articles
SELECT id, doc FROM ent_docs;
INSERT INTO articles
SELECT 100 + g, 'Le Kremlin et la Maison-Blanche ont échangé des messages. Article ' || g || '.'
  FROM generate_series(1, 200) g;
INSERT INTO articles VALUES
(400, 'Vladimir Poutine a reçu Xi Jinping à Moscou.'),
(401, 'Le président russe Vladimir Poutine a rejeté la trêve.');
CREATE INDEX articles_entities ON articles USING gin (diplo.entity_ids(body));
ANALYZE articles;

SET enable_seqscan = off;
EXPLAIN (COSTS OFF)
SELECT id FROM articles WHERE diplo.entity_ids(body) @> ARRAY['Vladimir Poutine'];
SELECT id FROM articles WHERE diplo.entity_ids(body) @> ARRAY['Vladimir Poutine'] ORDER BY id;
SELECT id FROM articles WHERE diplo.entity_ids(body) @> ARRAY['Vladimir Poutine', 'Steve Witkoff'] ORDER BY id;
SELECT count(*) FROM articles WHERE diplo.entity_ids(body) && ARRAY['Maison Blanche', 'Donald Trump'];
RESET enable_seqscan;

-- the index answers like a sequential scan
SET enable_indexscan = off;
SET enable_bitmapscan = off;
SELECT id FROM articles WHERE diplo.entity_ids(body) @> ARRAY['Vladimir Poutine'] ORDER BY id;
SELECT count(*) FROM articles WHERE diplo.entity_ids(body) && ARRAY['Maison Blanche', 'Donald Trump'];
RESET enable_indexscan;
RESET enable_bitmapscan;

DROP TABLE articles;
DROP TABLE ent_docs;

-- an unknown capitalised word opening a sentence is a name only if the
-- document names it elsewhere with some confidence (after a cue: la société
-- X; a lone unknown word after selon is no more sure than the first)
SELECT surface, entity, kind, start, confidence FROM diplo.entities('Zorvania a protesté. Personne ne répond.');
SELECT surface, entity, kind, start, confidence FROM diplo.entities('Zorvania a protesté. Selon Zorvania, rien ne change.') ORDER BY start;
SELECT surface, entity, kind, start, confidence FROM diplo.entities('Zorvania a protesté. Selon la société Zorvania, rien ne change.') ORDER BY start;

-- control characters inside a name never reach the canonical name
SELECT surface, entity FROM diplo.entities(E'Le négociateur ukrainien Taras\u0001Melnychenko est arrivé.');

-- acronyms hunspell-fr lists as common nouns (ONG, PIB, QG, PDG) are not
-- names; the organisations the dictionary holds are, at a sentence start too
SELECT surface, entity, kind, method
  FROM diplo.entities('Les ONG accusent le QG de l''armée. Le PIB russe recule, selon le PDG de Rosneft. '
                      'ONU et UE ont réagi. L''ancien agent du KGB a répondu à l''OMS.') ORDER BY start;

-- a common noun before an unknown name gives its kind (diplo.name_cue),
-- across at most two demonyms or de/du/d'; the nearest cue or role title wins
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('La société Nordwind Energy a suspendu ses livraisons. Selon Tomasz Wrona, chercheur au '
                      'centre Osteuropa, la ville de Zorbaniv est encerclée. Le quotidien russe Vetcherny Kourier '
                      'le confirme. La société a licencié Quentin Varlamoff.') ORDER BY start;
-- a user's cue is seen by the next statement; without it the name is a person by default
SELECT surface, kind, method FROM diplo.entities('Le consortium Zelvora Dynamics a répondu.');
INSERT INTO diplo.name_cue (cue, kind) VALUES ('consortium', 'ORG');
SELECT surface, kind, method FROM diplo.entities('Le consortium Zelvora Dynamics a répondu.');
DELETE FROM diplo.name_cue WHERE cue = 'consortium';
SELECT surface, kind, method FROM diplo.entities('Le consortium Zelvora Dynamics a répondu.');
-- cues are lower case
INSERT INTO diplo.name_cue (cue, kind) VALUES ('Consortium', 'ORG');

-- weapons are not persons or organisations: curated names, designations with
-- digits and names after a weapon noun are PRODUCT (not scored, no actor,
-- never a stance holder)
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Kiev réclame des missiles Taurus et des HIMARS ; Moscou tire des drones Shahed. '
                      'Des F-16 néerlandais ont abattu un MiG-29, des chars Zorvek ont été détruits. '
                      'La chaîne M6 le confirme.') ORDER BY start;
SELECT diplo.entity_ids('Kiev réclame des missiles Taurus et des F-16.');
SELECT count(*) AS product_holders
  FROM diplo.stances('Les F-16 soutiennent la trêve. Le Taurus refuse les négociations.')
 WHERE holder IN ('F-16', 'Taurus');

-- one word before a known person: a spelling of that person's first name
-- joins the known mention; another first name makes a new person
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Hier, Sergei Lavrov a parlé avec Volodimir Zelensky et Emanuel Macron. '
                      'Jill Biden et Lara Trump sont venues, Joe Biden aussi.') ORDER BY start;

-- a line of page furniture (diplo.furniture) names no one; the same names in
-- article text do
SELECT surface, entity, kind, method
  FROM diplo.entities(E'Zelensky a publié sur X un message à Trump.\nPartager sur Facebook Partager sur X Copier le lien\n' ||
                      E'Suivez-nous sur Telegram.\nIl a partagé sur Facebook une vidéo de Poutine.\n\nPartager cet article') ORDER BY start;

-- the same rows whatever the call site: in FROM, in the target list (the
-- executor's expected row type), twice in one query (each call site keeps
-- its own work memory, reset per call), over documents of very different
-- sizes in turn
CREATE TEMP TABLE callsite_docs (id int, body text);
INSERT INTO callsite_docs VALUES
  (1, 'Zelensky remercie Trump.'),
  (2, repeat('Le Kremlin rejette la trêve proposée par Witkoff. Macron appelle Poutine. ', 400)),
  (3, ''),
  (4, 'Selon Moscou, Steve Witkoff arrive à Riyad.');
SELECT (SELECT count(*) FROM callsite_docs d, diplo.entities(d.body)) AS from_rows,
       (SELECT count(*) FROM (SELECT diplo.entities(body) FROM callsite_docs) t) AS tlist_rows;
SELECT count(*) AS differing
  FROM ((SELECT d.id, e.* FROM callsite_docs d, diplo.entities(d.body) e
         EXCEPT ALL
         SELECT id, (diplo.entities(body)).* FROM callsite_docs)
        UNION ALL
        (SELECT id, (diplo.entities(body)).* FROM callsite_docs
         EXCEPT ALL
         SELECT d.id, e.* FROM callsite_docs d, diplo.entities(d.body) e)) x;
SELECT d.id, count(e1.*) AS first_site, count(e2.*) AS second_site
  FROM callsite_docs d
  LEFT JOIN LATERAL diplo.entities(d.body) e1 ON true
  LEFT JOIN LATERAL (SELECT * FROM diplo.entities(d.body) WHERE kind = 'PER') e2 ON e2.start = e1.start
 GROUP BY d.id ORDER BY d.id;
SELECT id, diplo.entity_ids(body) FROM callsite_docs ORDER BY id;
SELECT id, count(*) FROM (SELECT id, diplo.stances(body) FROM callsite_docs) t GROUP BY id ORDER BY id;

-- a headline in title case: its capitals name no one, only dictionary names
-- and names with a known first name are kept; the same title cue in article
-- text does announce a name
SELECT surface, entity, kind, actor, method
  FROM diplo.entities(E'Le Prince Héritier Saoudien Reçoit Les Négociateurs À Djeddah\n\n' ||
                      E'Donald Trump Accueille Le Négociateur Ukrainien Taras Melnychenko\n\n' ||
                      'Le prince héritier saoudien Karim Zaydan a reçu le négociateur ukrainien Taras Melnychenko.') ORDER BY start;

-- a longer alias of the same entity starting inside a match is the full
-- name, without the title before it
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Cheikh Tamim ben Hamad Al Thani a appelé Cheikh Tamim hier.') ORDER BY start;

-- a role with a demonym in apposition after an unknown name gives its actor;
-- a relative clause does not
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Ivan Petrenko, le porte-parole du ministère ukrainien de la Défense, a démenti. '
                      'Marek Nowak, ministre polonais, a confirmé. '
                      'Anna Kowalska, qui a rencontré le président russe, se tait. Petrenko insiste.') ORDER BY start;

-- a known person's surname opens a sentence as a name unless the word
-- itself is a common French word: Meloni (stem of melon), Duda and Modi are
-- names, Union and Barrot (a ship's beam) are not until named before
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Meloni a reçu son homologue. Duda a protesté. Modi se tait. '
                      'Union et fermeté, dit-il. Barrot a répondu. Jean-Noël Barrot insiste. Barrot conclut.') ORDER BY start;

-- the same for every dictionary name: a country sharing only its stem with
-- a common word opens a sentence as a name (L'Italie: italien)
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('L''Italie a salué la trêve. L''Espagne aussi.') ORDER BY start;

-- a lone unknown name after a locative (dans, de, sur, depuis, à, en) is a
-- place; a role title's de-complement is not the person (le maire de X)
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Il vit dans les Yvelines, près de Bandol. Le maire de Valdoria a parlé.') ORDER BY start;

-- a country or a city with an actor opens a sentence as itself even when
-- the word is also a common one (chine, inde, canada)
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Chine et Inde ont conclu un pacte. Canada : vote serré.') ORDER BY start;

-- inside a sentence, a capitalised word that is common French only by its
-- stem (Nicola, Romana) opens a name before a capitalised unknown word
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Au sprint, Nicola Brink a devancé Romana Kessel. Selon Brink, la course était rude.') ORDER BY start;

-- a lone unknown word: a capitalised noun of hunspell-fr that is no common
-- word is a place (Transylvanie); a known first name is a person; one that
-- nothing calls a place is kept only where the document names it with some
-- confidence (after a cue: le groupe Zorvex), else dropped (Quarnel); Roman
-- numerals and time zones are no names
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Le vin de la Transylvanie se vend bien. Hier, Thierry a voté pour Zorvex. '
                      'Le groupe Zorvex a répondu. Hier, Quarnel a signé. '
                      'La séance du chapitre XII a repris à 14 h UTC.') ORDER BY start;

-- a hyphenated word shaped like a place name (parts joined by sur, d', de,
-- les..., or a capitalised Saint, Haute, Val... before a name) is a place,
-- even opening with a common word or after a noun cue (parti de X); a
-- place word before common words (Haut-Commissariat) is none
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Le cortège est parti de Brévigny-sur-Orne vers Saint-Quorvel puis Villeneuve-d''Ardanne. '
                      'Saint-Quorvel a voté. Le Haut-Commissariat a réagi.') ORDER BY start;

-- a dictionary place inside a longer capitalised run is part of that name:
-- a team or a company (Lyon Rugby Club, Vortex Lisbonne, Air Lisbonne), a
-- person after a place that is also a first name (Nancy, Maurice), a place
-- with a point of the compass or the rest of its hyphenated word; a place
-- joined to another by a hyphen stays two places (Paris-Berlin)
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Le match oppose Lyon Rugby Club à Vortex Lisbonne, et Air Lisbonne transporte les fans. '
                      'Nancy Kelberg et Maurice Tardel ont survolé le Pacifique Sud, les Alpes-Hautes et l''axe Paris-Berlin.') ORDER BY start;

-- an event keeps the place where it is held: after a dictionary event (Jeux
-- olympiques de X), after an event head word and its lower-case words
-- (Championnats mondiaux de X), and an event head opening a sentence before
-- de and a name (Tour de X)
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Elle a brillé aux Jeux olympiques de Lisbonne. Tour de Vérone : la course reprend. '
                      'Il a couru les Championnats mondiaux de Vérone. Coupe du monde : rien.') ORDER BY start;

-- the span is the name alone: a dictionary alias that opens with a title
-- (pape François, roi Salmane) gives the name after the title
SELECT surface, entity, kind, actor, method, start
  FROM diplo.entities('Le pape François a reçu le roi Salmane au Vatican.') ORDER BY start;

-- the kind of an unknown name of several words from its shape: a last word
-- that organisations or places end with (Airlines, Corporation, Hebdo;
-- Creek), or all capitals (CNRD-FPX), not a person
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Selon Vortana Airlines et Marvex Corporation, le convoi a longé Kellby Creek, '
                      'et le CNRD-FPX proteste avec Charlie Vantrex Hebdo.') ORDER BY start;

-- an institution's head word takes the lower-case adjectives after it, and
-- after them de and a lower-case noun (Conseil fédéral du commerce); the
-- head alone is no name
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Le congrès du Front populaire a eu lieu hier, et le Conseil fédéral du commerce a voté ; '
                      'l''Armée valdorienne libre a réagi, comme le Conseil a dit.') ORDER BY start;

-- a two-letter acronym alias (JO, UE) matches only in capitals, also inside
-- a hyphenated word; Jo before a name is a first name
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Hier, Jo Malvern a couru aux JO, et l''accord Canada-UE tient.') ORDER BY start;

-- the Russian spelling of a leader's first name links to the leader
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Vladimir Zelenski a répondu au Hamas et à Al-Qaïda.') ORDER BY start;

-- inside a sentence a capitalised particle opens a person's name (De X,
-- Van X); a capitalised article after a locative opens a place's (à La X);
-- elsewhere an article opens nothing (Le Quorvex)
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Au sprint, De Brauwer devance Van Hoeckel ; il vit à La Marvière, où Le Quorvex paraît.') ORDER BY start;

-- an acronym after a title is no person (le président de la FXDR); a
-- hyphenated word with a part that is a place is a place (X-Alpes, X-Savoie)
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Le président de la FXDR parle. Il a visité Vortanne-Alpes et Brelon-Savoie.') ORDER BY start;

-- a hyphenated word opening with the Arabic article before a capitalised
-- part is a name, a town unless a title says a person (al-X, Al-X)
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Les rebelles avancent vers al-Zarqaf et Al-Marwa, selon le général al-Qorbani.') ORDER BY start;

-- an elided d' joins the words of a name like de does (Conseil d'X); a name
-- joined by d' with no first name before it is a place
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Hier, le Conseil d''Orvane a jugé ; Valmont d''Arbelle accueille Philippe d''Orsenne.') ORDER BY start;

-- the English article The opens the title of a paper or a group (ORG)
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Selon le journal britannique The Quorvex, rien ne bouge ; selon The Marlowe Herald non plus.') ORDER BY start;

-- a sports event with a lower-case head keeps its place (championnats de X,
-- coupe de X: an EVENT, not the place)
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Elle a gagné les championnats de Vérone, puis la coupe de Lisbonne.') ORDER BY start;

-- the same at a sentence's start
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Nicola Brink a devancé tout le monde.') ORDER BY start;

-- a lone first name opening a sentence may be a word (Grâce à): kept only
-- where the document names it elsewhere
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Grâce aux efforts de tous, Thierry sourit.') ORDER BY start;

-- a hyphenated place name of hunspell-fr is a place even when its parts
-- are common words (Seine-Maritime, Haute-Marne); a short sentence with one
-- is no title-case headline
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Ils vivent en Seine-Maritime. Ils ont quitté la Haute-Marne hier.') ORDER BY start;

-- a place and a point of the compass after de is one place, a state's
-- keeping its actor (Inde du Sud: IND; Corse-du-Sud: FRA)
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Il a traversé l''Europe du Nord et l''Afrique de l''Est, puis l''Inde du Sud et la Corse-du-Sud.') ORDER BY start;

-- a street or a square with a lower-case head before a capitalised name is
-- a place (LOC), head included; before a common noun it is none
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Ils ont défilé de la place de la Concorde à la rue Marvel, sans passer par la place du marché.') ORDER BY start;
