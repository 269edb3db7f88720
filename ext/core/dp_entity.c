/*
 * dp_entity.c
 *	  Entity tagging.
 *
 * Per sentence, left to right: the longest dictionary alias wins; where
 * none starts, a run of capitalised words that are not common French words
 * (or are known first names, surnames or place names) is an unknown name,
 * its kind given by a head word (Conférence, Banque), a role title before
 * it (le négociateur ukrainien X), a first name, or its shape.  A role
 * title or a demonym before the name gives its actor.  After the last
 * sentence, short forms are linked to the full names they end
 * (Witkoff -> Steve Witkoff), wherever the full name stands.
 *
 * An alias shared by several entities goes, in order, to the entity already
 * mentioned most often earlier in the document, to one of the kind the
 * context calls for (a title or M./Mme before it: PER; à, en, vers, dans
 * before it: GPE or LOC), to the higher prior, then to the alphabetically
 * first canonical name.  Table order never decides.
 */
#include "dp_entity.h"
#include "dp_rules.h"
#include "dp_text.h"

#include <stddef.h>
#include <string.h>

const char *const dp_method_names[DP_M__COUNT] = {
	"dictionary", "title", "name", "acronym", "linked", "noun"
};

#define MAX_ALIAS_PIECES 24
#define MAX_NAME_PIECES 6
#define TITLE_WINDOW 6

/*
 * Persons named in full so far in the document, by one of their words:
 * open addressing on the word's hash, mention index + 1 in each slot, 0 for
 * none; filled to half at most.
 */
typedef struct NameWords
{
	uint32_t	slot[256];
	size_t		n;
} NameWords;

typedef struct Tagger Tagger;
static inline bool alias_may_start(const Tagger *tg, size_t i);
static size_t of_at(const Tagger *tg, size_t k);
static bool compass_word(const DpPiece *p);
static bool name_adjective(const Tagger *tg, const DpPiece *p);

static bool
is_hyphen_at(const char *s, size_t n, size_t i, size_t *hl)
{
	if (s[i] == '-')
	{
		*hl = 1;
		return true;
	}
	if (i + 2 < n && (unsigned char) s[i] == 0xE2 && (unsigned char) s[i + 1] == 0x80 &&
		((unsigned char) s[i + 2] == 0x90 || (unsigned char) s[i + 2] == 0x91))
	{
		*hl = 3;
		return true;
	}
	return false;
}

/* Does [s, s+n) open with an upper-case letter? (the lexer's flag is for
 * whole tokens; this is for a part of a compound, a URL, an address) */
static bool __attribute__((noinline))
opens_upper(const char *s, size_t n)
{
	int32_t		cp = 0;

	dp_utf8_decode((const unsigned char *) s, n, &cp);
	return dp_char_class(cp) == DP_C_UPPER;
}

/* Token classes whose pieces are word-like (see DpPiece.wordlike), as bits. */
#define WORDLIKE_CLASSES ((1u << DP_TOK_WORD) | (1u << DP_TOK_ACRONYM) | (1u << DP_TOK_ELISION) | \
						  (1u << DP_TOK_CLITIC) | (1u << DP_TOK_ABBREV) | (1u << DP_TOK_INITIALS))
_Static_assert(DP_TOK__COUNT <= 32, "token classes fit the WORDLIKE_CLASSES bits");

static inline bool
wordlike_class(uint16_t cls)
{
	return cls < 32 && ((WORDLIKE_CLASSES >> cls) & 1u) != 0;
}

/*
 * What every piece of a token (class cls, flags, index ti) carries from it,
 * and the counts of
 * words and all-capitals words for the sentence's all-capitals test.  The
 * caller has made room for p; it keeps the piece count in a local, since
 * stores through p may alias anything for the compiler (PostgreSQL builds
 * without strict aliasing).
 */
static inline void
piece_token(DpPiece *p, uint16_t cls, uint16_t flags, uint32_t ti, bool initial,
			size_t *words, size_t *caps)
{
	if (cls == DP_TOK_WORD || cls == DP_TOK_ACRONYM)
	{
		(*words)++;
		*caps += (flags & DP_TF_ALLCAP) != 0;
	}
	p->tok = ti;
	p->tflags = flags;
	p->cls = (uint8_t) cls;
	p->initial = initial;
	p->wordlike = wordlike_class(cls);
}

/*
 * The capital and the word of piece p, bytes [off, off+len) of a token of
 * class cls and these flags; opens_token if the piece starts where the token
 * does.
 */
static inline __attribute__((always_inline)) void
piece_word(const DpDict *d, const char *text, DpPiece *p, uint16_t cls, uint16_t flags,
		   size_t off, size_t len, bool opens_token)
{
	/* the lexer flags a token opening with a capital letter */
	if (opens_token && cls != DP_TOK_URL && cls != DP_TOK_EMAIL)
		p->cap = (flags & DP_TF_CAP) != 0;
	else
		p->cap = opens_upper(text + off, len);
	p->w = dp_dict_word(d, text + off, len);
}

void
dp_pieces_build(const DpDict *d, DpMem *m, const char *text, const DpSentence *s, DpPieces *out)
{
	bool		initial = true;
	DpPiece    *pc;
	size_t		n = 0,
				words = 0,
				caps = 0;
	const DpToken *tok = s->tok;
	uint32_t	ntok = (uint32_t) s->ntok;

	dp_dict_word_checkpoint(d);
	/* one piece per token, more for hyphenated compounds (grown below) */
	out->p = dp_reserve(m, out->p, &out->cap, ntok + 1, sizeof(DpPiece), 128);
	pc = out->p;
	for (uint32_t ti = 0; ti < ntok; ti++)
	{
		const DpToken *t = &tok[ti];
		const char *tx = text + t->off;
		/* read before the stores into pieces, which may alias t */
		uint16_t	cls = t->cls,
					flags = t->flags;

		if (cls == DP_TOK_WORD && !(flags & (DP_TF_HYPHEN | DP_TF_BULLET)))
		{
			/*
			 * A word that is not a compound, most of a sentence: what the
			 * general case below gives it (no bullet; a word closes any
			 * sentence opening), in fewer steps.
			 */
			DpPiece    *p = &pc[n++];

			memcpy(p, t, 16);
			piece_token(p, DP_TOK_WORD, flags, ti, initial, &words, &caps);
			p->cap = (flags & DP_TF_CAP) != 0;
			p->w = dp_dict_word(d, tx, t->len);
			initial = false;
			continue;
		}
		if (flags & DP_TF_BULLET)
			initial = true;
		if (cls == DP_TOK_WORD && (flags & DP_TF_HYPHEN))
		{
			size_t		a = 0;
			bool		first = true;
			uint32_t	coff = t->coff;	/* code point offset of byte a */

			for (size_t i = 0; i <= t->len; i++)
			{
				size_t		hl = 0;

				if (i == t->len || is_hyphen_at(tx, t->len, i, &hl))
				{
					uint32_t	seg = (uint32_t) dp_utf8_count(tx + a, i - a);

					if (i > a)
					{
						/* room for this piece and one per remaining token */
						DpPiece    *p;

						out->p = dp_reserve(m, out->p, &out->cap, n + (ntok - ti) + 1, sizeof(DpPiece), 128);
						pc = out->p;
						p = &pc[n++];
						p->off = t->off + (uint32_t) a;
						p->len = (uint32_t) (i - a);
						p->coff = coff;
						p->clen = seg;
						piece_token(p, cls, flags, ti, first && initial, &words, &caps);
						piece_word(d, text, p, cls, flags, p->off, p->len, a == 0);
						first = false;
					}
					coff += seg + (hl ? 1 : 0);
					a = i + hl;
					if (hl > 1)
						i += hl - 1;
				}
				if ((i & 0xFFFF) == 0xFFFF)
					dp_interrupt(m);
			}
		}
		else
		{
			/* a whole token, the common case: its spans copied at once */
			DpPiece    *p = &pc[n++];

			_Static_assert(offsetof(DpPiece, off) == 0 && offsetof(DpPiece, len) == 4 &&
						   offsetof(DpPiece, coff) == 8 && offsetof(DpPiece, clen) == 12 &&
						   offsetof(DpToken, off) == 0 && offsetof(DpToken, len) == 4 &&
						   offsetof(DpToken, coff) == 8 && offsetof(DpToken, clen) == 12,
						   "pieces and tokens open with the same four spans");
			memcpy(p, t, 16);
			piece_token(p, cls, flags, ti, initial, &words, &caps);
			piece_word(d, text, p, cls, flags, t->off, t->len, true);
		}

		if (cls == DP_TOK_QUOTE && (flags & DP_TF_OPEN))
			initial = true;
		else if (cls == DP_TOK_PUNCT && (tx[0] == ':' || (flags & DP_TF_BULLET)))
			initial = true;
		else if (cls == DP_TOK_PUNCT && t->len == 3 && memcmp(tx, "\xE2\x80\x94", 3) == 0)
			initial = true;
		else if (cls != DP_TOK_ELISION)
			initial = false;
	}
	out->n = n;
	out->words = words;
	out->allcaps = caps;
}

#define DP_GLOSS_MAX 8

struct Tagger
{
	const DpDict *d;
	DpMem	   *m;
	const char *text;
	DpPieces	pc;
	DpMentions *out;
	uint32_t	doc;			/* the document's number for d->rt->seen_doc */
	uint32_t	sentence;
	size_t		sent_first;		/* first mention of the current sentence */
	bool		shouting;		/* an all-capitals sentence */
	int8_t		titlecase;		/* a title-case headline: -1 not yet known */
	size_t		run_np;			/* pieces of the name place_run() emitted */
	size_t		textlen;		/* bytes of text */
	/* persons named in full so far, by their last word (known_surname()) */
	NameWords	surnames;
	/* the same by their first word (known_first_word()) */
	NameWords	firstwords;	/* acronyms glossed in this sentence (acronym_glosses()): the gloss's
	 * first piece, its end (the opening parenthesis) and the acronym */
	uint32_t	gloss_start[DP_GLOSS_MAX];
	uint32_t	gloss_end[DP_GLOSS_MAX];
	uint32_t	gloss_acr[DP_GLOSS_MAX];
	size_t		ngloss;
};

/*
 * Earlier mentions of each entity in the document: counts in the
 * dictionary's arrays, valid where seen_doc[] holds this document's number,
 * so a document starts without clearing a slot per entity.
 */
static void
seen_begin(Tagger *tg)
{
	const DpDict *d = tg->d;

	if (d->rt->seen_cap < d->nentities + 1)
	{
		dp_free(d->mem, d->rt->seen_doc);
		dp_free(d->mem, d->rt->seen_count);
		d->rt->seen_doc = dp_alloc0(d->mem, dp_mul_size(d->mem, d->nentities + 1, sizeof(uint32_t)));
		d->rt->seen_count = dp_alloc0(d->mem, dp_mul_size(d->mem, d->nentities + 1, sizeof(uint16_t)));
		d->rt->seen_cap = d->nentities + 1;
		d->rt->doc_number = 0;
	}
	if (++d->rt->doc_number == 0)
	{
		/* after 2^32 documents: clear, so that no old number matches */
		memset(d->rt->seen_doc, 0, d->rt->seen_cap * sizeof(uint32_t));
		d->rt->doc_number = 1;
	}
	tg->doc = d->rt->doc_number;
}

static inline uint16_t
seen_count(const Tagger *tg, int32_t e)
{
	return tg->d->rt->seen_doc[e] == tg->doc ? tg->d->rt->seen_count[e] : 0;
}

static inline void
seen_add(Tagger *tg, int32_t e)
{
	const DpDict *d = tg->d;

	if (d->rt->seen_doc[e] != tg->doc)
	{
		d->rt->seen_doc[e] = tg->doc;
		d->rt->seen_count[e] = 0;
	}
	if (d->rt->seen_count[e] < 0xFFFF)
		d->rt->seen_count[e]++;
}

/* word_val() once the word's where bit says it has such a value. */
static const DpVal *
word_val_find(const Tagger *tg, const DpPiece *p, DpValType type)
{
	uint32_t	node = p->w->wnode;
	uint32_t	nv;
	const DpVal *v;

	v = dp_trie_values(tg->d->words, node, &nv);
	for (uint32_t i = 0; i < nv; i++)
		if (v[i].type == type)
			return &v[i];
	return NULL;
}

/*
 * Does the word of piece p carry a value of this type (single word)?  The
 * where bit inline: most words carry none.
 */
static inline const DpVal *
word_val(const Tagger *tg, const DpPiece *p, DpValType type)
{
	if (!(p->w->where & (1u << type)))
		return NULL;
	return word_val_find(tg, p, type);
}

/* Is piece p a known first name? (a person starts there: Suisse Anna X) */
static bool
first_name(const Tagger *tg, const DpPiece *p)
{
	const DpVal *h = word_val(tg, p, DP_V_HINT);

	return h && h->sub == DP_HINT_FIRST;
}

static bool
matchable(const DpPiece *p)
{
	return p->wordlike || p->cls == DP_TOK_NUMBER || p->cls == DP_TOK_ORDINAL;
}

static inline __attribute__((always_inline)) bool
key_is(const DpPiece *p, const char *k)
{
	return dp_word_key_is(p->w, k);
}

/*
 * One step of a phrase walk in the word trie: the node of piece p after
 * node (from the root if first), or 0 when no phrase of this type can go on.
 */
static inline uint32_t
phrase_step(const Tagger *tg, const DpPiece *p, bool first, uint32_t node, DpValType type)
{
	if (first)
		return (p->w->wbelow & (1u << type)) ? p->w->wnode : 0;
	if (!dp_trie_has_children(tg->d->words, node))
		return 0;
	node = dp_trie_child_h(tg->d->words, node, p->w->key, p->w->keylen, p->w->khash);
	if (!node || !(dp_trie_below(tg->d->words, node) & (1u << type)))
		return 0;
	return node;
}

/* Length in pieces of the longest phrase of this type starting at i. */
static size_t
phrase_at_full(const Tagger *tg, size_t i, DpValType type, const DpVal **found)
{
	uint32_t	node = 0;
	size_t		best = 0;

	for (size_t j = i; j < tg->pc.n && j - i < MAX_ALIAS_PIECES; j++)
	{
		const DpPiece *p = &tg->pc.p[j];
		uint32_t	nv;
		const DpVal *v;

		if (!matchable(p) || (node = phrase_step(tg, p, j == i, node, type)) == 0)
			break;
		v = dp_trie_values(tg->d->words, node, &nv);
		for (uint32_t k = 0; k < nv; k++)
			if (v[k].type == type)
			{
				best = j - i + 1;
				if (found)
					*found = &v[k];
				break;
			}
	}
	return best;
}

/*
 * phrase_at_full(), past its first step inline: most pieces start no phrase
 * of the type (the word's wbelow bit), and the walk would stop there with 0.
 */
static inline size_t
phrase_at(const Tagger *tg, size_t i, DpValType type, const DpVal **found)
{
	const DpPiece *p;

	if (i >= tg->pc.n)
		return 0;
	p = &tg->pc.p[i];
	if (!matchable(p) || !(p->w->wbelow & (1u << type)))
		return 0;
	return phrase_at_full(tg, i, type, found);
}

/* Between a name cue and the name: a demonym or de/du/d'/des. */
static bool
cue_gap_word(const Tagger *tg, const DpPiece *p)
{
	return word_val(tg, p, DP_V_DEMONYM) != NULL ||
		key_is(p, "de") || key_is(p, "du") || key_is(p, "d'") || key_is(p, "des");
}

/*
 * What announces the unknown name at piece i, looking back to the nearest
 * role title or name cue, not past punctuation other than a comma:
 * DP_KIND_PER after a role title (or M., Mme), a demonym or "de X" allowed
 * in between (le négociateur ukrainien X, l'envoyé de Poutine, X), with
 * *actor from that demonym; a name cue's kind when at most two demonyms or
 * de/du/d'/des separate it from the name (la société X, la ville de X,
 * le quotidien russe X); -1 otherwise.
 */
