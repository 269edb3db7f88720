/*
 * dp_stance.c
 *	  Stance scoring.
 *
 * A second pass over the sentences of a tagged document.  In each sentence
 * the stem trie finds cue words (diplo.cue), topic terms (diplo.topic_term)
 * and modifiers (diplo.modifier); each cue then gets
 *   - a holder: a passive agent (jugé inacceptable par Kiev), a holder of a
 *     noun cue (les revendications russes, les aspirations de Kiev), the
 *     quote's speaker for first-person or subject-less quoted cues, the
 *     subject found leftwards (skipping complements after prepositions,
 *     going through a relative "qui" to its antecedent), a framing "Pour X,"
 *     or "Selon X,"; pronouns resolve to the subject named earlier in the
 *     sentence, else to the last subject before it, nominal mentions
 *     (le président russe, la diplomatie américaine, les Ukrainiens) to the
 *     most mentioned person or the state of that actor;
 *   - targets: topic terms and, for entity-directed frames, entity mentions
 *     in the cue's scope (rightwards to the clause end or a comparison,
 *     "tout comme Y", or leftwards for evaluative adjectives and passives;
 *     a bare name after a verb and "sur" is a channel, not a target; a
 *     name after "contre" or "pression sur" is opposed by what is for it; an
 *     evaluation right after the object of a verb of judging is about
 *     that object: "a qualifié Zelensky de « dictateur »"); a
 *     demonstrative or a bare
 *     evaluative cue falls back to the topic last named;
 *   - a score: polarity x term polarity x weight, flipped by negation (a
 *     negated rejection is weak support), scaled by hedges, intensifiers and
 *     contrast, clamped to [-1, 1].
 * Quoted cues whose speaker is only known later (« ... », a dit X; a bullet
 * "• X" after the quote) wait for it and are dropped if none comes.
 */
#include "dp_stance.h"
#include "dp_rules.h"
#include "dp_text.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

/*
 * Scoring constants and token windows, in one place.  The factor column of
 * diplo.modifier multiplies the first four: a negator's factor scales the
 * flipped weight, a hedge's or intensifier's replaces the default, a
 * contrast word's weighs the clause after it.
 */
#define W_NEG_REJECT	0.35f	/* a negated rejection is weak support */
#define W_NEG_SUPPORT	0.8f	/* a negated support opposes */
#define W_HEDGE			0.6f	/* default hedge factor */
#define W_INTENSIFIER	1.3f	/* default intensifier factor */
#define W_LAST_TOPIC	0.8f	/* an evaluation of the topic last named */
#define W_ANAPHORA		0.6f	/* an anaphoric object standing for the last topic */
#define W_TOPIC_ACTION	0.5f	/* a subject acting on a topic with no cue */
#define W_TOPIC_ACTION_NEG 0.8f /* ... negated */
#define MAX_TOPIC_HEADS 16		/* short-form heads remembered per document */
#define MAX_SCOPE 14			/* pieces a target may be after its cue */
#define MAX_LEFT 30				/* pieces a subject may be before its cue */
#define MAX_QUOTES_OPEN 64

typedef struct Ref
{
	const char *name;
	int32_t		entity;
	int16_t		actor;
	int8_t		kind;
	bool		valid;
} Ref;

typedef struct QuoteInfo
{
	Ref			before;			/* X a déclaré : « */
	Ref			after;			/* », a dit X  /  • X */
	uint32_t	close_sentence;
	bool		closed;
} QuoteInfo;

typedef struct Anno
{
	int32_t		ment;			/* mention covering the piece, -1 */
	int16_t		cue;			/* cue id starting here, -1 */
	uint8_t		cue_len;
	int16_t		topic;			/* topic term starting here, -1 */
	int8_t		topic_pol;
	uint8_t		topic_len;
	bool		topic_short;	/* the term has a short form (St.heads) */
	uint16_t	mods;			/* bit per DpModType */
	uint8_t		mod_len;
	float		mod_factor[DP_MOD__COUNT];
	int16_t		demonym;		/* actor, -1 */
	int32_t		quote;			/* quote id the piece is in, -1 */
	bool		consumed;		/* cue governed by an earlier cue */
} Anno;

typedef struct St
{
	DpDict	   *d;
	DpMem	   *m;
	const char *text;
	DpMentions	ms;
	size_t		mfirst;			/* first mention of this sentence */
	size_t		mend;
	DpPieces	pc;
	Anno	   *an;
	size_t		an_cap;
	uint32_t	sentence;
	DpStances  *out;
	/* document state */
	Ref			last_subject;
	Ref			last_person;	/* the last person subject */
	Ref			last_per_mention;	/* the last person named */
	Ref			frame;			/* Pour X, / Selon X, of this sentence */
	int16_t		last_topic;
	int8_t		last_topic_pol;
	uint32_t	last_topic_sentence;
	size_t		last_topic_piece;	/* its piece, in sentence last_topic_sentence */
	/* short forms of topics: the first word of a multi-word topic term seen
	 * in the document (its stem-trie node) stands for that topic when it
	 * comes back alone after a determiner ("l'échange" after "échange de
	 * prisonniers") */
	struct
	{
		uint32_t	snode;
		int16_t		topic;
		int8_t		pol;
	}			heads[MAX_TOPIC_HEADS];
	int			nheads;
	uint64_t	heads_bloom;	/* bit (snode & 63) of each head */
	QuoteInfo  *quotes;
	size_t		nquotes;
	size_t		cap_quotes;
	int32_t		open_quote;		/* current outermost open quote, -1 */
	int			depth;
	int32_t	   *leader_of;		/* per actor: most mentioned person */
	int32_t		last_closed_quote;
	bool		contrast_seen;
	float		contrast_factor;	/* the factor of the contrast word seen */
	bool		relative;		/* the cue is in a relative clause (qui ...) */
	Ref			also;			/* a second holder: the speaker of a state's clause */
	size_t		hpos;			/* first piece of the holder just found */
	size_t		hend;			/* its last piece */
} St;

static inline bool
key_is(const DpPiece *p, const char *k)
{
	/* keys are NUL-terminated; the first byte rejects almost every word */
	return p->w->key[0] == k[0] && dp_streq(p->w->key, k);
}

/* Cached words are the dictionary's, writable: only their memo bits change. */
static inline DpWord *
unconstify_word(const DpWord *w)
{
	return (DpWord *) (uintptr_t) w;
}

/* The word lists below, by number (bit of DpWord.memo_in). */
enum
{
	L_PREPOSITIONS, L_FIRST_PERSON, L_PRONOUNS3, L_NEGATORS, L_DETERMINERS, L_POSSESSIVES,
	L_PRENOMINAL, L__COUNT
};
_Static_assert(L__COUNT <= 8, "word lists fit DpWord.memo_in");
static const char *const *const word_lists[L__COUNT];

/* key_in's first look at a word: search the list, remember the answer. */
static void __attribute__((noinline))
key_in_learn(const DpPiece *p, int l)
{
	DpWord	   *w = unconstify_word(p->w);
	const char *const *list = word_lists[l];
	bool		in = false;

	for (int i = 0; list[i] && !in; i++)
		in = key_is(p, list[i]);
	if (in)
		w->memo_in |= (uint8_t) (1u << l);
	w->memo_known |= (uint8_t) (1u << l);
}

/* Is the piece's key in word list l?  Memoised in the cached word. */
static inline bool
key_in(const DpPiece *p, int l)
{
	if (!(p->w->memo_known & (1u << l)))
		key_in_learn(p, l);
	return (p->w->memo_in & (1u << l)) != 0;
}

static const char *const prepositions[] = {
	"de", "du", "des", "d'", "a", "au", "aux", "avec", "contre", "par", "pour", "sur",
	"envers", "entre", "vers", "face", "chez", "dans", "en", "sans", "apres", "avant",
	"selon", "malgre", "aupres", "concernant", "quant", NULL
};
static const char *const first_person[] = {"je", "j'", "nous", "moi", NULL};
static const char *const pronouns3[] = {"il", "elle", "ils", "elles", "-il", "-elle", "-ils", "-elles", "-t-il", "-t-elle", NULL};
static const char *const negators[] = {"pas", "plus", "jamais", "guere", "nullement", "aucun", "aucune", "point", "rien", NULL};
static const char *const determiners[] = {"le", "la", "les", "l'", "un", "une", "ce", "cet", "cette", "ces", NULL};
/* possessives and contracted articles: what precedes a noun */
static const char *const possessives[] = {
	"son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos", "mon", "ma", "mes",
	"du", "au", "aux", "des", NULL
};
/* what may stand between a subject and its verb */
static const char *const verb_clitics[] = {
	"ne", "n'", "se", "s'", "a", "ont", "avait", "avaient", "aurait", "auraient", "aura", "auront",
	"est", "sont", "etait", "etaient", "serait", "seraient", "sera", "seront", "a-t-il",
	"peut", "peuvent", "pourrait", "pourraient", "doit", "doivent", "devrait", "devraient",
	"veut", "veulent", "va", "vont", "vient", "viennent", "deja", "pas", "plus", "jamais", NULL
};
/* verbs after which a participle is an adjective */
static const char *const copulas[] = {
	"est", "sont", "etait", "etaient", "serait", "seraient", "sera", "seront", "reste", "restent",
	"restait", "demeure", "demeurent", "semble", "semblent", "semblait", "parait", "paraissent",
	"devient", "deviennent", "montre", "montrent", "dit", "disent", "montre", "ete", "etre", "rester",
	"apparait", "jugee", "juge", "jugent", "estime", "estiment", "trouve", "trouvent", NULL
};
/* adjectives that come before the noun: "lors du dernier Conseil européen" */
static const char *const prenominal[] = {
	"dernier", "derniere", "prochain", "prochaine", "nouveau", "nouvel", "nouvelle", "premier",
	"premiere", "ancien", "ancienne", "futur", "future", "recent", "recente", "grand", "grande",
	"meme", NULL
};
static const char *const *const word_lists[L__COUNT] = {
	[L_PREPOSITIONS] = prepositions, [L_FIRST_PERSON] = first_person,
	[L_PRONOUNS3] = pronouns3, [L_NEGATORS] = negators, [L_DETERMINERS] = determiners,
	[L_POSSESSIVES] = possessives, [L_PRENOMINAL] = prenominal
};

static inline bool
is_punct(const St *st, const DpPiece *p, const char *chars)
{
	if (!((p->cls == DP_TOK_PUNCT || p->cls == DP_TOK_QUOTE) && p->len >= 1))
		return false;
	for (const char *c = chars; *c; c++)
		if (*c == st->text[p->off])
			return true;
	return false;
}

/* Is p "que" or "qu'"? */
static inline bool
is_que(const DpPiece *p)
{
	return key_is(p, "que") || key_is(p, "qu'");
}

/*
 * "plutôt que", "au lieu de": what follows is what the cue is NOT about
 * ("des garanties européennes plutôt qu'une intégration à l'OTAN"); the
 * object of the cue ends there, as it does before a comparison.
 */
static bool
is_rather(const St *st, size_t k)
{
	if (k + 1 >= st->pc.n)
		return false;
	if (key_is(&st->pc.p[k], "plutot"))
		return is_que(&st->pc.p[k + 1]);
	if (key_is(&st->pc.p[k], "au") && key_is(&st->pc.p[k + 1], "lieu"))
		return true;

	/*
	 * A comparison names another holder, not the object: "X a salué
	 * l'initiative, de même que / tout comme / à l'instar de Y".
	 */
	if (key_is(&st->pc.p[k], "tout"))
		return key_is(&st->pc.p[k + 1], "comme");
	if (k + 2 < st->pc.n && key_is(&st->pc.p[k], "de") && key_is(&st->pc.p[k + 1], "meme"))
		return is_que(&st->pc.p[k + 2]);
	if (k + 2 < st->pc.n && key_is(&st->pc.p[k], "a") && key_is(&st->pc.p[k + 1], "l'"))
		return key_is(&st->pc.p[k + 2], "instar");
	return false;
}

static inline bool
is_clause_end(const St *st, const DpPiece *p)
{
	return is_punct(st, p, ";.!?") || (p->cls == DP_TOK_PUNCT && p->len == 3 &&
									   memcmp(st->text + p->off, "\xE2\x80\xA6", 3) == 0);
}

static Ref
ref_mention(const St *st, const DpMention *mm)
{
	Ref			r = {0};

	(void) st;
	r.name = mm->name;
	r.entity = mm->entity;
	r.actor = mm->actor;
	r.kind = (int8_t) mm->kind;
	r.valid = true;
	return r;
}

/*
 * Does a mention name an acting entity, one that can hold a stance?  Persons
 * and organisations do; of places only a state and a seat of government
 * standing for it (Moscou, Washington: title "capitale" in diplo.entity),
 * never a city that hosts talks, a region or a battlefield.
 */
static bool
acting(const St *st, const DpMention *mm)
{
	const DpEntity *e;

	if (mm->kind != DP_KIND_GPE || !dp_rule_on(DP_RULE_HOST_NOT_HOLDER))
		return true;
	if (mm->entity < 0)
		return false;
	e = &st->d->entities[mm->entity];
	if (mm->actor >= 0 && st->d->countries[mm->actor].entity == mm->entity)
		return true;
	return e->title != NULL && strcmp(e->title, "capitale") == 0;
}

/* The state of an actor as a holder (its canonical GPE entity). */
static Ref
ref_state(const St *st, int16_t actor)
{
	Ref			r = {0};
	const DpCountry *c;

	if (actor < 0)
		return r;
	c = &st->d->countries[actor];
	if (c->entity < 0)
		return r;
	r.name = st->d->entities[c->entity].name;
	r.entity = c->entity;
	r.actor = actor;
	r.kind = DP_KIND_GPE;
	r.valid = true;
	return r;
}

/* The leader of an actor: its most mentioned person, else the state. */
static Ref
ref_leader(const St *st, int16_t actor)
{
	if (actor >= 0 && st->leader_of[actor] >= 0)
		return ref_mention(st, &st->ms.m[st->leader_of[actor]]);
	return ref_state(st, actor);
}

/* ------------------------------------------------------------ matching */

/*
 * Longest stem phrase of the stem trie starting at piece i, skipping
 * function words after the first word and following "*" gaps.
 */
static void stem_walk(const St *st, uint32_t node, size_t j, size_t start, int depth,
					  size_t *best_end, const DpVal **best_vals, uint32_t *best_n);

/* After node, a "*" gap: the phrase goes on at any piece of [from, to). */
static void
stem_gap(const St *st, uint32_t node, size_t from, size_t to, size_t start, int depth,
		 size_t *best_end, const DpVal **best_vals, uint32_t *best_n)
{
	uint32_t	gap;

	if (node == 0 || !dp_trie_has_gap(st->d->stems, node) ||
		(gap = dp_trie_child(st->d->stems, node, "*", 1)) == 0)
		return;
	for (size_t g = from; g < to && g < st->pc.n; g++)
		stem_walk(st, gap, g, start, depth + 1, best_end, best_vals, best_n);
}

