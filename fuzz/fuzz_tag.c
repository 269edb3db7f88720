/*
 * fuzz_tag.c
 *	  libFuzzer harness for entity tagging and stance scoring.
 *
 * A small dictionary is built once (countries, entities with hyphenated,
 * multi-word and shared aliases, demonyms, roles, name heads, particles,
 * name hints, topics, topic terms with "*" gaps, cues and modifiers).  Each
 * input, made valid UTF-8 first as PostgreSQL guarantees (invalid bytes and
 * NUL become U+FFFD), is tagged twice (a cold and a warm word cache must
 * agree) and scored by dp_stance_document.  Mentions must lie inside the
 * text, in order and without overlap; stances must have a holder and a
 * target and a finite score in [-1, 1].  All per-input memory is freed at
 * once afterwards; the dictionary lives in its own arena until exit, when
 * dp_dict_destroy runs so LeakSanitizer can check the stemmer is released.
 */
#include "fuzz_common.h"

#include "dp_dict.h"
#include "dp_entity.h"
#include "dp_stance.h"
#include "dp_text.h"

#include <math.h>

static FzArena dict_arena = {.name = "dictionary"};
static FzArena doc_arena = {.name = "document"};
static DpMem dict_mem;
static DpDict *dict;
static bool dump;				/* FUZZ_DUMP set: print what an input produces */

/* ------------------------------------------------------ dictionary */

static const char *const countries[][2] = {
	{"FRA", "France"}, {"UKR", "Ukraine"}, {"RUS", "Russie"}, {"USA", "États-Unis"},
	{"DEU", "Allemagne"}, {"TUR", "Turquie"}, {"CHN", "Chine"}, {"CIV", "Côte d'Ivoire"},
	{"BEL", "Belgique"},
};

typedef struct FzEntity
{
	const char *name;
	int			kind;
	const char *actor;
	const char *title;
	float		prior;
	const char *aliases[6];
} FzEntity;

