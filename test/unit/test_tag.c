/*
 * test_tag.c
 *	  Unit tests of the dictionary, the entity tagger and the stance scorer
 *	  on a small dictionary built in C.
 */
#include "unit.h"
#include "dp_dict.h"
#include "dp_entity.h"
#include "dp_stance.h"
#include "dp_text.h"

static DpDict *
small_dict(void)
{
	DpDict	   *d = dp_dict_create(&unit_mem);
	int			e;

	dp_dict_add_country(d, "RUS", "Russie");
	dp_dict_add_country(d, "UKR", "Ukraine");
	dp_dict_add_country(d, "USA", "États-Unis");
	dp_dict_add_alias(d, "Russie", dp_dict_add_entity(d, "Russie", DP_KIND_GPE, "RUS", NULL, 1));
	dp_dict_add_alias(d, "Ukraine", dp_dict_add_entity(d, "Ukraine", DP_KIND_GPE, "UKR", NULL, 1));
	e = dp_dict_add_entity(d, "États-Unis", DP_KIND_GPE, "USA", NULL, 1);
	dp_dict_add_alias(d, "États-Unis", e);
	dp_dict_add_alias(d, "USA", e);
	/* a seat of government may speak for its state; another city never does */
	dp_dict_add_alias(d, "Moscou", dp_dict_add_entity(d, "Moscou", DP_KIND_GPE, "RUS", "capitale", 1));
	dp_dict_add_alias(d, "Koursk", dp_dict_add_entity(d, "Koursk", DP_KIND_GPE, "RUS", NULL, 1));
	e = dp_dict_add_entity(d, "Vladimir Poutine", DP_KIND_PER, "RUS", "président", 1);
	dp_dict_add_alias(d, "Vladimir Poutine", e);
	dp_dict_add_alias(d, "Poutine", e);
	e = dp_dict_add_entity(d, "Maison Blanche", DP_KIND_ORG, "USA", NULL, 1);
	dp_dict_add_alias(d, "Maison Blanche", e);
	/* an alias shared by a city and a person: the context decides */
	e = dp_dict_add_entity(d, "Washington", DP_KIND_GPE, "USA", NULL, 2);
	dp_dict_add_alias(d, "Washington", e);
	e = dp_dict_add_entity(d, "George Washington", DP_KIND_PER, "USA", NULL, 1);
	dp_dict_add_alias(d, "Washington", e);
	dp_dict_add_alias(d, "George Washington", e);
	dp_dict_add_alias(d, "Le Monde", dp_dict_add_entity(d, "Le Monde", DP_KIND_ORG, NULL, NULL, 1));
	dp_dict_add_alias(d, "Union", dp_dict_add_entity(d, "Union européenne", DP_KIND_ORG, NULL, NULL, 1));
	dp_dict_add_demonym(d, "ukrainien", "UKR");
	dp_dict_add_demonym(d, "russe", "RUS");
	dp_dict_add_role(d, "négociateur", DP_ROLE_ENVOY);
	dp_dict_add_role(d, "président", DP_ROLE_HEAD);
	dp_dict_add_name_head(d, "Conférence", DP_KIND_EVENT);
	dp_dict_add_name_head(d, "université", DP_KIND_ORG);	/* a head written in lower case */
	dp_dict_add_particle(d, "de");
	dp_dict_add_name_hint(d, "Roustem", DP_HINT_FIRST);
	dp_dict_add_name_hint(d, "Poutine", DP_HINT_SURNAME);
	dp_dict_add_topic(d, "cessez-le-feu");
	dp_dict_add_topic(d, "adhesion-otan");
	dp_dict_add_topic_term(d, "trêve", 0, 1, false);
	dp_dict_add_topic_term(d, "cessez-le-feu", 0, 1, false);
	dp_dict_add_topic_term(d, "adhésion * OTAN", 1, 1, true);
	dp_dict_add_cue(d, "rejeter", DP_POS_VERB, -1, 0.9f, DP_FR_REJECT, DP_TM_OBJECT);
	dp_dict_add_cue(d, "accepter", DP_POS_VERB, 1, 0.8f, DP_FR_ACCEPT, DP_TM_OBJECT);
	dp_dict_add_cue(d, "accuser", DP_POS_VERB, -1, 0.9f, DP_FR_ACCUSE, DP_TM_ENTITY);
	dp_dict_add_cue(d, "irréaliste", DP_POS_ADJ, -1, 0.8f, DP_FR_EVALUATE, DP_TM_SUBJECT);
	dp_dict_add_modifier(d, "ne", DP_MOD_NEGATION, 1);
	dp_dict_add_modifier(d, "n'", DP_MOD_NEGATION, 1);
	dp_dict_add_modifier(d, "pas", DP_MOD_NEGATION, 1);
	dp_dict_add_modifier(d, "semble", DP_MOD_HEDGE, 0.6f);
	dp_dict_add_modifier(d, "président", DP_MOD_LEADER, 1);
	dp_dict_add_modifier(d, "déclarer", DP_MOD_REPORTING, 1);
	dp_dict_finish(d);
	return d;
}