static void
stem_walk(const St *st, uint32_t node, size_t j, size_t start, int depth,
		  size_t *best_end, const DpVal **best_vals, uint32_t *best_n)
{
	const DpTrie *t = st->d->stems;

	if (depth > 12 || j >= st->pc.n)
		return;
	for (int skip = 0; skip < 4 && j < st->pc.n; skip++, j++)
	{
		const DpPiece *p = &st->pc.p[j];
		uint32_t	child;

		if (!p->wordlike && p->cls != DP_TOK_NUMBER)
		{
			/* a quote mark may open a gap: un chemin « irréversible » vers
			 * l'OTAN (the two marks not counted in its four tokens); other
			 * marks end the phrase */
			if (p->cls == DP_TOK_QUOTE)
				stem_gap(st, node, j + 1, j + 7, start, depth, best_end, best_vals, best_n);
			return;
		}
		if (node == 0)
			child = p->w->snode;
		else
		{
			child = dp_trie_child_h(t, node, p->w->stem, p->w->stemlen, p->w->shash);
			if (!child && p->w->stemlen != p->w->keylen)
				child = dp_trie_child_h(t, node, p->w->key, p->w->keylen, p->w->khash);
			if (!child && p->w->stem2len > 0)
				child = dp_trie_child_h(t, node, p->w->stem2, p->w->stem2len, p->w->s2hash);
		}
		if (child)
		{
			uint32_t	nv;
			const DpVal *v = dp_trie_values(t, child, &nv);

			if (nv > 0 && j + 1 > *best_end)
			{
				*best_end = j + 1;
				*best_vals = v;
				*best_n = nv;
			}
			if (dp_trie_has_children(t, child))
				stem_walk(st, child, j + 1, start, depth + 1, best_end, best_vals, best_n);
		}
		stem_gap(st, node, j, j + 5, start, depth, best_end, best_vals, best_n);
		if (node == 0 || !p->w->function)
			return;
	}
}

/*
 * Topic short forms (see St.heads): learn the heads of this sentence's
 * multi-word topic terms, then read a lone head after a determiner, outside
 * any cue or term, as its topic.  The most recent term wins a shared head.
 */
static void
topic_short_forms(St *st)
{
	size_t		n = st->pc.n;

	for (size_t i = 0; i < n; i++)
	{
		const Anno *a = &st->an[i];
		uint32_t	node = st->pc.p[i].w->snode;
		int			h;

		if (a->topic < 0 || a->topic_len < 2 || !a->topic_short || node == 0)
			continue;
		for (h = 0; h < st->nheads && st->heads[h].snode != node; h++)
			;
		if (h == st->nheads)
		{
			if (st->nheads == MAX_TOPIC_HEADS)
				continue;
			st->nheads++;
		}
		st->heads[h].snode = node;
		st->heads_bloom |= UINT64_C(1) << (node & 63);
		st->heads[h].topic = a->topic;
		st->heads[h].pol = a->topic_pol;
	}
	if (st->nheads == 0)
		return;
	for (size_t i = 1; i < n; i++)
	{
		Anno	   *a = &st->an[i];
		const DpPiece *p = &st->pc.p[i];
		int			h;

		/* most words head no term: one test each */
		if (p->w->snode == 0 || !((st->heads_bloom >> (p->w->snode & 63)) & 1))
			continue;
		if (a->topic >= 0 || a->cue >= 0 || a->ment >= 0 || p->cap ||
			!key_in(&st->pc.p[i - 1], L_DETERMINERS) || st->an[i - 1].topic >= 0)
			continue;
		for (h = 0; h < st->nheads; h++)
			if (st->heads[h].snode == p->w->snode)
			{
				a->topic = st->heads[h].topic;
				a->topic_pol = st->heads[h].pol;
				a->topic_len = 1;
				break;
			}
	}
}

static void
annotate(St *st)
{
	size_t		n = st->pc.n;

	if (n > st->an_cap)
	{
		st->an_cap = n + 64;
		st->an = dp_realloc(st->m, st->an, dp_mul_size(st->m, st->an_cap, sizeof(Anno)));
	}
	for (size_t i = 0; i < n; i++)
	{
		Anno	   *a = &st->an[i];

		memset(a, 0, sizeof(*a));
		a->ment = -1;
		a->cue = -1;
		a->topic = -1;
		a->demonym = -1;
		a->quote = -1;
	}
	for (size_t k = st->mfirst; k < st->mend; k++)
	{
		const DpMention *mm = &st->ms.m[k];

		for (uint32_t j = mm->piece; j < mm->piece + mm->npieces && j < n; j++)
			st->an[j].ment = (int32_t) k;
	}
	for (size_t i = 0; i < n; i++)
	{
		const DpPiece *p = &st->pc.p[i];
		Anno	   *a = &st->an[i];
		size_t		end = 0;
		const DpVal *v = NULL;
		uint32_t	nv = 0;

		/* quotes: the outermost open quote */
		if (p->cls == DP_TOK_QUOTE)
		{
			bool		dq = st->text[p->off] == '"';
			bool		opens = (p->tflags & DP_TF_OPEN) && !(dq && st->depth > 0);
			bool		closes = (p->tflags & DP_TF_CLOSE) && !(dq && st->depth == 0);

			if (opens)
			{
				if (st->depth == 0)
				{
					if (st->nquotes == st->cap_quotes)
					{
						st->cap_quotes = st->cap_quotes ? st->cap_quotes * 2 : 16;
						st->quotes = dp_realloc(st->m, st->quotes,
												dp_mul_size(st->m, st->cap_quotes, sizeof(QuoteInfo)));
					}
					memset(&st->quotes[st->nquotes], 0, sizeof(QuoteInfo));
					st->open_quote = (int32_t) st->nquotes++;
				}
				if (st->depth < MAX_QUOTES_OPEN)
					st->depth++;
			}
			else if (closes && st->depth > 0)
			{
				a->quote = st->open_quote;
				if (st->depth == 1)
				{
					/*
					 * A quote of a few words inside a sentence (« irréaliste
					 * », une « manœuvre dilatoire ») quotes words, not
					 * speech: its words belong to the sentence.
					 */
					size_t		b = i;
					int			words = 0;
					bool		speech = false;

					while (b > 0 && st->an[b - 1].quote == st->open_quote)
					{
						b--;
						if (st->pc.p[b].wordlike)
							words++;
						if ((st->pc.p[b].tflags & DP_TF_TERM) || key_in(&st->pc.p[b], L_FIRST_PERSON))
							speech = true;
					}
					if (b > 0 && words <= 3 && !speech && st->pc.p[b].cls == DP_TOK_QUOTE)
						for (size_t q = b; q <= i; q++)
							st->an[q].quote = -1;
				}
				if (--st->depth == 0)
				{
					st->quotes[st->open_quote].closed = true;
					st->quotes[st->open_quote].close_sentence = st->sentence;
					st->last_closed_quote = st->open_quote;
					st->open_quote = -1;
				}
				continue;
			}
		}
		if (st->depth > 0)
			a->quote = st->open_quote;
		if (!p->wordlike)
			continue;
		{
			const DpVal *dv = NULL;
			uint32_t	node = p->w->wnode;

			if (node && (p->w->where & (1u << DP_V_DEMONYM)))
			{
				uint32_t	k;

				dv = dp_trie_values(st->d->words, node, &k);
				for (uint32_t q = 0; q < k; q++)
					if (dv[q].type == DP_V_DEMONYM && dv[q].npieces == 1)
						a->demonym = (int16_t) dv[q].id;
			}
		}
		/* most words start no stem phrase: no walk (its first step would be
		 * the word's root node, none) */
		if (p->w->snode)
			stem_walk(st, 0, i, i, 0, &end, &v, &nv);
		if (end > i)
		{
			/*
			 * A verb and a noun with one stem (refuser, refus): after a
			 * determiner or a possessive ("le refus", "son refus") the noun,
			 * elsewhere the verb; else the first cue.
			 */
			bool		nominal = i > 0 && (key_in(&st->pc.p[i - 1], L_DETERMINERS) ||
											key_in(&st->pc.p[i - 1], L_POSSESSIVES));
			int32_t		cue = -1;

			for (uint32_t k = 0; k < nv; k++)
				if (v[k].type == DP_V_CUE &&
					(cue < 0 || ((st->d->cues[v[k].id].pos == DP_POS_NOUN) == nominal &&
								 (st->d->cues[cue].pos == DP_POS_NOUN) != nominal)))
					cue = (int32_t) v[k].id;
			if (cue >= 0)
			{
				a->cue = (int16_t) cue;
				a->cue_len = (uint8_t) (end - i);
			}
			for (uint32_t k = 0; k < nv; k++)
			{
				if (v[k].type == DP_V_TERM && a->topic < 0)
				{
					a->topic = (int16_t) v[k].id;
					a->topic_pol = (int8_t) (v[k].sub - 1);
					a->topic_len = (uint8_t) (end - i);
					a->topic_short = v[k].f > 0;
				}
				else if (v[k].type == DP_V_MODIFIER)
				{
					a->mods |= 1u << v[k].sub;
					a->mod_factor[v[k].sub] = v[k].f;
					a->mod_len = (uint8_t) (end - i);
				}
			}
		}
	}
	/* a paragraph break ends a quote that never closed */
	if (st->pc.n > 0 && (st->pc.p[n - 1].tflags & DP_TF_PARA))
		st->depth = 0;
	/*
	 * Longest match only: a cue that starts inside a longer cue is part of
	 * it (the "productif" of "contre-productif", the "favorablement" of
	 * "accueillir favorablement", the "confiance" of "faire confiance").
	 */
	if (dp_rule_on(DP_RULE_LONGEST_CUE))
		for (size_t i = 0; i < n; i++)
			if (st->an[i].cue >= 0 && st->an[i].cue_len > 1)
				for (size_t j = i + 1; j < i + st->an[i].cue_len && j < n; j++)
					if (st->an[j].cue >= 0 && j + st->an[j].cue_len <= i + st->an[i].cue_len)
						st->an[j].cue = -1;
	/* terms win over cue words inside them (cessation des hostilités), but
	 * for cues whose target is the term itself (la médiation d'Oman) */
	for (size_t i = 0; i < n; i++)
		if (st->an[i].topic >= 0)
			for (size_t j = i; j < i + st->an[i].topic_len && j < n; j++)
				if (st->an[j].cue >= 0 && j + st->an[j].cue_len <= i + st->an[i].topic_len &&
					st->d->cues[st->an[j].cue].target_mode != DP_TM_SELF &&
					(j > i || st->an[j].cue_len < st->an[i].topic_len))
					st->an[j].cue = -1;
	/* a term inside a longer cue is part of the cue (non négociable), but
	 * the term a self cue names (servir de médiateur) */
	for (size_t i = 0; i < n; i++)
		if (st->an[i].cue >= 0 && st->an[i].cue_len > 1 &&
			st->d->cues[st->an[i].cue].target_mode != DP_TM_SELF)
			for (size_t j = i; j < i + st->an[i].cue_len && j < n; j++)
				if (st->an[j].topic >= 0 && j + st->an[j].topic_len <= i + st->an[i].cue_len)
					st->an[j].topic = -1;
	/* the words of a circumstantial phrase are not cues (the "raison" of
	 * "en raison de") */
	if (dp_rule_on(DP_RULE_CIRCUMSTANCE))
		for (size_t i = 0; i < n; i++)
			if ((st->an[i].mods & (1u << DP_MOD_CIRCUMSTANCE)) && st->an[i].mod_len > 1)
				for (size_t j = i; j < i + st->an[i].mod_len && j < n; j++)
					st->an[j].cue = -1;
	topic_short_forms(st);
	/* a word of a multi-word cue is not a modifier (the "pas" of "pas
	 * question"); a negation in a cue's gap still is */
	for (size_t i = 0; i < n; i++)
		if (st->an[i].cue >= 0 && st->an[i].cue_len > 1)
		{
			const char *lemma = st->d->cues[st->an[i].cue].lemma;

			for (size_t j = i; j < i + st->an[i].cue_len && j < n; j++)
				if (strstr(lemma, st->pc.p[j].w->key) != NULL)
					st->an[j].mods &= ~((1u << DP_MOD_NEGATION) | (1u << DP_MOD_REPORTING));
		}
}

/* ------------------------------------------------------------- frames */

/*
 * What each frame of diplo.cue does, in one place:
 *   FF_ENTITY  its object may be an entity (soutenir l'Ukraine, accuser Moscou)
 *   FF_AUTHOR  a stance on what someone said or decided is one toward its
 *              author (rejeter les propos de Trump)
 *   FF_REASON  "de + infinitive" after it is the reason, not a governed act
 *              (accuser X d'avoir..., remercier X d'avoir...)
 *   FF_CLAUSE  it governs the verb cue it introduces further on (exiger que
 *              Kiev renonce, espérer, chercher à, s'engager à, proposer de)
 *   FF_NO_TOPIC its object is a person's act, never a topic (accuser)
 *   FF_AIMED   aimed at someone: "à X" after it is the target, not the place
 *              (reprocher à Washington, remercier, menacer)
 *   FF_ELLIPTIC its noun with a possessive and no object is about the topic
 *              being discussed (a apporté son soutien, leur rejet)
 */
enum
{
	FF_ENTITY = 1, FF_AUTHOR = 2, FF_REASON = 4, FF_CLAUSE = 8, FF_NO_TOPIC = 16, FF_AIMED = 32, FF_ELLIPTIC = 64
};
static const uint8_t frame_flags[DP_FR__COUNT] = {
	[DP_FR_ACCEPT] = FF_AUTHOR | FF_ELLIPTIC,
	[DP_FR_REJECT] = FF_AUTHOR | FF_ELLIPTIC,
	[DP_FR_SUPPORT] = FF_ENTITY | FF_AUTHOR | FF_ELLIPTIC,
	[DP_FR_OPPOSE] = FF_ENTITY | FF_AUTHOR | FF_ELLIPTIC,
	[DP_FR_DEMAND] = FF_CLAUSE,
	[DP_FR_PROPOSE] = FF_CLAUSE,
	[DP_FR_PRAISE] = FF_ENTITY | FF_AUTHOR | FF_REASON | FF_AIMED,
	[DP_FR_THANK] = FF_ENTITY | FF_REASON | FF_AIMED,
	[DP_FR_ACCUSE] = FF_ENTITY | FF_REASON | FF_NO_TOPIC | FF_AIMED,
	[DP_FR_CONDEMN] = FF_ENTITY | FF_AUTHOR | FF_REASON | FF_AIMED,
	[DP_FR_THREATEN] = FF_ENTITY | FF_AIMED,
	[DP_FR_DISTRUST] = FF_ENTITY | FF_AUTHOR,
	[DP_FR_WELCOME] = FF_ENTITY | FF_AUTHOR,
	[DP_FR_HOPE] = FF_CLAUSE,
	[DP_FR_CRITICIZE] = FF_ENTITY | FF_AUTHOR | FF_REASON | FF_AIMED,
	[DP_FR_EVALUATE] = 0,
	[DP_FR_COMMIT] = FF_CLAUSE,
	[DP_FR_SEEK] = FF_CLAUSE,
};

static inline bool
frame_has(int frame, int flag)
{
	return frame >= 0 && frame < DP_FR__COUNT && (frame_flags[frame] & flag) != 0;
}

/* ------------------------------------------------------------- holders */

static bool
has_mod(const St *st, size_t i, DpModType t)
{
	return i < st->pc.n && (st->an[i].mods & (1u << t)) != 0;
}

static bool noun_participle(const St *st, size_t k);
/*
 * Is mention mi directly followed by a verb cue (past an auxiliary, a
 * negation or a clitic: "Kiev a rejeté", "Moscou ne reconnaît pas",
 * "Trump lui demande")?  Then it is the subject of that cue.
 */