static const FzEntity entities[] = {
	{"France", DP_KIND_GPE, "FRA", NULL, 0.9f, {"France", "Paris", "Hexagone"}},
	{"Ukraine", DP_KIND_GPE, "UKR", NULL, 0.9f, {"Ukraine", "Kiev", "Kyiv"}},
	{"Russie", DP_KIND_GPE, "RUS", NULL, 0.9f, {"Russie", "Moscou", "Fédération de Russie"}},
	{"États-Unis", DP_KIND_GPE, "USA", NULL, 0.9f, {"États-Unis", "Etats-Unis", "USA", "Washington"}},
	{"Allemagne", DP_KIND_GPE, "DEU", NULL, 0.8f, {"Allemagne", "Berlin"}},
	{"Turquie", DP_KIND_GPE, "TUR", NULL, 0.8f, {"Turquie", "Ankara"}},
	{"Chine", DP_KIND_GPE, "CHN", NULL, 0.8f, {"Chine", "Pékin", "Beijing"}},
	{"Côte d'Ivoire", DP_KIND_GPE, "CIV", NULL, 0.7f, {"Côte d'Ivoire", "Côte-d'Ivoire"}},
	{"Belgique", DP_KIND_GPE, "BEL", NULL, 0.7f, {"Belgique"}},
	{"Paris (ville)", DP_KIND_LOC, "FRA", NULL, 0.95f, {"Paris"}},
	{"Bruxelles", DP_KIND_LOC, "BEL", NULL, 0.6f, {"Bruxelles"}},
	{"Union européenne", DP_KIND_ORG, NULL, NULL, 0.7f, {"Union européenne", "UE", "Bruxelles", "Vingt-Sept"}},
	{"OTAN", DP_KIND_ORG, NULL, NULL, 0.8f,
	 {"OTAN", "Alliance atlantique", "Organisation du traité de l'Atlantique Nord", "Alliance"}},
	{"Organisation des Nations unies", DP_KIND_ORG, NULL, NULL, 0.8f,
	 {"ONU", "Nations unies", "Organisation des Nations unies"}},
	{"Conseil de sécurité", DP_KIND_ORG, NULL, NULL, 0.7f, {"Conseil de sécurité"}},
	{"Maison-Blanche", DP_KIND_ORG, "USA", NULL, 0.8f, {"Maison-Blanche", "Maison Blanche"}},
	{"Kremlin", DP_KIND_ORG, "RUS", NULL, 0.8f, {"Kremlin"}},
	{"Emmanuel Macron", DP_KIND_PER, "FRA", "président", 0.9f, {"Emmanuel Macron", "Macron"}},
	{"Volodymyr Zelensky", DP_KIND_PER, "UKR", "président", 0.9f,
	 {"Volodymyr Zelensky", "Zelensky", "Zelenski", "Volodymyr Zelenskyy"}},
	{"Vladimir Poutine", DP_KIND_PER, "RUS", "président", 0.9f, {"Vladimir Poutine", "Poutine"}},
	{"Jean-Noël Barrot", DP_KIND_PER, "FRA", "ministre", 0.7f, {"Jean-Noël Barrot", "Barrot"}},
	{"Sergueï Lavrov", DP_KIND_PER, "RUS", "ministre", 0.7f, {"Sergueï Lavrov", "Lavrov"}},
	{"Ursula von der Leyen", DP_KIND_PER, NULL, "présidente", 0.7f,
	 {"Ursula von der Leyen", "von der Leyen"}},
	{"Recep Tayyip Erdoğan", DP_KIND_PER, "TUR", "président", 0.7f,
	 {"Recep Tayyip Erdoğan", "Erdoğan", "Erdogan"}},
	{"Wang Yi", DP_KIND_PER, "CHN", "ministre", 0.6f, {"Wang Yi"}},
	{"Donbass", DP_KIND_LOC, "UKR", NULL, 0.6f, {"Donbass", "Donbas"}},
	{"Mer Noire", DP_KIND_LOC, NULL, NULL, 0.5f, {"mer Noire", "Mer Noire"}},
	{"Sommet de Genève", DP_KIND_EVENT, NULL, NULL, 0.5f, {"sommet de Genève"}},
	{"Format Normandie", DP_KIND_EVENT, NULL, NULL, 0.5f, {"format Normandie"}},
};

static const char *const demonyms[][2] = {
	{"français", "FRA"}, {"française", "FRA"}, {"françaises", "FRA"},
	{"ukrainien", "UKR"}, {"ukrainienne", "UKR"}, {"ukrainiens", "UKR"}, {"ukrainiennes", "UKR"},
	{"russe", "RUS"}, {"russes", "RUS"},
	{"américain", "USA"}, {"américaine", "USA"}, {"américains", "USA"}, {"nord-américain", "USA"},
	{"allemand", "DEU"}, {"allemande", "DEU"}, {"turc", "TUR"}, {"turque", "TUR"},
	{"chinois", "CHN"}, {"chinoise", "CHN"}, {"ivoirien", "CIV"}, {"belge", "BEL"},
	{"soviétique", "XXX"},		/* unknown country: ignored */
};

static const struct
{
	const char *title;
	int			cls;
}			roles[] = {
	{"président", DP_ROLE_HEAD}, {"présidente", DP_ROLE_HEAD}, {"chef de l'État", DP_ROLE_HEAD},
	{"premier ministre", DP_ROLE_HEAD}, {"chancelier", DP_ROLE_HEAD},
	{"ministre", DP_ROLE_MINISTER}, {"ministre des Affaires étrangères", DP_ROLE_MINISTER},
	{"chef de la diplomatie", DP_ROLE_MINISTER}, {"émissaire", DP_ROLE_ENVOY},
	{"envoyé spécial", DP_ROLE_ENVOY}, {"négociateur", DP_ROLE_ENVOY}, {"ambassadeur", DP_ROLE_ENVOY},
	{"porte-parole", DP_ROLE_SPOKESPERSON}, {"secrétaire général", DP_ROLE_OFFICIAL},
	{"conseiller diplomatique", DP_ROLE_OFFICIAL}, {"général", DP_ROLE_MILITARY},
	{"chef d'état-major", DP_ROLE_MILITARY}, {"opposant", DP_ROLE_OTHER},
};

