-- Names beyond the dictionary (issue 16): each query pins one mechanism.

-- an institution named with a lower-case head (a lower-case row of
-- diplo.name_head) and a proper name: the head is in the name (ORG)
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Une chercheuse de l''université de Kyoto a écrit au diocèse de Zorbach, puis à l''université Tarlowe.') ORDER BY start;

-- a capitalised common noun after the head is a function of some state
-- (ministère de la Défense, le comité de la Santé), a demonym alone makes a
-- common noun (armée syrienne): no name
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Le ministère de la Défense, le comité de la Santé et l''armée syrienne ont démenti, selon le gouvernement ukrainien.') ORDER BY start;

-- an organisation's head, its adjectives (européenne, supérieure,
-- baptiste) and up to two lower-case complements (de la sécurité des
-- routes, des finances publiques) or a place after de are one name
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Selon nous, l''Agence fluviale européenne, le Conseil national de la sécurité des routes et la Direction générale des finances publiques ont signé avec la Cour supérieure du Québec et la Gendarmerie royale du Canada.') ORDER BY start;

-- a one-word dictionary organisation that is also a head word, before a
-- lower-case adjective, heads another name (Union calédonienne is not the
-- Union); an EVENT head keeps its dictionary name (Congrès américain)
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Selon nous, l''Union calédonienne et le Sénat italien ont écrit au Congrès américain.') ORDER BY start;

-- an acronym in an unknown name of several words makes no person, and a
-- name does not run on through de la onto an acronym
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Selon nous, la sonde Zentar Orbiter de la ZORSA suit les satellites de Vextral ZTK depuis mars.') ORDER BY start;

-- initials open a person's name or stand inside one after a first name,
-- and before a known person's name they link to that person
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Selon nous, le prix revient à Daniel K. Varnow, à R. T. Quillabe et à E. Macron.') ORDER BY start;

-- well-known names of French news are dictionary rows: a union, a public
-- body, a club; Mars capitalised is the planet (LOC), the month (en mars) is
-- no name
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Selon nous, la CGT et Pôle emploi ont répondu en mars, avant l''Olympique lyonnais. La sonde tourne autour de Mars.') ORDER BY start;

-- capitalised name words after a dictionary organisation make its branch,
-- linked to it (Kyodo News, Sanofi Zentral); a first name after it starts
-- a person (la CIA William Zorn)
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Selon nous, Kyodo News et Sanofi Zentral ont interrogé la CIA William Zorn.') ORDER BY start;

-- the complements of a head stop before a verb after a bare de and do not
-- follow a place (Église épiscopale des États-Unis, then de la communion)
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Selon nous, la Fédération internationale des ligues des droits de l''homme demande à la Ligue nationale de tenter sa chance, avec l''Église épiscopale des États-Unis de la communion.') ORDER BY start;

-- a capitalised person's particle opens a name also at a sentence's start,
-- but not before a place (De Paris à Berlin)
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('De Zwaegen remporte l''étape. De Paris à Berlin, le peloton a roulé.') ORDER BY start;

-- a lower-case event head (prix) takes its name straight after it, not
-- after de: le prix de Moscou is a price and Moscou
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Selon nous, elle a reçu le prix Zorlak, mais le prix de Moscou reste élevé.') ORDER BY start;

-- an organisation's branch is one word: two name words after it make a
-- person (l'OTAN Zorvan Kilbek); the rest of its hyphenated word is an
-- organisation of its own (CGT-Zentral); initials need a name word that is
-- no common word after them (la bombe H. La ...: no name)
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Selon nous, l''OTAN Zorvan Kilbek a parlé et la CGT-Zentral aussi, après la bombe H. La Corée du Sud a réagi.') ORDER BY start;

-- Arabic words that open the names of movements and armed groups are
-- organisation heads (name_head rows): not persons
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Selon nous, Ahrar al-Zorb et Jaych al-Fatah ont combattu.') ORDER BY start;

-- a surname that opens with a capitalised article, after a first name,
-- even when its word is a common one (Le Maire: maire); simple or
-- hyphenated first name
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Hier, Bruno Le Roux et Jean-Paul La Forge ont parlé.') ORDER BY start;

-- an event's lower-case words come right after its head (Jeux olympiques
-- de Zorba), never after the name it has already taken: the Tour de
-- France leaves from Nice, it is no "Tour de France part de Nice"
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Le Tour de France part de Nice et les Jeux olympiques de Zorba commencent.') ORDER BY start;