static bool
subject_of_next_cue(const St *st, int32_t mi)
{
	static const char *const skip[] = {
		"a", "ont", "avait", "avaient", "aura", "auront", "ne", "n'", "se", "s'",
		"lui", "leur", "y", "en", "l'", "la", "le", "les", "nous", "vous", NULL
	};
	const DpMention *mm = &st->ms.m[mi];
	size_t		k = mm->piece + mm->npieces;

	for (int hops = 0; k < st->pc.n && hops < 3; hops++, k++)
	{
		const Anno *a = &st->an[k];
		bool		skippable = false;

		if (a->cue >= 0)
			return st->d->cues[a->cue].pos == DP_POS_VERB && !noun_participle(st, k);
		for (int i = 0; skip[i] && !skippable; i++)
			skippable = key_is(&st->pc.p[k], skip[i]);
		/* the auxiliary "a", not the preposition "à" (same folded key) */
		if (skippable && st->pc.p[k].len == 2 && key_is(&st->pc.p[k], "a"))
			skippable = false;
		if (!skippable)
			return false;
	}
	return false;
}


/* A nominal mention ending at piece k (a demonym): le président russe. */
static bool
nominal_at(const St *st, size_t k, Ref *out, size_t *start)
{
	int16_t		actor = st->an[k].demonym;
	const DpPiece *p = &st->pc.p[k];

	if (actor < 0)
		return false;
	/* les Ukrainiens, les Russes: the people for the state */
	if (p->cap && k > 0 && (key_is(&st->pc.p[k - 1], "les") || key_is(&st->pc.p[k - 1], "des")))
	{
		*out = ref_state(st, actor);
		*start = k - 1;
		return out->valid;
	}
	/*
	 * Up to five words back ("le chef de la diplomatie ukrainienne"); a
	 * leader is the person ("le Premier ministre hongrois" is not the
	 * collective "ministre"), a collective the state.
	 */
	for (int pass = 0; pass < 2; pass++)
		for (size_t b = k; b-- > 0 && b + 6 > k;)
		{
			if (has_mod(st, b, pass == 0 ? DP_MOD_LEADER : DP_MOD_COLLECTIVE))
			{
				*out = pass == 0 ? ref_leader(st, actor) : ref_state(st, actor);
				*start = b;
				return out->valid;
			}
			if (!st->pc.p[b].wordlike)
				break;
		}
	return false;
}


/*
 * Is p the auxiliary "a" (Orban a refusé)?  Keys drop accents, so "a" is
 * also the preposition "à"; the text tells them apart.
 */
static inline bool
is_aux_a(const St *st, const DpPiece *p)
{
	return p->len == 1 && st->text[p->off] == 'a';
}

/* Is p the preposition "à" (or its unaccented spelling)? */
static inline bool
is_prep_a(const St *st, const DpPiece *p)
{
	return key_is(p, "a") && !is_aux_a(st, p);
}

/* Is p "pression(s)", as in "la pression sur X"? */
static inline bool
is_pressure(const DpPiece *p)
{
	return key_is(p, "pression") || key_is(p, "pressions");
}

/* Is the phrase at start a complement: a preposition before it (le, la skipped)? */
static bool
preceded_by_preposition(const St *st, size_t start)
{
	size_t		b = start;

	/* du dernier Conseil, de la prochaine réunion */
	for (int adj = 0; adj < 2 && b > 0 && key_in(&st->pc.p[b - 1], L_PRENOMINAL); adj++)
		b--;
	if (b > 0 && key_in(&st->pc.p[b - 1], L_DETERMINERS) && !key_is(&st->pc.p[b - 1], "des"))
		b--;
	if (b == 0)
		return false;
	return key_in(&st->pc.p[b - 1], L_PREPOSITIONS);
}

static bool candidate_at(const St *st, size_t k, Ref *out, size_t *start, bool allow_prep);

/*
 * The subject of the current sentence among its first end pieces: the first
 * candidate that is not a complement, outside quotes and not a pronoun,
 * naming a person, state or organisation.
 */
static bool
sentence_subject(const St *st, size_t end, Ref *out)
{
	for (size_t i = 0; i < end && i < st->pc.n; i++)
	{
		size_t		start;

		if (st->an[i].quote >= 0 || key_in(&st->pc.p[i], L_PRONOUNS3))
			continue;
		if (candidate_at(st, i, out, &start, false) &&
			(out->kind == DP_KIND_PER || out->kind == DP_KIND_GPE || out->kind == DP_KIND_ORG))
			return true;
		if (st->an[i].ment >= 0)
			i = st->ms.m[st->an[i].ment].piece + st->ms.m[st->an[i].ment].npieces - 1;
	}
	return false;
}

/*
 * What il/elle at piece k stands for: the subject named earlier in the same
 * sentence ("Rafael Grossi s'est rendu à Zaporijia, où il a rencontré..."),
 * looked for in the first PRONOUN_REACH pieces (a bound: cues call this for
 * every pronoun they pass), else the last subject of the sentences before.
 */
#define PRONOUN_REACH 64

static Ref
resolve_pronoun(const St *st, size_t k)
{
	Ref			r;

	if (sentence_subject(st, k < PRONOUN_REACH ? k : PRONOUN_REACH, &r))
		return r;
	return st->last_subject;
}

/*
 * Is the "il" at piece k impersonal, standing for no one: "il faut", "il y
 * a", "il s'agit", "il est nécessaire de", "il semble que"?
 */
static bool
impersonal(const St *st, size_t k)
{
	static const char *const verbs[] = {"faut", "fallait", "faudrait", "faudra", "y", "agit", "suffit",
		"importe", NULL};
	/* impersonal only before que: "il semble que", not "il semble prêt" */
	static const char *const before_que[] = {"semble", "semblait", "reste", "parait", NULL};
	static const char *const etre[] = {"est", "etait", "serait", "sera", "sont", NULL};
	size_t		n = st->pc.n;
	size_t		j = k + 1;

	if (!dp_rule_on(DP_RULE_IMPERSONAL) || !key_is(&st->pc.p[k], "il"))
		return false;
	while (j < n && (key_is(&st->pc.p[j], "ne") || key_is(&st->pc.p[j], "n'") || key_is(&st->pc.p[j], "s'")))
		j++;
	if (j >= n)
		return false;
	for (int i = 0; verbs[i]; i++)
		if (key_is(&st->pc.p[j], verbs[i]))
			return true;
	for (int i = 0; before_que[i]; i++)
		if (key_is(&st->pc.p[j], before_que[i]))
			return j + 1 < n && is_que(&st->pc.p[j + 1]);
	/* il est nécessaire de, il est important que: an adjective then de / que */
	for (int i = 0; etre[i]; i++)
		if (key_is(&st->pc.p[j], etre[i]))
			for (size_t m = j + 2; m < n && m < j + 4; m++)
				if (key_is(&st->pc.p[m], "de") || key_is(&st->pc.p[m], "d'") || is_que(&st->pc.p[m]))
					return st->pc.p[m - 1].wordlike && !st->pc.p[m - 1].cap;
	return false;
}

/*
 * A holder candidate ending at piece k (scanning leftwards).  Sets *start to
 * its first piece.  Complements (after a preposition) are not candidates,
 * except the genitive of a collective noun (les dirigeants du G7).
 */
static bool
candidate_at(const St *st, size_t k, Ref *out, size_t *start, bool allow_prep)
{
	const Anno *a = &st->an[k];
	const DpPiece *p = &st->pc.p[k];

	if (a->ment >= 0)
	{
		const DpMention *mm = &st->ms.m[a->ment];

		*start = mm->piece;
		if (mm->kind == DP_KIND_EVENT || mm->kind == DP_KIND_LOC || mm->kind == DP_KIND_PRODUCT ||
			!acting(st, mm))
			return false;
		if (!allow_prep && preceded_by_preposition(st, mm->piece))
		{
			size_t		b = mm->piece - 1;

			if (!(b > 0 && (key_is(&st->pc.p[b], "de") || key_is(&st->pc.p[b], "du") ||
							key_is(&st->pc.p[b], "d'") || key_is(&st->pc.p[b], "des")) &&
				  (has_mod(st, b - 1, DP_MOD_COLLECTIVE) || has_mod(st, b - 1, DP_MOD_LEADER) ||
				   (b >= 2 && (has_mod(st, b - 2, DP_MOD_COLLECTIVE) || has_mod(st, b - 2, DP_MOD_LEADER))))))
				return false;
		}
		*out = ref_mention(st, mm);
		return true;
	}
	if (nominal_at(st, k, out, start))
		return allow_prep || !preceded_by_preposition(st, *start);
	/* "ce dernier", "cette dernière", "celui-ci": the person last named */
	if ((key_is(p, "dernier") || key_is(p, "derniere") || key_is(p, "celui-ci") || key_is(p, "celle-ci")) &&
		st->last_per_mention.valid &&
		(p->w->key[0] == 'c' || (k > 0 && (key_is(&st->pc.p[k - 1], "ce") || key_is(&st->pc.p[k - 1], "cette")))))
	{
		*start = p->w->key[0] == 'c' ? k : k - 1;
		*out = st->last_per_mention;
		return true;
	}
	/* "le chef de l'État", "le chancelier": the person last named */
	if (has_mod(st, k, DP_MOD_LEADER) && k > 0 && key_in(&st->pc.p[k - 1], L_DETERMINERS) &&
		st->last_person.valid)
	{
		size_t		e = k + (a->mod_len ? a->mod_len : 1);

		if (e < st->pc.n && st->an[e].demonym >= 0)
			return false;		/* le président russe: handled at the demonym */
		/* "les dirigeants du G7": the leaders of the entity named after */
		if (e + 1 < st->pc.n && (key_is(&st->pc.p[e], "de") || key_is(&st->pc.p[e], "du") ||
								 key_is(&st->pc.p[e], "des") || key_is(&st->pc.p[e], "d'")))
		{
			size_t		f = e + 1;

			if (f + 1 < st->pc.n && (key_is(&st->pc.p[f], "la") || key_is(&st->pc.p[f], "l'")))
				f++;
			if (st->an[f].ment >= 0)
			{
				const DpMention *mm = &st->ms.m[st->an[f].ment];

				if (mm->kind == DP_KIND_PER || mm->kind == DP_KIND_GPE || mm->kind == DP_KIND_ORG)
				{
					*start = k - 1;
					*out = ref_mention(st, mm);
					return !preceded_by_preposition(st, k - 1) || allow_prep;
				}
			}
		}
		*start = k - 1;
		*out = st->last_person;
		return !preceded_by_preposition(st, k - 1) || allow_prep;
	}
	if (key_in(p, L_PRONOUNS3) && !preceded_by_preposition(st, k) && !impersonal(st, k))
	{
		*start = k;
		*out = resolve_pronoun(st, k);
		return out->valid;
	}
	return false;
}

/* Does piece k open a subordinate clause ("que", "qu'"), for subject search? */
static bool
is_complementizer(const St *st, size_t k)
{
	const DpPiece *p = &st->pc.p[k];

	if (!is_que(p))
		return false;
	/* "ce que", "plus que", "ne ... que" are not clause openers */
	if (k > 0 && (key_is(&st->pc.p[k - 1], "ce") || key_is(&st->pc.p[k - 1], "plus") ||
				  key_is(&st->pc.p[k - 1], "moins") || key_is(&st->pc.p[k - 1], "autre")))
		return false;
	return true;
}

/*
 * Is piece k, after a determiner, a common noun that is the subject of the
 * verb at c: lowercase, no name, no cue, no nominal holder (le président,
 * la diplomatie), and only lowercase words (auxiliaries, adverbs,
 * negation) between it and the verb?
 */
static bool
thing_subject(const St *st, size_t k, size_t c)
{
	const DpPiece *p = &st->pc.p[k];

	/* a verb's subject only; an evaluation judges its subject, and its
	 * holder is further left */
	if (st->an[c].cue < 0 || st->d->cues[st->an[c].cue].pos != DP_POS_VERB ||
		st->d->cues[st->an[c].cue].target_mode == DP_TM_SUBJECT)
		return false;
	if (!dp_rule_on(DP_RULE_THING_SUBJECT) || !p->wordlike || p->cap || st->an[k].ment >= 0 ||
		st->an[k].cue >= 0 || st->an[k].topic >= 0 || st->an[k].demonym >= 0 || has_mod(st, k, DP_MOD_LEADER) ||
		has_mod(st, k, DP_MOD_COLLECTIVE) || has_mod(st, k, DP_MOD_PRONOUN) || key_in(p, L_PREPOSITIONS) ||
		key_in(p, L_PRONOUNS3) || key_in(p, L_FIRST_PERSON))
		return false;
	/* between the noun and its verb only clitics, auxiliaries and modals:
	 * "une nouvelle fois vanté" is no subject */
	for (size_t j = k + 1; j < c; j++)
	{
		bool		ok = false;

		for (int i = 0; verb_clitics[i] && !ok; i++)
			ok = key_is(&st->pc.p[j], verb_clitics[i]);
		if (!ok)
			return false;
	}
	return true;
}

/*
 * The subject of the cue at piece c.  Scan leftwards to the start of the
 * clause (sentence start, ; : a complementizer "que", the edge of a quote);
 * a relative "qui" met on the way resolves to its antecedent.  Then the
 * first candidate of the clause that is not a complement is the subject: in
 * French the subject leads its clause, objects follow the verb.  A clause
 * with no candidate after "que" takes the main clause's subject
 * ("X a déclaré que ... était irréaliste").
 */