static const struct
{
	const char *word;
	int			kind;
}			heads[] = {
	{"Conférence", DP_KIND_EVENT}, {"Sommet", DP_KIND_EVENT}, {"Forum", DP_KIND_EVENT},
	{"Banque", DP_KIND_ORG}, {"Fondation", DP_KIND_ORG}, {"Agence", DP_KIND_ORG},
	{"Parti", DP_KIND_ORG}, {"Golfe", DP_KIND_LOC}, {"Mer", DP_KIND_LOC},
	/* lower-case rows: heads of names written in lower case, and a head
	 * that is also a dictionary alias (Union) */
	{"université", DP_KIND_ORG}, {"diocèse", DP_KIND_ORG}, {"prix", DP_KIND_EVENT},
	{"Union", DP_KIND_ORG}, {"Conseil", DP_KIND_ORG},
};

static const char *const particles[] = {
	"de", "du", "des", "d'", "von", "der", "van", "ben", "bin", "al", "da", "el",
};

static const struct
{
	const char *word;
	int			hint;
}			hints[] = {
	{"Steve", DP_HINT_FIRST}, {"Marco", DP_HINT_FIRST}, {"Kaja", DP_HINT_FIRST},
	{"Olaf", DP_HINT_FIRST}, {"Giorgia", DP_HINT_FIRST}, {"Jean", DP_HINT_FIRST},
	{"Witkoff", DP_HINT_SURNAME}, {"Rubio", DP_HINT_SURNAME}, {"Kallas", DP_HINT_SURNAME},
	{"Riyad", DP_HINT_PLACE}, {"Istanbul", DP_HINT_PLACE}, {"Genève", DP_HINT_PLACE},
	{"Pokrovsk", DP_HINT_PLACE}, {"Union", DP_HINT_PLACE},
};

static const char *const topics[] = {
	"cessez-le-feu", "paix", "sanctions", "negociations", "aide-militaire", "adhesion-otan",
};

static const struct
{
	const char *term;
	int			topic;
	int			polarity;
}			terms[] = {
	{"cessez-le-feu", 0, 1}, {"trêve", 0, 1}, {"cessation des hostilités", 0, 1},
	{"cesser * combats", 0, 1}, {"arrêt * frappes", 0, 1},
	{"paix", 1, 1}, {"accord de paix", 1, 1}, {"plan de paix", 1, 1}, {"retrait * troupes", 1, 1},
	{"sanctions", 2, 1}, {"levée des sanctions", 2, -1}, {"lever * sanctions", 2, -1},
	{"négociations", 3, 1}, {"pourparlers", 3, 1}, {"dialogue", 3, 1},
	{"livraisons d'armes", 4, 1}, {"aide militaire", 4, 1},
	{"adhésion à l'OTAN", 5, 1}, {"adhésion * Alliance", 5, 1},
};

