/*
 * dp_rules.h
 *	  Named stance rules that can be switched off one at a time.
 *
 * Every rule of the stance scorer and of the entity tagger (those described
 * "entities: ...") that a test pins has a name here.  The
 * setting diplo.rules_off (a comma-separated list of names) switches rules
 * off for a session: scripts/mutation.sh switches each off in turn and lists
 * the rules no test notices.  In normal use every rule is on.
 */
#ifndef DP_RULES_H
#define DP_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DP_RULES(X) \
	X(LONGEST_CUE,        "longest-cue",        "a cue starting inside a longer cue is part of it") \
	X(NON_PAS_MAIS,       "non-pas-mais",       "non pas X mais Y: X is negated, Y is not") \
	X(HOST_NOT_HOLDER,    "host-not-holder",    "a city or region that is not a seat of government holds no stance") \
	X(PLACE_NOT_TARGET,   "place-not-target",   "a place after a locative preposition is not a target") \
	X(CIRCUMSTANCE,       "circumstance",       "a topic inside a circumstantial phrase (dans le cadre de, pour mettre fin) is not the cue's target") \
	X(COORDINATION,       "coordination",       "subjects coordinated by et and commas, each after its article, share the stance") \
	X(QUOTE_INVERTED,     "quote-inverted",     "a quote is its speaker's when an inverted pronoun before a reporting verb follows it (a-t-il précisé)") \
	X(CONDITION,          "condition",          "a cue inside a condition (si X viole, s'il refuse) is no one's stance") \
	X(PARTICIPLE,         "participle",         "a present participle after a noun (une résolution exigeant) describes the noun; a cue governing the noun takes its polarity") \
	X(AUTHOR,             "author",             "rejecting or welcoming what someone said or decided (les propos de X) is a stance toward X") \
	X(SELF_TARGET,        "self-target",        "a cue naming its own topic (la médiation d'Oman, sous l'égide de X) is for that topic, held by its complement") \
	X(THING_SUBJECT,      "thing-subject",      "a common noun right before its verb (le projet aurait exigé) is the subject and holds no stance") \
	X(REASON_INFINITIVE,  "reason-infinitive",  "the infinitive after accuser X de, reprocher à X de is the act blamed, no stance of the subject") \
	X(IMPERSONAL,         "impersonal",         "an impersonal il (il faut, il y a, il est nécessaire de) stands for no one") \
	X(NOUN_AGENT,         "noun-agent",         "the agent after par within a noun cue's complement holds it (la reconnaissance de la Palestine par le Canada), before any de complement") \
	X(ELLIPTIC_OBJECT,    "elliptic-object",    "a noun cue after a possessive with nothing after it (a apporté son soutien.) is about the last topic") \
	X(COMPARISON,         "comparison",         "the name after tout comme, de même que, à l'instar de holds the same stance") \
	X(RELATIVE_SUBJECT,   "relative-subject",   "a name right after que (les troupes que Pyongyang a envoyées) is the relative's subject, no target") \
	X(GOVERNED_NOUN,      "governed-noun",      "a noun cue as a verb cue's object takes the verb's polarity along (augmenter son blocage, lever son veto)") \
	X(TITLED_LEADER,      "titled-leader",      "le président américain is the person of that state whose title is président, before the most mentioned one") \
	X(PASSIVE_TARGET,     "passive-target",     "the subject of a passive entity-directed cue is its target (l'Ukraine est accusée par la Russie)") \
	X(BACKED_BY,          "backed-by",          "avec le soutien de X: X supports the clause's subject") \
	X(PASSIVE_EXPR,       "passive-expr",       "a fixed expression opening with a participle after être (a été accueilli favorablement par X) is a passive: its agent holds it, its subject is the target") \
	X(RECEIVED_NOUN,      "received-noun",      "a noun cue that a receiving verb governs (diplo.modifier type receive: a reçu le soutien de X, suscite la colère de X, se heurte au refus de X) is held by its de-complement and aimed at the verb's subject, the topic or entity it names; with no named complement the subject holds nothing") \
	X(PLURAL_LEADER,      "plural-leader",      "les dirigeants, ces chefs d'État are not the person last named") \
	X(UNNAMED_AGENT,      "unnamed-agent",      "a passive verb cue whose agent names no one (soutenu par les dirigeants européens) states no one's stance") \
	X(HOLDER_NOT_TARGET,  "holder-not-target",  "the holder named after its noun cue (le soutien de la France à l'Ukraine) is not a target") \
	X(PREP_RELATIVE,      "prep-relative",      "la trêve pour laquelle X œuvrait: the term before the preposition is X's object") \
	X(DEONTIC,            "deontic",            "an obligation (les Russes doivent accepter) is the speaker's demand, not the subject's stance") \
	X(CHANNEL,           "channel",            "a name after a verb and sur (sur X, sur son compte X) is where it was said, no target") \
	X(PLACE_OF_ACT,      "place-of-act",       "a city after a verb and à or en (a plaidé à Moscou) is where it happened, no target") \
	X(AIMED_AGAINST,     "aimed-against",      "a name after contre or pression sur is opposed by what is for it") \
	X(GOVERNED_AUTHOR,    "governed-author",    "the author after de or par of a noun cue a verb cue governs (dénonce le chantage de Moscou, la coercition exercée par Pékin; salue le refus de la Hongrie) takes the verb's polarity: the noun's reverses only a topic") \
	X(PATIENT_NOUN,       "patient-noun",       "after a patient noun (diplo.modifier type patient: la condamnation de X, l'arrestation de X) the name after de is the one it is done to, not its author: dénoncer l'arrestation de X is for X") \
	X(ABLE_ADJECTIVE,     "able-adjective",     "a word in -able or -ible (acceptable, souhaitable) is the adjective cue of its stem, never a form of the verb it shares the stem with (accepter, souhaiter)") \
	X(ANT_ADJECTIVE,      "ant-adjective",      "a word in -ant(e)(s) (encourageant, inquiétante) is the adjective cue of its stem, not the verb or noun it shares the stem with (encourager, s'inquiéter), unless it is a participle: after en, or before its object (encourageant Kiev à négocier)") \
	X(CUE_CONTRE,        "cue-contre",         "contre ending or right after a cue of against (s'élève contre X, proteste contre X) introduces what the cue is against: aimed-against does not flip it") \
	X(JUDGED_ENTITY,     "judged-entity",      "an evaluation after the object of a verb of judging (a qualifié Zelensky de dictateur) is about that object") \
	X(COORDINATED_TOPIC, "coordinated-topic",  "topics coordinated by et after a cue share its stance") \
	X(DONT_CLAUSE,       "dont-clause",        "a dont clause ends a cue’s objects, and a cue inside it speaks of the name before dont") \
	X(SPEAKER_STATE,     "speaker-state",      "a state reported by a speaker who acts for it holds the stance with the speaker") \
	X(OBJECT_BEFORE_INFINITIVE,"object-before-infinitive", "the object of a verb cue before an infinitive cue (pressent Washington de maintenir) is not its holder") \
	X(TOPIC_PARTY,       "topic-party",        "a name inside a topic or joined to it by de, entre, avec, contre, à is a party to it, no target") \
	X(TOPIC_IN_SUBJECT,  "topic-in-subject",   "an anaphoric object does not stand for a topic named in the cue’s own subject") \
	X(INVERTED_SUBJECT,  "inverted-subject",   "a subject after a cue that follows a closing quote (», s’est félicitée X) holds it") \
	X(POST_ATTRIBUTION,  "post-attribution",   "a reporting verb and name after the cue’s clause (, a déclaré X) give its holder") \
	X(NOUN_HOLDER,       "noun-holder",        "a noun cue’s demonym or de complement is its holder (les revendications russes, le refus de Moscou)") \
	X(RATHER,            "rather",             "plutôt que, au lieu de, tout comme, de même que, à l’instar de end a cue’s object") \
	X(TOPIC_SHORT_FORM,  "topic-short-form",   "once a term is named, its first word after a determiner stands for its topic (the echange of echange de prisonniers)") \
	X(FRAME_HOLDER,      "frame-holder",       "Pour X, Selon X at the start of a sentence give its holder") \
	X(TOPIC_ACTION,      "topic-action",       "a topic verb right after its subject with no cue is weak support (Washington sanctionne)") \
	X(QUESTION,          "question",           "a question outside quotes states no stance") \
	X(ANAPHORA,          "anaphora",           "an anaphoric object (ces mesures, le texte) stands for the topic named within two sentences") \
	X(LEADERS_OF,         "leaders-of",         "les présidents du X et de Y: each state's leader named in the document holds the stance") \
	X(PARTICIPLE_CLAUSE,  "participle-clause",  "a present participle opening the sentence (Saluant l'accord, X a déclaré) is held by the subject after its comma") \
	X(WARN_AGAINST,       "warn-against",       "a warning or threat against a topic (mettre en garde contre un dialogue) is against it, not for it") \
	X(INCISE,             "incise",             "a short phrase between commas before the verb (X a, cette fois, rejeté) does not hide its subject") \
	X(GOVERNED_ENTITY,    "governed-entity",    "a verb governing an entity-directed cue (veut coopérer avec X, souhaite renforcer la coopération avec X) takes a person or state as target") \
	X(GOVERNED_NEGATION,  "governed-negation",  "a negated infinitive after a verb cue (a décidé de ne pas reconnaître X) flips the polarities it multiplies") \
	X(CHANNEL_NOT_HOLDER, "channel-not-holder", "a name after sur (sur son réseau Truth Social, sur X) is where something was said, no holder") \
	X(APPOSED_PARTICIPLE, "apposed-participle", "a past participle cue with no auxiliary before it and a comma after it (deux dirigeants longtemps opposés,) describes a noun: no stance") \
	X(CLAUSE_AND,         "clause-and",         "et or mais followed by a subject pronoun, an auxiliary or a verb cue (et je remercie X, et a critiqué X) starts a new clause or predicate: the cue's objects end there") \
	X(COORDINATED_PREDICATE, "coordinated-predicate", "a verb cue after et (and an auxiliary) is held by the subject of the verb before et, not by the name right before et") \
	X(PAREN_NAME,         "paren-name",         "a person named in parentheses after a title (le Président de la République (Emmanuel Macron)) is the holder") \
	X(OBJECT_RELATIVE,   "object-relative",    "le plan de paix que Moscou a rejeté: the term before que is the object") \
	X(NOMINAL_OBJECT,    "nominal-object",     "a nominal object naming a leader (a critiqué le Premier ministre hongrois) targets that person") \
	X(GOVERNED_VERB,     "governed-verb",      "a verb governs the infinitive after it and a demand the verb it introduces: polarities multiply") \
	X(TERM_OVER_CUE,     "term-over-cue",      "a topic term wins over the cue words inside it (cessation des hostilités)") \
	X(MIXED_PAIR,         "mixed-pair",         "a pair with strong hits of both signs is mixed, without a sign, in stance_summary") \
	X(COORDINATED_TARGET, "coordinated-target", "names coordinated by commas and et after an entity target (le Canada, l'Australie et le Royaume-Uni) share its stance") \
	X(AGENT_LIST,         "agent-list",         "names coordinated after a passive agent (soutenu par l'Algérie, le Danemark et la Grèce) hold the stance too, and are no targets") \
	X(PASSIVE_ANAPHORA,   "passive-anaphora",   "the anaphoric subject of a passive cue (le texte, soutenu par X) stands for the topic named within two sentences") \
	X(GROUP_HOLDER,       "group-holder",       "a plural subject pronoun (ils, elles) or a counted group (les deux pays, les trois dirigeants) stands for the persons or states named together just before: each holds the stance") \
	X(GROUP_TARGET,       "group-target",       "a counted group as an entity cue's object (la décision des trois pays, félicitations aux deux dirigeants) targets each of the names it stands for") \
	X(PREPOSED_COMPARISON, "preposed-comparison", "names after outre, comme, tout comme, à l'instar de opening the holder's clause (Outre la France et l'Allemagne, X soutient) hold the same stance") \
	X(COORDINATED_ARTICLE, "coordinated-article", "a name after et and its article (le Qatar et l'Égypte ont proposé) is coordinated with the holder before it") \
	X(TRAILING_SELON,     "trailing-selon",     "selon X or d'après X closing a sentence (..., selon Downing Street.) holds its cues that have no subject and a quote with no speaker") \
	X(COLLECTIVE_OBJECT,  "collective-object",  "a state body or unnamed leader as a verb cue's direct object (a accusé les autorités congolaises, a critiqué le gouvernement israélien) targets the state") \
	X(COMPOUND_DEMONYM,   "compound-demonym",   "the tail of a hyphen compound (nord-coréen, franco-allemand) is no demonym of its own; the whole compound's, if any, counts") \
	X(ADVERBIAL_CLAUSE,   "adverbial-clause",   "an adverbial clause opening the sentence (Alors que X ..., Tandis que X ..., Lorsque X ...) holds no subject of the main clause after its comma") \
	X(PLACE_PHRASE,       "place-phrase",       "a place named as the complement of a locative phrase (dans le nord de la Syrie, sur la bande de Gaza) is where something happens, no target") \
	X(CLASSIFIER_CUE,     "classifier-cue",     "a noun cue after a bare de that follows a common noun (un aéronef de reconnaissance, des listes de conditions) classifies it: no stance, unless the noun carries one (un message de soutien)") \
	X(OCCASION_CUE,       "occasion-cue",       "a noun cue right after a circumstantial phrase (dans le cadre des efforts de médiation, lors de la visite) names the occasion: no stance") \
	X(NEGATED_REASON,     "negated-reason",     "a negated infinitive after accuser X de, reprocher à X de (est accusé de ne pas respecter la trêve), and the infinitive a blamed verb governs (de vouloir appliquer), are the act blamed too, no stance of the accused") \
	X(CONDITION_CLAUSE,   "condition-clause",   "a condition clause after a cue (protéger nos intérêts si les négociations échouent) ends its object; si before a civility title (si MM. X et Y décidaient) opens a condition") \
	X(RELATIVE_ANTECEDENT, "relative-antecedent", "a relative qui whose antecedent is a common noun and no actor (les dirigeants européens, qui soutiennent) gives its cue no holder, not the main clause's subject") \
	X(RELATIVE_GAP,       "relative-gap",       "a verb cue in an object relative on a common noun (les rebelles qu'elle soutient ont pris ...) has that noun as object: what follows is the main clause's, no target") \
	X(OBJECT_ARTICLE,     "object-article",     "the object of a verb cue before an infinitive cue is not its holder behind an article too (exhorte la Russie à accepter la trêve)") \
	X(STATED_OBJECT,      "stated-object",      "an anaphoric cue whose object holds another cue before any comma (toute tentative d'utiliser ces liens pour réaliser l'objectif) does not stand for the last topic: that cue states what it is about") \
	X(THING_ANTECEDENT,   "thing-antecedent",   "a sentence whose subject is a common noun (la mairie a expliqué ...) leaves no name for a subject pronoun of the next sentence: il / elle then stand for that noun") \
	X(THREAT_TARGET,      "threat-target",      "the party a threat or warning is addressed to (a menacé le Panama de mesures, a averti Bruxelles, une mise en garde à Washington) is its target, against it") \
	X(DIPLOMAT_STATE,     "diplomat-state",     "a demonym right after a cue ending in a diplomat noun (a expulsé douze diplomates algériens, a convoqué l'ambassadeur russe), or the state after en or à (a rappelé son ambassadeur en France), targets that state") \
	X(SPONSOR_AGENT,      "sponsor-agent",      "a sponsoring verb that is no topic term (des efforts parrainés par Washington, un texte supervisé par les États-Unis) is for negociations, held by its agent after par only") \
	X(LEADER_GENITIVE,   "leader-genitive",   "a leader noun with its state after de (le président de la Russie, le Premier ministre de l'Inde) holds like le président russe: the person of that state whose title it is, named in the document, else the state") \
	X(OWN_STATE_TARGET,   "own-state-target",   "a holder's own state, or a city of it, is not its target (Trump en désaccord sur le rôle des États-Unis, venus à Washington): such a row is dropped") \
	X(PAIR_PRONOUN,       "pair-pronoun",       "ils / elles with tous deux or toutes les deux stands for the pair named before, states or organisations as well as persons (Israël et le Hamas ... Ils ont tous deux salué)") \
	X(ORG_GENITIVE,      "org-genitive",      "entities: an organisation's head word with de and a dictionary organisation after it, and a place or a complement after au, aux, en, à (Mission de l'Union africaine en Somalie, Haut-Commissariat des Nations unies aux droits de l'homme), is one organisation") \
	X(LONE_HEAD,         "lone-head",         "entities: a capitalised organisation head word alone after a definite article inside a sentence (adopté par l'Assemblée, au Parlement) names that institution: ORG") \
	X(KNOWN_SURNAME,     "known-surname",     "entities: a capitalised word that is the surname of a person named in full earlier in the document (Manuel Valls ... Valls serait) is that person, also when it is a common French word") \
	X(GLUED_PLUS,        "glued-plus",        "entities: a capitalised word with a + glued to it (Canal+, Disney+) is an organisation's name, the + in its span") \
	X(KNOWN_FIRST_WORD,  "known-first-word",  "entities: a capitalised word that is the first word (a word of its own) of one person named in full earlier is that person: Kim Jong-un ... Kim, Phumtham Wechayachai ... Phumtham") \
	X(ADVERB_GAP,        "adverb-gap",        "adverbs between a verb cue and its noun cue object (a dénoncé à plusieurs reprises la condamnation de X, a salué une nouvelle fois l'arrestation) do not keep the noun from being governed") \
	X(TITLED_COLLECTIVE, "titled-collective", "a collective noun right before its demonym that opens the usual title of a person of that state named in the document is that person (le ministre égyptien des Affaires étrangères, le porte-parole russe), else the state") \
	X(HYPHEN_PLACE,      "hyphen-place",      "entities: an unknown hyphenated word of capitalised parts that opens with no first name (Ordino-Arcalis, Escaldes-Engordany) is a place, not a person; with a part in capitals (Smer-DS) an organisation") \
	X(TITLE_OF_PLACE,    "title-of-place",    "entities: a name right after de that follows a role title (le député de la circonscription de X, le maire UDI de X) is the title's complement, no person") \
	X(CONFIRMED_KIND,    "confirmed-kind",    "entities: a lone word kept because the document names it elsewhere with confidence takes that mention's kind (à Racca, then entre Racca et: GPE, not ORG)") \
	X(COMMON_FORENAME,   "common-forename",   "entities: inside a sentence, a capitalised common word after no article, right before a name word that is no common word, opens a person's name (Ban Ki-moon, Nicola Adams, Gord Brown), when the name reads as a person") \
	X(ACRONYM_NUMBER,    "acronym-number",    "entities: an unknown acronym followed by a number (WTS 2016, KSN 2011a, CO 2) is a designation, an edition or a formula: no organisation") \
	X(REGNAL_NUMBER,     "regnal-number",     "entities: an unknown name of capitalised words ending in a Roman numeral (Mwambutsa IV, Mohammed VI) is a monarch or a pope: a person, not an organisation") \
	X(ACRONYM_GLOSS,     "acronym-gloss",     "entities: the words before an acronym in parentheses whose initials spell it, opening with a capital or an organisation's head word, are an organisation (Bureau international du travail (BIT)); the acronym is that organisation, also where it stands alone in the document though hunspell-fr knows it as a word (CGT, BIT)") \
	X(ELIDED_ARTICLE_ORG, "elided-article-org", "entities: a lone unknown word, or one hunspell-fr knows only as a proper noun, right after l' and no locative (l'Unédic prévoit, selon l'Insee) names an organisation, not a place") \
	X(CUE_ADJECTIVE,     "cue-adjective",     "entities: a name cue's own lower-case adjectives or de and a lower-case noun may stand between it and the unknown name it announces (le collectif anarchiste X, la compagnie ferroviaire X, la compagnie de train X): up to three words") \
	X(CUE_COMPLEMENT,    "cue-complement",    "entities: a name cue right after a bare de, d' or en is a complement of another noun and announces no name (l'animatrice de télévision X, en compagnie des X); nor does a cue whose name after de opens with a first name (l'entreprise de Mark X: its owner, a person)") \
	X(NAME_AND,          "name-and",          "entities: and or & between capitalised words joins them into one name (Aspin Kemp and Associates, Procter & Gamble), an organisation when its last word is a company word") \
	X(ACRONYM_HEAD,      "acronym-head",      "entities: an acronym listed as a name head (AS, FC, OGC, RC: sports clubs) opens a name with the place or name after it (AS Monaco, FC Nantes, OGC Nice): an organisation") \
	X(HEAD_COMPLEMENT,   "head-complement",   "entities: an organisation's capitalised head word takes de and a lower-case noun with its complements into its name when a known organisation or a place follows after de (Parti des travailleurs du Kurdistan, Fédération de football du Burundi, Conseil de paix et de sécurité de l'UA)") \
	X(DEMONYM_AUTHOR,     "demonym-author",     "an act noun with a demonym (la décision française, le plan chinois) has that state for author, when no topic follows in the cue's object") \
	X(JUDGED_ACT,         "judged-act",         "an evaluation of an act noun with its author (a qualifié la décision d'Alger d'injustifiée, la décision algérienne est inacceptable) is about the author") \
	X(AUTHOR_PAST_TOPIC,  "author-past-topic",  "a topic noun cue after de inside an act's phrase (le rôle de médiation du Qatar) does not end the search for the act's author") \
	X(COORDINATED_NP,     "coordinated-np",     "after a noun cue, the name after de in a noun phrase coordinated to it (le soutien des États-Unis et l'accompagnement de l'Union africaine) is no target") \
	X(FACED_PRESSURE,     "faced-pressure",     "a pressure or threat stood up to (Taïwan ... face à la pression de Pékin, face aux menaces de Moscou, sous la pression de X) is against the one before it, and no object of the verb before it") \
	X(THREAT_AGAINST,     "threat-against",     "the party after contre a threat noun (des représailles contre la Belgique, des menaces contre X) is its target, against it") \
	X(FORUM_AUTHOR,       "forum-author",       "an organisation of no state after de whose act names a topic (son veto à une résolution du Conseil de sécurité exigeant un cessez-le-feu) is the forum, not the act's author as a target") \
	X(GROUP_AGENT,        "group-agent",        "a counted group after par (mis en œuvre par les deux parties) is the agent, no group target") \
	X(JUDGED_HEAD,        "judged-head",        "a head noun between de and the evaluation of a judged name (a qualifié Modi d'« homme excellent ») keeps the name its object") \
	X(DEMAND_ADDRESSEE,   "demand-addressee",   "the party a demand is addressed to after its object (réclament des garanties à Téhéran) is a target, against it") \
	X(ACT_CONTENT,        "act-content",        "the act stated after an act noun and its authors (a dénoncé la décision de Londres de reconnaître l'État palestinien) is in the cue's object: polarities multiply, its object is a target") \
	X(STATE_NOMINAL,      "state-nominal",      "État with a demonym (la reconnaissance de l'État palestinien) is that state as a target, where a name would be") \
	X(PRESSURE_MEANS,     "pressure-means",     "pressure by a holder said in the same sentence to be for a topic (les États-Unis, qui poussent pour une trêve, ont exercé une pression sur Zelensky) is a means, no target against the one pressed") \
	X(CHAINED_NOUN,       "chained-noun",       "a positive noun cue aimed at a party (coopération, partenariat) as the object of a governed verb (souhaite renforcer la coopération avec Séoul) lets the stance reach that party") \
	X(OWN_PARTY,          "own-party",          "among the parties after entre (la coopération entre Séoul et Tokyo), the holder's own state is no target") \
	X(PRESSURE_TARGET,    "pressure-target",    "the name after pression(s) sur, an adjective allowed between (exerce une pression croissante sur Taïwan, fait pression sur Kiev, la pression de Pékin sur Taïwan), is a target against, whatever the cue's frame") \
	X(PASSIVE_ACT_AUTHOR, "passive-act-author", "the subject of a passive cue that names an act with its author (la décision de Paris a été rejetée par Moscou, la décision française rejetée par les États-Unis) gives the author as target") \
	X(QUOTED_CLAUSE_TARGET, "quoted-clause-target", "a cue verb with its subject inverted after a quote (« La trêve est une erreur », a dénoncé X) targets the quoted clause when it has no cue of its own: its topic, else its subject (an entity, or an act with its author: la décision française)") \
	X(APPOSED_PERSON,     "apposed-person",     "a nominal speaker or subject followed by a person of its state, past its complement and a comma (», a déclaré le ministre turc Hakan Fidan; le ministre turc des Affaires étrangères, Hakan Fidan, a ...) is that person, not the state") \
	X(TITLED_COMPLEMENT,  "titled-complement",  "a name after a preposition and a civility title or leader noun (dans son discours à M. Kim, au président Xi) is a complement, not the sentence's subject") \
	X(COORDINATED_COMPLEMENT, "coordinated-complement", "a name coordinated by et with a name a preposition opens (le sommet entre Donald Trump et Vladimir Poutine, la trêve entre Israël et le Hamas) is a complement too, not a subject") \
	X(PRONOUN_SUBJECT_CHAIN, "pronoun-subject-chain", "a sentence whose subject is il / elle before any name (Dans une allocution, il a évoqué le choix auquel l'Ukraine est confrontée) keeps the subject il stood for for the next sentence, not a later name") \
	X(COORDINATED_RELATIVE, "coordinated-relative", "a relative pronoun before coordinated subjects (la trêve pour laquelle les États-Unis et la France œuvraient, l'accord que Paris et Berlin soutiennent) is seen from the last of them: the relative's antecedent is the object") \
	X(APPOSED_ACT_AUTHOR, "apposed-act-author", "an act noun in apposition to the clause before (X va reconnaître l'État de Palestine, une décision aussitôt rejetée par Y) is the act of that clause's subject: the target of the passive cue on it") \
	X(APPOSED_COMPLEMENT, "apposed-complement", "a person named between commas after a title that a preposition opens (lors de la rencontre avec l'ambassadeur américain, Ken Howery, X a confirmé) is a complement as the title is, not the subject") \
	X(DISTANT_AGENT,      "distant-agent",      "a passive agent past a time or place (la trêve a été saluée mardi à Genève par Kiev) or named after its title and a comma (par sa porte-parole, Karoline Leavitt) holds the cue") \
	X(LAST_NAMED_TITLE,   "last-named-title",   "ce dernier / celui-ci stand for the last person named, a leader's title included (Trump a reçu le président ukrainien. Ce dernier a salué ...: the Ukrainian president); celui-ci and celle-ci come as two pieces") \
	X(COMME_COORDINATION, "comme-coordination", "subjects joined by comme share the stance: La Russie comme l'Ukraine a accepté; Paris, comme Berlin, soutient") \
	X(COORDINATED_SPEAKERS, "coordinated-speakers", "a quote attributed to two speakers joined by et (», affirment Paris et Londres) is both speakers'") \
	X(COORDINATED_PARTICIPLE, "coordinated-participle", "a passive participle coordinated with an earlier one (une décision critiquée par Israël et rejetée par les États-Unis) has the same subject: not the first one's agent") \
	X(NOMINAL_EXPRESSION, "nominal-expression", "a fixed-expression cue right after an article or a possessive is a noun phrase the verb cue governs (prône la fermeté envers Alger: against Alger)") \
	X(CUE_IN_NAME,        "cue-in-name",        "a cue or a topic term inside a name is part of the name (les Forces de soutien rapide, la région du Pacifique)") \
	X(OTHER_SENSE,        "other-sense",        "a word form that shares a cue's stem but is another word of hunspell-fr (diplo.modifier type sense: maintenant, propos, respectivement, position) is no cue") \
	X(INCISE_GAP,         "incise-gap",         "a phrase of up to seven words between commas may stand in the gap of a cue or topic term (a annoncé, vendredi 26 décembre, de nouvelles sanctions)") \
	X(AGREEMENT_ACT,      "agreement-act",      "concluding or signing an agreement named by nothing else (a self cue of frame accept with no topic in it: Washington et Moscou ont conclu un accord.) is for paix, held by its subject") \
	X(PROPOSAL_AUTHOR,    "proposal-author",    "a proposal another cue governs is still its author's act for what it proposes (leur soutien à la proposition américaine pour un cessez-le-feu, a rejeté la proposition de trêve présentée par Washington: the author is for the truce)") \
	X(LEVY_TARGET,        "levy-target",        "the state after sur, contre or à following a levy (droits de douane, tarifs, taxes, surtaxes; a rate such as de 25 % allowed between: impose des droits de douane de 25 % sur le Canada) is a target against, as after pression sur; under a threat the measure's sign counts (menace d'imposer des tarifs sur la Chine, d'augmenter la pression sur X: against it)") \
	X(GROUP_RECALL,       "group-recall",       "a counted group (la décision des trois pays) that no set of names of the last two sentences fits stands for the last set of that many named together within six sentences") \
	X(GROUP_NOT_HOLDER,   "group-not-holder",   "the holder is not one of the names a counted group object stands for (Trump a reçu Pachinian et Aliev ... Trump a salué les deux dirigeants): the others must fit the count") \
	X(TITLED_LATER,       "titled-later",       "a title with its demonym (l'ambassadeur iranien) is the person of that state whose usual title it opens named in the next sentences, when none was named before") \
	X(ROLE_PERSON,        "role-person",        "a role title with its demonym (le chef de la diplomatie russe, le porte-parole turc) is the one person of that state named in the document whose usual title has the same role class (diplo.role), when its words name no title of his") \
	X(ROLE_DICTIONARY,    "role-dictionary",    "a title with its demonym (le président palestinien, le ministre russe des Affaires étrangères) whose state no person named in the document holds is the dictionary's one person of that state with exactly that usual title") \
	X(GROUP_NOUN,         "group-noun",         "ces pays, ces dirigeants (no count), le trio / le duo (le trio européen) and a count before a plural demonym (les trois Européens) are group references too; a group subject stands for a list of names of the last two sentences of its count (Paris, Londres et Berlin ... les trois Européens)") \
	X(ROLE_GENITIVE,      "role-genitive",      "a role title with an organisation or state after de (le porte-parole du Kremlin, la porte-parole de la Maison Blanche) is the person named in the document with that usual title, else the one of that state with its role class, else the dictionary's one person with that title when the document names none of that class") \
	X(GROUP_RECIPROCAL,   "group-reciprocal",   "a cue aimed at a party with no party named after it (coopération, partenariat), held by two or three names together (Lee et Takaichi ont souligné la nécessité d'une coopération, les deux dirigeants ...), is each one's stance toward the others") \
	X(UP_TO,              "up-to",              "À X de montrer, c'est à X de prouver: a challenge to X is its speaker's demand, not X's stance (as an obligation)") \
	X(MUTUAL_STATE,       "mutual-state",       "X et Y (sont) en désaccord sur Z: en and a noun cue of against held by coordinated names is a state between them, no stance of either toward Z") \
	X(SELF_AIMED,         "self-aimed",         "a party is not for a measure aimed against itself (les sanctions adoptées contre l'Iran, held by Iran): no row") \
	X(HEARSAY,            "hearsay",            "a cue in a clause after selon lequel / laquelle / lesquels / lesquelles (des propos selon lesquels ...) is what others said: no stance of the one reporting it") \
	X(INDIRECT_QUESTION,  "indirect-question",  "a cue after pourquoi or comment that follows a verb of asking or knowing (je ne comprends pas pourquoi, se demande comment) is questioned, not stated: no stance") \
	X(ESSENTIAL_WITHOUT,  "essential-without",  "sans after impossible or rien (impossible sans l'engagement de X, rien ne se fera sans X) says X is essential: it negates nothing") \
	X(BETWEEN_PARTIES,    "between-parties",    "names after entre in a cue's object (défend une stratégie commune entre les États-Unis et l'Europe) are the parties of the noun before entre, no targets")

typedef enum DpRule
{
#define DP_RULE_ENUM(id, name, what) DP_RULE_##id,
	DP_RULES(DP_RULE_ENUM)
#undef DP_RULE_ENUM
	DP_RULE__COUNT
} DpRule;

/* one bit per rule, in 64-bit words */
#define DP_RULE_WORDS ((DP_RULE__COUNT + 63) / 64)

extern uint64_t dp_rules_off[DP_RULE_WORDS];
extern const char *const dp_rule_names[DP_RULE__COUNT];
extern const char *const dp_rule_descriptions[DP_RULE__COUNT];

static inline bool
dp_rule_on(DpRule r)
{
	return !((dp_rules_off[(unsigned) r / 64] >> ((unsigned) r % 64)) & 1);
}

/* The rule named name, or -1. */
extern int	dp_rule_by_name(const char *name, size_t len);

#endif