static bool
subject_left_q(const St *st, size_t c, int32_t q, Ref *out, bool *first_person_seen)
{
	size_t		lo = c > MAX_LEFT ? c - MAX_LEFT : 0;
	size_t		end = c;
	size_t		reach;

	*first_person_seen = false;
	/* a subject right before its verb ("le président Zelensky veut") wins;
	 * before a noun cue after a possessive, before the verb that carries it
	 * ("Donald Trump a officiellement apporté son soutien") */
	reach = (st->an[c].cue >= 0 && st->d->cues[st->an[c].cue].pos == DP_POS_NOUN && c > 0 &&
			 key_in(&st->pc.p[c - 1], L_POSSESSIVES) && !key_in(&st->pc.p[c - 1], L_PREPOSITIONS) &&
			 dp_rule_on(DP_RULE_ELLIPTIC_OBJECT)) ? 8 : 5;
	for (size_t k = c; k-- > lo && k + reach > c;)
	{
		const DpPiece *p = &st->pc.p[k];
		size_t		start;

		if (st->an[k].quote != q)
			break;
		if (candidate_at(st, k, out, &start, false))
		{
			if (key_in(&st->pc.p[k], L_PRONOUNS3) || st->an[k].ment >= 0 || st->an[k].demonym >= 0)
			{
				((St *) st)->hpos = start;
				((St *) st)->hend = k;
				return true;
			}
			break;
		}
		/*
		 * A thing right before its verb is the clause's subject, and
		 * holds no stance: "le projet aurait exigé", "la résolution
		 * appelle à" (not a name further left)
		 */
		if (key_in(p, L_DETERMINERS) && k + 1 < c && thing_subject(st, k + 1, c))
			return false;
		if (!p->wordlike || p->cap || (key_in(p, L_PREPOSITIONS) && !is_aux_a(st, p)) ||
			key_in(p, L_FIRST_PERSON) ||
			key_is(p, "qui") || is_que(p))
			break;
	}
	while (end > lo)
	{
		size_t		k = end;
		size_t		start_clause = lo;
		bool		by_que = false;

		/* find the clause start, handling "qui" and first person on the way */
		while (k-- > lo)
		{
			const DpPiece *p = &st->pc.p[k];
			size_t		start;

			if (st->an[k].quote != q || is_clause_end(st, p) || is_punct(st, p, ":"))
			{
				start_clause = k + 1;
				break;
			}
			/* ", mais son porte-parole, X, a jugé": a clause of its own,
			 * whose subject, when it has none, is the one before */
			if (key_is(p, "mais") && k > 0 && is_punct(st, &st->pc.p[k - 1], ","))
			{
				start_clause = k + 1;
				by_que = true;
				break;
			}
			if (key_in(p, L_FIRST_PERSON) && end == c)
			{
				*first_person_seen = true;
				return false;
			}
			if (key_is(p, "qui") || key_is(p, "lequel") || key_is(p, "laquelle"))
			{
				size_t		b = k;

				while (b > 0 && is_punct(st, &st->pc.p[b - 1], ","))
					b--;
				if (b > 0 && candidate_at(st, b - 1, out, &start, true))
				{
					((St *) st)->hpos = start;
					((St *) st)->hend = b - 1;
					((St *) st)->relative = true;
					return true;
				}
			}
			if (is_complementizer(st, k))
			{
				start_clause = k + 1;
				by_que = true;
				break;
			}
		}
		/* the first candidate of the clause that is not a complement */
		for (size_t j = start_clause; j < end; j++)
		{
			size_t		start;

			if (candidate_at(st, j, out, &start, false) && start >= start_clause)
			{
				/* take the whole phrase ending furthest right from its start */
				size_t		e = j;
				Ref			r2;
				size_t		s2;

				while (e + 1 < end && candidate_at(st, e + 1, &r2, &s2, false) && s2 == start)
				{
					*out = r2;
					e++;
				}
				/* a title before a name: le négociateur ukrainien Andriy
				 * Hnatov; or with the name in apposition: le ministre
				 * ukrainien des Affaires étrangères, Andriy Sybiha, */
				if (st->an[j].ment < 0)
					for (size_t f = e + 1; f < end && f < e + 8; f++)
					{
						bool		after_comma = f > e + 1 && is_punct(st, &st->pc.p[f - 1], ",");

						if ((f == e + 1 || after_comma) && st->an[f].ment >= 0 &&
							st->ms.m[st->an[f].ment].kind == DP_KIND_PER)
						{
							const DpMention *mm = &st->ms.m[st->an[f].ment];

							*out = ref_mention(st, mm);
							e = mm->piece + mm->npieces - 1;
							break;
						}
						/* words of the title, up to the first comma */
						if (after_comma || !(st->pc.p[f].wordlike || is_punct(st, &st->pc.p[f], ",")))
							break;
					}
				((St *) st)->hpos = start;
				((St *) st)->hend = e;
				return true;
			}
			if (st->an[j].ment >= 0)
				j = st->ms.m[st->an[j].ment].piece + st->ms.m[st->an[j].ment].npieces - 1;
		}
		if (!by_que || start_clause == 0)
			break;
		end = start_clause - 1;	/* the main clause, before "que" */
	}
	return false;
}

static bool
subject_left(const St *st, size_t c, Ref *out, bool *first_person_seen)
{
	return subject_left_q(st, c, st->an[c].quote, out, first_person_seen);
}

/* Passive agent after the cue: "jugée inacceptable par l'Ukraine". */
static bool
agent_after(const St *st, size_t c_end, size_t reach, Ref *out)
{
	for (size_t k = c_end; k < st->pc.n && k < c_end + reach; k++)
	{
		const DpPiece *p = &st->pc.p[k];
		size_t		start;

		if (key_is(p, "par"))
		{
			for (size_t j = k + 1; j < st->pc.n && j < k + 6; j++)
			{
				if (is_clause_end(st, &st->pc.p[j]) || is_punct(st, &st->pc.p[j], ","))
					break;
				if (candidate_at(st, j, out, &start, true))
				{
					/* take the whole nominal or mention ending furthest right */
					size_t		e = j;
					Ref			r2;
					size_t		s2;

					while (e + 1 < st->pc.n && e < j + 4 && candidate_at(st, e + 1, &r2, &s2, true) && s2 <= j)
					{
						*out = r2;
						e++;
					}
					((St *) st)->hpos = start < j ? start : j;
					((St *) st)->hend = e;
					return true;
				}
			}
			return false;
		}
		if (!st->pc.p[k].wordlike)
			return false;
	}
	return false;
}

/*
 * The subject after a cue that follows a closing quote:
 * « ... », s'est félicitée Kaja Kallas.
 */
static bool
inverted_subject(const St *st, size_t c, size_t c_end, Ref *out)
{
	bool		after_quote = false;
	size_t		start;

	for (size_t k = c; k-- > 0 && k + 4 > c;)
		if (st->pc.p[k].cls == DP_TOK_QUOTE && (st->pc.p[k].tflags & DP_TF_CLOSE))
		{
			after_quote = true;
			break;
		}
	if (!after_quote)
		return false;
	for (size_t k = c_end; k < st->pc.n && k < c_end + 3; k++)
		if (candidate_at(st, k, out, &start, true))
		{
			((St *) st)->hpos = start;
			((St *) st)->hend = k;
			return true;
		}
	return false;
}

/*
 * An attribution after the clause, without quotes: "..., a déclaré Moscou."
 * A comma, then within a few words a reporting verb, then the speaker.
 */
static bool
post_attribution(const St *st, size_t c_end, Ref *out)
{
	for (size_t k = c_end; k < st->pc.n && k < c_end + MAX_SCOPE; k++)
	{
		if (is_clause_end(st, &st->pc.p[k]))
			return false;
		if (!is_punct(st, &st->pc.p[k], ","))
			continue;
		for (size_t j = k + 1; j < st->pc.n && j < k + 4; j++)
			if (has_mod(st, j, DP_MOD_REPORTING))
			{
				for (size_t h = j + 1; h < st->pc.n && h < j + 4; h++)
				{
					size_t		start;

					if (is_clause_end(st, &st->pc.p[h]))
						return false;
					if (candidate_at(st, h, out, &start, false))
					{
						((St *) st)->hpos = start;
						((St *) st)->hend = h;
						return true;
					}
				}
				return false;
			}
	}
	return false;
}

/* Holder of a noun cue after it: les revendications russes, l'appel de X. */
static bool
noun_holder(const St *st, size_t c_end, Ref *out)
{
	if (c_end < st->pc.n && st->an[c_end].demonym >= 0)
	{
		*out = ref_state(st, st->an[c_end].demonym);
		((St *) st)->hpos = ((St *) st)->hend = c_end;
		return out->valid;
	}
	if (c_end + 1 < st->pc.n &&
		(key_is(&st->pc.p[c_end], "de") || key_is(&st->pc.p[c_end], "du") ||
		 key_is(&st->pc.p[c_end], "d'") || key_is(&st->pc.p[c_end], "des")))
	{
		size_t		k = c_end + 1;

		if (k < st->pc.n && (key_is(&st->pc.p[k], "la") || key_is(&st->pc.p[k], "l'")))
			k++;
		if (k < st->pc.n && st->an[k].ment >= 0)
		{
			const DpMention *mm = &st->ms.m[st->an[k].ment];

			if ((mm->kind == DP_KIND_PER || mm->kind == DP_KIND_GPE || mm->kind == DP_KIND_ORG) &&
				acting(st, mm))
			{
				*out = ref_mention(st, mm);
				((St *) st)->hpos = mm->piece;
				((St *) st)->hend = mm->piece + mm->npieces - 1;
				return true;
			}
		}
	}
	return false;
}

/* ------------------------------------------------------------- output */

static void
push(St *st, const Ref *holder, int32_t quote, const char *target, int16_t tactor, bool topic,
	 float score, size_t c, size_t c_end, size_t lo, size_t hi, bool neg, bool hedged, bool reported)
{
	DpStances  *o = st->out;
	DpStance   *s;
	const DpPiece *a,
			   *z,
			   *ca,
			   *cz;

	if (!isfinite(score) || score == 0.0f)
		return;
	if (holder && holder->valid && !topic && strcmp(holder->name, target) == 0)
		return;
	if (score > 1.0f)
		score = 1.0f;
	if (score < -1.0f)
		score = -1.0f;
	if (o->n == o->cap)
	{
		o->cap = o->cap ? o->cap * 2 : 32;
		o->s = dp_realloc(st->m, o->s, dp_mul_size(st->m, o->cap, sizeof(DpStance)));
	}
	s = &o->s[o->n++];
	memset(s, 0, sizeof(*s));
	s->holder = holder && holder->valid ? holder->name : NULL;
	s->holder_actor = holder && holder->valid ? holder->actor : -1;
	s->quote = s->holder ? -1 : quote;
	s->target = target;
	s->target_actor = tactor;
	s->target_topic = topic;
	s->score = score;
	s->negated = neg;
	s->hedged = hedged;
	s->reported = reported;
	s->sentence = st->sentence;
	ca = &st->pc.p[c];
	cz = &st->pc.p[c_end - 1];
	s->cue_off = ca->off;
	s->cue_len = cz->off + cz->len - ca->off;
	if (hi < c_end - 1)
		hi = c_end - 1;
	if (st->hpos != SIZE_MAX && st->hend < st->pc.n && st->hend > hi)
		hi = st->hend;
	a = &st->pc.p[lo];
	z = &st->pc.p[hi];
	s->off = a->off;
	s->len = z->off + z->len - a->off;
	s->coff = a->coff;
	s->clen = z->coff + z->clen - a->coff;
}

/*
 * Is the name at piece m in the complement of the topic ending at piece t,
 * as a party to it: "l'adhésion de Kyiv", "une rencontre entre Trump et
 * Poutine", "des pourparlers avec Moscou", "les sanctions contre la
 * Russie" (names joined by "et" included)?  After "de" with an article
 * ("le soutien à l'intégrité territoriale de l'Ukraine") the name stays a
 * target.
 */
static bool
in_topic_complement(const St *st, size_t t, size_t m)
{
	size_t		j = t + 1;
	bool		party;

	if (m <= j || m > t + 12)
		return false;
	/* its agent: la médiation conduite par Washington */
	if (j + 1 < m && key_is(&st->pc.p[j + 1], "par") && st->pc.p[j].wordlike && !st->pc.p[j].cap &&
		st->an[j].cue < 0)
		j++;
	/* parties (entre, avec, contre, par) and recipients (l'aide à
	 * l'Ukraine, les livraisons d'armes aux Ukrainiens) take a determiner */
	party = key_is(&st->pc.p[j], "entre") || key_is(&st->pc.p[j], "avec") || key_is(&st->pc.p[j], "contre") ||
		key_is(&st->pc.p[j], "par") ||
		is_prep_a(st, &st->pc.p[j]) || key_is(&st->pc.p[j], "au") || key_is(&st->pc.p[j], "aux");
	if (!party && !key_is(&st->pc.p[j], "de") && !key_is(&st->pc.p[j], "d'") &&
		!key_is(&st->pc.p[j], "du") && !key_is(&st->pc.p[j], "des"))
		return false;
	j++;
	for (;;)
	{
		if (party && j < m && key_in(&st->pc.p[j], L_DETERMINERS))
			j++;
		if (j == m)
			return true;
		if (j > m || st->an[j].ment < 0)
			return false;
		j = st->ms.m[st->an[j].ment].piece + st->ms.m[st->an[j].ment].npieces;
		if (j >= m || !key_is(&st->pc.p[j], "et"))
			return false;
		j++;
	}
}

/*
 * The person or state an evaluation right after it is about, as the object
 * of a verb of judging: "a qualifié Zelensky de « dictateur »", "juge
 * Pékin irresponsable".  Between the name and the cue at piece c only
 * quote marks, de, d', comme; before the name a reporting verb.
 */
static bool
judged_entity(const St *st, size_t c, Ref *out, size_t *start)
{
	size_t		k = c;
	const DpMention *mm;

	/* (d'« splits into d, the apostrophe and the quote mark) */
	while (k > 0 && c - k < 4)
	{
		const DpPiece *p = &st->pc.p[k - 1];

		if (!(p->cls == DP_TOK_QUOTE || key_is(p, "de") || key_is(p, "d'") || key_is(p, "d") ||
			  key_is(p, "comme") ||
			  (p->cls == DP_TOK_PUNCT &&
			   dp_apos_len((const unsigned char *) st->text, p->off + p->len, p->off) == p->len)))
			break;
		k--;
	}
	if (k == 0 || st->an[k - 1].ment < 0)
		return false;
	mm = &st->ms.m[st->an[k - 1].ment];
	if (mm->piece + mm->npieces != k || mm->piece == 0 ||
		!(mm->kind == DP_KIND_PER || mm->kind == DP_KIND_GPE || mm->kind == DP_KIND_ORG) ||
		!has_mod(st, mm->piece - 1, DP_MOD_REPORTING))
		return false;
	*out = ref_mention(st, mm);
	*start = mm->piece - 1;
	return true;
}

/*
 * Is the name at piece m what something is aimed against: after "contre",
 * or after "pression(s) sur" (an article may come between)?
 */
static bool
aimed_against(const St *st, size_t m)
{
	size_t		b = m;

	if (b >= 1 && key_in(&st->pc.p[b - 1], L_DETERMINERS))
		b--;
	if (b < 1)
		return false;
	if (key_is(&st->pc.p[b - 1], "contre"))
		return true;
	return b >= 2 && key_is(&st->pc.p[b - 1], "sur") &&
		is_pressure(&st->pc.p[b - 2]);
}

/*
 * A second subject coordinated with the holder just found: "Emmanuel Macron
 * et Keir Starmer soutiennent ...".
 */
static int
coordinated_subject(const St *st, Ref *out, int max)
{
	size_t		start;
	size_t		e;
	Ref			r;
	int			n = 0;
	size_t		h;

	if (st->hpos == SIZE_MAX)
		return 0;
	/*
	 * X et [holder], X, Y et [holder]: leftwards over "et" and commas, an
	 * article before each name ("la France et les États-Unis")
	 */
	h = st->hpos;
	if (dp_rule_on(DP_RULE_COORDINATION) && h > 0 && key_in(&st->pc.p[h - 1], L_DETERMINERS))
		h--;
	if (h >= 2 && key_is(&st->pc.p[h - 1], "et") && candidate_at(st, h - 2, &r, &start, false))
	{
		out[n++] = r;
		while (dp_rule_on(DP_RULE_COORDINATION) && n < max)
		{
			h = start;
			if (h > 0 && key_in(&st->pc.p[h - 1], L_DETERMINERS))
				h--;
			if (!(h >= 2 && is_punct(st, &st->pc.p[h - 1], ",") &&
				  candidate_at(st, h - 2, &r, &start, false)))
				break;
			out[n++] = r;
		}
		return n;
	}
	/* [holder] et Y */
	e = st->hend + 1;
	if (e + 1 < st->pc.n && key_is(&st->pc.p[e], "et"))
		for (size_t k = e + 1; k < st->pc.n && k < e + 5; k++)
		{
			if (!st->pc.p[k].wordlike)
				break;
			if (candidate_at(st, k, &r, &start, false) && start == e + 1)
			{
				out[n++] = r;
				return n;
			}
		}
	return n;
}

static void score_cue_one(St *st, size_t c);

/*
 * Is the name at piece m introduced as a channel: "sur X", "sur Telegram",
 * "sur le site X", "sur son compte X" (sur, then a bare name, or a
 * determiner or possessive and one lowercase word before it)?  Not "sur le
 * Kremlin" (a name with its article) nor "la pression sur X".
 */