static const struct
{
	const char *lemma;
	int			pos;
	int			polarity;
	float		weight;
	int			frame;
	int			target_mode;
}			cues[] = {
	{"soutenir", DP_POS_VERB, 1, 1.0f, DP_FR_SUPPORT, DP_TM_OBJECT},
	{"soutien", DP_POS_NOUN, 1, 0.9f, DP_FR_SUPPORT, DP_TM_OBJECT},
	{"rejeter", DP_POS_VERB, -1, 1.0f, DP_FR_REJECT, DP_TM_OBJECT},
	{"refuser", DP_POS_VERB, -1, 0.9f, DP_FR_REJECT, DP_TM_OBJECT},
	{"condamner", DP_POS_VERB, -1, 1.0f, DP_FR_CONDEMN, DP_TM_ENTITY},
	{"saluer", DP_POS_VERB, 1, 0.8f, DP_FR_WELCOME, DP_TM_BOTH},
	{"exiger", DP_POS_VERB, 1, 0.9f, DP_FR_DEMAND, DP_TM_OBJECT},
	{"appeler à", DP_POS_EXPR, 1, 0.8f, DP_FR_DEMAND, DP_TM_OBJECT},
	{"s'opposer", DP_POS_VERB, -1, 1.0f, DP_FR_OPPOSE, DP_TM_OBJECT},
	{"inacceptable", DP_POS_ADJ, -1, 1.0f, DP_FR_EVALUATE, DP_TM_SUBJECT},
	{"accuser", DP_POS_VERB, -1, 0.9f, DP_FR_ACCUSE, DP_TM_ENTITY},
	{"menacer", DP_POS_VERB, -1, 0.9f, DP_FR_THREATEN, DP_TM_BOTH},
	{"remercier", DP_POS_VERB, 1, 0.7f, DP_FR_THANK, DP_TM_ENTITY},
	{"espérer", DP_POS_VERB, 1, 0.6f, DP_FR_HOPE, DP_TM_OBJECT},
	{"pas question de", DP_POS_EXPR, -1, 1.0f, DP_FR_REJECT, DP_TM_OBJECT},
	{"d'accord", DP_POS_EXPR, 1, 0.8f, DP_FR_ACCEPT, DP_TM_OBJECT},
	{"mettre * terme", DP_POS_EXPR, 1, 0.7f, DP_FR_SEEK, DP_TM_OBJECT},
	{"proposer", DP_POS_VERB, 1, 0.7f, DP_FR_PROPOSE, DP_TM_OBJECT},
	{"demande", DP_POS_NOUN, 1, 0.7f, DP_FR_DEMAND, DP_TM_OBJECT},
	{"revendications", DP_POS_NOUN, 1, 0.7f, DP_FR_DEMAND, DP_TM_OBJECT},
	{"se féliciter", DP_POS_VERB, 1, 0.8f, DP_FR_WELCOME, DP_TM_BOTH},
	{"critiquer", DP_POS_VERB, -1, 0.8f, DP_FR_CRITICIZE, DP_TM_BOTH},
	{"bienvenu", DP_POS_ADJ, 1, 0.7f, DP_FR_EVALUATE, DP_TM_SUBJECT},
	{"s'engager à", DP_POS_EXPR, 1, 0.8f, DP_FR_COMMIT, DP_TM_OBJECT},
	/* acts: agreement-act, proposal-author, levy-target */
	{"conclure * accord", DP_POS_EXPR, 1, 0.6f, DP_FR_ACCEPT, DP_TM_SELF},
	{"proposition", DP_POS_NOUN, 1, 0.7f, DP_FR_PROPOSE, DP_TM_OBJECT},
	{"imposer", DP_POS_VERB, 1, 0.7f, DP_FR_DEMAND, DP_TM_OBJECT},
};

static const struct
{
	const char *word;
	int			type;
	float		factor;
}			modifiers[] = {
	{"ne", DP_MOD_NEGATION, 1.0f}, {"n'", DP_MOD_NEGATION, 1.0f}, {"pas", DP_MOD_NEGATION, 1.0f},
	{"jamais", DP_MOD_NEGATION, 1.0f}, {"plus", DP_MOD_NEGATION, 1.0f}, {"sans", DP_MOD_NEGATION, 1.0f},
	{"refus", DP_MOD_NEGATION, 1.0f},
	{"peut-être", DP_MOD_HEDGE, 0.6f}, {"pourrait", DP_MOD_HEDGE, 0.7f}, {"semble", DP_MOD_HEDGE, 0.0f},
	{"fermement", DP_MOD_INTENSIFIER, 1.3f}, {"très", DP_MOD_INTENSIFIER, 0.0f},
	{"sans réserve", DP_MOD_INTENSIFIER, 1.5f},
	{"mais", DP_MOD_CONTRAST, 1.5f}, {"cependant", DP_MOD_CONTRAST, 1.3f},
	{"a déclaré", DP_MOD_REPORTING, 1.0f}, {"a dit", DP_MOD_REPORTING, 1.0f}, {"dit", DP_MOD_REPORTING, 1.0f},
	{"a affirmé", DP_MOD_REPORTING, 1.0f}, {"selon", DP_MOD_REPORTING, 1.0f},
	{"il", DP_MOD_PRONOUN, 1.0f}, {"elle", DP_MOD_PRONOUN, 1.0f},
	{"diplomatie", DP_MOD_COLLECTIVE, 1.0f}, {"gouvernement", DP_MOD_COLLECTIVE, 1.0f},
	{"dirigeants", DP_MOD_COLLECTIVE, 1.0f}, {"président", DP_MOD_LEADER, 1.0f},
	{"chef", DP_MOD_LEADER, 1.0f}, {"cela", DP_MOD_DEMONSTRATIVE, 1.0f},
	{"ce", DP_MOD_DEMONSTRATIVE, 1.0f},
	{"reçu", DP_MOD_RECEIVE, 1.0f}, {"suscite", DP_MOD_RECEIVE, 1.0f}, {"fait face", DP_MOD_RECEIVE, 1.0f},
	{"heurte", DP_MOD_RECEIVE, 1.0f}, {"propos", DP_MOD_AUTHOR, 1.0f},
};