-- a role title earlier in the sentence does not make a person of a place
-- opened by its article after a locative (à La Zorbière)
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Le président a parlé hier à La Zorbière.') ORDER BY start;

-- org-genitive: an organisation's head, de and a dictionary organisation,
-- then au, aux, en and a place or a lower-case noun with its complement,
-- make one organisation (a body of the other); a hyphenated head counts as
-- one word (Haut-Commissariat)
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Hier, la Délégation de l''Union africaine au Tchad et le Haut-Commissariat des Nations unies aux affaires de la mer ont écrit.') ORDER BY start;

-- lone-head: a legislature's head alone after a definite article names
-- that legislature (ORG); another head alone refers back and is no name
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Le texte, voté par le Parlement, ira ensuite devant l''Assemblée puis devant le Conseil.') ORDER BY start;

-- known-surname: a capitalised word that is the last word of a person
-- named in full earlier in the document is that person, even a common
-- word (Carole Marteau, then Marteau); not after a capitalised particle
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('La députée Carole Marteau a parlé hier. Selon les sondages, Marteau serait en tête.') ORDER BY start;

-- glued-plus: a capitalised word with a + glued to it names an
-- organisation, the + in its span
SELECT surface, entity, kind, actor, method, len
  FROM diplo.entities('Hier, la chaîne Voltar+ et Canal+ ont signé.') ORDER BY start;

-- known-first-word: a capitalised word that is the first word of one
-- person named in full earlier is that person (Zhao Lirong, then Zhao);
-- two persons sharing that word leave it to neither (Pak Sol-mi, Pak
-- Chong-ho, then Pak)
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Le ministre Zhao Lirong est arrivé hier. Zhao a salué ses hôtes.') ORDER BY start;
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Pak Sol-mi et Pak Chong-ho ont parlé. Selon Pak, tout va bien.') ORDER BY start;

-- well-known actors beyond Russia, the United States and Ukraine are
-- dictionary rows: English transliterations and lone surnames link to the
-- canonical French name, with the state the person acts for (none for
-- officials of international bodies and for armed groups)
SELECT DISTINCT i, n AS name, r.entity, r.kind, r.actor
  FROM unnest(ARRAY['Yahya Sinwar', 'Khalil al-Hayya', 'Naim Qassem', 'Badr Albusaidi', 'Abdelatty',
                    'Kavelashvili', 'Jokowi', 'López Obrador', 'Albares', 'Nduhungirehe', 'Moussa Faki',
                    'Sinirlioglu', 'JNIM', 'CEDEAO', 'Ansar Allah', 'Al-Shabaab', 'FARDC', 'OLP', 'Egede']) WITH ORDINALITY AS u(n, i),
       diplo.resolve(n) AS r
 ORDER BY i;

-- a new person is a mention with its actor, and a lone surname later in the
-- document links to them
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Selon nous, Badr Abdelatty a reçu Ayman Safadi au Caire. Abdelatty a plaidé pour une trêve avec Nduhungirehe.') ORDER BY start;

-- a leader noun before a demonym resolves to the person of that state whose
-- title opens with it: le président ghanéen is John Dramani Mahama; le
-- président égyptien is al-Sissi, not the more often named Premier ministre
SELECT holder, holder_actor, target, score
  FROM diplo.stances('John Mahama a reçu Bola Tinubu à Accra. Le président ghanéen a salué le cessez-le-feu au Soudan.');
SELECT holder, holder_actor, target, score
  FROM diplo.stances('Moustafa Madbouly a reçu Badr Abdelatty et Abdel Fattah al-Sissi. Madbouly a parlé longtemps avec Abdelatty. Le président égyptien a rejeté les sanctions.');

-- a surname shared with another well-known name is no alias of its own:
-- Qassem Soleimani is one person, and a lone Qassem is linked to the
-- Naïm Qassem of the document; Cabello after an unknown first name is
-- not Diosdado Cabello
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Selon nous, le général Qassem Soleimani a été tué. Naïm Qassem a parlé, puis Qassem a menacé. Camila Cabello chante.') ORDER BY start;