static int
cue_before(const Tagger *tg, size_t i, int16_t *actor)
{
	size_t		lo = i > TITLE_WINDOW ? i - TITLE_WINDOW : 0;

	for (size_t k = i; k-- > lo;)
	{
		const DpPiece *p = &tg->pc.p[k];
		const DpVal *cue = NULL;
		size_t		len;

		if (p->cls == DP_TOK_PUNCT && p->len == 1 && tg->text[p->off] != ',')
			return -1;
		if (p->cls == DP_TOK_ABBREV && k == i - 1 &&
			(key_is(p, "m.") || key_is(p, "mme") || key_is(p, "mme.") || key_is(p, "dr") ||
			 key_is(p, "dr.") || key_is(p, "mm.") || key_is(p, "pr")))
			return DP_KIND_PER;
		len = phrase_at(tg, k, DP_V_NAMECUE, &cue);
		if (len > 0 && dp_rule_on(DP_RULE_CUE_COMPLEMENT) && cue->sub != DP_KIND_PER &&
			cue->sub != DP_KIND_PRODUCT &&
			((k > 0 && !tg->pc.p[k - 1].cap && cue->sub == DP_KIND_ORG &&
			  (key_is(&tg->pc.p[k - 1], "de") || key_is(&tg->pc.p[k - 1], "d'") || key_is(&tg->pc.p[k - 1], "en"))) ||
			 (k + len < i && cue_gap_word(tg, &tg->pc.p[i - 1]) && !word_val(tg, &tg->pc.p[i - 1], DP_V_DEMONYM) &&
			  first_name(tg, &tg->pc.p[i]) && i + 1 < tg->pc.n && tg->pc.p[i + 1].cap &&
			  tg->pc.p[i + 1].tok != tg->pc.p[i].tok)))
			len = 0;			/* cue-complement: animatrice de télévision X */
		if (len > 0 && k + len <= i && i - (k + len) <= 2)
		{
			size_t		j = k + len;

			while (j < i && cue_gap_word(tg, &tg->pc.p[j]))
				j++;
			if (j == i)
				return cue->sub;
		}
		/*
		 * cue-adjective: the cue's own lower-case adjectives, or de and a
		 * lower-case noun, before the name (le collectif anarchiste X,
		 * la compagnie ferroviaire X, la compagnie de train X)
		 */
		if (len > 0 && k + len < i && i - (k + len) <= 3 && cue->sub != DP_KIND_PER &&
			dp_rule_on(DP_RULE_CUE_ADJECTIVE))
		{
			size_t		j = k + len;
			bool		noun = false;

			while (j < i)
			{
				const DpPiece *q = &tg->pc.p[j];

				if (q->cap || q->cls != DP_TOK_WORD)
					break;
				if (cue_gap_word(tg, q) || name_adjective(tg, q))
					j++;
				else if (!noun && j > k + len && (key_is(&tg->pc.p[j - 1], "de") || key_is(&tg->pc.p[j - 1], "d'")) &&
						 !word_val(tg, q, DP_V_PARTICLE))
				{
					noun = true;	/* compagnie de train */
					j++;
				}
				else
					break;
			}
			/* (not through de before the name: the name after de is a
			 * complement, la organisation terroriste de X, le centre de
			 * vacances de X) */
			if (j == i && !cue_gap_word(tg, &tg->pc.p[i - 1]))
				return cue->sub;
		}
		len = phrase_at(tg, k, DP_V_ROLE, NULL);
		/* "le maire de Sevran", "le préfet du Var": the title's complement
		 * is a place, not the person (who would follow: "l'envoyé de
		 * Poutine, X") */
		if (len > 0 && i > 0 && k + len == i - 1 && cue_gap_word(tg, &tg->pc.p[i - 1]) &&
			!word_val(tg, &tg->pc.p[i - 1], DP_V_DEMONYM))
			return -1;
		/* and further on too: le député de la circonscription de X, le
		 * maire UDI de X (title-of-place) */
		if (len > 0 && k + len < i - 1 && (key_is(&tg->pc.p[i - 1], "de") || key_is(&tg->pc.p[i - 1], "d'") ||
										   key_is(&tg->pc.p[i - 1], "du") || key_is(&tg->pc.p[i - 1], "des")) &&
			dp_rule_on(DP_RULE_TITLE_OF_PLACE))
			return -1;
		if (len > 0 && k + len <= i)
		{
			/* a demonym right after the title gives the actor */
			for (size_t j = k + len; j < i; j++)
			{
				const DpVal *dv = word_val(tg, &tg->pc.p[j], DP_V_DEMONYM);

				if (dv && *actor < 0)
					*actor = (int16_t) dv->id;
			}
			return DP_KIND_PER;
		}
	}
	return -1;
}

/* Does a role title (or M., Mme) announce the name at piece i? */
static bool
title_before(const Tagger *tg, size_t i, int16_t *actor)
{
	return cue_before(tg, i, actor) == DP_KIND_PER;
}

/*
 * The actor of an unknown name from the words before it: a demonym (le
 * criminel russe X) or an entity after de/du (l'envoyé de Poutine, X).
 */
static int16_t
actor_before(const Tagger *tg, size_t i)
{
	size_t		lo = i > 8 ? i - 8 : 0;

	for (size_t k = i; k-- > lo;)
	{
		const DpPiece *p = &tg->pc.p[k];
		const DpVal *dv;

		if (p->cls == DP_TOK_PUNCT && p->len == 1 && tg->text[p->off] != ',')
			break;
		if ((dv = word_val(tg, p, DP_V_DEMONYM)) != NULL)
			return (int16_t) dv->id;
		/*
		 * An entity mention of this sentence covering k, after de/du/d'.
		 * The sentence's mentions so far are in piece order and end before
		 * i: walk back from the last one, only past those after k.
		 */
		for (size_t mi = tg->out->n; mi-- > tg->sent_first;)
		{
			const DpMention *mm = &tg->out->m[mi];

			if (mm->piece > k)
				continue;
			if (k < mm->piece + mm->npieces && mm->piece > 0 && mm->actor >= 0)
			{
				const DpPiece *b = &tg->pc.p[mm->piece - 1];

				if (key_is(b, "de") || key_is(b, "du") || key_is(b, "d'"))
					return mm->actor;
				return -1;
			}
			break;
		}
	}
	return -1;
}

/*
 * The actor of a person from a role in apposition after the name, at piece
 * j: ", eurodéputée française", ", la porte-parole du ministère russe des
 * Affaires étrangères" (a demonym within five words of the title, before
 * any punctuation).
 */
static int16_t
actor_after(const Tagger *tg, size_t j)
{
	size_t		k = j + 1;
	size_t		len;

	if (k >= tg->pc.n || !(tg->pc.p[j].cls == DP_TOK_PUNCT && tg->pc.p[j].len == 1 && tg->text[tg->pc.p[j].off] == ','))
		return -1;
	if (key_is(&tg->pc.p[k], "le") || key_is(&tg->pc.p[k], "la") || key_is(&tg->pc.p[k], "l'"))
		k++;
	if (k >= tg->pc.n || (len = phrase_at(tg, k, DP_V_ROLE, NULL)) == 0)
		return -1;
	for (size_t q = k + len; q < tg->pc.n && q < k + len + 5; q++)
	{
		const DpPiece *p = &tg->pc.p[q];
		const DpVal *dv;

		if (p->cls == DP_TOK_PUNCT || p->cls == DP_TOK_QUOTE)
			break;
		if ((dv = word_val(tg, p, DP_V_DEMONYM)) != NULL)
			return (int16_t) dv->id;
	}
	return -1;
}

/* Remember the last mention (first or last word, of hash khash) in nw. */
static void
name_words_add(Tagger *tg, NameWords *nw, bool first, uint64_t khash)
{
	const DpMentions *o = tg->out;
	const DpMention *mm = &o->m[o->n - 1];
	const char *key = first ? mm->firstkey : mm->lastkey;
	size_t		h = (size_t) (khash & 255);

	if (nw->n >= 128 || o->n > UINT32_MAX - 1)
		return;
	while (nw->slot[h] != 0)
	{
		const DpMention *other = &o->m[nw->slot[h] - 1];

		if (strcmp(first ? other->firstkey : other->lastkey, key) == 0)
			return;
		h = (h + 1) & 255;
	}
	nw->slot[h] = (uint32_t) o->n;
	nw->n++;
}

static void
emit(Tagger *tg, size_t i, size_t np, int32_t entity, const char *name, int kind,
	 int16_t actor, int method, float conf)
{
	DpMentions *o = tg->out;
	DpMention  *mm;
	const DpPiece *a = &tg->pc.p[i];
	const DpPiece *z = &tg->pc.p[i + np - 1];

	if (o->n == o->cap)
	{
		o->cap = o->cap ? o->cap * 2 : 64;
		o->m = dp_realloc(tg->m, o->m, dp_mul_size(tg->m, o->cap, sizeof(DpMention)));
	}
	mm = &o->m[o->n++];
	mm->off = a->off;
	mm->len = z->off + z->len - a->off;
	mm->coff = a->coff;
	mm->clen = z->coff + z->clen - a->coff;
	mm->sentence = tg->sentence;
	mm->piece = (uint32_t) i;
	mm->npieces = (uint32_t) np;
	mm->entity = entity;
	mm->name = name;
	mm->kind = (uint8_t) kind;
	mm->actor = actor;
	mm->method = (uint8_t) method;
	mm->confidence = conf;
	memcpy(mm->lastkey, z->w->key, z->w->keylen + 1);
	mm->firstkey[0] = '\0';
	if (kind == DP_KIND_PER && np >= 2 && a->cap && a->cls == DP_TOK_WORD && a->tok != tg->pc.p[i + 1].tok &&
		a->w->keylen > 1)
		memcpy(mm->firstkey, a->w->key, a->w->keylen + 1);
	if (entity >= 0)
		seen_add(tg, entity);
	if (mm->firstkey[0])
		name_words_add(tg, &tg->firstwords, true, a->w->khash);
	/* (a surname that is a word of its own: not the Un of Kim Jong-Un) */
	if (kind == DP_KIND_PER && np >= 2 && z->cap && z->tok != tg->pc.p[i + np - 2].tok)
		name_words_add(tg, &tg->surnames, false, z->w->khash);
}

/* Is piece p, a capitalised word, a word of a person in nw? */
static bool
name_words_has(const Tagger *tg, const NameWords *nw, bool first, const DpPiece *p)
{
	size_t		h;

	if (nw->n == 0 || !p->cap || p->cls != DP_TOK_WORD)
		return false;
	h = (size_t) (p->w->khash & 255);
	while (nw->slot[h] != 0)
	{
		const DpMention *mm = &tg->out->m[nw->slot[h] - 1];

		if (strcmp(first ? mm->firstkey : mm->lastkey, p->w->key) == 0)
			return true;
		h = (h + 1) & 255;
	}
	return false;
}

/*
 * Is piece p, a capitalised word, the last word of a person named in full
 * earlier in the document (Manuel Valls, then Valls, which hunspell-fr
 * also knows as a word)?
 */
static inline bool
known_surname(const Tagger *tg, const DpPiece *p)
{
	return dp_rule_on(DP_RULE_KNOWN_SURNAME) && name_words_has(tg, &tg->surnames, false, p);
}

/*
 * Is piece p, a capitalised word, the first word of a person named in full
 * earlier in the document (Kim Jong-un, then Kim; Phumtham Wechayachai, then
 * Phumtham)?  Names of East Asia put the family name first, and the press
 * of Ethiopia or Thailand calls a person by the first name.
 */
static inline bool
known_first_word(const Tagger *tg, const DpPiece *p)
{
	return dp_rule_on(DP_RULE_KNOWN_FIRST_WORD) && name_words_has(tg, &tg->firstwords, true, p);
}

/* Does alias value v, if it is a two-letter acronym, stand in capitals at
 * piece i? */
static inline bool
caps_ok(const Tagger *tg, size_t i, const DpVal *v)
{
	const DpPiece *p = &tg->pc.p[i];
	const char *t = tg->text + p->off;

	return v->f == 0.0f || v->npieces != 1 ||
		(p->len == 2 && t[0] >= 'A' && t[0] <= 'Z' && t[1] >= 'A' && t[1] <= 'Z');
}

/* Choose among entities sharing an alias; see the file header. */
static int32_t
resolve(const Tagger *tg, size_t i, const DpVal *v, uint32_t nv, uint32_t capbits)
{
	int32_t		best = -1;
	double		best_score = -1;
	bool		want_per = false;
	bool		want_place = false;
	uint32_t	ncand = 0;

	/* one candidate: nothing to weigh (title_before is not free) */
	for (uint32_t k = 0; k < nv; k++)
		if (v[k].type == DP_V_ALIAS && (v[k].capmask & ~capbits) == 0 && caps_ok(tg, i, &v[k]))
		{
			best = (int32_t) v[k].id;
			ncand++;
		}
	if (ncand <= 1)
		return best;
	best = -1;
	if (i > 0)
	{
		const DpPiece *b = &tg->pc.p[i - 1];
		int16_t		dummy = -1;

		want_per = title_before(tg, i, &dummy);
		want_place = key_is(b, "a") || key_is(b, "en") || key_is(b, "vers") ||
			key_is(b, "dans") || key_is(b, "depuis");
	}
	for (uint32_t k = 0; k < nv; k++)
	{
		const DpEntity *e;
		double		score;

		if (v[k].type != DP_V_ALIAS || (v[k].capmask & ~capbits) != 0 || !caps_ok(tg, i, &v[k]))
			continue;
		e = &tg->d->entities[v[k].id];
		score = seen_count(tg, (int32_t) v[k].id) * 10000.0;
		if ((want_per && e->kind == DP_KIND_PER) ||
			(want_place && (e->kind == DP_KIND_GPE || e->kind == DP_KIND_LOC)))
			score += 5000.0;
		score += e->prior;
		if (best < 0 || score > best_score ||
			(score == best_score && strcmp(e->name, tg->d->entities[best].name) < 0))
		{
			best = (int32_t) v[k].id;
			best_score = score;
		}
	}
	return best;
}

/* Longest dictionary alias at piece i: returns its length, sets *entity. */
static size_t
dict_match(const Tagger *tg, size_t i, int32_t *entity)
{
	uint32_t	node = 0;
	uint32_t	capbits = 0;
	size_t		best = 0;

	for (size_t j = i; j < tg->pc.n && j - i < MAX_ALIAS_PIECES; j++)
	{
		const DpPiece *p = &tg->pc.p[j];
		uint32_t	nv;
		const DpVal *v;
		int32_t		e;

		if (!matchable(p) || (node = phrase_step(tg, p, j == i, node, DP_V_ALIAS)) == 0)
			break;
		if (p->cap && j - i < 32)
			capbits |= 1u << (j - i);
		v = dp_trie_values(tg->d->words, node, &nv);
		if (nv == 0)
			continue;
		e = resolve(tg, i, v, nv, capbits);
		if (e >= 0)
		{
			best = j - i + 1;
			*entity = e;
		}
	}
	/*
	 * A capitalised common word opening a sentence is not a one-word name
	 * unless it is a known name or was named before ("Union", "Alliance");
	 * an acronym's capitals say nothing of its place (ONU, CIA).  The word
	 * itself must be a common word, not only share its stem with one:
	 * "Meloni" (melon), "Duda", "Modi", "L'Italie" (italien) open sentences
	 * as names.  A country or a city of one (an actor's place) opens a
	 * sentence as itself even where the word is common too: Chine (chiner),
	 * Inde, Canada, Brésil are seldom anything else with a capital.
	 */
	if (best == 1)
	{
		const DpPiece *p = &tg->pc.p[i];

		if (p->initial && p->w->common && p->cls != DP_TOK_ACRONYM &&
			!word_val(tg, p, DP_V_HINT) && seen_count(tg, *entity) == 0 &&
			!(tg->d->entities[*entity].kind == DP_KIND_GPE && tg->d->entities[*entity].actor >= 0) &&
			dp_common_word(tg->d, p->w->key, p->w->keylen, "", 0))
			return 0;
	}
	return best;
}