#define LEN(a) (sizeof(a) / sizeof((a)[0]))

static void
build_dictionary(void)
{
	dict_mem = fz_mem(&dict_arena);
	dict = dp_dict_create(&dict_mem);
	for (size_t i = 0; i < LEN(countries); i++)
		dp_dict_add_country(dict, countries[i][0], countries[i][1]);
	for (size_t i = 0; i < LEN(entities); i++)
	{
		const FzEntity *e = &entities[i];
		int			id = dp_dict_add_entity(dict, e->name, e->kind, e->actor, e->title, e->prior);

		for (int k = 0; k < 6 && e->aliases[k]; k++)
			dp_dict_add_alias(dict, e->aliases[k], id);
	}
	for (size_t i = 0; i < LEN(demonyms); i++)
		dp_dict_add_demonym(dict, demonyms[i][0], demonyms[i][1]);
	for (size_t i = 0; i < LEN(roles); i++)
		dp_dict_add_role(dict, roles[i].title, roles[i].cls);
	for (size_t i = 0; i < LEN(heads); i++)
		dp_dict_add_name_head(dict, heads[i].word, heads[i].kind);
	for (size_t i = 0; i < LEN(particles); i++)
		dp_dict_add_particle(dict, particles[i]);
	for (size_t i = 0; i < LEN(hints); i++)
		dp_dict_add_name_hint(dict, hints[i].word, hints[i].hint);
	for (size_t i = 0; i < LEN(topics); i++)
		FZ_CHECK(dp_dict_add_topic(dict, topics[i]) == (int) i, "topic %zu got another index", i);
	for (size_t i = 0; i < LEN(terms); i++)
		dp_dict_add_topic_term(dict, terms[i].term, terms[i].topic, terms[i].polarity, (i & 1) != 0);
	for (size_t i = 0; i < LEN(cues); i++)
		dp_dict_add_cue(dict, cues[i].lemma, cues[i].pos, cues[i].polarity, cues[i].weight,
						cues[i].frame, cues[i].target_mode);
	for (size_t i = 0; i < LEN(modifiers); i++)
		dp_dict_add_modifier(dict, modifiers[i].word, modifiers[i].type, modifiers[i].factor);
	dp_dict_finish(dict);
	FZ_CHECK(dict->nentities == LEN(entities), "dictionary has %u entities", dict->nentities);
	FZ_CHECK(dict->ncountries == LEN(countries), "dictionary has %u countries", dict->ncountries);
}

/* At exit: what the core malloc'd itself must be gone once the arena is. */
static void
destroy_dictionary(void)
{
	if (!dict)
		return;
	dp_dict_destroy(dict);
	dict = NULL;
	fz_destroy(&dict_arena);
	fz_destroy(&doc_arena);
}

int			LLVMFuzzerInitialize(int *argc, char ***argv);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void) argc;
	(void) argv;
	dump = getenv("FUZZ_DUMP") != NULL;
	build_dictionary();
	atexit(destroy_dictionary);
	return 0;
}

/* ------------------------------------------------------ invariants */

