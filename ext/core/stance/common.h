/*
 * stance/common.h
 *	  What every stage of the stance scorer shares: the scoring constants and
 *	  token windows, the per-document state (St), the annotation of each
 *	  piece (Anno), the word lists, the frame table and small predicates on
 *	  pieces, then the prototypes of the stages' functions.
 *
 * The stages are compiled as one translation unit: ext/core/dp_stance.c
 * includes this header and the stage files in order (cues.c, holders.c,
 * targets.c, score.c), so that their helpers stay static and inline.
 */
#ifndef DP_STANCE_COMMON_H
#define DP_STANCE_COMMON_H

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
#define TITLED_WINDOW 512		/* mentions looked back at for a titled leader */
#define TITLED_AHEAD 2			/* sentences ahead a title looks for its person (titled-later) */
#define MAX_GROUP 6				/* names a group reference (ils, les deux pays) may stand for */
#define GROUP_REACH 2			/* sentences back a group reference looks for its names */
#define GROUP_WINDOW 120		/* pieces back in its sentence a group reference looks */
#define GROUP_HIST 6			/* sets of names remembered per kind for a counted group */
#define GROUP_FAR 6				/* sentences back a counted group looks for its count (group-recall) */

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
	Ref			after_also;		/* », ont dit X et Y: Y */
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
	float		mod_factor[DP_MOD_CONTRAST + 1];	/* the types with a factor:
													 * negation, hedge,
													 * intensifier, contrast */
	int16_t		demonym;		/* actor, -1 */
	int32_t		quote;			/* quote id the piece is in, -1 */
	bool		consumed;		/* cue governed by an earlier cue */
	int8_t		cand;			/* candidate_possible() of the piece, -1 not yet known */
} Anno;

typedef struct St
{
	const DpDict *d;
	DpMem	   *m;
	const char *text;
	DpMentions	ms;
	size_t		mfirst;			/* first mention of this sentence */
	size_t		mend;
	DpPieces	pc;
	Anno	   *an;
	size_t		an_cap;
	uint32_t	sentence;
	/* role_dictionary()'s last answer, for the title at piece rd_b of
	 * sentence rd_sentence with its demonym of state rd_actor */
	bool		rd_known;
	uint32_t	rd_sentence;
	size_t		rd_b;
	int16_t		rd_actor;
	Ref			rd_ref;
	DpStances  *out;
	/* document state */
	Ref			last_subject;
	Ref			last_person;	/* the last person subject */
	Ref			last_per_mention;	/* the last person named */
	Ref			frame;			/* Pour X, / Selon X, of this sentence */
	bool		frame_after;	/* ... or ", selon X." closing it */
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
	size_t		quoted_clause;	/* inverted_subject(): the closing quote
								 * before the cue, SIZE_MAX */
	/* the persons and the acting states or organisations named in the
	 * last sentence naming two or more of them, for a group reference
	 * (ils, les deux pays): group_members() */
	Ref			gper[MAX_GROUP];
	int			ngper;
	uint32_t	gper_sentence;
	Ref			gstate[MAX_GROUP];
	int			ngstate;
	uint32_t	gstate_sentence;
	/* the older sets too, newest first, [0] persons, [1] states: a counted
	 * group (les trois pays) stands for the last set of its count
	 * (rule group-recall) */
	Ref			ghist[2][GROUP_HIST][MAX_GROUP];
	int			nghist[2][GROUP_HIST];
	uint32_t	ghist_sentence[2][GROUP_HIST];
	bool		ghist_loose[2][GROUP_HIST];	/* no list a subject may stand for */
	/* group-reciprocal: the names that hold a cue toward one another */
	Ref			recip[MAX_GROUP + 1];
	int			nrecip;
	float		rpol;			/* the polarity of the cue they hold toward one another */
	Ref			also;			/* a second holder: the speaker of a state's clause */
	size_t		hpos;			/* first piece of the holder just found */
	size_t		hend;			/* its last piece */
	/* what annotate() found in this sentence, so that the passes that look
	 * for one kind of piece skip the sentences that have none */
	bool		any_quote_mark;	/* a piece of class DP_TOK_QUOTE */
	bool		any_demonym;	/* a piece with Anno.demonym >= 0 */
	bool		any_topic;		/* a piece with Anno.topic >= 0 (or had one) */
	bool		any_cue;		/* a piece with Anno.cue >= 0 or a contrast word (or had one) */
} St;