/* Mentions rendered as "surface=entity/KIND/ACT;..." */
static char *
tag(DpDict *d, const char *s)
{
	DpMentions	ms = {0};
	DpBuf		out = {0};

	dp_tag_document(d, &unit_mem, s, strlen(s), &ms);
	for (size_t i = 0; i < ms.n; i++)
	{
		const DpMention *m = &ms.m[i];
		char		tmp[512];

		snprintf(tmp, sizeof(tmp), "%.*s=%s/%s/%s;", (int) m->len, s + m->off, m->name,
				 dp_kind_names[m->kind], m->actor >= 0 ? d->countries[m->actor].code : "-");
		dp_buf_append(&unit_mem, &out, tmp, strlen(tmp));
	}
	if (!out.data)
		dp_buf_append(&unit_mem, &out, "", 0);
	return out.data;
}

/* Stances rendered as "holder>target:+;..." with the sign of the score. */
static char *
stances(DpDict *d, const char *s, bool *in_range)
{
	DpStances	ss = {0};
	DpBuf		out = {0};

	*in_range = true;
	dp_stance_document(d, &unit_mem, s, strlen(s), &ss);
	for (size_t i = 0; i < ss.n; i++)
	{
		char		tmp[512];

		if (!(ss.s[i].score >= -1.0f && ss.s[i].score <= 1.0f))
			*in_range = false;
		snprintf(tmp, sizeof(tmp), "%s>%s:%c%s;", ss.s[i].holder, ss.s[i].target,
				 ss.s[i].score > 0 ? '+' : '-', ss.s[i].negated ? "n" : "");
		dp_buf_append(&unit_mem, &out, tmp, strlen(tmp));
	}
	if (!out.data)
		dp_buf_append(&unit_mem, &out, "", 0);
	return out.data;
}

#define TAG(in, want) do { char *g = tag(d, in); IS_STR(g, want, "entities: %s", in); } while (0)
#define STANCE(in, want) do { bool r; char *g = stances(d, in, &r); IS_STR(g, want, "stances: %s", in); OK(r, "scores in [-1,1]: %s", in); } while (0)

/* Do the fast and the slow fold of w differ?  (the first few are reported) */
static int
fold_differs(DpDict *fast, DpDict *slow, const char *w, int reported)
{
	const DpWord *a,
			   *b;

	dp_dict_fast_fold = true;
	a = dp_dict_word(fast, w, strlen(w));
	dp_dict_fast_fold = false;
	b = dp_dict_word(slow, w, strlen(w));
	dp_dict_fast_fold = true;
	if (a->keylen == b->keylen && memcmp(a->key, b->key, a->keylen) == 0 &&
		a->stemlen == b->stemlen && memcmp(a->stem, b->stem, a->stemlen) == 0 &&
		a->stem2len == b->stem2len && memcmp(a->stem2, b->stem2, a->stem2len) == 0 &&
		a->common == b->common && a->function == b->function)
		return 0;
	if (reported < 5)
		OK(false, "fast fold of '%s': key '%.*s' stem '%.*s' vs slow key '%.*s' stem '%.*s'",
		   w, a->keylen, a->key, a->stemlen, a->stem, b->keylen, b->key, b->stemlen, b->stem);
	return 1;
}