static bool
said_on(const St *st, size_t m)
{
	size_t		b = m;

	if (b >= 3 && st->pc.p[b - 1].wordlike && !st->pc.p[b - 1].cap &&
		!key_in(&st->pc.p[b - 1], L_DETERMINERS) && !key_in(&st->pc.p[b - 1], L_POSSESSIVES) &&
		(key_in(&st->pc.p[b - 2], L_DETERMINERS) || key_in(&st->pc.p[b - 2], L_POSSESSIVES)))
		return key_is(&st->pc.p[b - 3], "sur");	/* the noun: site, compte, réseau */
	return b >= 1 && key_is(&st->pc.p[b - 1], "sur") &&
		!(b >= 2 && is_pressure(&st->pc.p[b - 2]));
}

/*
 * Is the place right after a verb where the act happens: "a plaidé à
 * Moscou pour", "accueillir à Budapest une rencontre", "s'engage en
 * Turquie"?  Not for verbs aimed at someone (reprocher à Washington,
 * remercier, menacer), whose "à X" is the target.
 */
static bool
said_at(const St *st, const DpCue *cue, size_t c_end, const DpMention *mm)
{
	size_t		b = mm->piece;
	const DpPiece *p;

	if (mm->kind != DP_KIND_GPE || cue->target_mode != DP_TM_OBJECT)
		return false;
	if (frame_has(cue->frame, FF_AIMED))
		return false;
	if (b >= 1 && key_is(&st->pc.p[b - 1], "l'"))
		b--;
	if (b < 1 || b - 1 > c_end)
		return false;
	p = &st->pc.p[b - 1];
	return is_prep_a(st, p) || key_is(p, "au") || key_is(p, "aux") || key_is(p, "en");
}

/*
 * Is the verb at piece c (or its auxiliary) in the plural, as coordinated
 * subjects need ("Macron et Starmer soutiennent", "... ont salué")?  The
 * singular "Londres soutient" after "Kiev et" is a second clause's verb.
 */
static bool
plural_verb(const St *st, size_t c)
{
	static const char *const aux[] = {
		"ont", "sont", "vont", "avaient", "etaient", "seront", "auront", "doivent",
		"veulent", "peuvent", "font", NULL
	};
	const DpWord *w = st->pc.p[c].w;

	if (w->keylen > 3 && memcmp(w->key + w->keylen - 3, "ent", 3) == 0)
		return true;
	for (size_t k = c; k-- > 0 && k + 3 > c;)
		for (int i = 0; aux[i]; i++)
			if (key_is(&st->pc.p[k], aux[i]))
				return true;
	return false;
}

/* Score one cue at piece c, for each coordinated holder. */
/*
 * Is the last topic named inside the subject of the cue at c, between the
 * holder found (st->hpos) and the cue: "Le CICR, qui a pu rencontrer les
 * détenus, a salué un geste" does not make the meeting its object.
 */
static bool
topic_in_subject(const St *st, size_t c)
{
	return st->last_topic_sentence == st->sentence && st->last_topic_piece != SIZE_MAX &&
		st->hpos != SIZE_MAX && st->last_topic_piece >= st->hpos && st->last_topic_piece < c;
}

/*
 * Does the phrase at start open a clause after que / qu' governed by a verb
 * cue right before it ("refuse que l'Ukraine cède", "exige qu'elle
 * renonce")?
 */
/*
 * The piece of the que / qu' right before the phrase at start (its article
 * skipped: "que l'Ukraine"), if it has a piece before it; else SIZE_MAX.
 */
static size_t
que_before(const St *st, size_t start)
{
	size_t		q = start;

	if (q > 0 && key_in(&st->pc.p[q - 1], L_DETERMINERS))
		q--;
	return q >= 2 && is_que(&st->pc.p[q - 1]) ? q - 1 : SIZE_MAX;
}

static bool
governed_clause(const St *st, size_t start)
{
	size_t		q = que_before(st, start);

	if (q == SIZE_MAX)
		return false;
	for (size_t b = q; b-- > 0 && q - b <= 2;)
		if (st->an[b].cue >= 0)
			return st->d->cues[st->an[b].cue].pos == DP_POS_VERB;
	return false;
}

/*
 * The score of a cue's stance on a topic of polarity tp: a threat takes the
 * polarity of the verb it governs ("menace de bloquer les sanctions"), or is
 * for the measure threatened ("menacé Moscou de sanctions").
 */
static inline float
topic_score(const DpCue *cue, float pol, bool governed, float threat_pol, float tp, float w)
{
	if (cue->frame != DP_FR_THREATEN)
		return pol * tp * w;
	return governed ? threat_pol * tp * w : tp * w;
}

/*
 * The next topic coordinated with the one ending before piece k: "et" then
 * at most a few words that are neither cues, names nor clause ends ("un
 * cessez-le-feu immédiat et pour de nouveaux échanges de prisonniers").
 * Returns its first piece, or SIZE_MAX.
 */
static size_t
coordinated_topic(const St *st, size_t k, size_t scope_end)
{
	bool		and = false;

	for (size_t j = k; j < scope_end && j < k + 6; j++)
	{
		const Anno *a = &st->an[j];
		const DpPiece *p = &st->pc.p[j];

		if (a->topic >= 0)
			return and ? j : SIZE_MAX;
		if (a->cue >= 0 || a->ment >= 0 || !p->wordlike || p->cap)
			return SIZE_MAX;
		if (key_is(p, "et"))
			and = true;
	}
	return SIZE_MAX;
}

/*
 * Append a copy of stances [from, to) with another holder (a coordinated
 * subject, a speaker), but for those without a holder and those whose target
 * is that holder.
 */
static void
copy_for(St *st, size_t from, size_t to, const Ref *holder)
{
	for (size_t i = from; i < to; i++)
	{
		DpStance	copy = st->out->s[i];

		if (!copy.holder || (!copy.target_topic && strcmp(copy.target, holder->name) == 0))
			continue;
		copy.holder = holder->name;
		copy.holder_actor = holder->actor;
		if (st->out->n == st->out->cap)
		{
			st->out->cap *= 2;
			st->out->s = dp_realloc(st->m, st->out->s, dp_mul_size(st->m, st->out->cap, sizeof(DpStance)));
		}
		st->out->s[st->out->n++] = copy;
	}
}

/*
 * The other holder a comparison names after a cue's clause: "X a apporté
 * son soutien, tout comme la présidente de la Commission européenne,
 * Ursula von der Leyen", "de même que Y", "à l'instar de Y": the first
 * acting name after it, or the person in apposition after that name.
 */
static bool
comparison_holder(const St *st, size_t from, Ref *out)
{
	size_t		n = st->pc.n;

	if (!dp_rule_on(DP_RULE_COMPARISON))
		return false;
	for (size_t k = from; k + 1 < n && k < from + MAX_SCOPE; k++)
	{
		size_t		j;

		if (is_clause_end(st, &st->pc.p[k]))
			return false;
		if (key_is(&st->pc.p[k], "tout") && key_is(&st->pc.p[k + 1], "comme"))
			j = k + 2;
		else if (k + 2 < n && key_is(&st->pc.p[k], "de") && key_is(&st->pc.p[k + 1], "meme") &&
				 is_que(&st->pc.p[k + 2]))
			j = k + 3;
		else if (k + 3 < n && is_prep_a(st, &st->pc.p[k]) && key_is(&st->pc.p[k + 1], "l'") &&
				 key_is(&st->pc.p[k + 2], "instar"))
			j = k + 4;
		else
			continue;
		for (; j < n && j < k + 10; j++)
		{
			const DpMention *mm;

			if (is_clause_end(st, &st->pc.p[j]) || st->an[j].cue >= 0)
				return false;
			if (st->an[j].ment < 0)
				continue;
			mm = &st->ms.m[st->an[j].ment];
			if (!(mm->kind == DP_KIND_PER || mm->kind == DP_KIND_ORG || mm->kind == DP_KIND_GPE) ||
				!acting(st, mm))
				return false;
			*out = ref_mention(st, mm);
			/* a title's body, then the person in apposition */
			j = mm->piece + mm->npieces;
			if (mm->kind != DP_KIND_PER && j + 1 < n && is_punct(st, &st->pc.p[j], ",") &&
				st->an[j + 1].ment >= 0 && st->ms.m[st->an[j + 1].ment].kind == DP_KIND_PER)
				*out = ref_mention(st, &st->ms.m[st->an[j + 1].ment]);
			return true;
		}
		return false;
	}
	return false;
}

static void
score_cue(St *st, size_t c)
{
	size_t		before = st->out->n;
	size_t		after;
	Ref			co[6];
	int			nco;

	score_cue_one(st, c);
	after = st->out->n;
	if (after > before && !st->relative &&
		(st->d->cues[st->an[c].cue].pos != DP_POS_VERB || plural_verb(st, c)) &&
		(nco = coordinated_subject(st, co, 6)) > 0)
		for (int i = 0; i < nco; i++)
			if (strcmp(co[i].name, st->out->s[before].holder ? st->out->s[before].holder : "") != 0)
				copy_for(st, before, after, &co[i]);
	/* the speaker a state's clause was reported by (speaker_for_clause) */
	if (st->also.valid)
		copy_for(st, before, after, &st->also);
	/* "X a apporté son soutien, tout comme Y": Y too */
	if (after > before && comparison_holder(st, c + st->an[c].cue_len, &co[0]) &&
		strcmp(co[0].name, st->out->s[before].holder ? st->out->s[before].holder : "") != 0)
		copy_for(st, before, after, &co[0]);
}

/* Is there a que / qu' in pieces [a, b)? */
static bool
complementizer_between(const St *st, size_t a, size_t b)
{
	for (size_t k = a; k < b; k++)
		if (is_que(&st->pc.p[k]))
			return true;
	return false;
}

/*
 * Does a relative clause with "dont" start at piece k (", dont ses
 * promesses...")?  It describes the name before it, so a cue's objects end
 * there: "déçu par Poutine, dont les promesses de négocier..." is not a
 * stance on negotiations.
 */
static bool
starts_dont_clause(const St *st, size_t k)
{
	return k + 1 < st->pc.n && is_punct(st, &st->pc.p[k], ",") && key_is(&st->pc.p[k + 1], "dont");
}

/*
 * Is the holder just found by subject_left() (st->hpos .. st->hend) the
 * object of a verb cue governing the infinitive cue at c: verb, holder, then
 * de / d' / à right before c ("exhortent Washington à maintenir")?
 */
static bool
object_before_infinitive(const St *st, size_t c)
{
	const DpPiece *mark;

	if (c < 2 || st->hpos == SIZE_MAX || st->hpos == 0 || st->hend != c - 2)
		return false;
	mark = &st->pc.p[c - 1];
	if (!key_is(mark, "de") && !key_is(mark, "d'") && !is_prep_a(st, mark))
		return false;
	for (size_t b = st->hpos; b-- > 0 && st->hpos - b <= 3;)
	{
		const Anno *a = &st->an[b];

		if (a->cue >= 0)
			return st->d->cues[a->cue].pos == DP_POS_VERB && b + a->cue_len >= st->hpos;
	}
	return false;
}

/*
 * "Keir Starmer a prévenu que Londres ne reconnaîtrait jamais": a state or
 * body that is the subject (just found, at st->hpos) of the clause after a
 * reporting verb and que, and that the verb's subject acts for, speaks
 * through that person, who holds the stance too (*speaker).
 */
static bool
speaker_for_clause(St *st, const Ref *holder, int32_t quote, Ref *speaker)
{
	size_t		q,
				hp = st->hpos,
				he = st->hend;
	bool		fp,
				found;

	if (hp == SIZE_MAX || holder->kind == DP_KIND_PER || holder->actor < 0 ||
		(q = que_before(st, hp)) == SIZE_MAX || !has_mod(st, q - 1, DP_MOD_REPORTING))
		return false;
	found = subject_left_q(st, q - 1, quote, speaker, &fp) && speaker->kind == DP_KIND_PER &&
		speaker->actor == holder->actor;
	st->hpos = hp;				/* the evidence stays the clause's */
	st->hend = he;
	return found;
}


/* Score one cue at piece c for its (first) holder. */
/*
 * "non pas X mais Y" right after a cue: X is what the holder does not
 * stand for, Y what it does ("Moscou veut non pas une trêve mais un accord
 * de paix": against the truce, for the peace deal).  Returns the piece of
 * "mais" and sets *x to the first piece after "non pas", or SIZE_MAX.
 */
static size_t
non_pas_mais(const St *st, size_t c_end, size_t *x)
{
	size_t		n = st->pc.n;
	size_t		j = c_end;

	if (!dp_rule_on(DP_RULE_NON_PAS_MAIS))
		return SIZE_MAX;
	/* up to one word between the cue and "non pas" (veut donc non pas) */
	for (; j < c_end + 2 && j + 1 < n; j++)
		if (key_is(&st->pc.p[j], "non") && key_is(&st->pc.p[j + 1], "pas"))
			break;
	if (j >= c_end + 2 || j + 1 >= n)
		return SIZE_MAX;
	*x = j + 2;
	for (size_t k = j + 2; k < n && k < j + 2 + MAX_SCOPE; k++)
	{
		if (is_clause_end(st, &st->pc.p[k]))
			break;
		if (key_is(&st->pc.p[k], "mais"))
			return k;
	}
	return SIZE_MAX;
}

/* The first topic term in [from, to), or SIZE_MAX. */
static size_t
topic_in(const St *st, size_t from, size_t to)
{
	for (size_t k = from; k < to && k < st->pc.n; k++)
		if (st->an[k].topic >= 0)
			return k;
	return SIZE_MAX;
}

/*
 * Is the cue at piece c inside a condition, "si X viole le cessez-le-feu",
 * "s'il refuse"?  What a condition supposes is no one's stance.  The clause
 * runs from "si" to the next comma; "même si" concedes a fact.
 */
static bool
in_condition(const St *st, size_t c)
{
	if (!dp_rule_on(DP_RULE_CONDITION))
		return false;
	for (size_t k = c; k-- > 0 && k + 10 > c;)
	{
		const DpPiece *p = &st->pc.p[k];

		if (is_clause_end(st, p) || is_punct(st, p, ",") || is_que(p))
			return false;
		if (key_is(p, "s'") && k + 1 < c && (key_is(&st->pc.p[k + 1], "il") || key_is(&st->pc.p[k + 1], "ils")))
			return true;
		if (key_is(p, "si") && !(k > 0 && key_is(&st->pc.p[k - 1], "meme")) && k + 1 < c &&
			(key_in(&st->pc.p[k + 1], L_DETERMINERS) || key_in(&st->pc.p[k + 1], L_PRONOUNS3) ||
			 st->an[k + 1].ment >= 0))
			return true;
	}
	return false;
}

/*
 * A present participle right after a noun describes that noun: "une
 * résolution exigeant un cessez-le-feu", "un texte appelant à la trêve".
 * It is no one's stance of its own; a cue whose object the noun is takes
 * its polarity ("veto à une résolution exigeant un cessez-le-feu").
 */