static void
span_die(const char *what, size_t idx, const char *text, size_t n, uint32_t off, uint32_t len)
{
	fprintf(stderr, "\n==FUZZ INVARIANT== %s (item %zu, off=%u len=%u, text is %zu bytes)",
			what, idx, off, len, n);
	if ((size_t) off <= n && (size_t) off + len <= n)
	{
		fprintf(stderr, "\n  span: ");
		fz_print_literal(stderr, text + off, len, 120);
	}
	fprintf(stderr, "\n");
	abort();
}

static bool
valid_actor(int actor)
{
	return actor == -1 || (actor >= 0 && (uint32_t) actor < dict->ncountries);
}

/*
 * A byte span must lie in the text, start and end on code point
 * boundaries, and its code point span must agree with dp_utf8_count.
 * cpos caches the code point count up to a previous offset so checks in
 * text order stay linear.
 */
typedef struct CpCursor
{
	size_t		off;
	size_t		cp;
} CpCursor;

static size_t
cp_at(const char *text, CpCursor *c, size_t off)
{
	if (off < c->off)
	{
		c->off = 0;
		c->cp = 0;
	}
	c->cp += dp_utf8_count(text + c->off, off - c->off);
	c->off = off;
	return c->cp;
}

static void
check_span(const char *what, size_t idx, const char *text, size_t n, CpCursor *cur,
		   uint32_t off, uint32_t len, uint32_t coff, uint32_t clen)
{
	char		msg[160];

	if (len == 0 || (size_t) off + len > n)
	{
		snprintf(msg, sizeof(msg), "%s span empty or outside the text", what);
		span_die(msg, idx, text, n, off, len);
	}
	if (((unsigned char) text[off] & 0xC0) == 0x80 ||
		((size_t) off + len < n && ((unsigned char) text[off + len] & 0xC0) == 0x80))
	{
		snprintf(msg, sizeof(msg), "%s span cuts a code point", what);
		span_die(msg, idx, text, n, off, len);
	}
	if (coff != cp_at(text, cur, off) || clen != dp_utf8_count(text + off, len))
	{
		snprintf(msg, sizeof(msg), "%s code point span %u+%u disagrees with the bytes", what, coff, clen);
		span_die(msg, idx, text, n, off, len);
	}
}

static void
check_mentions(const char *text, size_t n, const DpMentions *ms)
{
	size_t		prev_end = 0;
	uint32_t	prev_sentence = 0;
	CpCursor	cur = {0, 0};

	FZ_CHECK(ms->n <= n, "%zu mentions in %zu bytes", ms->n, n);
	for (size_t i = 0; i < ms->n; i++)
	{
		const DpMention *mm = &ms->m[i];

		check_span("mention", i, text, n, &cur, mm->off, mm->len, mm->coff, mm->clen);
		if (mm->off < prev_end)
			span_die("mention overlaps or precedes the previous one", i, text, n, mm->off, mm->len);
		if (mm->sentence < prev_sentence || mm->sentence == 0)
			span_die("mention sentence numbers out of order", i, text, n, mm->off, mm->len);
		if (mm->npieces == 0)
			span_die("mention with no piece", i, text, n, mm->off, mm->len);
		if (mm->kind >= DP_KIND__COUNT || mm->method >= DP_M__COUNT)
			span_die("mention kind or method out of range", i, text, n, mm->off, mm->len);
		if (mm->entity < -1 || (mm->entity >= 0 && (uint32_t) mm->entity >= dict->nentities))
			span_die("mention entity out of range", i, text, n, mm->off, mm->len);
		if (mm->method == DP_M_DICTIONARY && mm->entity < 0)
			span_die("dictionary mention without an entity", i, text, n, mm->off, mm->len);
		if (mm->entity >= 0 && mm->name != dict->entities[mm->entity].name)
			span_die("mention name is not its entity's name", i, text, n, mm->off, mm->len);
		if (!valid_actor(mm->actor))
			span_die("mention actor out of range", i, text, n, mm->off, mm->len);
		/* 0 is what a lone sentence-initial unknown word gets (see README) */
		if (!(mm->confidence >= 0.0f && mm->confidence <= 1.0f))
			span_die("mention confidence not in [0, 1]", i, text, n, mm->off, mm->len);
		if (mm->name == NULL || mm->name[0] == '\0')
			span_die("mention with an empty name", i, text, n, mm->off, mm->len);
		if (dp_utf8_validate(mm->name, strlen(mm->name)) != -1)
			span_die("mention name is not valid UTF-8", i, text, n, mm->off, mm->len);
		if (memchr(mm->lastkey, '\0', sizeof(mm->lastkey)) == NULL)
			span_die("mention lastkey not terminated", i, text, n, mm->off, mm->len);
		prev_end = (size_t) mm->off + mm->len;
		prev_sentence = mm->sentence;
	}
}