/*
 * Two folded words that spell one name: at most two edits apart, and at
 * most a third of the longer word (Sergei/Serguei, Volodimir/Volodymyr,
 * Emanuel/Emmanuel; not Jill/Joe).
 */
static bool
spelling_variant(const char *a, size_t na, const char *b, size_t nb)
{
	uint8_t		row[DP_WORD_MAX + 2];
	size_t		longer = na > nb ? na : nb;

	if (na > DP_WORD_MAX || nb > DP_WORD_MAX || na == 0 || nb == 0 ||
		(na > nb ? na - nb : nb - na) > 2)
		return false;
	for (size_t y = 0; y <= nb; y++)
		row[y] = (uint8_t) y;
	for (size_t x = 1; x <= na; x++)
	{
		uint8_t		diag = row[0];

		row[0] = (uint8_t) x;
		for (size_t y = 1; y <= nb; y++)
		{
			uint8_t		up = row[y];
			uint8_t		best = (uint8_t) (diag + (a[x - 1] != b[y - 1]));

			if (up + 1 < best)
				best = (uint8_t) (up + 1);
			if (row[y - 1] + 1 < best)
				best = (uint8_t) (row[y - 1] + 1);
			diag = up;
			row[y] = best;
		}
	}
	return row[nb] <= 2 && (size_t) row[nb] * 3 <= longer;
}

static bool
has_digit(const char *s, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (s[k] >= '0' && s[k] <= '9')
			return true;
	return false;
}

/*
 * Is the current sentence a headline in title case ("Le Prince Héritier
 * Reçoit Les Négociateurs À Djeddah"): at least two capitalised common
 * words after the first, and no fewer than the lowercase ones?  Its
 * capitals say nothing about names.  Worked out on first need.
 */
static bool
title_case(Tagger *tg)
{
	if (tg->titlecase < 0)
	{
		size_t		cap = 0,
					low = 0;

		for (size_t i = 0; i < tg->pc.n; i++)
		{
			const DpPiece *p = &tg->pc.p[i];

			/* (a hyphenated word counts once: Seine-Maritime) */
			if (p->initial || p->cls != DP_TOK_WORD || !p->w->common || word_val(tg, p, DP_V_HINT) ||
				(i > 0 && tg->pc.p[i - 1].tok == p->tok))
				continue;
			if (p->cap)
				cap++;
			else
				low++;
		}
		tg->titlecase = cap >= 2 && cap >= low;
	}
	return tg->titlecase > 0;
}

/* Can piece p stand in an unknown name? */
static bool
namelike(Tagger *tg, const DpPiece *p, bool first)
{
	if (!p->cap || !(p->cls == DP_TOK_WORD || p->cls == DP_TOK_ACRONYM))
		return false;
	if (word_val(tg, p, DP_V_DEMONYM) || word_val(tg, p, DP_V_ROLE))
		return false;
	if (!p->w->common || word_val(tg, p, DP_V_HINT))
		return true;
	/* a capitalised common word continues a name inside a sentence
	 * (Truth Social), never starts one, and is just a word in a title-case
	 * headline */
	return !first && !p->initial && !title_case(tg);
}

/*
 * A capitalised word that is common French only by its stem (Nicola:
 * nicol-, Colin: colin is a lemma, not this) opens a name when the next word
 * is a capitalised word that is no common word at all, also at a sentence's
 * start: Nicola Spirig, Tine Deckers.  A word that is itself a common lemma
 * (Selon, Conseil) does not.
 */
static bool
stem_only_common_start(Tagger *tg, size_t i)
{
	const DpPiece *p = &tg->pc.p[i];
	const DpPiece *q;

	if (p->cls != DP_TOK_WORD || i + 1 >= tg->pc.n)
		return false;
	q = &tg->pc.p[i + 1];
	if (!q->cap || q->cls != DP_TOK_WORD || q->w->common || word_val(tg, q, DP_V_DEMONYM) ||
		word_val(tg, q, DP_V_ROLE) || word_val(tg, p, DP_V_DEMONYM) || word_val(tg, p, DP_V_ROLE) ||
		title_case(tg))
		return false;
	if (dp_common_word(tg->d, p->w->key, p->w->keylen, "", 0))
		return false;
	return true;
}

/*
 * Inside a sentence, a capitalised common word right before a dictionary
 * place opens a name with it: Air Méditerranée, Projet Montréal.
 */
static bool
word_before_place(Tagger *tg, size_t i)
{
	const DpPiece *p = &tg->pc.p[i];
	int32_t		e = -1;

	if (p->cls != DP_TOK_WORD || p->initial || i + 1 >= tg->pc.n || !tg->pc.p[i + 1].cap ||
		tg->pc.p[i + 1].tok == p->tok || key_is(p, "le") || key_is(p, "la") ||
		key_is(p, "les") || key_is(p, "un") || key_is(p, "une") || word_val(tg, p, DP_V_PARTICLE) ||
		word_val(tg, p, DP_V_DEMONYM) || word_val(tg, p, DP_V_ROLE) || title_case(tg))
		return false;
	if (!alias_may_start(tg, i + 1) || dict_match(tg, i + 1, &e) == 0)
		return false;
	return tg->d->entities[e].kind == DP_KIND_GPE || tg->d->entities[e].kind == DP_KIND_LOC;
}

/*
 * Text of ASCII and of two-byte Latin-1 letters (C3 80..BF) only, short
 * enough for one chunk of dp_normalize(): what it copies as it is (NFC
 * already; a tab becomes a space, which the white-space collapse of
 * surface_name() does too).
 */
static bool
latin1_text(const char *s, size_t n)
{
	if (n > 4096)
		return false;
	for (size_t i = 0; i < n; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (c < 0x80)
			continue;
		if (c == 0xC3 && i + 1 < n && (unsigned char) s[i + 1] >= 0x80 && (unsigned char) s[i + 1] <= 0xBF)
			i++;
		else
			return false;
	}
	return true;
}

static char *
surface_name(Tagger *tg, const DpPiece *a, const DpPiece *z)
{
	DpBuf		b = {0};
	char	   *r;
	const char *s = tg->text + a->off;
	size_t		n = z->off + z->len - a->off;

	if (latin1_text(s, n))
	{
		/*
		 * Most names: no normalisation to do, so the white-space collapse
		 * below reads the text itself (the same bytes out; no C1 control
		 * can be in such text).
		 */
		char	   *out = dp_alloc(tg->m, n + 1);
		size_t		o = 0;

		for (size_t i = 0; i < n; i++)
		{
			char		c = s[i];

			if ((unsigned char) c < 0x20 || c == 0x7F)
				c = ' ';
			if (c == ' ' && (o == 0 || out[o - 1] == ' '))
				continue;
			out[o++] = c;
		}
		while (o > 0 && out[o - 1] == ' ')
			o--;
		out[o] = '\0';
		return out;
	}
	dp_normalize(tg->m, s, n, &b);
	/* collapse runs of white space */
	{
		size_t		o = 0;

		for (size_t i = 0; i < b.len; i++)
		{
			char		c = b.data[i];

			/* control characters (never part of a name) count as spaces */
			if ((unsigned char) c < 0x20 || c == 0x7F)
				c = ' ';
			else if ((unsigned char) c == 0xC2 && i + 1 < b.len &&
					 (unsigned char) b.data[i + 1] >= 0x80 && (unsigned char) b.data[i + 1] <= 0x9F)
			{
				c = ' ';		/* C1 controls */
				i++;
			}
			if (c == ' ' && (o == 0 || b.data[o - 1] == ' '))
				continue;
			b.data[o++] = c;
		}
		while (o > 0 && b.data[o - 1] == ' ')
			o--;
		b.data[o] = '\0';
	}
	r = b.data;
	return r;
}

/*
 * An all-capitals word that names nothing: a Roman numeral (XXI, VII, XV)
 * or a time zone (UTC, GMT).
 */
static bool
not_name_acronym(const char *s, size_t n)
{
	static const char *const zones[] = {"UTC", "GMT", "CET", "CEST", "EST", "EDT", "PST", "PDT", "BST", "HNE", "HAE"};
	bool		roman = n > 0;

	for (size_t k = 0; k < n; k++)
		if (s[k] != 'I' && s[k] != 'V' && s[k] != 'X')
			roman = false;
	if (roman)
		return true;
	for (size_t z = 0; z < sizeof(zones) / sizeof(zones[0]); z++)
		if (strlen(zones[z]) == n && memcmp(zones[z], s, n) == 0)
			return true;
	return false;
}

/* Lower-case words that join the parts of a place name (Aix-les-Bains,
 * Ivry-sur-Seine, Bouches-du-Rhône, Villeneuve-d'Ascq, Loir-et-Cher). */
static bool
place_joiner(const DpPiece *p)
{
	static const char *const j[] = {"sur", "sous", "les", "lez", "le", "la", "l", "en", "et", "de",
	"du", "des", "d", "aux", "au"};

	for (size_t k = 0; k < sizeof(j) / sizeof(j[0]); k++)
		if (key_is(p, j[k]))
			return true;
	return false;
}

/* Capitalised words that make a compound a place name (Saint-Denis,
 * Haute-Loire, Seine-Saint-Denis, Val-de-Marne, Mont-Blanc). */
static bool
place_word(const DpPiece *p)
{
	static const char *const w[] = {"saint", "sainte", "saintes", "haute", "haut", "hautes", "hauts",
	"basse", "bas", "basses", "val", "mont", "pont", "port", "fort", "bourg", "villeneuve"};

	for (size_t k = 0; k < sizeof(w) / sizeof(w[0]); k++)
		if (key_is(p, w[k]))
			return true;
	return false;
}

/*
 * Is the hyphenated word starting at piece i (at the start of its token)
 * shaped like a place name: capitalised parts, at least two, joined by
 * hyphens and the lower-case words of place names, with one such word or a
 * place word among them?  *end gets the piece after the word.  A part may
 * run on past an elided d' (Villeneuve-d'Ascq, which the lexer cuts at the
 * apostrophe).
 */
static bool
place_compound(const Tagger *tg, size_t i, size_t *end)
{
	size_t		k = i,
				caps = 0;
	bool		shaped = false,
				joined = false,
				named = false;

	/* most names are no hyphenated word: out at once */
	if (i + 1 >= tg->pc.n || tg->pc.p[i + 1].tok != tg->pc.p[i].tok)
		return false;

	while (k < tg->pc.n && (k == i || tg->pc.p[k].tok == tg->pc.p[i].tok))
	{
		const DpPiece *q = &tg->pc.p[k];

		if (q->cap && q->cls == DP_TOK_WORD)
		{
			caps++;
			if (place_word(q))
				shaped = true;
			else if (!q->w->common || word_val(tg, q, DP_V_HINT))
				named = true;
		}
		else if (!q->cap && k > i && place_joiner(q))
			joined = true;
		else
			return false;
		k++;
	}
	if (k - i < 2)
		return false;
	/* Villeneuve-d'Ascq: d, an apostrophe, a capitalised word, all touching */
	if (key_is(&tg->pc.p[k - 1], "d") && k + 1 < tg->pc.n)
	{
		const DpPiece *a = &tg->pc.p[k];
		const DpPiece *z = &tg->pc.p[k + 1];
		const DpPiece *d = &tg->pc.p[k - 1];

		if (a->cls == DP_TOK_PUNCT && a->off == d->off + d->len && z->off == a->off + a->len &&
			z->cap && z->cls == DP_TOK_WORD)
		{
			size_t		t = z->tok;

			caps++;
			joined = true;
			k += 2;
			while (k < tg->pc.n && tg->pc.p[k].tok == t)
				k++;
		}
	}
	*end = k;
	/* a place word alone makes no place of common words: Haut-Commissariat;
	 * a place name of hunspell-fr does (Haute-Marne, Seine-Maritime) */
	if (caps >= 2 && !joined && !(shaped && named))
	{
		const DpVal *v = NULL;

		return phrase_at(tg, i, DP_V_HINT, &v) == k - i && v->sub == DP_HINT_PLACE;
	}
	return caps >= 2;
}

/*
 * A capitalised particle right before a capitalised unknown word opens a
 * name: 1 for a person's (De Gendt, Van Avermaet, Da Silva; also opening a
 * sentence, before a word that is no place), 2 for an article opening a place's name after a locative
 * (à La Ciotat, aux Sables-d'Olonne), 3 for the English article of a
 * title (The Independent); 0 otherwise.
 */
static int
particle_start(Tagger *tg, size_t i)
{
	const DpPiece *p = &tg->pc.p[i];
	const DpPiece *q;
	bool		article;

	/* (title_case() last: it reads the whole sentence, and many sentences
	 * open with a particle, Le, La, De) */
	if (p->cls != DP_TOK_WORD || !p->cap || i + 1 >= tg->pc.n ||
		!(word_val(tg, p, DP_V_PARTICLE) || (p->len == 3 && memcmp(tg->text + p->off, "The", 3) == 0)))
		return 0;
	q = &tg->pc.p[i + 1];
	if (q->tok == p->tok || !q->cap || q->cls != DP_TOK_WORD || (q->w->common && !word_val(tg, q, DP_V_HINT)) ||
		word_val(tg, q, DP_V_DEMONYM) || word_val(tg, q, DP_V_ROLE))
		return 0;
	article = key_is(p, "le") || key_is(p, "la") || key_is(p, "les");
	if (p->initial)
	{
		const DpVal *h = word_val(tg, q, DP_V_HINT);
		int32_t		e;

		/*
		 * Opening a sentence only a person's particle before a word that
		 * is no place: De Gendt remporte..., not De Paris à Berlin
		 */
		if (article || (p->len == 3 && memcmp(tg->text + p->off, "The", 3) == 0) ||
			(h && h->sub == DP_HINT_PLACE) || (alias_may_start(tg, i + 1) && dict_match(tg, i + 1, &e) > 0))
			return 0;
	}
	if (article)
	{
		const DpPiece *b = i > 0 ? &tg->pc.p[i - 1] : NULL;

		return b && (key_is(b, "a") || key_is(b, "de") || key_is(b, "en") || key_is(b, "vers") ||
					 key_is(b, "dans") || key_is(b, "depuis")) && !title_case(tg) ? 2 : 0;
	}
	if (p->len == 3 && memcmp(tg->text + p->off, "The", 3) == 0)
		return title_case(tg) ? 0 : 3;
	if (key_is(p, "de") || key_is(p, "van") || key_is(p, "von") || key_is(p, "da") || key_is(p, "di") ||
		key_is(p, "del") || key_is(p, "della") || key_is(p, "dos") || key_is(p, "das") ||
		key_is(p, "do") || key_is(p, "ten") || key_is(p, "ter"))
		return title_case(tg) ? 0 : 1;
	return 0;
}

/*
 * Does piece i open a hyphenated word with the Arabic article before a
 * capitalised part (al-Bab, el-Sissi, Al-Anbar)?
 */
static bool __attribute__((noinline))
arabic_article(const Tagger *tg, size_t i)
{
	const DpPiece *p = &tg->pc.p[i];

	/* called for every lower-case word: two bytes, al or el, first */
	if (p->len != 2 || (tg->text[p->off + 1] != 'l' && tg->text[p->off + 1] != 'L'))
		return false;
	if (i + 1 >= tg->pc.n || p->cls != DP_TOK_WORD || tg->pc.p[i + 1].tok != p->tok ||
		!tg->pc.p[i + 1].cap || (i > 0 && tg->pc.p[i - 1].tok == p->tok))
		return false;
	return key_is(p, "al") || key_is(p, "el");
}

/* After a locative a lone name is a place: à, en, vers, dans, de, sur,
 * depuis (à Bandol, en Savoie, dans les Yvelines, sur Mars). */
static bool
after_locative(const Tagger *tg, size_t i)
{
	const DpPiece *b = i > 0 ? &tg->pc.p[i - 1] : NULL;

	return b && (key_is(b, "a") || key_is(b, "en") || key_is(b, "vers") || key_is(b, "dans") ||
				 key_is(b, "de") || key_is(b, "d'") || key_is(b, "sur") || key_is(b, "depuis") ||
				 (i > 1 && key_is(b, "les") && key_is(&tg->pc.p[i - 2], "dans")));
}