static bool
noun_participle(const St *st, size_t k)
{
	const DpPiece *p = &st->pc.p[k];
	const DpPiece *b;
	size_t		len;

	if (!dp_rule_on(DP_RULE_PARTICIPLE) || k == 0 || st->an[k].cue < 0 ||
		st->d->cues[st->an[k].cue].pos != DP_POS_VERB)
		return false;
	len = strlen(p->w->key);
	if (len < 5 || strcmp(p->w->key + len - 3, "ant") != 0)
		return false;
	b = &st->pc.p[k - 1];
	/* after a copula it is an adjective: "Poutine reste méfiant" */
	for (int i = 0; copulas[i]; i++)
		if (key_is(b, copulas[i]))
			return false;
	/* the end of a body's name: "une résolution du Conseil de sécurité exigeant" */
	if (st->an[k - 1].ment >= 0)
		return st->ms.m[st->an[k - 1].ment].kind == DP_KIND_ORG &&
			st->ms.m[st->an[k - 1].ment].piece > 0 &&
			key_in(&st->pc.p[st->ms.m[st->an[k - 1].ment].piece - 1], L_PREPOSITIONS);
	return b->wordlike && !b->cap && !key_is(b, "en") &&
		!key_in(b, L_DETERMINERS) && !key_in(b, L_PREPOSITIONS) && !key_in(b, L_PRONOUNS3) &&
		!key_in(b, L_POSSESSIVES) && !is_que(b);
}

/*
 * The author of what the noun at piece k names, "les propos de Trump", "la
 * décision d'Alger", "les droits de douane imposés par Donald Trump": an
 * acting entity after de / du / des / d' (an article may follow) or after
 * par, within a few words and before any clause end, comma, que or other
 * cue.  Sets *r and the author's last piece *e.
 */
static bool
author_after(const St *st, size_t k, size_t scope_end, Ref *r, size_t *e)
{
	for (size_t j = k + 1; j < scope_end && j < k + 7; j++)
	{
		const DpPiece *p = &st->pc.p[j];
		size_t		m = j + 1;

		if (is_clause_end(st, p) || is_punct(st, p, ",") || is_que(p) ||
			(st->an[j].cue >= 0 && !noun_participle(st, j) && st->d->cues[st->an[j].cue].pos != DP_POS_VERB))
			return false;
		if (st->an[j].ment >= 0)
			return false;		/* a name not introduced by de or par: not the author */
		if (!(key_is(p, "de") || key_is(p, "du") || key_is(p, "des") || key_is(p, "d'") || key_is(p, "par")))
			continue;
		if (m < scope_end && (key_is(&st->pc.p[m], "la") || key_is(&st->pc.p[m], "l'") ||
							  key_is(&st->pc.p[m], "le") || key_is(&st->pc.p[m], "les")))
			m++;
		if (m < scope_end && st->an[m].ment >= 0)
		{
			const DpMention *mm = &st->ms.m[st->an[m].ment];

			if (!(mm->kind == DP_KIND_PER || mm->kind == DP_KIND_GPE || mm->kind == DP_KIND_ORG) ||
				!acting(st, mm))
				return false;
			*r = ref_mention(st, mm);
			*e = mm->piece + mm->npieces - 1;
			return true;
		}
	}
	return false;
}

/*
 * A cue whose target is the topic it names itself: "la médiation d'Oman",
 * "sous les auspices du président américain Donald Trump", "les Émirats ont
 * servi de médiateur", "la médiation américaine", "parrainés par Washington".
 * The holder is the noun's complement (de X, up to a title before the name,
 * or a demonym), a passive agent, else the clause subject.
 */
static void
score_self_cue(St *st, size_t c, const DpCue *cue)
{
	size_t		c_end = c + st->an[c].cue_len;
	int16_t		topic = -1;
	int8_t		tpol = 1;
	Ref			holder = {0};
	bool		first_person;
	bool		demonym = c_end < st->pc.n && st->an[c_end].demonym >= 0;

	if (!dp_rule_on(DP_RULE_SELF_TARGET))
		return;
	for (size_t j = c; j < c_end && topic < 0; j++)
		if (st->an[j].topic >= 0)
		{
			topic = st->an[j].topic;
			tpol = st->an[j].topic_pol;
		}
	if (topic < 0)
		return;
	st->hpos = SIZE_MAX;
	/* an agent after a participle wins over a demonym: "une médiation
	 * américaine assurée par Donald Trump" */
	if (!agent_after(st, c_end + (demonym ? 1 : 0), 2, &holder) && !noun_holder(st, c_end, &holder))
	{
		/* de + a title before the name: "du président américain Donald Trump" */
		if (c_end + 1 < st->pc.n && (key_is(&st->pc.p[c_end], "de") || key_is(&st->pc.p[c_end], "du") ||
									 key_is(&st->pc.p[c_end], "d'") || key_is(&st->pc.p[c_end], "des")))
			for (size_t k = c_end + 1; k < st->pc.n && k < c_end + 6; k++)
			{
				const DpPiece *p = &st->pc.p[k];

				if (is_clause_end(st, p) || is_punct(st, p, ",") || st->an[k].cue >= 0)
					break;
				if (st->an[k].ment >= 0)
				{
					const DpMention *mm = &st->ms.m[st->an[k].ment];

					if ((mm->kind == DP_KIND_PER || mm->kind == DP_KIND_ORG ||
						 mm->kind == DP_KIND_GPE) && acting(st, mm))
					{
						holder = ref_mention(st, mm);
						st->hpos = mm->piece;
						st->hend = mm->piece + mm->npieces - 1;
					}
					break;
				}
			}
		/* "X a servi de médiateur": the subject, when the noun follows de */
		if (!holder.valid && (cue->pos == DP_POS_EXPR ||
							  (c > 0 && (key_is(&st->pc.p[c - 1], "de") || key_is(&st->pc.p[c - 1], "d'")))) &&
			!(c > 0 && key_in(&st->pc.p[c - 1], L_POSSESSIVES)))	/* son rôle de médiateur: someone else's */
			subject_left(st, c, &holder, &first_person);
	}
	if (!holder.valid)
		return;
	push(st, &holder, st->an[c].quote, st->d->topics[topic], -1, true, cue->polarity * tpol * cue->weight,
		 c, c_end, st->hpos < c ? st->hpos : c, st->hpos != SIZE_MAX && st->hend > c_end ? st->hend : c_end - 1,
		 false, false, st->an[c].quote >= 0);
}

/*
 * Is the mention a place where something happens rather than a target:
 * a place after "en" or "dans" (en Ukraine, dans la bande de Gaza), or a
 * city or region that does not act after "à", "au", "aux" (à Istanbul)?
 * A state after "à" stays a target: "le soutien à l'Ukraine".
 */
static bool
place_of(const St *st, const DpMention *mm)
{
	size_t		b = mm->piece;

	if (!dp_rule_on(DP_RULE_PLACE_NOT_TARGET) || (mm->kind != DP_KIND_GPE && mm->kind != DP_KIND_LOC))
		return false;
	while (b > 0 && (key_is(&st->pc.p[b - 1], "la") || key_is(&st->pc.p[b - 1], "l'") ||
					 key_is(&st->pc.p[b - 1], "le") || key_is(&st->pc.p[b - 1], "les") ||
					 key_is(&st->pc.p[b - 1], "bande")))
		b--;
	if (b == 0)
		return false;
	if (key_is(&st->pc.p[b - 1], "en") || key_is(&st->pc.p[b - 1], "dans"))
		return true;
	return (is_prep_a(st, &st->pc.p[b - 1]) || key_is(&st->pc.p[b - 1], "au") ||
			key_is(&st->pc.p[b - 1], "aux")) && !acting(st, mm);
}

/*
 * Is the verb cue at c the infinitive of a reason, "accuse son voisin de
 * soutenir les rebelles", "reproche à Kiev de bloquer"?  The act is the one
 * accused, blamed or thanked, not the subject's own stance.
 */
static bool
reason_infinitive(const St *st, size_t c)
{
	size_t		m = c - 1;			/* de, d' before the infinitive */

	if (!dp_rule_on(DP_RULE_REASON_INFINITIVE) || c < 2 || st->d->cues[st->an[c].cue].pos != DP_POS_VERB)
		return false;
	if (m >= 2 && (key_is(&st->pc.p[m], "avoir") || key_is(&st->pc.p[m], "etre")))
		m--;				/* d'avoir accueilli */
	if (!(key_is(&st->pc.p[m], "de") || key_is(&st->pc.p[m], "d'")))
		return false;
	for (size_t k = m; k-- > 0 && k + 8 > m;)
	{
		if (is_clause_end(st, &st->pc.p[k]) || is_que(&st->pc.p[k]))
			return false;
		if (st->an[k].cue >= 0)
			return frame_has(st->d->cues[st->an[k].cue].frame, FF_REASON) && k + st->an[k].cue_len <= m;
	}
	return false;
}

/*
 * The agent of a noun cue after its complement, "la reconnaissance de
 * l'État de Palestine par le Canada": "par" within six words, with no other
 * cue before it (in "une exigence jugée inacceptable par Kiev" the agent is
 * the adjective's).
 */
static bool
noun_agent(const St *st, size_t c_end, Ref *out)
{
	if (!dp_rule_on(DP_RULE_NOUN_AGENT))
		return false;
	for (size_t k = c_end; k < st->pc.n && k < c_end + 6; k++)
	{
		if (st->an[k].cue >= 0 || !st->pc.p[k].wordlike)
			return false;
		if (key_is(&st->pc.p[k], "par"))
			return agent_after(st, k, 1, out);
	}
	return false;
}