/*
 * Pieces (tokens, compounds cut at their hyphens) must lie inside their
 * token, in order, with code point offsets that agree with the bytes.
 */
static void
check_pieces(DpMem *m, const char *text, size_t n)
{
	DpSplitter	sp;
	DpSentence	sent = {0};
	DpPieces	pc = {0};
	CpCursor	cur = {0, 0};

	dp_splitter_init(&sp, m, text, n);
	while (dp_splitter_next(&sp, &sent))
	{
		size_t		prev_end = 0;

		dp_pieces_build(dict, m, text, &sent, &pc);
		FZ_CHECK(pc.n >= sent.ntok, "sentence %u: %zu tokens but %zu pieces",
				 sent.number, sent.ntok, pc.n);
		for (size_t i = 0; i < pc.n; i++)
		{
			const DpPiece *p = &pc.p[i];
			const DpToken *t;

			if (p->tok >= sent.ntok)
				span_die("piece of a token outside its sentence", i, text, n, p->off, p->len);
			t = &sent.tok[p->tok];
			if (p->off < t->off || (size_t) p->off + p->len > (size_t) t->off + t->len)
				span_die("piece outside its token", i, text, n, p->off, p->len);
			if (p->off < prev_end)
				span_die("pieces out of order or overlapping", i, text, n, p->off, p->len);
			check_span("piece", i, text, n, &cur, p->off, p->len, p->coff, p->clen);
			if (p->w->keylen > DP_WORD_MAX || p->w->stemlen > DP_WORD_MAX || p->w->stem2len > DP_WORD_MAX)
				span_die("piece key or stem too long", i, text, n, p->off, p->len);
			prev_end = (size_t) p->off + p->len;
		}
	}
}

/* Two taggings of the same text must agree (the second hits a warm cache). */
static void
compare_mentions(const char *text, size_t n, const DpMentions *a, const DpMentions *b)
{
	FZ_CHECK(a->n == b->n, "tagging twice gives %zu then %zu mentions", a->n, b->n);
	for (size_t i = 0; i < a->n; i++)
	{
		const DpMention *x = &a->m[i],
				   *y = &b->m[i];

		if (x->off != y->off || x->len != y->len || x->entity != y->entity || x->kind != y->kind ||
			x->actor != y->actor || x->method != y->method || x->confidence != y->confidence ||
			strcmp(x->name, y->name) != 0)
			span_die("tagging twice gives different mentions", i, text, n, x->off, x->len);
	}
}

static bool
is_topic(const char *t)
{
	for (uint32_t i = 0; i < dict->ntopics; i++)
		if (dict->topics[i] == t)
			return true;
	return false;
}