/*
 * Pieces of "de X" at k after an event's name, X a capitalised name (Jeux
 * olympiques de Rio): the place where it is held belongs to its name.
 */
static size_t
event_place(Tagger *tg, size_t k)
{
	int32_t		e = -1;
	size_t		m;

	if (k + 1 >= tg->pc.n || !(key_is(&tg->pc.p[k], "de") || key_is(&tg->pc.p[k], "d'") ||
							   key_is(&tg->pc.p[k], "du")) || !tg->pc.p[k + 1].cap)
		return 0;
	m = alias_may_start(tg, k + 1) ? dict_match(tg, k + 1, &e) : 0;
	if (m == 0 && namelike(tg, &tg->pc.p[k + 1], false))
		m = 1;
	if (m == 0)
		return 0;
	/* nor does it end inside a word */
	while (k + 1 + m < tg->pc.n && tg->pc.p[k + 1 + m].tok == tg->pc.p[k + m].tok)
		m++;
	return 1 + m;
}

/*
 * The kind a name's last word gives it, or -1: organisations (World
 * Triathlon Corporation, Charlie Hebdo, Niantic Labs) and places (Norris
 * Geyser Basin, Worth Street), words of English and French names that
 * persons do not end with.
 */
static int
name_tail(const DpPiece *p)
{
	static const char *const org[] = {"airlines", "airways", "corporation", "corp", "inc", "ltd",
		"international", "group", "labs", "laboratory", "foundation", "institute", "university",
		"college", "agency", "association", "federation", "council", "society", "survey",
		"company", "records", "press", "news", "times", "hebdo", "magazine", "handball",
		"football", "basket", "rugby", "club", "fc", "united", "motors", "bank", "party",
	"awards", "media", "network", "systems", "technologies", "pharma", "associates", "partners",
		"holdings", "electric", "arena", "globe", "theatre", "theater", "sa", "sas", "ag", "gmbh", "plc",
	"llc", "spa"};
	static const char *const loc[] = {"street", "road", "avenue", "lodge", "gorge", "creek",
		"river", "mountain", "mountains", "hills", "basin",
		"coast", "peak", "pass", "canyon", "falls", "springs", "glacier", "volcano",
	"yorkshire", "shire", "pradesh"};

	/* bit n of lens[c - 'a']: a word above of n bytes opens with c */
	static uint64_t lens[32];
	static bool lens_done = false;

	if (!p->cap)
		return -1;
	if (!lens_done)
	{
		for (size_t k = 0; k < sizeof(org) / sizeof(org[0]); k++)
			lens[(unsigned char) (org[k][0] - 'a') & 31u] |= UINT64_C(1) << (strlen(org[k]) & 63u);
		for (size_t k = 0; k < sizeof(loc) / sizeof(loc[0]); k++)
			lens[(unsigned char) (loc[k][0] - 'a') & 31u] |= UINT64_C(1) << (strlen(loc[k]) & 63u);
		lens_done = true;
	}
	/* the word's first letter and length first: most capitalised words
	 * are none of the 65 above, told in one branch instead of 65 */
	if (((lens[(unsigned char) (p->w->key[0] - 'a') & 31u] >> (p->w->keylen & 63u)) & 1u) == 0)
		return -1;
	for (size_t k = 0; k < sizeof(org) / sizeof(org[0]); k++)
		if (key_is(p, org[k]))
			return DP_KIND_ORG;
	for (size_t k = 0; k < sizeof(loc) / sizeof(loc[0]); k++)
		if (key_is(p, loc[k]))
			return DP_KIND_LOC;
	return -1;
}

/*
 * A lower-case word that may stand in an institution's name after its head
 * word: a demonym (syrienne) or an adjective of the endings such names use
 * (national, démocratiques, fédéral, constitutionnel, libre).
 */
static bool
name_adjective(const Tagger *tg, const DpPiece *p)
{
	static const char *const end[] = {"al", "ale", "ales", "aux", "el", "elle", "els", "elles",
	"ique", "iques", "aire", "aires", "ien", "ienne", "iens", "iennes", "ais", "aise", "aises",
	"een", "eenne", "eens", "eennes", "ieur", "ieure", "ieurs", "ieures", "iste", "istes",
	"ile", "iles", "ils", "if", "ifs", "ive", "ives"};
	const char *k = p->w->key;
	size_t		n = p->w->keylen;

	if (word_val(tg, p, DP_V_DEMONYM) || key_is(p, "libre") || key_is(p, "libres"))
		return true;
	if (n < 5 || word_val(tg, p, DP_V_PARTICLE))
		return false;
	for (size_t e = 0; e < sizeof(end) / sizeof(end[0]); e++)
	{
		size_t		m = strlen(end[e]);

		if (n > m + 2 && memcmp(k + n - m, end[e], m) == 0)
			return true;
	}
	return false;
}

/*
 * Is [i, j) one hyphenated word with a part that is a place, by a hint or
 * the dictionary (Charente-Maritime, Rhône-Alpes)?
 */
static bool
place_part(Tagger *tg, size_t i, size_t j)
{
	if (tg->pc.p[j - 1].tok != tg->pc.p[i].tok)
		return false;
	for (size_t k = i; k < j; k++)
	{
		const DpPiece *q = &tg->pc.p[k];
		const DpVal *h;
		int32_t		e = -1;

		if (q->tok != tg->pc.p[i].tok)
			return false;
		if ((h = word_val(tg, q, DP_V_HINT)) != NULL && h->sub == DP_HINT_PLACE)
			return true;
		if (q->cap && (q->w->where & (1u << DP_V_ALIAS)) && dict_match(tg, k, &e) == 1 &&
			(tg->d->entities[e].kind == DP_KIND_GPE || tg->d->entities[e].kind == DP_KIND_LOC))
			return true;
	}
	return false;
}

/* Does an elided d' join two words of [i, j)? */
static bool
has_elided_de(const Tagger *tg, size_t i, size_t j)
{
	for (size_t k = i + 1; k + 1 < j; k++)
		if (tg->pc.p[k].cls == DP_TOK_ELISION && key_is(&tg->pc.p[k], "d'"))
			return true;
	return false;
}

/* Are pieces [i, j) all in capitals (an acronym compound: CNDD-FDD)? */
static bool
all_capitals(const Tagger *tg, size_t i, size_t j)
{
	for (size_t k = i; k < j; k++)
		if (!(tg->pc.p[k].tflags & DP_TF_ALLCAP) && tg->pc.p[k].cls != DP_TOK_ACRONYM)
			return false;
	return true;
}

/*
 * The complements of an institution's name after its head and adjectives,
 * from piece k: de/du/d'/des/de la/de l' and a lower-case common noun, then
 * its lower-case adjectives (des finances publiques), at most `links`
 * times; not a verb after a bare de.  Returns the end of the last complement, 0 if none starts at k.
 */
static size_t
of_common_noun(Tagger *tg, size_t k, int links)
{
	size_t		end = 0;

	while (links-- > 0 && k < tg->pc.n)
	{
		size_t		o = of_at(tg, k);
		const DpPiece *n;

		if (o == 0 && key_is(&tg->pc.p[k], "des"))
			o = 1;
		if (o == 0 || k + o >= tg->pc.n)
			break;
		n = &tg->pc.p[k + o];
		if (n->cap || n->cls != DP_TOK_WORD || !n->w->common || word_val(tg, n, DP_V_PARTICLE) ||
			key_is(n, "la") || key_is(n, "l'") || key_is(n, "les") || key_is(n, "le"))
			break;
		/* after a bare de, a word in -er, -ir, -re is a verb more often
		 * than a noun (l'Église catholique de tenter...) */
		if (o == 1 && (key_is(&tg->pc.p[k], "de") || key_is(&tg->pc.p[k], "d'")) && n->w->keylen > 3 &&
			(memcmp(n->w->key + n->w->keylen - 2, "er", 2) == 0 ||
			 memcmp(n->w->key + n->w->keylen - 2, "ir", 2) == 0 ||
			 memcmp(n->w->key + n->w->keylen - 2, "re", 2) == 0))
			break;
		k += o + 1;
		for (int a = 0; a < 2 && k < tg->pc.n && !tg->pc.p[k].cap && tg->pc.p[k].cls == DP_TOK_WORD &&
			 !word_val(tg, &tg->pc.p[k], DP_V_DEMONYM) && name_adjective(tg, &tg->pc.p[k]); a++)
			k++;
		end = k;
	}
	return end;
}

/* Is one of pieces [i, j) an acronym of two letters or more (NASA, ATK)? */
static bool
any_acronym(const Tagger *tg, size_t i, size_t j)
{
	for (size_t k = i; k < j; k++)
		if (tg->pc.p[k].cls == DP_TOK_ACRONYM && tg->pc.p[k].len >= 2)
			return true;
	return false;
}

/*
 * A person's name opening with initials (J. K. Rowling, E. Macron): one to
 * three initials, then a known person's name (linked to it) or one or two
 * name words.  Emits it (PER) and returns its length in pieces, 0 if none.
 */
static size_t
initials_name(Tagger *tg, size_t i)
{
	size_t		k = i,
				j,
				m;
	int32_t		e = -1;

	while (k < tg->pc.n && k - i < 3 && tg->pc.p[k].cls == DP_TOK_INITIALS)
		k++;
	if (k >= tg->pc.n || title_case(tg))
		return 0;
	m = alias_may_start(tg, k) ? dict_match(tg, k, &e) : 0;
	if (m > 0)
	{
		const DpEntity *ent = &tg->d->entities[e];

		if (ent->kind != DP_KIND_PER)
			return 0;
		emit(tg, i, k + m - i, e, ent->name, ent->kind, ent->actor, DP_M_DICTIONARY, 0.85f);
		return k + m - i;
	}
	/* a word that is no common word (la bombe H. La Corée...: no name) */
	if (!namelike(tg, &tg->pc.p[k], false) || tg->pc.p[k].cls != DP_TOK_WORD ||
		(tg->pc.p[k].w->common && !word_val(tg, &tg->pc.p[k], DP_V_HINT)))
		return 0;
	j = k + 1;
	while (j < tg->pc.n && tg->pc.p[j].tok == tg->pc.p[j - 1].tok)
		j++;
	emit(tg, i, j - i, -1, surface_name(tg, &tg->pc.p[i], &tg->pc.p[j - 1]), DP_KIND_PER,
		 actor_before(tg, i), DP_M_NAME, 0.6f);
	return j - i;
}

/*
 * What follows an organisation named as a body of another (org-genitive):
 * au, aux, en, à and a dictionary place (au Burundi, en Somalie), or aux,
 * au and a lower-case noun with its de complement (aux droits de
 * l'homme).  Returns its length in pieces, 0 if none.
 */
static size_t
org_place(Tagger *tg, size_t k)
{
	const DpPiece *p,
			   *q;
	int32_t		e = -1;
	size_t		m;

	if (k + 1 >= tg->pc.n)
		return 0;
	p = &tg->pc.p[k];
	q = &tg->pc.p[k + 1];
	if (p->cap || !(key_is(p, "au") || key_is(p, "aux") || key_is(p, "en") || key_is(p, "a")) ||
		q->tok == p->tok)
		return 0;
	if (q->cap)
	{
		m = alias_may_start(tg, k + 1) ? dict_match(tg, k + 1, &e) : 0;
		if (m == 0 || !(tg->d->entities[e].kind == DP_KIND_GPE || tg->d->entities[e].kind == DP_KIND_LOC))
			return 0;
		m += 1;
		/* nor does it end inside a word */
		while (k + m < tg->pc.n && tg->pc.p[k + m].tok == tg->pc.p[k + m - 1].tok)
			m++;
		return m;
	}
	if ((key_is(p, "au") || key_is(p, "aux")) && q->cls == DP_TOK_WORD && q->w->common &&
		!word_val(tg, q, DP_V_PARTICLE) && (m = of_common_noun(tg, k + 2, 2)) > 0)
		return m - k;
	return 0;
}

/*
 * May a capitalised organisation head word at piece i that goes on with no
 * name stand alone as the institution's name (lone-head)?  A legislature's
 * head (Parlement, Assemblée, Sénat, Chambre), which names the one
 * legislature of the state the article is about as Kremlin names its
 * presidency, right after a definite article, inside a sentence, before no
 * capital nor de: adopté par l'Assemblée, examiné au Parlement.  Other
 * heads alone (le Conseil, la Cour, le Mouvement, l'Église) refer back to a
 * name given in full before and stay no name.
 */
static bool
lone_head(Tagger *tg, size_t i, const DpVal *head)
{
	const DpPiece *b;

	if (!dp_rule_on(DP_RULE_LONE_HEAD) || DP_HEAD_KIND(head->sub) != DP_KIND_ORG || i == 0 ||
		tg->pc.p[i].initial || tg->pc.p[i].cls != DP_TOK_WORD)
		return false;
	if (!(key_is(&tg->pc.p[i], "parlement") || key_is(&tg->pc.p[i], "assemblee") ||
		  key_is(&tg->pc.p[i], "senat") || key_is(&tg->pc.p[i], "chambre")))
		return false;
	b = &tg->pc.p[i - 1];
	if (b->cap || !(key_is(b, "le") || key_is(b, "la") || key_is(b, "l'") || key_is(b, "au") ||
					key_is(b, "du")))
		return false;
	if (i + 1 < tg->pc.n && (tg->pc.p[i + 1].cap || tg->pc.p[i + 1].tok == tg->pc.p[i].tok ||
							 of_at(tg, i + 1) > 0 || key_is(&tg->pc.p[i + 1], "des")))
		return false;
	return !title_case(tg);
}

/*
 * The kind of [i, j), one hyphenated word of two to four parts, when every
 * part is capitalised and the first is no first name (hyphen-place): an
 * organisation with a part in capitals of two letters or more (Smer-DS), a
 * place otherwise (Ordino-Arcalis); -1 when it is not so shaped.
 */
static int
hyphen_word_kind(const Tagger *tg, size_t i, size_t j)
{
	bool		caps = false;

	if (j - i < 2 || j - i > 4 || first_name(tg, &tg->pc.p[i]))
		return -1;
	for (size_t k = i; k < j; k++)
	{
		const DpPiece *q = &tg->pc.p[k];
		bool		upper = q->len >= 2;

		if (!q->cap || q->cls != DP_TOK_WORD || q->tok != tg->pc.p[i].tok)
			return -1;
		for (size_t b = 0; b < q->len && upper; b++)
			if (!(tg->text[q->off + b] >= 'A' && tg->text[q->off + b] <= 'Z'))
				upper = false;
		caps |= upper;
	}
	return caps ? DP_KIND_ORG : DP_KIND_GPE;
}

/*
 * May the capitalised common word at piece i open a person's name
 * (common-forename)?  Inside a sentence, after no article, determiner or
 * capitalised word, a word of its own that is no head, particle or place
 * word, right before a word of its own that is a name word (no common
 * word, or a known surname) and no dictionary name, with no capitalised
 * word after it: Ban Ki-moon, Nicola Adams, Gord Brown; not la Tour Eiffel.
 * The caller keeps the name only if it reads as a person.
 */