/* The Latin-1 fast path of word folding gives what the utf8proc path gives. */
static void
test_fast_fold(void)
{
	static const char *const words[] = {
		"\xC3\x89lys\xC3\xA9" "e", "\xC3\x89TATS-UNIS", "n\xC3\xA9goci\xC3\xA9" "es", "refus\xC3\xA8rent",
		"Kyi\xCC\x88v", "Ky\xC3\xAFv", "\xC3\x87" "A", "Stra\xC3\x9F" "e", "\xC5\x92uvre", "l'\xC3\x89t\xC3\xA9",
		"Saint-\xC3\x89tienne", "1er", "na\xC3\xAFve", "r\xC3\xA9" "alis\xC3\xA9s", "jug\xC3\xA9" "es",
		"pl\xC3\xA9" "biscit\xC3\xA9", "\xC3\x97", "a\xC3\xB7" "b", "J.-C.", "\xC3\xBF\xC3\x9E\xC3\xBE", "rejet\xC3\xA9" "es",
		"\xC3\x80\xC3\x81\xC3\x82\xC3\x83\xC3\x84\xC3\x85\xC3\x86\xC3\x87\xC3\x88\xC3\x89\xC3\x8A\xC3\x8B\xC3\x8C\xC3\x8D\xC3\x8E\xC3\x8F"
		"\xC3\x90\xC3\x91\xC3\x92\xC3\x93\xC3\x94\xC3\x95\xC3\x96\xC3\x98\xC3\x99\xC3\x9A\xC3\x9B\xC3\x9C\xC3\x9D\xC3\x9E\xC3\x9F",
		"\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"
		"\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"
		"\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"
		"\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9",
		NULL
	};
	static const char *const forms[] = {"%s", "%ser", "Ab%sons", "rejet%s", "x-%s'.9", NULL};
	DpDict	   *fast = dp_dict_create(&unit_mem);
	DpDict	   *slow = dp_dict_create(&unit_mem);
	int			bad = 0,
				n = 0;
	char		buf[32];

	for (int i = 0; words[i]; i++, n++)
		bad += fold_differs(fast, slow, words[i], bad);
	/* every U+00C0..U+00FF alone, before, inside and after letters */
	for (int f = 0; forms[f]; f++)
		for (int k = 0; k < 64; k++, n++)
		{
			char		ch[3] = {(char) 0xC3, (char) (0x80 + k), 0};

			snprintf(buf, sizeof(buf), forms[f], ch);
			bad += fold_differs(fast, slow, buf, bad);
		}
	OK(bad == 0, "Latin-1 fast fold equals the utf8proc path on %d words (%d differ)", n, bad);

	/* the one-word shortcut of dictionary loading, on the same words and
	 * on names the lexer treats apart (ordinals, abbreviations, acronyms) */
	{
		static const char *const names[] = {
			"XIVe", "XXIe", "Ier", "III", "Ve", "Mme", "Mlle", "Cie", "M", "mme", "McDonald", "OTAN",
			"\xC3\x89TATS", "\xC3\x89lys\xC3\xA9" "e", "\xC3\xA0\xC3\x80", "l", "Les", "Zelensky",
			"a.b", "fin.", "x.y.z", "Saint.Pierre", "mot.Mot", "Jean Paul", "d'Arc", "Kyi\xCC\x88v", NULL
		};
		int			disagree = 0,
					tried = 0;

		for (int i = 0; names[i]; i++, tried++)
			disagree += !dp_dict_one_word_agrees(names[i], strlen(names[i]));
		for (int i = 0; words[i]; i++, tried++)
			disagree += !dp_dict_one_word_agrees(words[i], strlen(words[i]));
		for (int f = 0; forms[f]; f++)
			for (int k = 0; k < 64; k++, tried++)
			{
				char		ch[3] = {(char) 0xC3, (char) (0x80 + k), 0};

				snprintf(buf, sizeof(buf), forms[f], ch);
				disagree += !dp_dict_one_word_agrees(buf, strlen(buf));
			}
		OK(disagree == 0, "one-word phrases load as the lexer cuts them (%d phrases, %d disagree)", tried, disagree);
	}
	dp_dict_destroy(fast);
	dp_dict_destroy(slow);
}