static void
check_stances(const char *text, size_t n, const DpStances *st)
{
	uint32_t	prev_sentence = 0;
	CpCursor	cur = {0, 0};

	for (size_t i = 0; i < st->n; i++)
	{
		const DpStance *s = &st->s[i];

		if (s->holder == NULL || s->target == NULL)
			span_die("stance without a holder or a target", i, text, n, s->off, s->len);
		if (!isfinite(s->score) || s->score < -1.0f || s->score > 1.0f)
		{
			fprintf(stderr, "score = %g\n", (double) s->score);
			span_die("stance score not finite or outside [-1, 1]", i, text, n, s->off, s->len);
		}
		if (s->score == 0.0f)
			span_die("stance with a zero score", i, text, n, s->off, s->len);
		check_span("stance evidence", i, text, n, &cur, s->off, s->len, s->coff, s->clen);
		if (s->cue_len == 0 || (size_t) s->cue_off + s->cue_len > n)
			span_die("stance cue outside the text", i, text, n, s->cue_off, s->cue_len);
		if (s->cue_off < s->off || s->cue_off + s->cue_len > s->off + s->len)
			span_die("stance cue outside its evidence span", i, text, n, s->off, s->len);
		/* sentence order only: within a sentence, topic_actions() appends
		 * its stances after those of the cues (see README) */
		if (s->sentence == 0 || s->sentence < prev_sentence)
			span_die("stances out of sentence order", i, text, n, s->cue_off, s->cue_len);
		if (!valid_actor(s->holder_actor) || !valid_actor(s->target_actor))
			span_die("stance actor out of range", i, text, n, s->off, s->len);
		if (s->target_topic && !is_topic(s->target))
			span_die("topic stance whose target is not a topic", i, text, n, s->off, s->len);
		if (!s->target_topic && strcmp(s->holder, s->target) == 0)
			span_die("stance of an entity towards itself", i, text, n, s->off, s->len);
		if (s->holder[0] == '\0' || s->target[0] == '\0')
			span_die("stance with an empty holder or target", i, text, n, s->off, s->len);
		prev_sentence = s->sentence;
	}
}


static void
dump_mentions(const char *text, const DpMentions *ms)
{
	for (size_t i = 0; i < ms->n; i++)
	{
		const DpMention *mm = &ms->m[i];

		fprintf(stderr, "mention %zu: s%u off=%u len=%u coff=%u clen=%u pieces=%u+%u entity=%d kind=%u actor=%d method=%u conf=%g name=",
				i, mm->sentence, mm->off, mm->len, mm->coff, mm->clen, mm->piece, mm->npieces, mm->entity,
				mm->kind, mm->actor, mm->method, (double) mm->confidence);
		fz_print_literal(stderr, mm->name ? mm->name : "(null)", mm->name ? strlen(mm->name) : 6, 80);
		fprintf(stderr, " text=");
		fz_print_literal(stderr, text + mm->off, mm->len, 80);
		fprintf(stderr, "\n");
	}
}

static void
dump_stances(const char *text, const DpStances *st)
{
	for (size_t i = 0; i < st->n; i++)
	{
		const DpStance *s = &st->s[i];

		fprintf(stderr, "stance %zu: s%u holder=%s target=%s%s score=%g neg=%d hedged=%d reported=%d cue=",
				i, s->sentence, s->holder ? s->holder : "(null)", s->target ? s->target : "(null)",
				s->target_topic ? " (topic)" : "", (double) s->score, s->negated, s->hedged, s->reported);
		fz_print_literal(stderr, text + s->cue_off, s->cue_len, 60);
		fprintf(stderr, " evidence=");
		fz_print_literal(stderr, text + s->off, s->len, 120);
		fprintf(stderr, "\n");
	}
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t		n;
	char	   *text = fz_repair_utf8(data, size, &n);
	DpMem		m = fz_mem(&doc_arena);
	DpMentions	ms1 = {0},
				ms2 = {0};
	DpStances	st = {0};

	FZ_CHECK(dp_utf8_validate(text, n) == -1, "repaired text is not valid UTF-8");

	check_pieces(&m, text, n);
	fz_reset(&doc_arena);

	dp_tag_document(dict, &m, text, n, &ms1);
	if (dump)
		dump_mentions(text, &ms1);
	check_mentions(text, n, &ms1);
	dp_tag_document(dict, &m, text, n, &ms2);
	compare_mentions(text, n, &ms1, &ms2);
	fz_reset(&doc_arena);

	dp_stance_document(dict, &m, text, n, &st);
	if (dump)
		dump_stances(text, &st);
	check_stances(text, n, &st);
	fz_reset(&doc_arena);

	free(text);
	return 0;
}