static bool
common_forename(Tagger *tg, size_t i)
{
	static const char *const det[] = {"le", "la", "les", "l'", "un", "une", "des", "du", "au", "aux",
	"ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "notre", "votre", "mon", "ma", "mes"};
	const DpPiece *p = &tg->pc.p[i];
	const DpPiece *b,
			   *q;
	const DpVal *h;
	int32_t		e = -1;
	size_t		k;

	if (!dp_rule_on(DP_RULE_COMMON_FORENAME) || p->initial || p->cls != DP_TOK_WORD || i == 0 ||
		i + 1 >= tg->pc.n || tg->pc.p[i + 1].tok == p->tok)
		return false;
	b = &tg->pc.p[i - 1];
	q = &tg->pc.p[i + 1];
	if (b->cap || !q->cap || q->cls != DP_TOK_WORD || word_val(tg, p, DP_V_HEAD) ||
		word_val(tg, p, DP_V_PARTICLE) || place_word(p))
		return false;
	for (size_t d = 0; d < sizeof(det) / sizeof(det[0]); d++)
		if (key_is(b, det[d]))
			return false;
	h = word_val(tg, q, DP_V_HINT);
	/* (a first name after it is no surname: Monsieur Henri, Que Marianne) */
	if ((q->w->common && !(h && h->sub == DP_HINT_SURNAME)) || (h && h->sub != DP_HINT_SURNAME) ||
		compass_word(p) ||
		word_val(tg, q, DP_V_DEMONYM) || word_val(tg, q, DP_V_ROLE) || word_val(tg, q, DP_V_HEAD) ||
		(alias_may_start(tg, i + 1) && dict_match(tg, i + 1, &e) > 0))
		return false;
	/* the name is two words: nothing capitalised after the second */
	k = i + 2;
	while (k < tg->pc.n && tg->pc.p[k].tok == q->tok)
		k++;
	if (k < tg->pc.n && tg->pc.p[k].cap)
		return false;
	return !title_case(tg);
}

/*
 * Is the unknown acronym at piece i no organisation's name by what stands
 * around it (acronym-number)?  Followed by a number, it is a designation,
 * an edition or a formula: WTS 2016, KSN 2011a, CO 2.  (An acronym glossed
 * in parentheses after lower-case words was tried as no name too: WiNER
 * writes organisations so, service national de renseignement (SNR), as
 * often as common nouns, impôt de solidarité sur la fortune (ISF).)
 */
static bool
acronym_not_name(Tagger *tg, size_t i)
{
	const DpPiece *p = &tg->pc.p[i];

	if (dp_rule_on(DP_RULE_ACRONYM_NUMBER) && i + 1 < tg->pc.n && tg->pc.p[i + 1].len > 0 &&
		tg->text[tg->pc.p[i + 1].off] >= '0' && tg->text[tg->pc.p[i + 1].off] <= '9' &&
		tg->pc.p[i + 1].off <= (size_t) p->off + p->len + 1)
		return true;
	return false;
}

/*
 * Is [i, j) capitalised words, none in capitals, then a Roman numeral of
 * its own (Mwambutsa IV, Jean-Paul II): a monarch's or a pope's name?
 */
static bool
regnal_name(const Tagger *tg, size_t i, size_t j)
{
	const DpPiece *z = &tg->pc.p[j - 1];

	if (j - i < 2 || z->cls != DP_TOK_ACRONYM || z->tok == tg->pc.p[j - 2].tok || z->len > 5)
		return false;
	for (size_t k = i; k + 1 < j; k++)
		if (tg->pc.p[k].cls != DP_TOK_WORD || (tg->pc.p[k].tflags & DP_TF_ALLCAP))
			return false;
	for (size_t b = 0; b < z->len; b++)
		if (tg->text[z->off + b] != 'I' && tg->text[z->off + b] != 'V' && tg->text[z->off + b] != 'X')
			return false;
	return true;
}

/*
 * elided-article-org: is the lone word at piece i right after l' with no
 * locative before it (l'Unédic prévoit, selon l'Insee; not dans l'Hérault,
 * vers l'Euphrate)?  Places outside the dictionary seldom take the
 * article; organisations' names often do.
 */
static bool
elided_article_org(const Tagger *tg, size_t i)
{
	const DpPiece *b;

	if (i == 0 || !dp_rule_on(DP_RULE_ELIDED_ARTICLE_ORG))
		return false;
	b = &tg->pc.p[i - 1];
	if (b->cls != DP_TOK_ELISION || !key_is(b, "l'") || b->cap)
		return false;
	if (i >= 2)
	{
		const DpPiece *c = &tg->pc.p[i - 2];

		if (key_is(c, "a") || key_is(c, "dans") || key_is(c, "vers") || key_is(c, "sur") ||
			key_is(c, "depuis") || key_is(c, "sous") || key_is(c, "jusqu'") || key_is(c, "en"))
			return false;
	}
	return true;
}

/* An unknown name starting at piece i: returns its length in pieces. */
static size_t
unknown_name(Tagger *tg, size_t i)
{
	const DpPiece *p = &tg->pc.p[i];
	const DpVal *head = NULL;
	size_t		headlen = 1;	/* pieces of the head word */
	size_t		j;
	size_t		np;
	int			kind;
	int			cued;
	int			method = DP_M_NAME;
	int16_t		actor = -1;
	float		conf;
	int32_t		dummy;
	size_t		known = 0;		/* the dictionary match that ended the name */
	int32_t		known_entity = -1;
	int			tail;
	size_t		pend = 0;		/* end of a place-shaped compound at i */
	bool		placey;
	bool		through_place = false;	/* a dictionary place inside */
	int			article = 0;	/* see particle_start() */
	size_t		adjectives = 0;	/* lower-case adjectives after the head */
	bool		forename = false;	/* opened by common_forename() */

	if (tg->shouting || (!p->cap && !((p->tflags & DP_TF_HYPHEN) && arabic_article(tg, i))))
		return 0;
	if (p->cls == DP_TOK_INITIALS)
		return initials_name(tg, i);
	/* a name starts at the start of a token: Zorbec-les-Bains is not cut */
	if (i > 0 && tg->pc.p[i - 1].tok == p->tok)
		return 0;
	if (p->cls == DP_TOK_WORD && head == NULL && (p->tflags & DP_TF_HYPHEN) && dp_rule_on(DP_RULE_ORG_GENITIVE))
	{
		/* a hyphenated head word, the whole word: Haut-Commissariat */
		const DpVal *hv = NULL;
		size_t		hn = phrase_at(tg, i, DP_V_HEAD, &hv);

		if (hn > 1 && hv != NULL && !(hv->sub & DP_HEAD_LOWER) &&
			(i + hn >= tg->pc.n || tg->pc.p[i + hn].tok != p->tok))
		{
			head = hv;
			headlen = hn;
		}
	}
	/* (acronym-head: a club's acronym opens its name as a head word does,
	 * AS Monaco, FC Nantes) */
	if ((p->cls == DP_TOK_WORD || (p->cls == DP_TOK_ACRONYM && dp_rule_on(DP_RULE_ACRONYM_HEAD))) &&
		(head != NULL || (head = word_val(tg, p, DP_V_HEAD)) != NULL) &&
		(!p->initial || (DP_HEAD_KIND(head->sub) == DP_KIND_EVENT && event_place(tg, i + 1) > 0)))
		;
	else if (!namelike(tg, p, true))
	{
		int16_t		a = -1;

		/* the surname, or the first word, of a person named in full
		 * before: Valls, Phumtham */
		if ((i + 1 >= tg->pc.n || tg->pc.p[i + 1].tok != p->tok) &&
			!(i > 0 && tg->pc.p[i - 1].cap && word_val(tg, &tg->pc.p[i - 1], DP_V_PARTICLE)) &&
			(known_surname(tg, p) || known_first_word(tg, p)) &&
			!(i + 1 < tg->pc.n && namelike(tg, &tg->pc.p[i + 1], false)) &&
			!title_case(tg))
		{
			emit(tg, i, 1, -1, surface_name(tg, p, p), DP_KIND_PER, -1, DP_M_NAME, 0.5f);
			return 1;
		}

		/* after a role title a capitalised common word may be a first
		 * name: le négociateur ukrainien Taras Melnychenko; not an article
		 * opening a place after a locative (le président parle à La
		 * Ciotat) */
		if (!(p->cls == DP_TOK_WORD && !p->initial && i + 1 < tg->pc.n &&
			  namelike(tg, &tg->pc.p[i + 1], false) && title_before(tg, i, &a) && !title_case(tg) &&
			  particle_start(tg, i) != 2) &&
			(p->initial ? !((i + 1 < tg->pc.n && tg->pc.p[i + 1].cap && stem_only_common_start(tg, i)) ||
							(article = particle_start(tg, i)) == 1) :
			 (!stem_only_common_start(tg, i) && !word_before_place(tg, i) &&
			  !(article = particle_start(tg, i)))) &&
			!((p->tflags & DP_TF_HYPHEN) && (place_compound(tg, i, &pend) || arabic_article(tg, i))) &&
			!(forename = common_forename(tg, i)))
			return 0;
	}
	j = i + 1;
	while (j < tg->pc.n && j - i < MAX_NAME_PIECES)
	{
		const DpPiece *q = &tg->pc.p[j];

		/* a surname opening with a capitalised article, right after a
		 * first name: Bruno Le Maire, Jean-Marie Le Pen, Jean Le Cam (the word
		 * after the article may be a common word: maire) */
		if (tg->pc.p[j - 1].tok == p->tok && q->cap && !q->initial && q->cls == DP_TOK_WORD && q->tok != p->tok &&
			(key_is(q, "le") || key_is(q, "la")) && j + 1 < tg->pc.n && first_name(tg, p) &&
			tg->pc.p[j + 1].cap && tg->pc.p[j + 1].cls == DP_TOK_WORD && tg->pc.p[j + 1].tok != q->tok)
		{
			j += 2;
			continue;
		}
		if (namelike(tg, q, false))
		{
			size_t		m = dict_match(tg, j, &dummy);

			if (m == 0 || (head && (tg->d->entities[dummy].kind == DP_KIND_GPE ||
									tg->d->entities[dummy].kind == DP_KIND_LOC)))
			{
				j++;
				continue;
			}
			/* an unknown word before a place: a team or a company (Fenix
			 * Toulouse, Air Méditerranée) */
			if ((tg->d->entities[dummy].kind == DP_KIND_GPE ||
							tg->d->entities[dummy].kind == DP_KIND_LOC) &&
				!first_name(tg, p) && tg->pc.p[j - 1].tok != q->tok)
			{
				through_place = true;
				j += m;
				continue;
			}
			known = m;
			known_entity = dummy;
			break;
		}
		/* an organisation's lower-case adjectives: Front national,
		 * Armée syrienne libre, Forces démocratiques syriennes */
		if (head && DP_HEAD_KIND(head->sub) != DP_KIND_EVENT && !q->cap && q->cls == DP_TOK_WORD &&
			j - i <= 3 && name_adjective(tg, q))
		{
			j++;
			adjectives++;
			continue;
		}
		/* and after them "de" and a lower-case noun: Bureau international
		 * du travail, Fédération internationale de natation, Direction
		 * générale des finances publiques, Conseil national de la sécurité
		 * des transports (three such complements at most) */
		if (adjectives > 0 && !q->cap && !tg->pc.p[j - 1].cap)
		{
			size_t		e = of_common_noun(tg, j, 3);

			if (e > 0)
			{
				j = e;
				adjectives = 0;
				break;
			}
		}
		/*
		 * head-complement: right after an organisation's capitalised head,
		 * de and a lower-case noun with its complements, anchored by a
		 * known organisation or a place after de (Parti des travailleurs
		 * du Kurdistan, Fédération de football du Burundi, Conseil de paix
		 * et de sécurité de l'UA); without one, no name (le Parquet de la
		 * ville, la Ligue de handball)
		 */
		if (head && DP_HEAD_KIND(head->sub) == DP_KIND_ORG && j == i + headlen && !q->cap &&
			!(head->sub & DP_HEAD_LOWER) && dp_rule_on(DP_RULE_HEAD_COMPLEMENT))
		{
			size_t		e = of_common_noun(tg, j, 3);
			size_t		jj = e;
			size_t		o;
			size_t		m;

			/* coordinated: Conseil de paix et de sécurité */
			if (e > 0 && jj + 1 < tg->pc.n && key_is(&tg->pc.p[jj], "et") && !tg->pc.p[jj + 1].cap &&
				(e = of_common_noun(tg, jj + 1, 2)) > 0)
				jj = e;
			/* a demonym after the noun (Institut du monde arabe) */
			if (jj > 0 && jj < tg->pc.n && !tg->pc.p[jj].cap && tg->pc.p[jj].cls == DP_TOK_WORD &&
				word_val(tg, &tg->pc.p[jj], DP_V_DEMONYM))
				jj++;
			if (jj > 0 && jj < tg->pc.n && (o = of_at(tg, jj)) > 0 && jj + o < tg->pc.n && tg->pc.p[jj + o].cap &&
				namelike(tg, &tg->pc.p[jj + o], false))
			{
				m = alias_may_start(tg, jj + o) ? dict_match(tg, jj + o, &dummy) : 0;
				if (m > 0 && tg->d->entities[dummy].kind == DP_KIND_ORG)
				{
					/* a body of a known organisation */
					j = jj + o + m;
					break;
				}
				if (m == 0 || tg->d->entities[dummy].kind == DP_KIND_GPE ||
					tg->d->entities[dummy].kind == DP_KIND_LOC)
				{
					/* a place, known or not, the whole word (Conseil
					 * d'arrondissement de Ville-Marie) */
					size_t		w = 0;

					j = jj + o + (m ? m : 1);
					while (j < tg->pc.n && (tg->pc.p[j].tok == tg->pc.p[j - 1].tok ||
											(m == 0 && w++ < 2 && namelike(tg, &tg->pc.p[j], false))))
						j++;
					break;
				}
			}
		}
		/* an event's lower-case words before its place: Jeux olympiques
		 * de Rio, Championnats mondiaux d'Amsterdam */
		if (head && DP_HEAD_KIND(head->sub) == DP_KIND_EVENT && j == i + 1 && !q->cap && q->cls == DP_TOK_WORD &&
			!word_val(tg, q, DP_V_PARTICLE))
		{
			size_t		k = j;

			while (k < tg->pc.n && k - j < 2 && !tg->pc.p[k].cap && tg->pc.p[k].cls == DP_TOK_WORD &&
				   !word_val(tg, &tg->pc.p[k], DP_V_PARTICLE))
				k++;
			if (k + 1 < tg->pc.n && !tg->pc.p[k].cap && word_val(tg, &tg->pc.p[k], DP_V_PARTICLE) &&
				namelike(tg, &tg->pc.p[k + 1], false))
			{
				j = k;
				q = &tg->pc.p[j];
			}
		}
		/* middle initials after a first name: David J. Thouless, George
		 * R. R. Martin */
		if (q->cls == DP_TOK_INITIALS && first_name(tg, p) && j == i + 1)
		{
			size_t		k = j;

			while (k < tg->pc.n && k - j < 3 && tg->pc.p[k].cls == DP_TOK_INITIALS)
				k++;
			if (k < tg->pc.n && namelike(tg, &tg->pc.p[k], false) && tg->pc.p[k].cls == DP_TOK_WORD &&
				(!tg->pc.p[k].w->common || word_val(tg, &tg->pc.p[k], DP_V_HINT)))
			{
				j = k;
				continue;
			}
		}
		/* a body of a known organisation: Mission de l'Union africaine en
		 * Somalie, Haut-Commissariat des Nations unies aux droits de l'homme */
		if (head && DP_HEAD_KIND(head->sub) == DP_KIND_ORG && !q->cap && dp_rule_on(DP_RULE_ORG_GENITIVE))
		{
			size_t		o = of_at(tg, j);
			size_t		m;

			if (o == 0 && key_is(q, "des"))
				o = 1;
			if (o > 0 && j + o < tg->pc.n && tg->pc.p[j + o].cap && alias_may_start(tg, j + o) &&
				(m = dict_match(tg, j + o, &dummy)) > 0 && tg->d->entities[dummy].kind == DP_KIND_ORG)
			{
				j += o + m;
				while (j < tg->pc.n && tg->pc.p[j].tok == tg->pc.p[j - 1].tok)
					j++;
				j += org_place(tg, j);
				break;
			}
		}
		/* name-and: and or & between capitalised words of an English or a
		 * company name (Aspin Kemp and Associates, Procter & Gamble) */
		if (j > i && dp_rule_on(DP_RULE_NAME_AND) && !q->cap && j + 1 < tg->pc.n &&
			(key_is(q, "and") || (q->len == 1 && tg->text[q->off] == '&')) &&
			tg->pc.p[j - 1].cap && namelike(tg, &tg->pc.p[j + 1], false) &&
			tg->pc.p[j + 1].cls == DP_TOK_WORD)
		{
			j++;
			continue;
		}
		/* a particle between two name words: von der Leyen, ben Salmane */
		if (!q->cap && (word_val(tg, q, DP_V_PARTICLE) || key_is(q, "d'")))
		{
			size_t		k = j + 1;

			while (k < tg->pc.n && k - j < 2 && !tg->pc.p[k].cap && word_val(tg, &tg->pc.p[k], DP_V_PARTICLE))
				k++;
			/* (not onto an acronym: a person is no "X de la NASA") */
			if (k < tg->pc.n && namelike(tg, &tg->pc.p[k], false) &&
				(head || (tg->pc.p[k].cls != DP_TOK_ACRONYM && dict_match(tg, k, &dummy) == 0)))
			{
				j = k;
				continue;
			}
		}
		break;
	}
	/* a name ends on no particle: not "Opération des" before Nations unies */
	while (j > i + 1 && !tg->pc.p[j - 1].cap && tg->pc.p[j - 1].tok != tg->pc.p[j - 2].tok &&
		   !(j < tg->pc.n && tg->pc.p[j].tok == tg->pc.p[j - 1].tok) &&
		   (word_val(tg, &tg->pc.p[j - 1], DP_V_PARTICLE) || key_is(&tg->pc.p[j - 1], "d'")))
		j--;
	/*
	 * One word before a known person: another spelling of that person's
	 * first name joins the known mention (Emanuel Macron, Sergei Lavrov);
	 * another first name makes a new person (Jill Biden is not Joe Biden).
	 */
	if (!head && j == i + 1 && known > 0)
	{
		const DpEntity *ent = &tg->d->entities[known_entity];
		const char *sp = strchr(ent->name, ' ');

		if (ent->kind == DP_KIND_PER && sp != NULL)
		{
			const DpWord *fw = dp_dict_word(tg->d, ent->name, (size_t) (sp - ent->name));
			const DpVal *hv = word_val(tg, p, DP_V_HINT);

			if (spelling_variant(p->w->key, p->w->keylen, fw->key, fw->keylen))
			{
				emit(tg, i, 1 + known, known_entity, ent->name, ent->kind, ent->actor, DP_M_DICTIONARY, 0.85f);
				return 1 + known;
			}
			if (hv && hv->sub == DP_HINT_FIRST)
				j += known;
		}
	}
	/* nor does it end inside one */
	while (j < tg->pc.n && tg->pc.p[j].tok == tg->pc.p[j - 1].tok)
		j++;
	placey = (p->tflags & DP_TF_HYPHEN) && place_compound(tg, i, &pend);
	if (placey && pend > j)
		j = pend;
	np = j - i;
	if (head && np == headlen && !lone_head(tg, i, head))
		return 0;				/* "Banque" alone */
	if (np == 1 && p->cls == DP_TOK_ACRONYM && not_name_acronym(tg->text + p->off, p->len))
		return 0;				/* XXI, UTC */
	if (np == 1 && p->cls == DP_TOK_ACRONYM && !head && acronym_not_name(tg, i))
		return 0;				/* WTS 2016 */
	/* in a title-case headline only a name with a known first name,
	 * surname or place name at either end is one */
	if (!word_val(tg, p, DP_V_HINT) && !word_val(tg, &tg->pc.p[j - 1], DP_V_HINT) && title_case(tg))
		return 0;

	if (head)
	{
		kind = DP_HEAD_KIND(head->sub);
		conf = 0.6f;
	}
	else if (article == 2)
	{
		/* à La Ciotat, au Lioran */
		kind = DP_KIND_GPE;
		conf = 0.55f;
	}
	else if (article == 3 && name_tail(&tg->pc.p[j - 1]) < 0)
	{
		/* The Independent, The Guardian */
		kind = DP_KIND_ORG;
		conf = 0.55f;
	}
	else if (article == 1)
	{
		/* De Gendt, Van Avermaet */
		kind = DP_KIND_PER;
		conf = 0.55f;
	}
	else if (through_place && !placey)
	{
		kind = DP_KIND_ORG;
		conf = 0.6f;
	}
	else if (placey && cue_before(tg, i, &actor) != DP_KIND_PER)
	{
		/* Saint-Denis, Aix-les-Bains, Bouches-du-Rhône, whatever noun
		 * comes before (parti de X is a verb and a place) */
		kind = DP_KIND_GPE;
		conf = 0.6f;
	}
	else if ((cued = cue_before(tg, i, &actor)) >= 0 &&
			 !(cued == DP_KIND_PER && all_capitals(tg, i, j)))
	{
		/* (an acronym after a title is no person: le président de la FIDH) */
		kind = cued;
		method = cued == DP_KIND_PER ? DP_M_TITLE : DP_M_NOUN;
		conf = cued == DP_KIND_PER ? 0.8f : 0.7f;
	}
	else if (has_digit(tg->text + p->off, tg->pc.p[j - 1].off + tg->pc.p[j - 1].len - p->off))
	{
		/* a designation: F-16, T-72, S-400, MiG-29 */
		kind = DP_KIND_PRODUCT;
		conf = 0.6f;
	}
	else
	{
		const DpVal *h = word_val(tg, p, DP_V_HINT);
		const DpVal *hl = word_val(tg, &tg->pc.p[j - 1], DP_V_HINT);

		if (np >= 2 && (tail = name_tail(&tg->pc.p[j - 1])) >= 0)
		{
			/* World Triathlon Corporation, Norris Geyser Basin, Charlie Hebdo */
			kind = tail;
			conf = 0.55f;
		}
		else if (np >= 2 && arabic_article(tg, i) && tg->pc.p[j - 1].tok == p->tok)
		{
			/* al-Bab, Al-Anbar: a town more often than anything else */
			kind = DP_KIND_GPE;
			conf = 0.5f;
		}
		else if (np >= 2 && h && h->sub == DP_HINT_FIRST)
		{
			kind = DP_KIND_PER;
			conf = 0.75f;
		}
		else if (np >= 2 && has_elided_de(tg, i, j))
		{
			/* Valence d'Agen, Reggio d'Émilie: no first name before d' */
			kind = DP_KIND_GPE;
			conf = 0.5f;
		}
		else if (np >= 2 && place_part(tg, i, j))
		{
			/* Charente-Maritime, Rhône-Alpes, Boulogne-Billancourt */
			kind = DP_KIND_GPE;
			conf = 0.55f;
		}
		else if (hl && hl->sub == DP_HINT_SURNAME)
		{
			kind = DP_KIND_PER;
			conf = 0.6f;
		}
		else if (np == 1 && p->cls == DP_TOK_ACRONYM)
		{
			kind = DP_KIND_ORG;
			method = DP_M_ACRONYM;
			conf = 0.5f;
		}
		else if (np == 1 && p->cls == DP_TOK_WORD && (!h || h->sub == DP_HINT_PLACE) && !p->initial &&
				 elided_article_org(tg, i))
		{
			/* l'Unédic, l'Insee */
			kind = DP_KIND_ORG;
			conf = 0.45f;
		}
		else if (np == 1 && h && h->sub == DP_HINT_PLACE)
		{
			kind = DP_KIND_GPE;
			conf = 0.5f;
		}
		else if (np == 1 && h && h->sub == DP_HINT_FIRST && !after_locative(tg, i))
		{
			/* a lone known first name is a person (Alistair, Thierry);
			 * opening a sentence it may be a word (Grâce à...): kept
			 * only if named elsewhere */
			kind = DP_KIND_PER;
			conf = p->initial ? 0.0f : 0.45f;
		}
		else if (np >= 2 && dp_rule_on(DP_RULE_REGNAL_NUMBER) && regnal_name(tg, i, j))
		{
			/* Mwambutsa IV: a monarch */
			kind = DP_KIND_PER;
			conf = 0.6f;
		}
		else if (np >= 2 && all_capitals(tg, i, j))
		{
			/* CNDD-FDD, Smer-DS */
			kind = DP_KIND_ORG;
			method = DP_M_ACRONYM;
			conf = 0.5f;
		}
		else if (np >= 2 && tg->pc.p[j - 1].tok == p->tok && dp_rule_on(DP_RULE_HYPHEN_PLACE) &&
				 hyphen_word_kind(tg, i, j) >= 0)
		{
			/* Ordino-Arcalis: a place; Smer-DS: an organisation */
			kind = hyphen_word_kind(tg, i, j);
			conf = 0.5f;
		}
		else if (np >= 2 && any_acronym(tg, i, j))
		{
			/* an acronym in a name makes no person: NASA-NSF Exoplanet,
			 * Orbital ATK */
			kind = DP_KIND_ORG;
			conf = 0.5f;
		}
		else if (np >= 2)
		{
			kind = DP_KIND_PER;
			conf = 0.55f;
		}
		else
		{
			if (after_locative(tg, i))
				kind = DP_KIND_GPE;
			else
				kind = DP_KIND_ORG;
			/*
			 * A lone unknown word opening a sentence, or one that nothing
			 * calls a place (an ORG by default, right about one time in
			 * six), is kept only if the document names it elsewhere with
			 * some confidence (the short form of a full name, a name after
			 * a cue).
			 */
			conf = (p->initial || kind == DP_KIND_ORG) ? 0.0f : 0.4f;
		}
	}
	/* Ban Ki-moon: kept only as a person */
	if (forename && kind != DP_KIND_PER)
		return 0;
	if (kind != DP_KIND_GPE && kind != DP_KIND_LOC && kind != DP_KIND_PRODUCT && actor < 0)
		actor = actor_before(tg, i);
	if (kind == DP_KIND_PER && actor < 0)
		actor = actor_after(tg, j);
	emit(tg, i, np, -1, surface_name(tg, p, &tg->pc.p[j - 1]), kind, actor, method, conf);
	return np;
}

/* Is piece i an organisation's head word (Union, Sénat) followed by a
 * lower-case adjective of a name (calédonienne, italien)? */
static bool
head_then_adjective(Tagger *tg, size_t i)
{
	const DpVal *h = word_val(tg, &tg->pc.p[i], DP_V_HEAD);
	const DpPiece *q;

	if (h == NULL || DP_HEAD_KIND(h->sub) != DP_KIND_ORG || i + 1 >= tg->pc.n)
		return false;
	q = &tg->pc.p[i + 1];
	return !q->cap && q->cls == DP_TOK_WORD && q->tok != tg->pc.p[i].tok && name_adjective(tg, q);
}

/*
 * Can a dictionary alias start at piece i?  dict_match()'s first two steps,
 * inline: most words that open some alias ("de", "le", "l'") are followed
 * by one that continues none, which the trie node's Bloom bits tell.
 */
static inline bool
alias_may_start(const Tagger *tg, size_t i)
{
	const DpPiece *p = &tg->pc.p[i];
	const DpPiece *q;
	const DpTrie *words = tg->d->words;
	uint32_t	node;

	/* the word's bit first (every piece has its word): it fails most
	 * pieces in one branch, where matchable() first took three */
	if (!(p->w->wbelow & (1u << DP_V_ALIAS)) || !matchable(p))
		return false;
	if (p->w->where & (1u << DP_V_ALIAS))
		return true;			/* a one-word alias */
	if (i + 1 >= tg->pc.n)
		return false;
	q = &tg->pc.p[i + 1];
	node = p->w->wnode;
	return matchable(q) && dp_trie_has_children(words, node) &&
		(words->nodes[node].bloom & (UINT64_C(1) << (q->w->khash >> 58))) != 0;
}

/* Is piece k de, du or d' (de la, de l': two pieces)?  Returns the number
 * of pieces, 0 if not. */
static size_t
of_at(const Tagger *tg, size_t k)
{
	const DpPiece *p;

	if (k >= tg->pc.n)
		return 0;
	p = &tg->pc.p[k];
	if (key_is(p, "du") || key_is(p, "d'"))
		return 1;
	if (!key_is(p, "de"))
		return 0;
	if (k + 1 < tg->pc.n && (key_is(&tg->pc.p[k + 1], "la") || key_is(&tg->pc.p[k + 1], "l'")))
		return 2;
	return 1;
}

/* Words that make a place of the place before them: Pacifique Sud,
 * Oklahoma City. */
static bool
compass_word(const DpPiece *p)
{
	static const char *const w[] = {"nord", "sud", "est", "ouest", "north", "south", "east", "west",
		"central", "centrale", "occidental", "occidentale", "oriental", "orientale", "city",
	"beach", "island", "islands", "county", "bay", "valley"};

	for (size_t k = 0; k < sizeof(w) / sizeof(w[0]); k++)
		if (key_is(p, w[k]))
			return true;
	return false;
}

/*
 * A dictionary place of np pieces at i that capitalised words go on from
 * is part of a longer name: the rest of its hyphenated word (Alpes-Maritimes,
 * a place), a point of the compass (Pacifique Sud, a place), a surname
 * after a place that is also a first name (Nancy Reagan, a person), else a
 * team, a company or a party (Paris Saint-Germain, Milan AC); a place
 * keeps the place's actor.  Emits the name and sets tg->run_np; false when
 * no such word follows.
 */
static bool
place_run(Tagger *tg, size_t i, size_t np, int16_t actor)
{
	size_t		k = i + np,
				o;
	size_t		words = 0;		/* words after the place, outside its token */
	bool		intoken = false,
				compass = true;
	int			kind;
	int32_t		dummy;
	const DpPiece *a = &tg->pc.p[i];

	/* a point of the compass after de: Afrique de l'Ouest, Europe du Nord */
	if (k + 1 < tg->pc.n && !tg->pc.p[k].cap && (o = of_at(tg, k)) > 0 && k + o < tg->pc.n &&
		tg->pc.p[k + o].cap && compass_word(&tg->pc.p[k + o]) &&
		(k + o + 1 >= tg->pc.n || tg->pc.p[k + o + 1].tok != tg->pc.p[k + o].tok))
	{
		emit(tg, i, k + o + 1 - i, -1, surface_name(tg, a, &tg->pc.p[k + o]),
			 actor >= 0 ? DP_KIND_GPE : DP_KIND_LOC, actor, DP_M_NAME, 0.6f);
		tg->run_np = k + o + 1 - i;
		return true;
	}
	/* most places are followed by no capitalised word: out at once */
	if (k >= tg->pc.n || (!tg->pc.p[k].cap && tg->pc.p[k].tok != tg->pc.p[k - 1].tok) ||
		tg->shouting || title_case(tg))
		return false;
	while (k < tg->pc.n && k - i < np + 4)
	{
		const DpPiece *q = &tg->pc.p[k];
		bool		same = q->tok == tg->pc.p[k - 1].tok;

		if (alias_may_start(tg, k) && dict_match(tg, k, &dummy) > 0)
			break;
		if (same && (q->cap || place_joiner(q)) && q->cls == DP_TOK_WORD)
			intoken = true;
		else if (!same && namelike(tg, q, false) && !word_val(tg, q, DP_V_HEAD) &&
				 !word_val(tg, q, DP_V_PARTICLE) && !first_name(tg, q))
		{
			words++;
			compass &= compass_word(q);
		}
		else
			break;
		k++;
	}
	/* the name neither ends inside a word nor on a joiner */
	if (k == i + np || (k < tg->pc.n && tg->pc.p[k].tok == tg->pc.p[k - 1].tok) ||
		!tg->pc.p[k - 1].cap)
		return false;
	/* a place's own hyphenated word cut by another name: Paris-Berlin */
	if (tg->pc.p[i + np].tok == tg->pc.p[i + np - 1].tok && !intoken)
		return false;
	if (words == 0 || compass)
		kind = DP_KIND_GPE;
	else if (words == 1 && np == 1 && !intoken && first_name(tg, a))
		kind = DP_KIND_PER;
	else
		kind = DP_KIND_ORG;
	/* a part of a state's place is the state's (Inde du Sud, Corse-du-Sud) */
	emit(tg, i, k - i, -1, surface_name(tg, a, &tg->pc.p[k - 1]), kind, kind == DP_KIND_GPE ? actor : -1,
		 DP_M_NAME, 0.6f);
	tg->run_np = k - i;
	return true;
}

/*
 * A dictionary organisation of np pieces at i that one capitalised name
 * word goes on from is part of a longer organisation's name: its branch,
 * linked to it (Kyodo News, Sanofi Pasteur, PSG Handball); the rest of its
 * hyphenated word makes an organisation of its own (CGT-Energie).  Not a
 * first name (la CIA William Burns), a dictionary name, a head word or a
 * particle, nor a word before another name word (l'ONU Ban Ki-moon: a
 * person).  Emits the name and sets tg->run_np; false when no such word
 * follows.
 */
static bool
org_run(Tagger *tg, size_t i, size_t np, int32_t e)
{
	size_t		k = i + np;
	int32_t		dummy;
	const DpPiece *q;
	bool		intoken;

	/* most organisations are followed by no capitalised word: out at once */
	if (k >= tg->pc.n || !tg->pc.p[k].cap || tg->shouting || title_case(tg))
		return false;
	q = &tg->pc.p[k];
	intoken = q->tok == tg->pc.p[k - 1].tok;

	if (!(q->cls == DP_TOK_WORD || q->cls == DP_TOK_ACRONYM) ||
		(!intoken && (!namelike(tg, q, false) || first_name(tg, q) || word_val(tg, q, DP_V_HEAD) ||
					  word_val(tg, q, DP_V_PARTICLE) || (alias_may_start(tg, k) && dict_match(tg, k, &dummy) > 0))))
		return false;
	k++;
	/* nor does it end inside a word */
	while (k < tg->pc.n && tg->pc.p[k].tok == tg->pc.p[k - 1].tok)
		k++;
	/* one word: two make a person's name (l'ONU Ban Ki-moon) */
	if (!intoken && k < tg->pc.n && tg->pc.p[k].cap && namelike(tg, &tg->pc.p[k], false))
		return false;
	if (intoken)
		/* a hyphenated compound is an organisation of its own: CGT-Energie */
		emit(tg, i, k - i, -1, surface_name(tg, &tg->pc.p[i], &tg->pc.p[k - 1]), DP_KIND_ORG, -1,
			 DP_M_NAME, 0.6f);
	else
		emit(tg, i, k - i, e, tg->d->entities[e].name, DP_KIND_ORG, tg->d->entities[e].actor,
			 DP_M_DICTIONARY, 0.85f);
	tg->run_np = k - i;
	return true;
}

/*
 * A sports event named with a lower-case head word (lower_name():
 * championnat, championnats, coupe) and its place, as French writes it:
 * championnats d'Europe, coupe de France.
 * Emits it (EVENT) and returns its length in pieces, 0 if none.
 */
static size_t
lower_event(Tagger *tg, size_t i)
{
	const DpPiece *p = &tg->pc.p[i];
	size_t		m;

	if (p->cls != DP_TOK_WORD || i + 2 >= tg->pc.n || !tg->pc.p[i + 2].cap ||
		(m = event_place(tg, i + 1)) == 0)
		return 0;
	emit(tg, i, 1 + m, -1, surface_name(tg, p, &tg->pc.p[i + m]), DP_KIND_EVENT, -1, DP_M_NOUN, 0.6f);
	return 1 + m;
}

/*
 * A street or a square, written with a lower-case head word as French
 * does (lower_name(): rue, place, avenue, boulevard, quai, square): place
 * de la République, rue de la Loi, boulevard Wilson.  Emits it
 * (LOC) and returns its length in pieces, 0 if none.
 */
static size_t
street_name(Tagger *tg, size_t i)
{
	const DpPiece *p = &tg->pc.p[i];
	size_t		k = i + 1,
				o,
				m = 0;
	int32_t		e = -1;

	if (k >= tg->pc.n || p->cls != DP_TOK_WORD)
		return 0;
	if ((o = of_at(tg, k)) > 0 || (k < tg->pc.n && (key_is(&tg->pc.p[k], "des"))))
		k += o > 0 ? o : 1;
	if (k >= tg->pc.n || !tg->pc.p[k].cap || tg->pc.p[k].initial || tg->shouting || title_case(tg))
		return 0;
	m = alias_may_start(tg, k) ? dict_match(tg, k, &e) : 0;
	if (m == 0)
	{
		/* capitalised words, whatever they are: place de la Bastille */
		while (k + m < tg->pc.n && tg->pc.p[k + m].cap && tg->pc.p[k + m].cls == DP_TOK_WORD && m < 4)
			m++;
	}
	if (m == 0)
		return 0;
	/* nor does it end inside a word */
	while (k + m < tg->pc.n && tg->pc.p[k + m].tok == tg->pc.p[k + m - 1].tok)
		m++;
	emit(tg, i, k + m - i, -1, surface_name(tg, p, &tg->pc.p[k + m - 1]), DP_KIND_LOC, -1, DP_M_NOUN, 0.6f);
	return k + m - i;
}

/*
 * An institution named with a lower-case head word, as French writes it
 * (a name_head row in lower case: université, diocèse, comité) and a
 * complement that is a proper name (a dictionary name or a word that is no
 * common word), after de/du/des/d' or straight after the head: université
 * de Kyoto, diocèse de Hearst, université Harvard, comité Nobel.  A
 * capitalised common noun as complement names a function that every state
 * has (ministère de l'Intérieur, of whichever state the article is about),
 * and the head with only a demonym or an adjective (armée syrienne,
 * gouvernement ukrainien) is a common noun, as "le président russe" is:
 * neither is a name.  Emits the name (the head's kind; the actor of a
 * demonym right after it) and returns its length in pieces, 0 if none.
 */
static size_t
lower_org(Tagger *tg, size_t i)
{
	const DpPiece *p = &tg->pc.p[i];
	const DpVal *v;
	uint32_t	nv;
	int			kind = -1;
	size_t		k = i + 1,
				o,
				m = 0;
	int32_t		e = -1;
	int16_t		actor = -1;
	const DpVal *dv;

	/* most head words (guerre, plan, service) go on in lower case: the
	 * capitalised word after the head or after its de is looked at first,
	 * the head's values only then */
	if (p->cls != DP_TOK_WORD || k >= tg->pc.n)
		return 0;
	if (!tg->pc.p[k].cap)
	{
		if ((o = of_at(tg, k)) == 0 && key_is(&tg->pc.p[k], "des"))
			o = 1;
		if (o == 0 || k + o >= tg->pc.n || !tg->pc.p[k + o].cap)
			return 0;
	}
	else
		o = 0;
	v = dp_trie_values(tg->d->words, p->w->wnode, &nv);
	for (uint32_t x = 0; x < nv; x++)
		if (v[x].type == DP_V_HEAD && (v[x].sub & DP_HEAD_LOWER))
			kind = DP_HEAD_KIND(v[x].sub);
	/* an event's head takes its name straight after it: prix Nobel, not
	 * le prix de Moscou */
	if (kind < 0 || (kind == DP_KIND_EVENT && o > 0))
		return 0;
	k += o;
	{
		const DpPiece *q = &tg->pc.p[k];

		if (!q->cap || q->initial || !(q->cls == DP_TOK_WORD || q->cls == DP_TOK_ACRONYM) ||
			word_val(tg, q, DP_V_DEMONYM) || word_val(tg, q, DP_V_ROLE) ||
			tg->shouting || title_case(tg))
			return 0;
	}
	m = alias_may_start(tg, k) ? dict_match(tg, k, &e) : 0;
	/* the complement is a proper name, not a capitalised common noun: a
	 * portfolio (ministère de la Défense, of whichever state) is no name */
	if (m == 0 && tg->pc.p[k].w->common && !word_val(tg, &tg->pc.p[k], DP_V_HINT))
		return 0;
	if (m == 0)
	{
		/* capitalised words: observatoire de Kitt Peak */
		while (k + m < tg->pc.n && m < 4)
		{
			const DpPiece *r = &tg->pc.p[k + m];

			if (r->cap && (r->cls == DP_TOK_WORD || r->cls == DP_TOK_ACRONYM) &&
				!word_val(tg, r, DP_V_DEMONYM))
				m++;
			else
				break;
		}
	}
	if (m == 0)
		return 0;
	/* nor does it end inside a word */
	while (k + m < tg->pc.n && tg->pc.p[k + m].tok == tg->pc.p[k + m - 1].tok)
		m++;
	if (k + m < tg->pc.n && (dv = word_val(tg, &tg->pc.p[k + m], DP_V_DEMONYM)) != NULL)
		actor = (int16_t) dv->id;
	emit(tg, i, k + m - i, -1, surface_name(tg, p, &tg->pc.p[k + m - 1]), kind, actor, DP_M_NOUN, 0.6f);
	return k + m - i;
}

/*
 * A name with a lower-case head at piece i: an event, a street.  The head
 * is told by its length and bytes, without the word's key: this runs for
 * many lower-case words.
 */
#define LOWER_LENS ((1u << 3) | (1u << 4) | (1u << 5) | (1u << 6) | (1u << 9) | (1u << 11) | (1u << 12))
/*
 * ... and, tested before, the lengths of their keys (bit n: n bytes, modulo
 * 16) by their first letters: a necessary condition in one table look-up
 * and one branch, which nearly every lower-case word fails (the length
 * test alone passed half of them, in a branch it mispredicted often).
 */
static const uint16_t lower_heads[32] = {
	['a' - 'a'] = 1u << 6,		/* avenue */
	['b' - 'a'] = 1u << 9,		/* boulevard */
	['c' - 'a'] = (1u << 5) | (1u << 11) | (1u << 12),	/* coupe, championnat(s) */
	['p' - 'a'] = 1u << 5,		/* place */
	['q' - 'a'] = 1u << 4,		/* quai */
	['r' - 'a'] = 1u << 3,		/* rue */
	['s' - 'a'] = 1u << 6,		/* square */
};

static inline size_t
lower_name(Tagger *tg, size_t i)
{
	const DpPiece *p = &tg->pc.p[i];
	const char *t;
	size_t		np;

	/* a head of an institution's name (a bit of the word's cache entry) */
	if ((p->w->where & (1u << DP_V_HEAD)) && (np = lower_org(tg, i)) > 0)
		return np;
#define LOWER_IS(s) (p->w->keylen == sizeof(s) - 1 && memcmp(t, s, sizeof(s) - 1) == 0)
	/* the lengths of the heads' keys by first letter, then the lengths of
	 * the heads, then their bytes (in the word's folded key, already in the
	 * cache: the text may not be) */
	if (((lower_heads[(unsigned char) (p->w->key[0] - 'a') & 31u] >> (p->w->keylen & 15u)) & 1u) == 0)
		return 0;
	if (p->len < 3 || p->len > 12 || ((1u << p->len) & LOWER_LENS) == 0)
		return 0;
	t = p->w->key;
	switch (p->len)
	{
		case 5:
			if (LOWER_IS("coupe"))
				return lower_event(tg, i);
			return LOWER_IS("place") ? street_name(tg, i) : 0;
		case 11:
		case 12:
			return LOWER_IS("championnat") || LOWER_IS("championnats") ? lower_event(tg, i) : 0;
		case 3:
		case 4:
		case 6:
		case 9:
			return LOWER_IS("rue") || LOWER_IS("quai") || LOWER_IS("avenue") || LOWER_IS("square") ||
				LOWER_IS("boulevard") ? street_name(tg, i) : 0;
		default:
			return 0;
	}
#undef LOWER_IS
}

/*
 * A capitalised word with a + glued to it and nothing word-like after the
 * + (Canal+, Disney+; the lexer drops the +) is an organisation's name, the
 * + in its span (glued-plus).  Emits it and returns 1, else 0.
 */
static size_t
glued_plus(Tagger *tg, size_t i)
{
	const DpPiece *p = &tg->pc.p[i];
	size_t		end = (size_t) p->off + p->len;
	char	   *name;
	DpMention  *mm;

	if (end >= tg->textlen || tg->text[end] != '+' || !p->cap || p->cls != DP_TOK_WORD ||
		(i + 1 < tg->pc.n && tg->pc.p[i + 1].tok == p->tok) || (i > 0 && tg->pc.p[i - 1].tok == p->tok) ||
		!dp_rule_on(DP_RULE_GLUED_PLUS) || tg->shouting)
		return 0;
	if (end + 1 < tg->textlen)
	{
		unsigned char c = (unsigned char) tg->text[end + 1];

		if (c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			c == '+' || c == '-' || c == '=')
			return 0;
	}
	name = dp_alloc(tg->m, p->len + 2);
	memcpy(name, tg->text + p->off, p->len);
	name[p->len] = '+';
	name[p->len + 1] = '\0';
	emit(tg, i, 1, -1, name, DP_KIND_ORG, -1, DP_M_NAME, 0.6f);
	mm = &tg->out->m[tg->out->n - 1];
	mm->len += 1;
	mm->clen += 1;
	return 1;
}

/* Is piece q a word an organisation's initials skip (de, la, l', et, pour,
 * and, of: Commonwealth Scientific and Industrial Research Organisation)? */
static bool
gloss_skip_word(const Tagger *tg, const DpPiece *q)
{
	static const char *const skip[] = {"et", "pour", "sur", "a", "au", "aux", "en", "les", "l",
	"d", "and", "of", "the", "for"};

	if (q->cap && q->cls == DP_TOK_WORD && !key_is(q, "and") && !key_is(q, "of"))
		return false;
	if (q->cls == DP_TOK_ELISION || word_val(tg, q, DP_V_PARTICLE))
		return true;
	for (size_t k = 0; k < sizeof(skip) / sizeof(skip[0]); k++)
		if (key_is(q, skip[k]))
			return true;
	return false;
}

/*
 * acronym-gloss: find the acronyms in parentheses of the sentence whose
 * letters are the initials of the words right before them (Bureau
 * international du travail (BIT), Confédération générale du travail (CGT)),
 * the words opening with a capital or an organisation's head word
 * (cour pénale internationale (CPI)); remembered in tg->gloss_*.
 */
static void
acronym_glosses(Tagger *tg)
{
	tg->ngloss = 0;
	if (!dp_rule_on(DP_RULE_ACRONYM_GLOSS))
		return;
	for (size_t i = 2; i + 1 < tg->pc.n && tg->ngloss < DP_GLOSS_MAX; i++)
	{
		const DpPiece *a = &tg->pc.p[i];
		const DpPiece *o = &tg->pc.p[i - 1];
		const DpPiece *c = &tg->pc.p[i + 1];
		const char *s = tg->text + a->off;
		int			idx;
		size_t		k;
		size_t		steps = 0;
		const DpVal *h;

		if (a->cls != DP_TOK_ACRONYM || a->len < 2 || a->len > 8 ||
			o->cls != DP_TOK_PUNCT || o->len != 1 || tg->text[o->off] != '(' ||
			c->cls != DP_TOK_PUNCT || c->len != 1 || tg->text[c->off] != ')')
			continue;
		for (k = 0; k < a->len; k++)
			if (s[k] < 'A' || s[k] > 'Z')
				break;
		if (k < a->len)
			continue;
		/* the initials, last letter first, from the word before "(" */
		idx = (int) a->len - 1;
		k = i - 1;
		while (k > 0 && idx >= 0 && steps++ < 4 * a->len + 4)
		{
			const DpPiece *q = &tg->pc.p[--k];

			if (!(q->cls == DP_TOK_WORD || q->cls == DP_TOK_ELISION) || q->w->keylen == 0)
				break;
			if (gloss_skip_word(tg, q))
				continue;
			if (q->w->key[0] != (char) (s[idx] - 'A' + 'a'))
				break;
			idx--;
		}
		if (idx >= 0)
			continue;
		/* k: the first initial's piece, at the start of its token */
		if (k > 0 && tg->pc.p[k - 1].tok == tg->pc.p[k].tok)
			continue;
		h = word_val(tg, &tg->pc.p[k], DP_V_HEAD);
		if (!tg->pc.p[k].cap && !(h && DP_HEAD_KIND(h->sub) == DP_KIND_ORG))
			continue;
		tg->gloss_start[tg->ngloss] = (uint32_t) k;
		tg->gloss_end[tg->ngloss] = (uint32_t) (i - 1);
		tg->gloss_acr[tg->ngloss] = (uint32_t) i;
		tg->ngloss++;
	}
}

/* Does a gloss of this sentence open at piece i (its end in *end, its
 * acronym in *acr), or is piece i a glossed acronym (*end = 0)? */
static bool
gloss_at(const Tagger *tg, size_t i, size_t *end, size_t *acr)
{
	for (size_t g = 0; g < tg->ngloss; g++)
	{
		if (tg->gloss_start[g] == i)
		{
			*end = tg->gloss_end[g];
			*acr = tg->gloss_acr[g];
			return true;
		}
		if (tg->gloss_acr[g] == i)
		{
			*end = 0;
			return true;
		}
	}
	return false;
}

static void
tag_sentence(Tagger *tg)
{
	size_t		words = tg->pc.words,
				caps = tg->pc.allcaps;

	tg->shouting = words >= 3 && caps * 10 >= words * 6;
	tg->titlecase = -1;
	tg->sent_first = tg->out->n;
	/* a line of page furniture (Partager sur Facebook, Abonnez-vous à
	 * notre newsletter) names no one */
	if (tg->pc.n > 0 && (tg->pc.p[0].off == 0 || (tg->pc.p[0].tflags & (DP_TF_NL | DP_TF_PARA))) &&
		phrase_at(tg, 0, DP_V_FURNITURE, NULL) > 0)
		return;

	acronym_glosses(tg);
	for (size_t i = 0; i < tg->pc.n;)
	{
		int32_t		e = -1;
		const DpPiece *p = &tg->pc.p[i];
		size_t		np;
		size_t		gend = 0,
					gacr = 0;

		if (tg->ngloss > 0 && gloss_at(tg, i, &gend, &gacr))
		{
			/* acronym-gloss: the glossed name, unless the dictionary
			 * knows it whole, the entity of its acronym when the
			 * dictionary knows that (cour pénale internationale (CPI));
			 * the acronym, unless the dictionary knows it */
			np = alias_may_start(tg, i) ? dict_match(tg, i, &e) : 0;
			if (gend > i && np != gend - i)
			{
				const DpVal *h = word_val(tg, p, DP_V_HEAD);
				int			kind = h && DP_HEAD_KIND(h->sub) == DP_KIND_EVENT ? DP_KIND_EVENT : DP_KIND_ORG;
				int32_t		ae = -1;

				if (gacr < tg->pc.n && alias_may_start(tg, gacr) && dict_match(tg, gacr, &ae) == 1 && ae >= 0)
				{
					const DpEntity *ent = &tg->d->entities[ae];

					emit(tg, i, gend - i, ae, ent->name, ent->kind, ent->actor, DP_M_DICTIONARY, 0.85f);
				}
				else
					emit(tg, i, gend - i, -1, surface_name(tg, p, &tg->pc.p[gend - 1]), kind,
						 actor_before(tg, i), DP_M_NAME, 0.7f);
				i = gend;
				continue;
			}
			if (gend == 0 && np == 0)
			{
				emit(tg, i, 1, -1, surface_name(tg, p, p), DP_KIND_ORG, -1, DP_M_ACRONYM, 0.7f);
				i++;
				continue;
			}
			e = -1;
		}
		if (p->cap && (np = glued_plus(tg, i)) > 0)
		{
			i += np;
			continue;
		}
		np = alias_may_start(tg, i) ? dict_match(tg, i, &e) : 0;
		if (np > 0)
		{
			const DpEntity *ent = &tg->d->entities[e];

			/*
			 * A longer alias of the same entity starting inside this one
			 * is its full name: "Cheikh Tamim ben Hamad Al Thani" is
			 * "Tamim ben Hamad Al Thani", not "Cheikh Tamim" and an
			 * unknown "Hamad Al Thani".
			 */
			for (size_t k = i + 1; k < i + np; k++)
			{
				int32_t		e2 = -1;
				size_t		m2 = alias_may_start(tg, k) ? dict_match(tg, k, &e2) : 0;

				if (m2 > 0 && e2 == e && k + m2 > i + np)
				{
					i = k;
					np = m2;
					break;
				}
			}
			/*
			 * A one-word organisation that is also an organisation's head
			 * word, before a lower-case adjective, heads another name:
			 * Union calédonienne, Sénat italien, not Union and Sénat.
			 */
			if (np == 1 && ent->kind == DP_KIND_ORG && (p->w->where & (1u << DP_V_HEAD)) &&
				head_then_adjective(tg, i))
			{
				size_t		m = unknown_name(tg, i);

				if (m > 0)
				{
					i += m;
					continue;
				}
			}
			if (ent->kind == DP_KIND_ORG && org_run(tg, i, np, e))
			{
				i += tg->run_np;
				continue;
			}
			if ((ent->kind == DP_KIND_GPE || ent->kind == DP_KIND_LOC) && place_run(tg, i, np, ent->actor))
			{
				i += tg->run_np;
				continue;
			}
			if (ent->kind == DP_KIND_EVENT)
				np += event_place(tg, i + np);
			else if (ent->kind == DP_KIND_PER && np > 1)
			{
				/* the span is the name alone: pape François, roi Salmane
				 * (an alias that opens with a title) give François, Salmane */
				size_t		t = phrase_at(tg, i, DP_V_ROLE, NULL);

				if (t > 0 && t < np && tg->pc.p[i + t].cap && tg->pc.p[i + t].tok != tg->pc.p[i + t - 1].tok)
				{
					i += t;
					np -= t;
				}
			}
			emit(tg, i, np, e, ent->name, ent->kind, ent->actor, DP_M_DICTIONARY,
				 np > 1 ? 0.95f : 0.9f);
			i += np;
			continue;
		}
		if (p->cap || ((p->tflags & DP_TF_HYPHEN) && arabic_article(tg, i)))
			np = unknown_name(tg, i);
		else
			np = lower_name(tg, i);
		/*
		 * acronym-gloss: an acronym hunspell-fr knows as a word (CGT,
		 * BIT) is kept, unsure, for the document to confirm by a gloss
		 * of it (link_document())
		 */
		if (np == 0 && p->cls == DP_TOK_ACRONYM && p->w->common && !tg->shouting &&
			dp_rule_on(DP_RULE_ACRONYM_GLOSS) && !not_name_acronym(tg->text + p->off, p->len) &&
			!acronym_not_name(tg, i))
		{
			emit(tg, i, 1, -1, surface_name(tg, p, p), DP_KIND_ORG, -1, DP_M_ACRONYM, 0.0f);
			np = 1;
		}
		i += np ? np : 1;
	}
}

/* A small string -> mention index map, sized for the mentions of a document. */
typedef struct LinkMap
{
	const char **keys;
	size_t	   *vals;
	size_t		nslots;
} LinkMap;

static void
linkmap_init(DpMem *m, LinkMap *lm, size_t n)
{
	lm->nslots = 16;
	while (lm->nslots < n * 2 + 1)
		lm->nslots *= 2;
	lm->keys = dp_alloc0(m, dp_mul_size(m, lm->nslots, sizeof(char *)));
	lm->vals = dp_alloc0(m, dp_mul_size(m, lm->nslots, sizeof(size_t)));
}

/* Slot of key: either holding it or empty. */
static size_t
linkmap_slot(const LinkMap *lm, const char *key)
{
	size_t		i = (size_t) dp_hash_bytes(key, strlen(key), 3) & (lm->nslots - 1);

	while (lm->keys[i] && strcmp(lm->keys[i], key) != 0)
		i = (i + 1) & (lm->nslots - 1);
	return i;
}

/*
 * Link short forms to full names anywhere in the document: a one-word
 * mention that is not a dictionary entity, equal to the last word of a
 * person's longer name, becomes that person (a dictionary person is
 * preferred to an unknown one).  Then unknown names seen several times
 * share the actor one of them got.  Linear in the number of mentions.
 */
/* The next mention index, with a cancel check now and then: a 100 MB text
 * has millions of mentions to link. */
static inline size_t
link_next(const Tagger *tg, size_t k)
{
	if ((k & 4095) == 4095)
		dp_interrupt(tg->m);
	return k + 1;
}

static void
link_document(Tagger *tg)
{
	DpMentions *o = tg->out;
	LinkMap		full,
				named,
				first;
	size_t		unsure;

	if (o->n == 0)
		return;
	linkmap_init(tg->m, &full, o->n);
	linkmap_init(tg->m, &named, o->n);
	linkmap_init(tg->m, &first, o->n);
	for (size_t k = 0; k < o->n; k = link_next(tg, k))
	{
		const DpMention *f = &o->m[k];
		size_t		i;

		if (f->npieces >= 2 && f->kind == DP_KIND_PER)
		{
			i = linkmap_slot(&full, f->lastkey);
			if (!full.keys[i] || (o->m[full.vals[i]].entity < 0 && f->entity >= 0))
			{
				full.keys[i] = f->lastkey;
				full.vals[i] = k;
			}
			/* by first word too, when one person alone has it (Kim
			 * Jong-un and Kim Yo-jong leave Kim to no one) */
			if (f->firstkey[0] && dp_rule_on(DP_RULE_KNOWN_FIRST_WORD))
			{
				i = linkmap_slot(&first, f->firstkey);
				if (!first.keys[i])
				{
					first.keys[i] = f->firstkey;
					first.vals[i] = k;
				}
				else if (first.vals[i] != SIZE_MAX && strcmp(o->m[first.vals[i]].name, f->name) != 0)
					first.vals[i] = SIZE_MAX;
			}
		}
	}
	for (size_t k = 0; k < o->n; k = link_next(tg, k))
	{
		DpMention  *s = &o->m[k];
		size_t		i;
		const DpMention *best;

		if (s->npieces != 1 || s->entity >= 0)
			continue;
		i = linkmap_slot(&full, s->lastkey);
		if (full.keys[i])
			best = &o->m[full.vals[i]];
		else
		{
			i = linkmap_slot(&first, s->lastkey);
			if (!first.keys[i] || first.vals[i] == SIZE_MAX)
				continue;
			best = &o->m[first.vals[i]];
		}
		s->name = best->name;
		s->entity = best->entity;
		s->kind = best->kind;
		s->actor = best->actor;
		s->method = DP_M_LINKED;
		s->confidence = 0.85f;
	}
	for (size_t k = 0; k < o->n; k = link_next(tg, k))
	{
		const DpMention *f = &o->m[k];
		size_t		i;

		if (f->entity >= 0 || f->actor < 0)
			continue;
		i = linkmap_slot(&named, f->name);
		if (!named.keys[i])
		{
			named.keys[i] = f->name;
			named.vals[i] = k;
		}
	}
	for (size_t k = 0; k < o->n; k = link_next(tg, k))
	{
		DpMention  *s = &o->m[k];
		size_t		i;

		if (s->entity >= 0 || s->actor >= 0)
			continue;
		i = linkmap_slot(&named, s->name);
		if (named.keys[i] && o->m[named.vals[i]].kind == s->kind)
			s->actor = o->m[named.vals[i]].actor;
	}
	/*
	 * A lone unknown word opening a sentence (confidence 0) stays only if
	 * the document names it elsewhere with some confidence: "Zorglub a
	 * dit..." then "selon Zorglub"; else it is most likely a capitalised
	 * common word and is dropped.  Most documents have none: then nothing
	 * is looked up or moved.
	 */
	unsure = 0;
	for (size_t k = 0; k < o->n; k = link_next(tg, k))
		unsure += o->m[k].confidence <= 0.0f;
	if (unsure > 0)
	{
		LinkMap		sure;
		size_t		w = 0;

		linkmap_init(tg->m, &sure, o->n);
		for (size_t k = 0; k < o->n; k = link_next(tg, k))
		{
			if (o->m[k].confidence > 0.0f)
			{
				size_t		i = linkmap_slot(&sure, o->m[k].name);

				if (!sure.keys[i])
				{
					sure.keys[i] = o->m[k].name;
					sure.vals[i] = k;
				}
			}
		}
		for (size_t k = 0; k < o->n; k = link_next(tg, k))
		{
			DpMention  *s = &o->m[k];

			if (s->confidence <= 0.0f)
			{
				size_t		i = linkmap_slot(&sure, s->name);

				if (!sure.keys[i])
					continue;
				s->confidence = o->m[sure.vals[i]].confidence;
				if (dp_rule_on(DP_RULE_CONFIRMED_KIND) && s->entity < 0)
				{
					/* the kind the sure mention was given (à Racca: GPE) */
					s->kind = o->m[sure.vals[i]].kind;
				}
			}
			o->m[w++] = *s;
		}
		o->n = w;
		dp_free(tg->m, sure.keys);
		dp_free(tg->m, sure.vals);
	}
	dp_free(tg->m, full.keys);
	dp_free(tg->m, full.vals);
	dp_free(tg->m, named.keys);
	dp_free(tg->m, named.vals);
	dp_free(tg->m, first.keys);
	dp_free(tg->m, first.vals);
}

void
dp_tag_document(const DpDict *d, DpMem *m, const char *text, size_t n, DpMentions *out)
{
	dp_tag_document_keep(d, m, text, n, out, NULL);
}

/* Append a sentence's tokens to keep. */
static void
keep_sentence(DpMem *m, DpDocTokens *keep, const DpSentence *sent)
{
	keep->tok = dp_reserve(m, keep->tok, &keep->cap, keep->ntok + sent->ntok, sizeof(DpToken), 1024);
	keep->first = dp_reserve(m, keep->first, &keep->cap_sent, keep->nsent + 1, sizeof(uint32_t), 64);
	keep->first[keep->nsent++] = (uint32_t) keep->ntok;
	memcpy(keep->tok + keep->ntok, sent->tok, sent->ntok * sizeof(DpToken));
	keep->ntok += sent->ntok;
}

static void
keep_pieces(DpMem *m, DpDocTokens *keep, const DpPieces *pc)
{
	keep->pc = dp_reserve(m, keep->pc, &keep->cap_pc, keep->npc + pc->n, sizeof(DpPiece), 1024);
	memcpy(keep->pc + keep->npc, pc->p, pc->n * sizeof(DpPiece));
	keep->npc += pc->n;
}

void
dp_doc_tokens_free(DpMem *m, DpDocTokens *keep)
{
	dp_free(m, keep->tok);
	dp_free(m, keep->first);
	dp_free(m, keep->pc);
	dp_free(m, keep->pfirst);
	memset(keep, 0, sizeof(*keep));
}

void
dp_tag_document_keep(const DpDict *d, DpMem *m, const char *text, size_t n, DpMentions *out,
					 DpDocTokens *keep)
{
	Tagger		tg = {0};
	DpSplitter	sp;
	DpSentence	sent = {0};
	uint64_t	gen = 0;

	if (keep)
	{
		memset(keep, 0, sizeof(*keep));
		keep->kept = n <= DP_KEEP_TOKENS_MAX;
		keep->pieces_kept = keep->kept && n <= DP_KEEP_PIECES_MAX;
		/* empty the word cache now if it is due, not in the middle */
		dp_dict_word_checkpoint(d);
		gen = dp_dict_word_generation(d);
	}

	tg.d = d;
	tg.m = m;
	tg.text = text;
	tg.textlen = n;
	tg.out = out;
	seen_begin(&tg);
	out->n = 0;
	dp_splitter_init(&sp, m, text, n);
	while (dp_splitter_next(&sp, &sent))
	{
		tg.sentence = sent.number;
		if (keep && keep->kept)
			keep_sentence(m, keep, &sent);
		dp_pieces_build(d, m, text, &sent, &tg.pc);
		if (keep && keep->pieces_kept)
		{
			keep->pfirst = dp_reserve(m, keep->pfirst, &keep->cap_pfirst, keep->nsent, sizeof(uint32_t), 64);
			keep->pfirst[keep->nsent - 1] = (uint32_t) keep->npc;
			keep_pieces(m, keep, &tg.pc);
		}
		tag_sentence(&tg);
	}
	/* the kept pieces point into the word cache: useless if it was emptied */
	if (keep && keep->pieces_kept && dp_dict_word_generation(d) != gen)
	{
		keep->pieces_kept = false;
		dp_free(m, keep->pc);
		dp_free(m, keep->pfirst);
		keep->pc = NULL;
		keep->pfirst = NULL;
		keep->npc = keep->cap_pc = keep->cap_pfirst = 0;
	}
	link_document(&tg);
	dp_free(m, sent.tok);
	dp_free(m, tg.pc.p);
}
