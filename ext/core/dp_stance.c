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
 *
 * The scorer is built in stages, each in its own file under stance/ and
 * compiled here as one translation unit: common.h (state, word lists, frame
 * table), cues.c (what each piece is), holders.c (who holds a stance),
 * targets.c (what it is aimed at), score.c (rows and scores).  Every rule
 * a test pins has a name in dp_rules.h and can be switched off.
 */
#include "dp_stance.h"
#include "dp_rules.h"
#include "dp_text.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "stance/common.h"
#include "stance/cues.c"
#include "stance/holders.c"
#include "stance/targets.c"
#include "stance/score.c"

/* ------------------------------------------------------------ document */

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

/*
 * The kinds of the names in no entity row, by name: an open-addressing table
 * of the first mention of the document that bears each (built once per
 * document, so that giving every stance its kinds stays linear).
 */
typedef struct NameKinds
{
	const DpMentions *ms;
	int32_t    *slot;			/* mention index, -1 for an empty slot */
	size_t		mask;
} NameKinds;

static void
name_kinds_build(DpMem *m, const DpMentions *ms, NameKinds *nk)
{
	size_t		cap = 16;

	nk->ms = ms;
	while (cap < 2 * ms->n)
		cap *= 2;
	nk->slot = dp_alloc(m, dp_mul_size(m, cap, sizeof(int32_t)));
	memset(nk->slot, 0xff, cap * sizeof(int32_t));
	nk->mask = cap - 1;
	for (size_t i = 0; i < ms->n && i < INT32_MAX; i++)
	{
		const char *name = ms->m[i].name;
		size_t		h;

		if (ms->m[i].entity >= 0 || !name)
			continue;
		h = (size_t) dp_raw_hash(name, strlen(name)) & nk->mask;
		while (nk->slot[h] >= 0 && strcmp(ms->m[nk->slot[h]].name, name) != 0)
			h = (h + 1) & nk->mask;
		if (nk->slot[h] < 0)
			nk->slot[h] = (int32_t) i;
	}
}

/*
 * The kind of a holder or target: its dictionary entity's, else that of the
 * first mention of the document that bears the name, else -1.
 */
static int
name_kind(const DpDict *d, const NameKinds *nk, const char *name)
{
	int			e = dp_dict_find_entity(d, name);
	size_t		h;

	if (e >= 0)
		return d->entities[e].kind;
	h = (size_t) dp_raw_hash(name, strlen(name)) & nk->mask;
	for (; nk->slot[h] >= 0; h = (h + 1) & nk->mask)
		if (strcmp(nk->ms->m[nk->slot[h]].name, name) == 0)
			return nk->ms->m[nk->slot[h]].kind;
	return -1;
}

void
dp_stance_document(const DpDict *d, DpMem *m, const char *text, size_t n, DpStances *out)
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
			/*
			 * the tagging pass's pieces (their words are still cached),
			 * read where they are: the stance stages never write pieces
			 */
			size_t		a = keep.pfirst[ks - 1];
			size_t		b = ks < keep.nsent ? keep.pfirst[ks] : keep.npc;

			st.pc.p = keep.pc ? keep.pc + a : NULL;
			st.pc.n = b - a;
			st.pc.cap = b - a;
		}
		else
			dp_pieces_build(d, m, text, &sent, &st.pc);
		stance_sentence(&st);
	}
	/* "», affirment Paris et Londres": the second speaker's copies */
	for (size_t i = 0, n0 = out->n; i < n0; i++)
	{
		const DpStance *s = &out->s[i];

		if (!s->holder && s->quote >= 0 && (size_t) s->quote < st.nquotes)
		{
			const QuoteInfo *q = &st.quotes[s->quote];

			if (q->after.valid && q->after_also.valid &&
				!(!s->target_topic && strcmp(q->after_also.name, s->target) == 0))
			{
				DpStance	copy = *s;

				copy.holder = q->after_also.name;
				copy.holder_actor = q->after_also.actor;
				copy.reported = true;
				if (out->n == out->cap)
				{
					out->cap = out->cap ? out->cap * 2 : 32;
					out->s = dp_realloc(m, out->s, dp_mul_size(m, out->cap, sizeof(DpStance)));
				}
				out->s[out->n++] = copy;
			}
		}
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
	if (out->n > 0)
	{
		NameKinds	nk;

		name_kinds_build(m, &st.ms, &nk);
		for (size_t i = 0; i < out->n; i++)
		{
			DpStance   *s = &out->s[i];

			s->holder_kind = (int8_t) name_kind(d, &nk, s->holder);
			s->target_kind = s->target_topic ? -1 : (int8_t) name_kind(d, &nk, s->target);
		}
		dp_free(m, nk.slot);
		/*
		 * A holder is not for or against its own state or one of its
		 * cities: such a target is a place or a party named near the cue
		 * ("Trump conteste avec Modi le rôle des États-Unis", "venus
		 * à Washington"), not what the stance is about.
		 */
		if (dp_rule_on(DP_RULE_OWN_STATE_TARGET))
		{
			w = 0;
			for (size_t i = 0; i < out->n; i++)
			{
				const DpStance *s = &out->s[i];

				if (!s->target_topic && s->target_kind == DP_KIND_GPE && s->holder_actor >= 0 &&
					s->holder_actor == s->target_actor)
					continue;
				out->s[w++] = *s;
			}
			out->n = w;
		}
	}
	sort_stances(m, out);
	if (!keep.kept)
		dp_free(m, sent.tok);
	/* kept pieces are keep's (freed with it); built ones are st.pc's own */
	if (!keep.pieces_kept)
		dp_free(m, st.pc.p);
	dp_doc_tokens_free(m, &keep);
	dp_free(m, st.an);
	dp_free(m, st.quotes);
	dp_free(m, st.leader_of);
}