/*
 * The image of a dictionary: attached, it tags and scores as the dictionary
 * it was written from, and its own image is the same bytes; a truncated or
 * garbled image is refused or, where a garbled byte passes every check
 * (a string's letter, a bloom bit), attached and used without a read out
 * of bounds (AddressSanitizer watches).
 */
static const char *const image_texts[] = {
	"Moscou a rejeté la trêve.",
	"Les ETATS-UNIS et l\xE2\x80\x99Ukraine.",
	"Le négociateur ukrainien Roustem Oumerov arrive. Oumerov parle.",
	"George Washington parle. Washington répond.",
	"L'adhésion de l'Ukraine à l'OTAN est irréaliste, a déclaré Moscou.",
	"« Nous rejetons la trêve », a déclaré Poutine.",
	"La Conférence de Moscou sur la sécurité.",
	"Il enseigne à l'université Roustem de Moscou.",
	NULL
};

static void
test_image(DpDict *d)
{
	size_t		size = dp_dict_image_size(d);
	char	   *img = dp_alloc(&unit_mem, size);
	char	   *copy = dp_alloc(&unit_mem, size);
	char	   *again;
	const char *why = NULL;
	DpDict	   *a;
	size_t		cuts[] = {0, 1, 7, 8, 64, 200, 0, 0, 0};
	int			refused = 0,
				attached = 0;
	uint64_t	rnd = 0x2545F4914F6CDD1DULL;

	IS_INT(dp_dict_image_write(d, img, size - 1), 0, "image: a buffer one byte short is refused");
	IS_INT(dp_dict_image_write(d, img, size), size, "image: written whole");
	memcpy(copy, img, size);
	a = dp_dict_attach(&unit_mem, copy, size, &why);
	OK(a != NULL, "image: attached (%s)", why ? why : "ok");
	if (a == NULL)
		return;
	IS_INT(a->nentities, d->nentities, "image: entities");
	IS_INT(a->ncountries, d->ncountries, "image: countries");
	IS_INT(a->ncues, d->ncues, "image: cues");
	IS_INT(a->ntopics, d->ntopics, "image: topics");
	IS_INT(dp_dict_find_entity(a, "Vladimir Poutine"), dp_dict_find_entity(d, "Vladimir Poutine"),
		   "image: entity names");
	IS_INT(dp_dict_find_country(a, "UKR"), dp_dict_find_country(d, "UKR"), "image: country codes");
	for (int i = 0; image_texts[i]; i++)
	{
		bool		r;

		IS_STR(tag(a, image_texts[i]), tag(d, image_texts[i]), "image: same mentions: %s", image_texts[i]);
		IS_STR(stances(a, image_texts[i], &r), stances(d, image_texts[i], &r),
			   "image: same stances: %s", image_texts[i]);
	}
	IS_INT(dp_dict_image_size(a), size, "image of the attached dictionary: same size");
	again = dp_alloc(&unit_mem, size);
	IS_INT(dp_dict_image_write(a, again, size), size, "image of the attached dictionary: written");
	OK(memcmp(again, img, size) == 0, "image of the attached dictionary: the same bytes");
	dp_dict_destroy(a);

	/* truncated: refused */
	cuts[6] = size / 2;
	cuts[7] = size - 16;
	cuts[8] = size - 1;
	for (size_t i = 0; i < sizeof(cuts) / sizeof(cuts[0]); i++)
	{
		memcpy(copy, img, size);
		a = dp_dict_attach(&unit_mem, copy, cuts[i], &why);
		OK(a == NULL && why != NULL, "image cut to %zu bytes refused (%s)", cuts[i], why ? why : "-");
		if (a)
			dp_dict_destroy(a);
	}
	/* garbled: one to four random bytes changed, 3000 times */
	for (int it = 0; it < 3000; it++)
	{
		int			nb;

		memcpy(copy, img, size);
		rnd ^= rnd << 13;
		rnd ^= rnd >> 7;
		rnd ^= rnd << 17;
		nb = 1 + (int) (rnd & 3);
		for (int b = 0; b < nb; b++)
		{
			size_t		at;

			rnd ^= rnd << 13;
			rnd ^= rnd >> 7;
			rnd ^= rnd << 17;
			/* half of them in the header and records, where offsets are */
			at = (rnd >> 8) % ((it & 1) ? size : (size < 4096 ? size : 4096));
			copy[at] ^= (char) (1 + ((rnd >> 40) % 255));
		}
		a = dp_dict_attach(&unit_mem, copy, size, &why);
		if (a == NULL)
		{
			refused++;
			continue;
		}
		attached++;
		for (int i = 0; image_texts[i]; i++)
		{
			bool		r;

			(void) tag(a, image_texts[i]);
			(void) stances(a, image_texts[i], &r);
		}
		dp_dict_destroy(a);
	}
	OK(refused > 0 && refused + attached == 3000,
	   "garbled images: %d refused, %d attached and used without a fault", refused, attached);
}