static inline __attribute__((always_inline)) bool
key_is(const DpPiece *p, const char *k)
{
	return dp_word_key_is(p->w, k);
}

/* The word lists below, by number (bit of DpWord.memo_in). */
enum
{
	L_PREPOSITIONS, L_FIRST_PERSON, L_PRONOUNS3, L_NEGATORS, L_DETERMINERS, L_POSSESSIVES,
	L_PRENOMINAL, L__COUNT
};
_Static_assert(L__COUNT <= 8, "word lists fit DpWord.memo_in");
_Static_assert(DP_MOD__COUNT <= 16, "modifier types fit Anno.mods");
_Static_assert(DP_MOD_NEGATION == 0 && DP_MOD_HEDGE == 1 && DP_MOD_INTENSIFIER == 2 && DP_MOD_CONTRAST == 3,
			   "the modifier types with a factor come first (Anno.mod_factor)");
static const char *const *const word_lists[L__COUNT];

/* key_in's first look at a word: search the list, remember the answer. */
static void __attribute__((noinline))
key_in_learn(const DpPiece *p, int l)
{
	DpWord	   *w = p->w;		/* the runtime's word cache: writable */
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

/* de, du, des, d': what introduces a genitive (le refus de Moscou) */
static inline bool
is_genitive(const DpPiece *p)
{
	return key_is(p, "de") || key_is(p, "du") || key_is(p, "des") || key_is(p, "d'");
}

/* le, la, l', les: a definite article (or the same object pronoun) */
static inline bool
is_definite(const DpPiece *p)
{
	return key_is(p, "le") || key_is(p, "la") || key_is(p, "l'") || key_is(p, "les");
}

/*
 * "plutôt que", "au lieu de": what follows is what the cue is NOT about
 * ("des garanties européennes plutôt qu'une intégration à l'OTAN"); the
 * object of the cue ends there, as it does before a comparison.
 */
static bool
is_rather(const St *st, size_t k)
{
	if (!dp_rule_on(DP_RULE_RATHER))
		return false;
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

static bool
has_mod(const St *st, size_t i, DpModType t)
{
	return i < st->pc.n && (st->an[i].mods & (1u << t)) != 0;
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

/* ------------------------------------------------- stage functions */

static Ref
ref_mention(const St *st, const DpMention *mm);

static bool
acting(const St *st, const DpMention *mm);

static Ref
ref_state(const St *st, int16_t actor);

static Ref
ref_leader(const St *st, int16_t actor);

static void
stem_gap(const St *st, uint32_t node, size_t from, size_t to, size_t start, int depth,
		 size_t *best_end, const DpVal **best_vals, uint32_t *best_n);

static void
stem_walk(const St *st, uint32_t node, size_t j, size_t start, int depth,
		  size_t *best_end, const DpVal **best_vals, uint32_t *best_n);

static void
topic_short_forms(St *st, bool any_topic);

static void
annotate(St *st);

static bool noun_participle(const St *st, size_t k);
static bool
subject_of_next_cue(const St *st, int32_t mi);

static bool
nominal_at(const St *st, size_t k, Ref *out, size_t *start);

static bool
preceded_by_preposition(const St *st, size_t start);

static bool
sentence_subject(const St *st, size_t end, Ref *out);

static Ref
resolve_pronoun(const St *st, size_t k);

static bool
impersonal(const St *st, size_t k);

static bool
candidate_full(const St *st, size_t k, Ref *out, size_t *start, bool allow_prep);

/* How far back a group subject recalls a set of its count (rule
 * group-noun): the two sentences a group reference looks at, else none */
static inline int
group_holder_reach(void)
{
	return dp_rule_on(DP_RULE_GROUP_NOUN) ? -GROUP_REACH : 0;
}

/* Does the key of p start with one of the letters of mask (bit LETTER(c))? */
#define LETTER(c) (UINT32_C(1) << ((c) - 'a'))
static inline bool
key_starts_in(const DpPiece *p, uint32_t mask)
{
	unsigned char c0 = (unsigned char) p->w->key[0];

	return c0 >= 'a' && c0 <= 'z' && ((mask >> (c0 - 'a')) & 1) != 0;
}

/* The determiners of a counted group (les deux pays): les, des, aux, ces, leurs. */
static inline bool
group_det(const DpPiece *p)
{
	return key_is(p, "les") || key_is(p, "des") || key_is(p, "aux") || key_is(p, "ces") ||
		key_is(p, "leurs");
}

/*
 * Is p one of the words candidate_full() reads as the person last named:
 * "dernier", "dernière", "celui-ci", "celle-ci", or the "ci" of "celui-ci"
 * in two pieces?  (Their keys start with d or c: one test for most words.)
 */
static inline bool
last_named_word(const DpPiece *p)
{
	if (p->w->key[0] == 'd')
		return key_is(p, "dernier") || key_is(p, "derniere");
	if (p->w->key[0] == 'c')
		return key_is(p, "ci") || key_is(p, "celui-ci") || key_is(p, "celle-ci");
	return false;
}

/*
 * A holder candidate ending at piece k: candidate_full() (holders.c), past
 * a test that most pieces fail at once.  A piece that is in no mention, ends
 * no counted group (no determiner two pieces back), has no demonym, is no
 * "dernier" / "celui-ci" (last_named_word()), no leader noun and no
 * third-person pronoun fails every case of candidate_full(), which then
 * writes nothing and returns false: the same here, without the call
 * (candidate_possible() is that test, for loops that skip such pieces).
 * A new case of candidate_full() must pass this test.
 */
static inline bool
candidate_possible(const St *st, size_t k)
{
	Anno	   *a = &st->an[k];
	const DpPiece *p = &st->pc.p[k];

	/*
	 * What it reads is set once annotate() is done, and the subject
	 * searches ask again for the same pieces: the answer is kept.
	 */
	if (a->cand < 0)
		a->cand = !(a->ment < 0 && a->demonym < 0 && !last_named_word(p) &&
					!(a->mods & (1u << DP_MOD_LEADER)) &&
					!(k >= 2 && dp_rule_on(DP_RULE_GROUP_HOLDER) && group_det(&st->pc.p[k - 2])) &&
					!(k >= 1 && dp_rule_on(DP_RULE_GROUP_HOLDER) &&
					  (key_is(&st->pc.p[k - 1], "ces") || key_is(&st->pc.p[k - 1], "trio") ||
					   key_is(&st->pc.p[k - 1], "duo") || key_is(p, "trio") || key_is(p, "duo"))) &&
					!key_in(p, L_PRONOUNS3));
	return a->cand != 0;
}

static inline bool
candidate_at(const St *st, size_t k, Ref *out, size_t *start, bool allow_prep)
{
	if (!candidate_possible(st, k))
		return false;
	return candidate_full(st, k, out, start, allow_prep);
}

static bool
is_complementizer(const St *st, size_t k);

static bool
thing_subject(const St *st, size_t k, size_t c);

static bool
subject_left_q(const St *st, size_t c, int32_t q, Ref *out, bool *first_person_seen);

static bool
subject_left(const St *st, size_t c, Ref *out, bool *first_person_seen);

static bool
agent_after(const St *st, size_t c_end, size_t reach, Ref *out);

static bool
inverted_subject(const St *st, size_t c, size_t c_end, Ref *out);

static bool
post_attribution(const St *st, size_t c_end, Ref *out);

static bool
noun_holder(const St *st, size_t c_end, Ref *out);

static void
push(St *st, const Ref *holder, int32_t quote, const char *target, int16_t tactor, bool topic,
	 float score, size_t c, size_t c_end, size_t lo, size_t hi, bool neg, bool hedged, bool reported);

static bool
in_topic_complement(const St *st, size_t t, size_t m);

static bool
judged_entity(const St *st, size_t c, Ref *out, size_t *start);

static bool
aimed_against(const St *st, size_t m);

static int
coordinated_subject(const St *st, Ref *out, int max);

static bool
said_on(const St *st, size_t m);

static bool
said_at(const St *st, const DpCue *cue, size_t c_end, const DpMention *mm);

static bool
plural_verb(const St *st, size_t c);

static bool
topic_in_subject(const St *st, size_t c);

static size_t
que_before(const St *st, size_t start);

static bool
governed_clause(const St *st, size_t start);

static inline float
topic_score(const DpCue *cue, float pol, bool governed, float threat_pol, float tp, float w);

static size_t
coordinated_topic(const St *st, size_t k, size_t scope_end);

static bool
leaders_genitive(const St *st, size_t h, bool *titled);

static bool
participle_subject(St *st, size_t c, size_t c_end, Ref *out);

static bool
coordinated_predicate(const St *st, size_t c, Ref *out, bool *first_person);

static int
coordinated_names(const St *st, size_t e, Ref *out, int max, size_t *end, bool subject);

static void
copy_for(St *st, size_t from, size_t to, const Ref *holder);

static bool
comparison_holder(const St *st, size_t from, Ref *out);

static void
score_cue(St *st, size_t c);

static bool
complementizer_between(const St *st, size_t a, size_t b);

static bool
starts_dont_clause(const St *st, size_t k);

static bool
object_before_infinitive(const St *st, size_t c);

static bool
speaker_for_clause(St *st, const Ref *holder, int32_t quote, Ref *speaker);

static size_t
non_pas_mais(const St *st, size_t c_end, size_t *x);

static size_t
topic_in(const St *st, size_t from, size_t to);

static bool
in_condition(const St *st, size_t c);

static bool
noun_participle(const St *st, size_t k);

static bool
is_civility(const DpPiece *p);

static size_t
subject_chain_start(const St *st);

static bool
comme_subject(const St *st);

static size_t
coordinated_participle(const St *st, size_t c);

static bool
apposed_participle(const St *st, size_t c, size_t c_end);

static bool
author_after(const St *st, size_t k, size_t scope_end, Ref *r, size_t *e);

static void
score_self_cue(St *st, size_t c, const DpCue *cue);

static bool
place_of(const St *st, const DpMention *mm);

static bool
reason_infinitive(const St *st, size_t c);

static bool
noun_agent(const St *st, size_t c_end, Ref *out);

static void
score_cue_one(St *st, size_t c);

static void
find_frame(St *st);

static void
find_speakers(St *st);

static void
update_state(St *st);

static void
topic_actions(St *st);

static void
stance_sentence(St *st);

static void
count_leaders(St *st);

static bool
cue_holder(St *st, size_t c, const DpCue *cue, Ref *holder, bool *passive, bool *reported, bool *first_person);
static void
cue_modifiers(const St *st, size_t c, size_t c_end, const DpCue *cue, float *wp, float *polp, bool *negp,
			  bool *hedgedp);
static size_t
cue_scope(const St *st, size_t c, size_t c_end);
static bool
governed_noun(const St *st, size_t c_end, size_t k);
static Ref
ref_titled(const St *st, int16_t actor, size_t b);
static bool
backing(const St *st, size_t c);
static bool
after_copula(const St *st, size_t c);
static bool
noun_complement(const St *st, size_t m);
static size_t
prep_relative(const St *st, size_t h);
static bool
deontic(const St *st, size_t c);
static bool
reporting_subject(const St *st, size_t c, Ref *out);
static bool
other_subject(St *st, size_t c, const Ref *holder, Ref *out, size_t *pos);
static size_t
group_phrase(const St *st, size_t k, int *size, int *kind);
static int
group_members(const St *st, size_t before, int size, int kind, Ref *out, const Ref *exclude, int recall);
static bool
group_ending_at(const St *st, size_t k, size_t *start, int *size, int *kind);
static int
preposed_comparison(const St *st, Ref *out, int max);
static bool
trailing_selon(const St *st, Ref *out);
static bool
collective_object(const St *st, const DpCue *cue, size_t c_end, size_t start);
static size_t
adverbial_main(const St *st, size_t k, size_t end);
#endif