-- hyphen-place: an unknown hyphenated word of capitalised parts opening
-- with no first name is a place (Zorvino-Arcalbe), with a part in
-- capitals an organisation (Kelm-ZD); not a person
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Le député Jan Vorlik (Kelm-ZD) a voté, puis Zorvino-Arcalbe a accueilli la course.') ORDER BY start;

-- title-of-place: the name after de that follows a role title, further
-- on than right after it, is its complement, a place: no person
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Hier, le député socialiste de Vornheim a voté contre.') ORDER BY start;

-- confirmed-kind: a lone word kept because a surer mention names it takes
-- that mention's kind (à Zorbaz: GPE, so entre Zorbaz et la côte too)
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Le convoi est arrivé à Zorbaz hier. Il roule entre Zorbaz et la côte.') ORDER BY start;

-- common-forename: inside a sentence, a capitalised common word after no
-- article, before a name word that is no common word, opens a person's
-- name (Ban Korvaski); after an article it does not (la Tour Zelvik is
-- no person)
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Selon la presse, Ban Korvaski a gagné hier devant la Tour Zelvik.') ORDER BY start;

-- acronym-number: an unknown acronym followed by a number is a
-- designation or an edition (le circuit ZTW 2016), no organisation; alone
-- it stays one
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Hier, le circuit ZTW 2016 a repris et la ZTW a parlé.') ORDER BY start;

-- adjectives of institutions' names end in -ile, -if, -ive too (de
-- l'aviation civile)
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Selon nous, l''Agence zorvienne de l''aviation civile a parlé.') ORDER BY start;

-- regnal-number: capitalised words and a Roman numeral name a monarch or
-- a pope (Zorvanu IV): a person, not an organisation
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Selon nous, le corps de Zorvanu IV reste en Suisse.') ORDER BY start;

-- acronym-gloss: the words before an acronym in parentheses whose initials
-- spell it are an organisation (Société des auteurs lyriques, not found
-- otherwise), and the acronym alone is kept though hunspell-fr knows it as
-- a word (SAL); a lower-case head word opens a gloss too, and a gloss of a
-- dictionary acronym is that entity (cour pénale internationale (CPI))
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Selon nous, la Société des auteurs lyriques (SAL) a protesté. Hier, la SAL a encore protesté.') ORDER BY start;
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Le Zorvistan quitte la cour pénale internationale (CPI) demain.') ORDER BY start;

-- elided-article-org: a lone unknown word right after l' and no locative
-- names an organisation (l'Orvédic); not after dans l'
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Selon nous, l''Orvédic prévoit une hausse, et il vit dans l''Orzanne.') ORDER BY start;

-- cue-adjective: a name cue's lower-case adjectives, or de and a noun, may
-- stand before the name it announces (la compagnie ferroviaire X, la
-- compagnie de train X, le collectif anarchiste X); not through a last de
-- (la organisation terroriste de X: a complement)
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Selon nous, la compagnie ferroviaire Zorbahn a fermé, la compagnie de train Zuglin aussi, et le collectif anarchiste Zindek a parlé.') ORDER BY start;

-- cue-complement: a name cue after a bare de is a complement of another
-- noun (animatrice de télévision X: a person), and a cue whose name after
-- de opens with a first name announces its owner, a person
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Selon nous, l''animatrice de télévision Julie Zorvac a salué l''entreprise de Marc Zorbel.') ORDER BY start;

-- name-and: and or & between capitalised words joins one name, an
-- organisation by its last word (Associates, Holdings: company words)
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Selon nous, le contrat de Zorvic Kemp and Associates avec Brelmont Holdings est signé.') ORDER BY start;

-- acronym-head: a club's acronym listed as a name head (AS, FC, OGC, RC)
-- opens a name, also when hunspell-fr knows it as a word (as); sports
-- clubs' head words too (Olympique, Sporting)
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Selon nous, l''AS Zorbec a battu l''AS Nancy et le Sporting Zorvia hier.') ORDER BY start;

-- head-complement: a capitalised organisation head takes de and lower-case
-- nouns into its name when a place or a known organisation follows after
-- de (anchored); without one (le Parquet de la ville) no name
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Selon nous, la Fédération de football du Burundi et le Conseil de paix et de sécurité de l''OTAN ont parlé, pas le Parquet de la ville.') ORDER BY start;