static void
score_cue_one(St *st, size_t c)
{
	const Anno *ca = &st->an[c];
	const DpCue *cue = &st->d->cues[ca->cue];
	size_t		c_end = c + ca->cue_len;
	size_t		n = st->pc.n;
	Ref			holder = {0};
	bool		first_person = false;
	bool		passive = false;
	bool		reported = ca->quote >= 0;
	int32_t		quote = ca->quote;
	float		w = cue->weight;
	float		neg_factor = 1.0f;
	bool		neg = false,
				hedged = false;
	float		pol = cue->polarity;
	size_t		lo = c,
				hi = c_end - 1;
	size_t		scope_end;
	int			found = 0;
	bool		pronominal;

	if (in_condition(st, c) || noun_participle(st, c) || reason_infinitive(st, c))
		return;
	if (cue->target_mode == DP_TM_SELF)
	{
		score_self_cue(st, c, cue);
		return;
	}
	/* holder; "par X" after an emotion (déçu par X) names the target */
	st->hpos = SIZE_MAX;
	st->relative = false;
	st->also.valid = false;
	if ((cue->pos == DP_POS_VERB || cue->frame == DP_FR_EVALUATE) && agent_after(st, c_end, 3, &holder))
		passive = true;
	else if (cue->pos == DP_POS_NOUN &&
			 (noun_agent(st, c_end, &holder) ||
			  noun_holder(st, c_end, &holder) || agent_after(st, c_end, 1, &holder)))
		;						/* la reconnaissance de l'État de Palestine par le
								 * Canada (the agent first), le refus de Moscou */
	else if (subject_left(st, c, &holder, &first_person))
	{
		Ref			speaker;

		/* "pressent Washington de maintenir": the object of a verb cue
		 * before an infinitive is asked to act, not its holder */
		if (object_before_infinitive(st, c))
			return;
		if (speaker_for_clause(st, &holder, quote, &speaker))
			st->also = speaker;
		/* "déçu par Poutine, dont les promesses de négocier": Poutine's
		 * promises, not the subject's; the name right before "dont" is
		 * the one it speaks of ("Orban, dont le gouvernement bloque") */
		for (size_t k = st->hend + 1; st->hend != SIZE_MAX && k < c; k++)
			if (starts_dont_clause(st, k))
			{
				if (k != st->hend + 1)
					return;
				st->relative = true;	/* its objects end with the clause */
			}
	}
	else if (quote < 0 && inverted_subject(st, c, c_end, &holder))
		reported = true;
	else if (quote < 0 && post_attribution(st, c_end, &holder))
		reported = true;
	else if (quote >= 0)
		holder.valid = false;	/* the quote's speaker, filled in later */
	else if (st->frame.valid)
	{
		holder = st->frame;
		reported = true;
	}
	else
		return;
	if (quote >= 0 && holder.valid && !first_person)
		reported = true;
	if (quote < 0 && !holder.valid)
		return;
	if (st->hpos != SIZE_MAX)
	{
		if (st->hpos < lo)
			lo = st->hpos;
		if (st->hend > hi && st->hend < n)
			hi = st->hend;
	}

	/* modifiers around the cue */
	for (size_t k = (c > 4 ? c - 4 : 0); k < c_end + 3 && k < n; k++)
	{
		const Anno *a = &st->an[k];

		/* inside the cue only a negation in its gap counts: "ne ferme pas
		 * la porte" (annotate() took the cue's own words out) */
		if (k >= c && k < c_end && !(a->mods & (1u << DP_MOD_NEGATION)))
			continue;
		if (k < c && is_clause_end(st, &st->pc.p[k]))
		{
			neg = hedged = false;
			neg_factor = 1.0f;
			w = cue->weight;
			continue;
		}
		if ((a->mods & (1u << DP_MOD_NEGATION)) && !key_is(&st->pc.p[k], "ne") &&
			!key_is(&st->pc.p[k], "n'"))
		{
			/* pas/plus/jamais with ne/n' before the cue, or sans before it */
			/* aucun, aucune, sans before the cue negate on their own */
			bool		ne = (key_is(&st->pc.p[k], "sans") || key_is(&st->pc.p[k], "aucun") ||
							  key_is(&st->pc.p[k], "aucune")) && k < c;

			for (size_t b = (k > 5 ? k - 5 : 0); b < k && !ne; b++)
				if (key_is(&st->pc.p[b], "ne") || key_is(&st->pc.p[b], "n'"))
					ne = true;
			if (key_in(&st->pc.p[k], L_NEGATORS) || key_is(&st->pc.p[k], "sans"))
			{
				if (ne && (k < c || k <= c_end + 1))
					neg = true;
			}
			else if (k < c)
				neg = true;
			if (neg && a->mod_factor[DP_MOD_NEGATION] > 0)
				neg_factor = a->mod_factor[DP_MOD_NEGATION];
		}
		if ((a->mods & (1u << DP_MOD_HEDGE)) && k <= c_end)
		{
			hedged = true;
			w *= a->mod_factor[DP_MOD_HEDGE] > 0 ? a->mod_factor[DP_MOD_HEDGE] : W_HEDGE;
		}
		if (a->mods & (1u << DP_MOD_INTENSIFIER))
			w *= a->mod_factor[DP_MOD_INTENSIFIER] > 0 ? a->mod_factor[DP_MOD_INTENSIFIER] : W_INTENSIFIER;
	}
	if (neg)
	{
		/* a negated rejection is weak support; a negated support opposes */
		w *= (pol < 0 ? W_NEG_REJECT : W_NEG_SUPPORT) * neg_factor;
		pol = -pol;
	}
	if (st->contrast_seen)
		w *= st->contrast_factor;

	/* targets: leftwards for evaluative cues and passives, else rightwards */
	scope_end = c_end;
	while (scope_end < n && scope_end < c_end + MAX_SCOPE && !is_clause_end(st, &st->pc.p[scope_end]) &&
		   !is_rather(st, scope_end) &&
		   !(st->relative && is_punct(st, &st->pc.p[scope_end], ",")) &&
		   !starts_dont_clause(st, scope_end) &&
		   !(scope_end > c_end && has_mod(st, scope_end, DP_MOD_CONTRAST)) &&
		   !(scope_end > c_end && has_mod(st, scope_end, DP_MOD_CIRCUMSTANCE) &&
			 dp_rule_on(DP_RULE_CIRCUMSTANCE)) &&
		   !(scope_end > c_end && st->an[scope_end].quote != ca->quote && ca->quote >= 0))
		scope_end++;
	pronominal = cue->pos == DP_POS_VERB && c > 0 &&
		(key_is(&st->pc.p[c - 1], "se") || key_is(&st->pc.p[c - 1], "s'"));
	if (cue->target_mode == DP_TM_SUBJECT && !passive)
	{
		Ref			judged,
					judge;
		size_t		jpos;
		bool		fp;

		/* the judge is the subject of the verb of judging, not the judged
		 * name right before the evaluation */
		if (judged_entity(st, c, &judged, &jpos) && subject_left(st, jpos, &judge, &fp) &&
			judge.valid && strcmp(judged.name, judge.name) != 0)
		{
			if (st->hpos < lo)
				lo = st->hpos;
			push(st, &judge, quote, judged.name, judged.actor, false, pol * w, c, c_end,
				 lo, hi, neg, hedged, reported);
			return;
		}
	}
	if (cue->target_mode == DP_TM_SUBJECT || passive || pronominal)
	{
		/* a pronominal verb's subject is right before it */
		size_t		reach = (pronominal && cue->target_mode != DP_TM_SUBJECT && !passive) ? 7 : MAX_LEFT;

		for (size_t k = c; k-- > 0 && k + reach > c;)
		{
			if (is_clause_end(st, &st->pc.p[k]))
				break;
			if (st->an[k].topic >= 0)
			{
				push(st, &holder, quote, st->d->topics[st->an[k].topic], -1, true,
					 pol * st->an[k].topic_pol * w, c, c_end, k, hi, neg, hedged, reported);
				found++;
				break;
			}
		}
		if (!found && cue->target_mode == DP_TM_SUBJECT)
			for (size_t k = c_end; k < scope_end && k < c_end + 6; k++)
				if (st->an[k].topic >= 0)
				{
					push(st, &holder, quote, st->d->topics[st->an[k].topic], -1, true,
						 pol * st->an[k].topic_pol * w, c, c_end, lo, k + st->an[k].topic_len - 1,
						 neg, hedged, reported);
					found++;
					break;
				}
		if (!found && cue->target_mode == DP_TM_SUBJECT && st->last_topic >= 0 &&
			st->sentence <= st->last_topic_sentence + 1)
		{
			push(st, &holder, quote, st->d->topics[st->last_topic], -1, true,
				 pol * st->last_topic_pol * w * W_LAST_TOPIC, c, c_end, lo, hi, neg, hedged, reported);
			found++;
		}
		if (found || cue->target_mode == DP_TM_SUBJECT)
			return;
	}
	/*
	 * An object relative: "le plan de paix que Moscou a rejeté".  The holder
	 * follows "que", and a topic term ending right before it is the object;
	 * what follows the verb is the main clause's.  (Only a term: a name
	 * before "que" is more often the addressee of a speech verb, "il a dit
	 * à Zelensky que ...".)
	 */
	if (!frame_has(cue->frame, FF_NO_TOPIC) && st->hpos != SIZE_MAX && st->hpos >= 2 && st->hpos < n &&
		is_complementizer(st, st->hpos - 1))
	{
		size_t		q = st->hpos - 1;

		for (size_t k = q; k-- > 0 && k + 8 > q;)
		{
			if (is_clause_end(st, &st->pc.p[k]))
				break;
			if (st->an[k].topic >= 0)
			{
				if (k + st->an[k].topic_len == q)
				{
					push(st, &holder, quote, st->d->topics[st->an[k].topic], -1, true,
						 pol * st->an[k].topic_pol * w, c, c_end, k < lo ? k : lo, hi,
						 neg, hedged, reported);
					return;
				}
				break;
			}
		}
	}
	{
		size_t		x,
					mais = non_pas_mais(st, c_end, &x);

		if (mais != SIZE_MAX && !frame_has(cue->frame, FF_NO_TOPIC))
		{
			size_t		tx = topic_in(st, x, mais),
						ty = SIZE_MAX,
						y_end = mais + 1;

			while (y_end < n && y_end < mais + 1 + MAX_SCOPE && !is_clause_end(st, &st->pc.p[y_end]))
				y_end++;
			ty = topic_in(st, mais + 1, y_end);
			if (tx != SIZE_MAX)
				push(st, &holder, quote, st->d->topics[st->an[tx].topic], -1, true,
					 -pol * st->an[tx].topic_pol * w, c, c_end, lo, tx + st->an[tx].topic_len - 1,
					 !neg, hedged, reported);
			if (ty != SIZE_MAX && (tx == SIZE_MAX || st->an[ty].topic != st->an[tx].topic))
				push(st, &holder, quote, st->d->topics[st->an[ty].topic], -1, true,
					 pol * st->an[ty].topic_pol * w, c, c_end, lo, ty + st->an[ty].topic_len - 1,
					 neg, hedged, reported);
			if (tx != SIZE_MAX || ty != SIZE_MAX)
				return;
		}
	}
	{
		/*
		 * A threat is a stance for the measure threatened ("menacé Moscou
		 * de sanctions": for sanctions), not one toward the threatened,
		 * which ANNOTATION.md's list of oppositions leaves out.
		 */
		bool		want_entity = (frame_has(cue->frame, FF_ENTITY) || cue->target_mode == DP_TM_ENTITY ||
								   cue->target_mode == DP_TM_BOTH) && cue->frame != DP_FR_THREATEN;
		bool		topic_done = false,
					entity_done = false;
		size_t		topic_end = 0;
		bool		anaphoric = false;
		bool		governed = false;
		float		threat_pol = 0;

		for (size_t k = c_end; k < scope_end; k++)
		{
			const Anno *a = &st->an[k];

			/*
			 * The act blamed or praised: "accuse Moscou de bloquer les
			 * négociations" is for them, "remercie Ankara d'avoir accueilli
			 * les pourparlers" too: the polarities multiply
			 */
			if (a->cue >= 0 && !topic_done && frame_has(cue->frame, FF_REASON) && k > c_end &&
				reason_infinitive(st, k))
			{
				st->an[k].consumed = true;
				if (frame_has(cue->frame, FF_NO_TOPIC))
					break;
				pol *= st->d->cues[a->cue].polarity;
				entity_done = true; /* the one blamed or thanked came before */
				k += st->an[k].cue_len - 1;
				continue;
			}
			if (a->cue >= 0 && !topic_done && !entity_done &&
				st->d->cues[a->cue].pos == DP_POS_VERB && a->topic < 0)
			{
				/*
				 * A verb governs the infinitive right after it ("veut
				 * bloquer", "refuse de soutenir", "menace de bloquer"), and
				 * a demand or wish the verb it introduces further on ("exige
				 * que Kiev renonce à l'OTAN" is against membership): their
				 * polarities multiply; a threat takes the infinitive's.
				 */
				const DpPiece *mark = &st->pc.p[c_end];	/* de, d', à before it */
				bool		infinitive = !frame_has(cue->frame, FF_REASON) &&
					(k == c_end || (k == c_end + 1 && (key_is(mark, "de") || key_is(mark, "d'") ||
													   is_prep_a(st, mark))));

				if (infinitive || noun_participle(st, k) || frame_has(cue->frame, FF_CLAUSE))
				{
					/* the threatened stays the target of the threat itself */
					if (cue->frame == DP_FR_THREATEN)
						threat_pol = pol * cue->polarity * st->d->cues[a->cue].polarity;
					else
						pol *= st->d->cues[a->cue].polarity;
					governed = true;
					st->an[k].consumed = true;
					k += st->an[k].cue_len - 1;
					continue;
				}
				if (k > c_end + 1)
					break;		/* the next verb cue takes over */
			}
			if (a->cue >= 0)
				st->an[k].consumed = true;
			if (!topic_done && a->topic >= 0 && !frame_has(cue->frame, FF_NO_TOPIC))
			{
				float		tp = a->topic_pol;

				/* threatening with sanctions is being for them */
				float		s = topic_score(cue, pol, governed, threat_pol, tp, w);

				push(st, &holder, quote, st->d->topics[a->topic], -1, true, s, c, c_end,
					 lo, k + a->topic_len - 1, neg, hedged, reported);
				topic_done = true;
				topic_end = k + a->topic_len - 1;
				found++;
				/* "pour un cessez-le-feu et pour des échanges de prisonniers" */
				for (size_t t2; (t2 = coordinated_topic(st, topic_end + 1, scope_end)) != SIZE_MAX;)
				{
					const Anno *b = &st->an[t2];

					if (b->topic != a->topic)
						push(st, &holder, quote, st->d->topics[b->topic], -1, true,
							 topic_score(cue, pol, governed, threat_pol, b->topic_pol, w),
							 c, c_end, lo, t2 + b->topic_len - 1, neg, hedged, reported);
					topic_end = t2 + b->topic_len - 1;
				}
			}
			/* "l'adhésion de Kyiv à l'OTAN", "une rencontre entre Trump et
			 * Poutine": a mention inside the topic's words or its
			 * complement is part of the topic, not a target */
			if (a->ment >= 0 && topic_done &&
				(st->ms.m[a->ment].piece <= topic_end ||
				 in_topic_complement(st, topic_end, st->ms.m[a->ment].piece)))
			{
				k = st->ms.m[a->ment].piece + st->ms.m[a->ment].npieces - 1;
				continue;
			}
			/* "... et Zelensky remercie Trump": a mention right before a
			 * verb cue is that cue's subject, and a new clause starts */
			if (a->ment >= 0 && k > c_end && subject_of_next_cue(st, a->ment))
			{
				/* a demand or wish governs that clause (see below) */
				if (frame_has(cue->frame, FF_CLAUSE))
				{
					k = st->ms.m[a->ment].piece + st->ms.m[a->ment].npieces - 1;
					continue;
				}
				break;
			}
			/*
			 * A nominal object: "a critiqué le Premier ministre hongrois",
			 * "a accusé son homologue hongrois" is the country's leader
			 * named in the document (ref_leader).  Not a collective (la
			 * situation critique des troupes ukrainiennes), nor the subject
			 * of a clause after que (l'impression que le dirigeant russe).
			 */
			if (!entity_done && want_entity && a->ment < 0 && a->demonym >= 0 && k > c_end)
			{
				Ref			r;
				size_t		start;

				if (nominal_at(st, k, &r, &start) && start >= c_end && r.valid &&
					r.kind == DP_KIND_PER && !complementizer_between(st, c_end, start) &&
					!(holder.valid && holder.name && strcmp(holder.name, r.name) == 0))
				{
					push(st, &holder, quote, r.name, r.actor, false, pol * w, c, c_end,
						 lo, k, neg, hedged, reported);
					entity_done = true;
					found++;
				}
			}
			/* "a rejeté les propos de Trump": toward their author */
			if (!entity_done && has_mod(st, k, DP_MOD_AUTHOR) && frame_has(cue->frame, FF_AUTHOR) &&
				dp_rule_on(DP_RULE_AUTHOR))
			{
				Ref			r;
				size_t		e;

				if (author_after(st, k + (a->mod_len ? a->mod_len : 1) - 1, scope_end, &r, &e) &&
					!(holder.valid && holder.name && strcmp(holder.name, r.name) == 0))
				{
					push(st, &holder, quote, r.name, r.actor, false, pol * w, c, c_end,
						 lo, e, neg, hedged, reported);
					entity_done = true;
					found++;
				}
			}
			if (!entity_done && want_entity && a->ment >= 0)
			{
				const DpMention *mm = &st->ms.m[a->ment];

				/*
				 * "a dénoncé sur X", "s'est félicité sur son réseau Truth
				 * Social": after a verb, a name after "sur" is where it was
				 * said, not a target.
				 */
				if ((cue->pos == DP_POS_VERB && (said_on(st, mm->piece) || said_at(st, cue, c_end, mm))) ||
					place_of(st, mm))
				{
					k = mm->piece + mm->npieces - 1;
					continue;
				}
				if (mm->kind == DP_KIND_PER || mm->kind == DP_KIND_GPE || mm->kind == DP_KIND_ORG)
				{
					/* "la lutte contre X", "maintenir la pression sur X":
					 * being for it is being against X */
					float		against = aimed_against(st, mm->piece) ? -1.0f : 1.0f;

					push(st, &holder, quote, mm->name, mm->actor, false, against * pol * w, c, c_end,
						 lo, mm->piece + mm->npieces - 1, neg, hedged, reported);
					entity_done = true;
					found++;
				}
				k = mm->piece + mm->npieces - 1;
			}
			if (topic_done && (entity_done || !want_entity))
				break;
		}
		/*
		 * An object naming neither a topic nor an entity (ces mesures, le
		 * texte, une décision) stands for the topic last named, within two
		 * sentences; so naming it again keeps the topic current.
		 */
		for (size_t k = c_end; k < scope_end && k < c_end + 3; k++)
			if (has_mod(st, k, DP_MOD_DEMONSTRATIVE) &&
				(key_in(&st->pc.p[k], L_DETERMINERS) ||
				 (k > 0 && (key_in(&st->pc.p[k - 1], L_DETERMINERS) || key_in(&st->pc.p[k - 1], L_POSSESSIVES)))))
				anaphoric = true;	/* a noun, after its article: not "un ton mesuré" */
		/*
		 * "a apporté son soutien", "leur rejet": a noun cue after a
		 * possessive with nothing after it in its clause is about the
		 * topic being discussed
		 */
		if (!found && dp_rule_on(DP_RULE_ELLIPTIC_OBJECT) && cue->pos == DP_POS_NOUN && c > 0 &&
			frame_has(cue->frame, FF_ELLIPTIC) &&
			key_in(&st->pc.p[c - 1], L_POSSESSIVES) && !key_in(&st->pc.p[c - 1], L_PREPOSITIONS) &&
			(scope_end == c_end || is_rather(st, scope_end)))
			anaphoric = true;
		if (!found && anaphoric && !frame_has(cue->frame, FF_NO_TOPIC) && st->last_topic >= 0 &&
			st->sentence <= st->last_topic_sentence + 2 && !topic_in_subject(st, c))
		{
			push(st, &holder, quote, st->d->topics[st->last_topic], -1, true,
				 pol * st->last_topic_pol * w * W_ANAPHORA, c, c_end, lo, hi, neg, hedged, reported);
			st->last_topic_sentence = st->sentence;
			st->last_topic_piece = SIZE_MAX;
			found++;
		}
		/* "d'accord avec cela": agreeing with the last stance */
		if (!found && cue->target_mode != DP_TM_ENTITY && st->out->n > 0 && c_end < n &&
			scope_end > c_end)
		{
			for (size_t k = c_end; k < scope_end && k < c_end + 3; k++)
				if (key_is(&st->pc.p[k], "cela") || key_is(&st->pc.p[k], "ca") ||
					key_is(&st->pc.p[k], "ceci"))
				{
					const DpStance *last = &st->out->s[st->out->n - 1];

					if (last->sentence + 1 >= st->sentence && last->target_topic)
						push(st, &holder, quote, last->target, -1, true,
							 pol * (last->score > 0 ? 1 : -1) * w, c, c_end, lo, k, neg, hedged, reported);
					break;
				}
		}
	}
}