void
test_tag(void)
{
	DpDict	   *d = small_dict();

	test_fast_fold();

	TAG("Moscou a rejeté la trêve.", "Moscou=Moscou/GPE/RUS;");
	TAG("La Maison-Blanche et la Maison Blanche.",
		"Maison-Blanche=Maison Blanche/ORG/USA;Maison Blanche=Maison Blanche/ORG/USA;");
	TAG("Les ETATS-UNIS et l\xE2\x80\x99Ukraine.", "ETATS-UNIS=\xC3\x89tats-Unis/GPE/USA;Ukraine=Ukraine/GPE/UKR;");
	TAG("le monde entier, selon Le Monde.", "Le Monde=Le Monde/ORG/-;");
	TAG("Selon Poutine, rien.", "Poutine=Vladimir Poutine/PER/RUS;");
	/* "Union" is a common word: not a one-word name at the start of a sentence */
	TAG("Union sacrée autour du président.", "");
	TAG("Pou\xE2\x80\x8Btine parle.", "Pou\xE2\x80\x8Btine=Vladimir Poutine/PER/RUS;");
	TAG("Le négociateur ukrainien Roustem Oumerov arrive. Oumerov parle.",
		"Roustem Oumerov=Roustem Oumerov/PER/UKR;Oumerov=Roustem Oumerov/PER/UKR;");
	TAG("Partager cet article", "");
	TAG("Cependant, rien.", "");
	TAG("La Conférence de Moscou sur la sécurité.", "Conférence de Moscou=Conférence de Moscou/EVENT/-;");
	/* ambiguity: a place preposition, then the document's earlier mention */
	TAG("Il est arrivé à Washington.", "Washington=Washington/GPE/USA;");
	TAG("George Washington parle. Washington répond.",
		"George Washington=George Washington/PER/USA;Washington=George Washington/PER/USA;");

	STANCE("Moscou a rejeté la trêve.", "Moscou>cessez-le-feu:-;");
	STANCE("Poutine n'a pas accepté la trêve.", "Vladimir Poutine>cessez-le-feu:-n;");
	STANCE("Poutine n'a pas rejeté la trêve.", "Vladimir Poutine>cessez-le-feu:+n;");
	STANCE("Moscou a accusé l'Ukraine.", "Moscou>Ukraine:-;");
	STANCE("L'adhésion de l'Ukraine à l'OTAN est irréaliste, a déclaré Moscou.", "Moscou>adhesion-otan:-;");
	STANCE("« Nous rejetons la trêve », a déclaré Poutine.", "Vladimir Poutine>cessez-le-feu:-;");
	STANCE("Poutine a-t-il accepté la trêve ?", "");
	STANCE("Rien ici.", "");
	/* a topic's short form, once the full term is named */
	STANCE("L'adhésion de l'Ukraine à l'OTAN divise. Moscou a rejeté l'adhésion.",
		   "Moscou>adhesion-otan:-;");
	STANCE("Moscou a rejeté l'adhésion.", "");
	/* a city that is no seat of government holds no stance */
	STANCE("Koursk a rejeté la trêve.", "");
	/* the edges of the new holder and group rules (run under ASan/UBSan):
	 * d'après as the first pieces (fuzz/crashes/stance-dapres-second-piece),
	 * a closing selon with nothing after it, group words with nothing around */
	STANCE("D'après", "");
	STANCE("D'après Moscou.", "");
	STANCE(", selon", "");
	STANCE("ils", "");
	STANCE("les deux pays", "");
	STANCE("Outre ,", "");
	STANCE("Alors que, lorsque", "");
	STANCE("-coréen nord-", "");
	STANCE("« Nous rejetons la trêve », selon Poutine.", "Vladimir Poutine>cessez-le-feu:-;");
	/* the edges of place-phrase, classifier-cue and occasion-cue: their
	 * patterns at the first pieces, cut short, and chained */
	STANCE("sur Gaza", "");
	STANCE("de Gaza", "");
	STANCE("nord de la Syrie", "");
	STANCE("de soutien", "");
	STANCE("listes de conditions", "");
	STANCE("efforts", "");
	STANCE("des efforts de médiation", "");
	STANCE("lors des efforts de efforts de efforts de efforts de médiation", "");
	STANCE("Moscou a salué un message de soutien de soutien de soutien.", "");
	/* negated-reason at the first pieces */
	STANCE("ne pas respecter", "");
	STANCE("de ne pas vouloir respecter la trêve", "");
	STANCE("accusé de vouloir vouloir vouloir bloquer", "");
	/* condition-clause at the edges: si or M. at the first and last pieces */
	STANCE("si", "");
	STANCE("si M.", "");
	STANCE("M. si M. Poutine", "");
	STANCE("la trêve si", "");
	/* relative-antecedent at the first pieces */
	STANCE("qui", "");
	STANCE(", qui soutient la trêve", "");
	STANCE("opposants qui soutiennent la trêve", "");
	/* relative-gap at the edges: que first, the verb last */
	STANCE("que la Turquie soutient", "");
	STANCE("les rebelles que Poutine soutient", "");
	STANCE("les que qu'elle soutient", "");
	/* object-article at the first pieces */
	STANCE("la Russie à accepter", "");
	STANCE("exhorte du de la Russie à accepter la trêve", "");

	/* hostile input: bounded, no crash, scores in range */
	{
		size_t		n = 2 * 1000 * 1000;
		char	   *big = dp_alloc(&unit_mem, n + 1);
		size_t		nt,
					ns;

		memset(big, 'a', n);
		big[n] = '\0';
		dp_count(&unit_mem, big, n, &nt, &ns);
		IS_INT(nt, 1, "a 2 MB word is one token");
		for (size_t i = 0; i + 3 <= n; i += 3)
			memcpy(big + i, "\xC2\xAB ", 3);
		STANCE(big, "");
		for (size_t i = 0; i + 8 <= n; i += 8)
			memcpy(big + i, "Poutine ", 8);
		{
			DpMentions	ms = {0};

			dp_tag_document(d, &unit_mem, big, n, &ms);
			IS_INT(ms.n, n / 8, "Poutine repeated 250 000 times gives one mention each");
		}
	}
	test_image(d);
	dp_dict_destroy(d);
	unit_reset();
}
