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
	dp_dict_add_alias(d, "Moscou", dp_dict_add_entity(d, "Moscou", DP_KIND_GPE, "RUS", NULL, 1));
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

void
test_tag(void)
{
	DpDict	   *d = small_dict();

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
	dp_dict_destroy(d);
	unit_reset();
}