/* Pour X, / Selon X, / D'après X, at the start of the sentence. */
static void
find_frame(St *st)
{
	st->frame.valid = false;
	for (size_t i = 0; i + 2 < st->pc.n && i < 4; i++)
	{
		const DpPiece *p = &st->pc.p[i];

		if (key_is(p, "pour") || key_is(p, "selon") || (key_is(p, "d'") && key_is(&st->pc.p[i + 1], "apres")))
		{
			size_t		k = i + 1 + (key_is(p, "d'") ? 1 : 0);
			Ref			r;
			size_t		start;

			for (size_t j = k; j < st->pc.n && j < k + 5; j++)
			{
				if (is_punct(st, &st->pc.p[j], ","))
					break;
				if (candidate_at(st, j, &r, &start, true) ||
					(key_is(&st->pc.p[j], "lui") && (r = resolve_pronoun(st, j)).valid) ||
					(key_is(&st->pc.p[j], "elle") && (r = resolve_pronoun(st, j)).valid))
				{
					st->frame = r;
					return;
				}
			}
		}
	}
}

/* Quote speakers: before the quote (X a déclaré : «), after it (», a dit X). */
static void
find_speakers(St *st)
{
	size_t		n = st->pc.n;

	for (size_t i = 0; i < n; i++)
	{
		const DpPiece *p = &st->pc.p[i];
		bool		first_person;

		if (p->cls != DP_TOK_QUOTE)
			continue;
		if ((p->tflags & DP_TF_OPEN) && i + 1 < n && st->an[i + 1].quote >= 0 && i > 0)
		{
			QuoteInfo  *q = &st->quotes[st->an[i + 1].quote];
			Ref			r;

			size_t		b = i;

			while (b > 0 && is_punct(st, &st->pc.p[b - 1], ":,"))
				b--;
			if (!q->before.valid && b > 0 &&
				subject_left_q(st, b, st->an[b - 1].quote, &r, &first_person))
				q->before = r;
			if (!q->before.valid && st->frame.valid)
				q->before = st->frame;
		}
		if ((p->tflags & DP_TF_CLOSE) && st->an[i].quote >= 0)
		{
			QuoteInfo  *q = &st->quotes[st->an[i].quote];
			bool		reporting = false;

			for (size_t j = i + 1; j < n && j < i + 16; j++)
			{
				const DpPiece *pj = &st->pc.p[j];
				Ref			r;
				size_t		start;

				if (is_clause_end(st, pj) || pj->cls == DP_TOK_QUOTE)
					break;
				/* a reporting verb, or a verb cue: », a promis X */
				if (has_mod(st, j, DP_MOD_REPORTING) ||
					(st->an[j].cue >= 0 && st->d->cues[st->an[j].cue].pos == DP_POS_VERB) ||
					(pj->cls == DP_TOK_PUNCT && pj->len == 3 && (unsigned char) st->text[pj->off] == 0xE2 &&
					 (unsigned char) st->text[pj->off + 1] == 0x80 &&
					 ((unsigned char) st->text[pj->off + 2] == 0x94 || (unsigned char) st->text[pj->off + 2] == 0x93)))
					reporting = true;
				/* », a-t-il précisé: the inverted pronoun before the verb */
				if (pj->cls == DP_TOK_CLITIC && !reporting && dp_rule_on(DP_RULE_QUOTE_INVERTED))
					for (size_t v = j + 1; v < n && v < j + 3; v++)
						if (has_mod(st, v, DP_MOD_REPORTING) ||
							(st->an[v].cue >= 0 && st->d->cues[st->an[v].cue].pos == DP_POS_VERB))
							reporting = true;
				if (pj->cls == DP_TOK_CLITIC && reporting)
				{
					q->after = resolve_pronoun(st, j);
					break;
				}
				if (reporting && candidate_at(st, j, &r, &start, false))
				{
					q->after = r;
					break;
				}
			}
		}
	}
	/* a bullet line naming the speaker right after a quote: « ... » • X */
	if (n > 0 && (st->pc.p[0].tflags & DP_TF_BULLET) && st->last_closed_quote >= 0)
	{
		QuoteInfo  *q = &st->quotes[st->last_closed_quote];

		if (q->closed && !q->after.valid && q->close_sentence + 2 >= st->sentence && n <= 6)
			for (size_t i = 0; i < n; i++)
				if (st->an[i].ment >= 0 && st->ms.m[st->an[i].ment].kind == DP_KIND_PER)
				{
					q->after = ref_mention(st, &st->ms.m[st->an[i].ment]);
					break;
				}
	}
}

/* Remember this sentence's subject for pronouns, and its last topic. */
static void
update_state(St *st)
{
	Ref			r;

	if (sentence_subject(st, st->pc.n, &r))
	{
		st->last_subject = r;
		if (r.kind == DP_KIND_PER)
			st->last_person = r;
	}
	for (size_t k = st->mfirst; k < st->mend; k++)
		if (st->ms.m[k].kind == DP_KIND_PER)
			st->last_per_mention = ref_mention(st, &st->ms.m[k]);
	for (size_t i = 0; i < st->pc.n; i++)
		if (st->an[i].topic >= 0)
		{
			st->last_topic = st->an[i].topic;
			st->last_topic_pol = st->an[i].topic_pol;
			st->last_topic_sentence = st->sentence;
			st->last_topic_piece = i;
		}
}

/*
 * A topic word right after its subject is the subject acting for it:
 * "Washington sanctionne Rosneft", "Kiev négocie".  Weak support.
 */
static void
topic_actions(St *st)
{
	for (size_t i = 1; i < st->pc.n; i++)
	{
		const Anno *a = &st->an[i];
		Ref			r;
		size_t		start;
		bool		neg = false;
		float		sign;

		if (a->topic < 0 || a->cue >= 0 || st->an[i].ment >= 0 || st->pc.p[i].cap)
			continue;

		/* ne ... pas / jamais around the term */
		for (size_t k = (i > 3 ? i - 3 : 0); k < i + a->topic_len + 2 && k < st->pc.n; k++)
			if (key_in(&st->pc.p[k], L_NEGATORS) && k > 0)
				for (size_t b = (k > 5 ? k - 5 : 0); b < k; b++)
					if (key_is(&st->pc.p[b], "ne") || key_is(&st->pc.p[b], "n'"))
						neg = true;
		sign = neg ? -W_TOPIC_ACTION_NEG : 1.0f;
		for (size_t k = i; k-- > 0 && k + 4 > i;)
		{
			if (st->an[k].quote != a->quote || !st->pc.p[k].wordlike || st->an[k].cue >= 0)
				break;			/* a cue before the term governs it */
			if (key_is(&st->pc.p[k], "tout") || key_is(&st->pc.p[k], "toute") ||
				key_is(&st->pc.p[k], "tous") || key_is(&st->pc.p[k], "toutes"))
				break;			/* a noun phrase, not a verb */
			if (key_is(&st->pc.p[k], "ne") || key_is(&st->pc.p[k], "n'"))
				continue;
			if (a->quote >= 0 && key_in(&st->pc.p[k], L_FIRST_PERSON))
			{
				/* "Nous ne reconnaîtrons jamais l'annexion": the speaker */
				Ref			none = {0};

				st->hpos = SIZE_MAX;
				push(st, &none, a->quote, st->d->topics[a->topic], -1, true, W_TOPIC_ACTION * sign * a->topic_pol,
					 i, i + a->topic_len, k, i + a->topic_len - 1, neg, false, true);
				break;
			}
			if (key_is(&st->pc.p[k], "les") || key_is(&st->pc.p[k], "la") || key_is(&st->pc.p[k], "le") ||
				key_is(&st->pc.p[k], "l'") || key_is(&st->pc.p[k], "des") || key_is(&st->pc.p[k], "de") ||
				key_is(&st->pc.p[k], "d'") || key_is(&st->pc.p[k], "du") || key_is(&st->pc.p[k], "un") ||
				key_is(&st->pc.p[k], "une") || key_is(&st->pc.p[k], "aux") || key_is(&st->pc.p[k], "au"))
				break;			/* a noun, not a verb */
			if (candidate_at(st, k, &r, &start, false))
			{
				Ref			speaker;
				size_t		before = st->out->n;

				/* "refuse que l'Ukraine cède ...": the verb before que
				 * governs the clause and holds the stance */
				if (governed_clause(st, start))
					break;

				st->hpos = start;
				st->hend = k;
				push(st, &r, -1, st->d->topics[a->topic], -1, true, W_TOPIC_ACTION * sign * a->topic_pol,
					 i, i + a->topic_len, start, i + a->topic_len - 1, neg, false, a->quote >= 0);
				if (speaker_for_clause(st, &r, a->quote, &speaker))
					copy_for(st, before, st->out->n, &speaker);
				break;
			}
		}
	}
}

static void
stance_sentence(St *st)
{
	bool		question;

	annotate(st);
	find_frame(st);
	find_speakers(st);
	st->contrast_seen = false;
	/* a question states no stance (outside quotes) */
	question = st->pc.n > 0 && is_punct(st, &st->pc.p[st->pc.n - 1], "?");
	for (size_t i = 0; i < st->pc.n; i++)
	{
		if (question && st->an[i].quote < 0)
			continue;
		if (has_mod(st, i, DP_MOD_CONTRAST) && i > 0)
		{
			st->contrast_seen = true;
			st->contrast_factor = st->an[i].mod_factor[DP_MOD_CONTRAST] > 0 ?
				st->an[i].mod_factor[DP_MOD_CONTRAST] : 1.0f;
		}
		if (st->an[i].cue >= 0 && !st->an[i].consumed)
			score_cue(st, i);
		if (st->an[i].topic >= 0)
		{
			st->last_topic = st->an[i].topic;
			st->last_topic_pol = st->an[i].topic_pol;
			st->last_topic_sentence = st->sentence;
			st->last_topic_piece = i;
		}
	}
	topic_actions(st);
	update_state(st);
}

/* Per actor, the person mentioned most often: "le président russe". */
static void
count_leaders(St *st)
{
	uint32_t	nc = st->d->ncountries;
	uint32_t   *best_count = dp_alloc0(st->m, dp_mul_size(st->m, nc + 1, sizeof(uint32_t)));

	st->leader_of = dp_alloc(st->m, dp_mul_size(st->m, nc + 1, sizeof(int32_t)));
	for (uint32_t i = 0; i <= nc; i++)
		st->leader_of[i] = -1;
	for (size_t i = 0; i < st->ms.n; i++)
	{
		const DpMention *mm = &st->ms.m[i];
		uint32_t	count = 0;

		if ((i & 1023) == 1023)
			dp_interrupt(st->m);	/* a 100 MB text has millions of mentions */
		if (mm->kind != DP_KIND_PER || mm->actor < 0)
			continue;
		/* count mentions of this name (documents are short; bounded below) */
		for (size_t k = i; k < st->ms.n && k < i + 2000; k++)
			if (st->ms.m[k].name == mm->name ||
				(st->ms.m[k].name[0] == mm->name[0] && strcmp(st->ms.m[k].name, mm->name) == 0))
				count++;
		if (count > best_count[mm->actor])
		{
			best_count[mm->actor] = count;
			st->leader_of[mm->actor] = (int32_t) i;
		}
	}
	dp_free(st->m, best_count);
}

/* Text order: by sentence, cue, evidence; stable (a bottom-up merge sort). */
static bool
stance_before(const DpStance *a, const DpStance *b)
{
	if (a->sentence != b->sentence)
		return a->sentence < b->sentence;
	if (a->cue_off != b->cue_off)
		return a->cue_off < b->cue_off;
	return a->off < b->off;
}

static void
sort_stances(DpMem *m, DpStances *out)
{
	size_t		n = out->n;
	DpStance   *a = out->s;
	DpStance   *tmp;
	bool		sorted = true;

	for (size_t i = 1; i < n && sorted; i++)
		sorted = !stance_before(&a[i], &a[i - 1]);
	if (sorted)
		return;
	tmp = dp_alloc(m, dp_mul_size(m, n, sizeof(DpStance)));
	for (size_t width = 1; width < n; width *= 2)
	{
		for (size_t lo = 0; lo < n; lo += 2 * width)
		{
			size_t		mid = lo + width < n ? lo + width : n;
			size_t		hi = lo + 2 * width < n ? lo + 2 * width : n;
			size_t		i = lo,
						j = mid,
						k = lo;

			while (i < mid && j < hi)
				tmp[k++] = stance_before(&a[j], &a[i]) ? a[j++] : a[i++];
			while (i < mid)
				tmp[k++] = a[i++];
			while (j < hi)
				tmp[k++] = a[j++];
		}
		memcpy(a, tmp, n * sizeof(DpStance));
		dp_interrupt(m);
	}
	dp_free(m, tmp);
}

void
dp_stance_document(DpDict *d, DpMem *m, const char *text, size_t n, DpStances *out)
{
	St			st = {0};
	DpSplitter	sp;
	DpSentence	sent = {0};
	DpDocTokens keep;
	size_t		ks = 0;
	size_t		mi = 0;
	size_t		w = 0;

	st.d = d;
	st.m = m;
	st.text = text;
	st.out = out;
	st.open_quote = -1;
	st.last_topic = -1;
	st.last_topic_piece = SIZE_MAX;
	st.last_closed_quote = -1;
	out->n = 0;
	dp_tag_document_keep(d, m, text, n, &st.ms, &keep);
	count_leaders(&st);
	dp_splitter_init(&sp, m, text, n);
	for (;;)
	{
		/* the tagging pass's sentences, or tokenize again for long texts */
		if (keep.kept)
		{
			if (ks == keep.nsent)
				break;
			sent.tok = keep.tok + keep.first[ks];
			sent.ntok = (ks + 1 < keep.nsent ? keep.first[ks + 1] : keep.ntok) - keep.first[ks];
			sent.number = sent.tok[0].sentence;
			ks++;
		}
		else if (!dp_splitter_next(&sp, &sent))
			break;
		st.sentence = sent.number;
		while (mi < st.ms.n && st.ms.m[mi].sentence < sent.number)
			mi++;
		st.mfirst = mi;
		st.mend = mi;
		while (st.mend < st.ms.n && st.ms.m[st.mend].sentence == sent.number)
			st.mend++;
		if (keep.pieces_kept)
		{
			/* the tagging pass's pieces (their words are still cached) */
			size_t		a = keep.pfirst[ks - 1];
			size_t		b = ks < keep.nsent ? keep.pfirst[ks] : keep.npc;

			if (b - a > st.pc.cap)
			{
				st.pc.cap = b - a;
				st.pc.p = dp_realloc(m, st.pc.p, dp_mul_size(m, st.pc.cap, sizeof(DpPiece)));
			}
			memcpy(st.pc.p, keep.pc + a, (b - a) * sizeof(DpPiece));
			st.pc.n = b - a;
		}
		else
			dp_pieces_build(d, m, text, &sent, &st.pc);
		stance_sentence(&st);
	}
	/* give quoted stances their speaker, drop those that have none */
	for (size_t i = 0; i < out->n; i++)
	{
		DpStance   *s = &out->s[i];

		if (!s->holder && s->quote >= 0 && (size_t) s->quote < st.nquotes)
		{
			const QuoteInfo *q = &st.quotes[s->quote];
			const Ref  *r = q->after.valid ? &q->after : (q->before.valid ? &q->before : NULL);

			if (r && !(!s->target_topic && strcmp(r->name, s->target) == 0))
			{
				s->holder = r->name;
				s->holder_actor = r->actor;
				s->reported = true;
			}
		}
		if (s->holder)
			out->s[w++] = *s;
	}
	out->n = w;
	sort_stances(m, out);
	if (!keep.kept)
		dp_free(m, sent.tok);
	dp_doc_tokens_free(m, &keep);
	dp_free(m, st.pc.p);
	dp_free(m, st.an);
	dp_free(m, st.quotes);
	dp_free(m, st.leader_of);
}
